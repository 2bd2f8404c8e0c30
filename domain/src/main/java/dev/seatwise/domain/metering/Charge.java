package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;

/**
 * A consumptive charge: {@code tokens} for one user's access to one product over {@code [start,
 * end)} (an access window, an hour, a result). Immutable; nothing is null.
 */
public record Charge(UserId user, ProductId product, Instant start, Instant end, long tokens) {
  public Charge {
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }

  public AccessWindow window() {
    return new AccessWindow(start, java.time.Duration.between(start, end));
  }
}
