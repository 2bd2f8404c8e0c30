package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import java.time.LocalDate;

/**
 * One subscription term of a {@link TermMix}: {@code [start, start + term)} at {@code price} (per
 * seat, the price in force on {@code start}). Immutable and thread-safe; nothing is null.
 */
public record TermSpan(Term term, LocalDate start, Money price) {
  public TermSpan {
    checkNotNull(term, "term");
    checkNotNull(start, "start");
    checkNotNull(price, "price");
    checkArgument(!price.isNegative(), "price must be >= 0: %s", price);
  }

  /** The day after the term. */
  public LocalDate end() {
    return start.plusMonths(term.months());
  }
}
