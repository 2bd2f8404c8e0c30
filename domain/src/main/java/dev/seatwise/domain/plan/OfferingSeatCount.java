package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;

/**
 * One offering's seats against its assignees over a period, on the days any of its holdings runs
 * there: {@code seats}, the most seats of it held on one day; {@code assigned}, the distinct users
 * assigned to it on those days. Immutable and thread-safe; nothing is null.
 */
public record OfferingSeatCount(ProductId offering, long seats, long assigned) {
  public OfferingSeatCount {
    checkNotNull(offering, "offering");
    checkArgument(seats >= 0 && assigned >= 0, "counts must be >= 0: %s, %s", seats, assigned);
  }

  /** Seats held beyond the assignees (at most, on one day): seats that can cover nobody. */
  public long unassigned() {
    return Math.max(0, seats - assigned);
  }

  /** Assignees beyond the most seats held: users some of whose days find no seat. */
  public long overAssigned() {
    return Math.max(0, assigned - seats);
  }
}
