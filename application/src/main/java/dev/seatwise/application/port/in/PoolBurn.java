package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Tokens one Enterprise Token Flex pool ({@code CY}, {@code MY}, ...) consumed over a forecast's
 * history, and over how many product lines. Immutable and thread-safe; nothing is null.
 */
public record PoolBurn(String pool, long tokens, long productLines) {
  public PoolBurn {
    checkNotNull(pool, "pool");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
    checkArgument(productLines >= 0, "product lines must be >= 0 but was %s", productLines);
  }
}
