package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;

/**
 * Seats of an offering that today's plan holds (at most, in the period) beyond the users assigned
 * to it. Immutable and thread-safe; nothing is null.
 */
public record UnassignedSeats(ProductId offering, long seats, long assigned) {
  public UnassignedSeats {
    checkNotNull(offering, "offering");
  }

  public long unassigned() {
    return seats - assigned;
  }
}
