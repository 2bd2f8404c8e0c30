package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.Optional;

/** A licence request the server refused (FlexLM {@code DENIED}), with the server's reason. */
public record Denial(Instant at, UserId user, String feature, Optional<ProductId> product, String reason) {
  public Denial {
    requireNonNull(at, "at");
    requireNonNull(user, "user");
    requireNonNull(feature, "feature");
    requireNonNull(product, "product");
    requireNonNull(reason, "reason");
  }
}
