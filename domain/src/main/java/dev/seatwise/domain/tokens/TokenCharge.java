package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A request to draw {@code tokens} at {@code at}, e.g. one access window; {@code reference} says
 * what it was for (user and product). Immutable and thread-safe; nothing is null.
 */
public record TokenCharge(Instant at, long tokens, String reference) {
  public TokenCharge {
    checkNotNull(at, "at");
    checkNotNull(reference, "reference");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }
}
