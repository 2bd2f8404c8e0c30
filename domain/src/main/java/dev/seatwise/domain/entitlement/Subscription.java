package dev.seatwise.domain.entitlement;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Seats held of one offering (a product or a bundle) for a term; {@code end} is the renewal date.
 * {@code price} is the negotiated annual price per seat when known (otherwise the catalog's).
 * Immutable; nothing is null.
 */
public record Subscription(
    String id,
    ProductId offering,
    long seats,
    Term term,
    LocalDate start,
    LocalDate end,
    Optional<Money> price) {
  public Subscription {
    checkNotNull(id, "id");
    checkNotNull(offering, "offering");
    checkNotNull(term, "term");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(price, "price");
    checkArgument(seats >= 0, "seats must be >= 0 but was %s", seats);
    checkArgument(!end.isBefore(start), "subscription %s ends before it starts", id);
  }

  /** Days of {@code [from, to)} during which this subscription runs. */
  public long daysWithin(LocalDate from, LocalDate to) {
    LocalDate s = start.isAfter(from) ? start : from;
    LocalDate e = end.isBefore(to) ? end : to;
    return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(s, e));
  }
}
