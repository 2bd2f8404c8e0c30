package dev.seatwise.domain.entitlement;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;

/** A user assigned a seat of an offering (product or bundle). Immutable; nothing is null. */
public record SeatAssignment(UserId user, ProductId offering) {
  public SeatAssignment {
    checkNotNull(user, "user");
    checkNotNull(offering, "offering");
  }
}
