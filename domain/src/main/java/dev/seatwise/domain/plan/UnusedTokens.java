package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * Tokens of a lot that the period's windows left undrawn: {@code expiresInPeriod} when the lot
 * expires before the period ends (the tokens are wasted), otherwise they are still usable after
 * it. Immutable and thread-safe; nothing is null.
 */
public record UnusedTokens(String lot, Instant expires, long tokens, boolean expiresInPeriod) {
  public UnusedTokens {
    checkNotNull(lot, "lot");
    checkNotNull(expires, "expires");
    checkArgument(tokens > 0, "unused tokens must be > 0 but was %s", tokens);
  }
}
