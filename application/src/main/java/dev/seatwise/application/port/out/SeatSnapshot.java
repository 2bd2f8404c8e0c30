package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.Instant;
import java.util.Optional;

/** One feature in one {@code lmstat} snapshot: licences issued and in use at {@code at}. */
public record SeatSnapshot(Instant at, String feature, Optional<ProductId> product, long issued, long inUse) {
  public SeatSnapshot {
    requireNonNull(at, "at");
    requireNonNull(feature, "feature");
    requireNonNull(product, "product");
  }
}
