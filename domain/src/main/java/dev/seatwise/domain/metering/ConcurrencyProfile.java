package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The concurrency of a set of half-open intervals over time: peak and when, time at or above a
 * level, time-weighted percentiles, and the refusals a pool of k units would have caused. Each
 * interval holds {@code weight} units (1 for a seat; N for tokens held while running). An interval
 * that ends at the instant another starts does not overlap it. Two profiles are equal when they
 * hold the same intervals, whatever the order they were given in. Immutable and thread-safe.
 */
public final class ConcurrencyProfile {
  private final long[] starts;
  private final long[] ends;
  private final long[] weights;
  // step function: level[i] holds over [times[i], times[i+1])
  private final long[] times;
  private final long[] levels;

  private ConcurrencyProfile(long[] rawStarts, long[] rawEnds, long[] rawWeights) {
    // Canonical order (start, end, weight), so that a profile depends only on the multiset of its
    // intervals: equal inputs in any order give equal profiles and equal answers.
    int n = rawStarts.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) ->
            rawStarts[a] != rawStarts[b]
                ? Long.compare(rawStarts[a], rawStarts[b])
                : rawEnds[a] != rawEnds[b]
                    ? Long.compare(rawEnds[a], rawEnds[b])
                    : Long.compare(rawWeights[a], rawWeights[b]));
    this.starts = new long[n];
    this.ends = new long[n];
    this.weights = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = rawStarts[order[i]];
      ends[i] = rawEnds[order[i]];
      weights[i] = rawWeights[order[i]];
    }
    long[][] events = new long[2 * n][];
    for (int i = 0; i < n; i++) {
      events[2 * i] = new long[] {starts[i], weights[i]};
      events[2 * i + 1] = new long[] {ends[i], -weights[i]};
    }
    // at equal times, ends (negative deltas) come first: half-open intervals
    Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[] t = new long[2 * n];
    long[] l = new long[2 * n];
    int k = 0;
    long level = 0;
    for (int i = 0; i < events.length; i++) {
      level += events[i][1];
      if (i + 1 < events.length && events[i + 1][0] == events[i][0]) {
        continue;
      }
      t[k] = events[i][0];
      l[k] = level;
      k++;
    }
    this.times = Arrays.copyOf(t, k);
    this.levels = Arrays.copyOf(l, k);
  }

  /** A profile of intervals {@code [starts[i], ends[i])} in epoch nanoseconds, one unit each. */
  public static ConcurrencyProfile ofNanos(long[] starts, long[] ends) {
    long[] w = new long[starts.length];
    Arrays.fill(w, 1);
    return ofNanos(starts, ends, w);
  }

  /** A profile of weighted intervals in epoch nanoseconds. */
  public static ConcurrencyProfile ofNanos(long[] starts, long[] ends, long[] weights) {
    checkArgument(starts.length == ends.length && ends.length == weights.length, "length mismatch");
    for (int i = 0; i < starts.length; i++) {
      checkArgument(ends[i] >= starts[i], "interval %s ends before it starts", i);
      checkArgument(weights[i] >= 0, "weight must be >= 0");
    }
    return new ConcurrencyProfile(starts.clone(), ends.clone(), weights.clone());
  }

  /** A profile of {@code [start, end)} instants, one unit each. */
  public static ConcurrencyProfile of(Instant[] starts, Instant[] ends) {
    long[] s = new long[starts.length];
    long[] e = new long[ends.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Instants.toNanos(starts[i]);
      e[i] = Instants.toNanos(ends[i]);
    }
    return ofNanos(s, e);
  }

  public int intervals() {
    return starts.length;
  }

  /** The intervals' starts in epoch nanoseconds, in the canonical order (a copy). */
  public long[] startNanos() {
    return starts.clone();
  }

  /** The intervals' ends in epoch nanoseconds, in the same order (a copy). */
  public long[] endNanos() {
    return ends.clone();
  }

  /** The intervals' weights, in the same order (a copy). */
  public long[] weights() {
    return weights.clone();
  }

  /** The largest level reached (0 for no intervals). */
  public long peak() {
    long p = 0;
    for (long l : levels) {
      p = Math.max(p, l);
    }
    return p;
  }

  /** The first instant at which the peak is reached; empty when there are no intervals. */
  public java.util.Optional<Instant> peakAt() {
    long p = peak();
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] == p && p > 0) {
        return java.util.Optional.of(Instants.fromNanos(times[i]));
      }
    }
    return java.util.Optional.empty();
  }

  /** Total time during which the level is at least {@code k}. */
  public Duration timeAtOrAbove(long k) {
    long sum = 0;
    for (int i = 0; i + 1 < times.length; i++) {
      if (levels[i] >= k) {
        sum = Math.addExact(sum, times[i + 1] - times[i]);
      }
    }
    return Duration.ofNanos(sum);
  }

  /**
   * The time-weighted percentile of the level over the busy span (from first start to last end):
   * the smallest level {@code L} such that the level is at most {@code L} for at least {@code q} of
   * that time. {@code q} in {@code [0, 1]}.
   */
  public long percentile(double q) {
    checkArgument(q >= 0 && q <= 1, "q must be in [0,1]: %s", q);
    if (times.length < 2) {
      return 0;
    }
    long total = times[times.length - 1] - times[0];
    if (total == 0) {
      return 0;
    }
    long max = peak();
    for (long level = 0; level <= max; level++) {
      long below = 0;
      for (int i = 0; i + 1 < times.length; i++) {
        if (levels[i] <= level) {
          below += times[i + 1] - times[i];
        }
      }
      if ((double) below / total >= q) {
        return level;
      }
    }
    return max;
  }

  /**
   * Intervals a pool of {@code capacity} units would have refused: in start order, an interval is
   * refused when the units held by the admitted ones plus its own would exceed the capacity; a
   * refused interval holds nothing.
   */
  public int refusalsWithCapacity(long capacity) {
    checkArgument(capacity >= 0, "capacity must be >= 0");
    Integer[] order = new Integer[starts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
    PriorityQueue<long[]> active = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    long held = 0;
    int refused = 0;
    for (int idx : order) {
      while (!active.isEmpty() && active.peek()[0] <= starts[idx]) {
        held -= active.poll()[1];
      }
      if (starts[idx] == ends[idx]) {
        continue;
      }
      if (held + weights[idx] > capacity) {
        refused++;
      } else {
        held += weights[idx];
        active.add(new long[] {ends[idx], weights[idx]});
      }
    }
    return refused;
  }

  /**
   * The smallest capacity whose refusals are at most {@code rate} of the intervals. With one unit
   * per interval, refusals never grow with capacity and a binary search finds it. With weights they
   * can (a bigger pool admits a heavy interval that then blocks several light ones), so weighted
   * profiles are searched upwards from zero, one replay per capacity.
   */
  public long capacityForRefusalRate(double rate) {
    checkArgument(rate >= 0 && rate <= 1, "rate must be in [0,1]: %s", rate);
    boolean unitWeights = true;
    for (long w : weights) {
      unitWeights &= w <= 1;
    }
    if (!unitWeights) {
      long k = 0;
      while (refusalsWithCapacity(k) > rate * starts.length) {
        k++;
      }
      return k;
    }
    long lo = 0;
    long hi = peak();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (refusalsWithCapacity(mid) <= rate * starts.length) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Equal when built from the same multiset of weighted intervals, in any order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConcurrencyProfile
        && Arrays.equals(starts, ((ConcurrencyProfile) o).starts)
        && Arrays.equals(ends, ((ConcurrencyProfile) o).ends)
        && Arrays.equals(weights, ((ConcurrencyProfile) o).weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(ends)) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "ConcurrencyProfile[intervals=" + starts.length + ", peak=" + peak() + "]";
  }

  /** The level at instant {@code t}. */
  public long levelAt(Instant t) {
    long x = Instants.toNanos(t);
    int i = Arrays.binarySearch(times, x);
    if (i < 0) {
      i = -i - 2;
    }
    return i < 0 ? 0 : levels[i];
  }
}
