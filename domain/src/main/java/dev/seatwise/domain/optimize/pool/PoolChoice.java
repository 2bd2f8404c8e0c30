package dev.seatwise.domain.optimize.pool;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.UserId;

/**
 * One user's place in the pool-aware optimum and why, in numbers: {@code named} or in the pool;
 * {@code reason} compares the named seat with what the pool would save or cost if this user alone
 * moved (so no single move improves the optimum). Immutable.
 */
public record PoolChoice(UserId user, boolean named, long maxHeld, String reason) {
  public PoolChoice {
    checkNotNull(user, "user");
    checkNotNull(reason, "reason");
  }
}
