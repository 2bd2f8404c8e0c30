package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import java.time.LocalDate;

/**
 * Legacy network (concurrent) seats of one product held over the days {@code [start, end)} at
 * {@code annualPerSeat}. Immutable and thread-safe; nothing is null.
 */
public record NetworkHolding(
    String id, ProductId product, long seats, LocalDate start, LocalDate end, Money annualPerSeat) {
  public NetworkHolding {
    checkNotNull(id, "id");
    checkNotNull(product, "product");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(annualPerSeat, "annualPerSeat");
    checkArgument(seats >= 0, "seats of %s must be >= 0 but was %s", id, seats);
    checkArgument(!annualPerSeat.isNegative(), "price of %s must be >= 0", id);
    checkArgument(start.isBefore(end), "holding %s must end after it starts: %s..%s", id, start, end);
  }

  public boolean isActiveOn(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }
}
