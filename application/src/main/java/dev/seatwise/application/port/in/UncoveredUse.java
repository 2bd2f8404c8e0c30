package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;

/**
 * One user's use of one product that today's plan covers neither by a seat nor from a token lot:
 * {@code windows} access windows costing {@code tokens}, and why no seat covered them. Immutable and
 * thread-safe; nothing is null.
 */
public record UncoveredUse(UserId user, ProductId product, long windows, long tokens, String reason) {
  public UncoveredUse {
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    checkNotNull(reason, "reason");
  }
}
