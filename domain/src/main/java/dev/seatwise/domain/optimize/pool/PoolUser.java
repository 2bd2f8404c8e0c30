package dev.seatwise.domain.optimize.pool;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.Arrays;
import java.util.Optional;

/**
 * One user as the pool sees them: the tokens they hold over time, as weighted half-open intervals
 * {@code [starts[i], ends[i])} in epoch nanoseconds (what the vendor's meter gives for their
 * sessions alone), and the annual cost of naming them instead ({@code named}: every product they
 * use as a named seat; empty when one of those products is not sold named). Immutable.
 */
public record PoolUser(UserId user, Optional<Money> named, long[] starts, long[] ends, long[] weights) {
  public PoolUser {
    checkNotNull(user, "user");
    checkNotNull(named, "named");
    checkArgument(starts.length == ends.length && ends.length == weights.length, "interval arrays differ in length");
    starts = starts.clone();
    ends = ends.clone();
    weights = weights.clone();
    for (int i = 0; i < starts.length; i++) {
      checkArgument(weights[i] >= 0, "negative weight");
      checkArgument(ends[i] >= starts[i], "interval ends before it starts");
    }
  }

  /** The most tokens this user holds at once. */
  public long maxHeld() {
    long[][] ev = new long[2 * starts.length][];
    for (int i = 0; i < starts.length; i++) {
      ev[2 * i] = new long[] {starts[i], weights[i]};
      ev[2 * i + 1] = new long[] {ends[i], -weights[i]};
    }
    Arrays.sort(ev, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long level = 0;
    long max = 0;
    for (long[] e : ev) {
      level += e[1];
      max = Math.max(max, level);
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PoolUser p && user.equals(p.user) && named.equals(p.named)
        && Arrays.equals(starts, p.starts) && Arrays.equals(ends, p.ends) && Arrays.equals(weights, p.weights);
  }

  @Override
  public int hashCode() {
    return user.hashCode() * 31 + Arrays.hashCode(starts);
  }

  @Override
  public String toString() {
    return "PoolUser[" + user + ", named=" + named + ", " + starts.length + " intervals]";
  }
}
