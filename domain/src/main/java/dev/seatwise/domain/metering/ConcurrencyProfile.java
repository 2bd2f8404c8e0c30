package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The concurrency of a set of half-open intervals over time: peak and when, time at or above a
 * level, time-weighted percentiles, and the refusals a pool of k units would have caused. Each
 * interval holds {@code weight} units (1 for a seat; N for tokens held while running). An interval
 * that ends at the instant another starts does not overlap it.
 *
 * <p>A profile may also hold <b>denials</b> ({@link #withDenials}): requests the server refused at
 * an instant (FlexLM {@code DENIED}). They were demand too: the <b>demand</b> at an instant is the
 * level in use plus the requests denied at that instant ({@link #demandAt}), and the seats needed
 * for no refusals are the peak of that demand ({@link #peakDemand}): one denial at a peak of 2 in
 * use means 3 were wanted. A denial is a request of one unit for an instant (how long it would
 * have run is not known). Two profiles are equal when they hold the same intervals and denials,
 * whatever the order they were given in. Immutable and thread-safe.
 */
public final class ConcurrencyProfile {
  private final long[] starts;
  private final long[] ends;
  private final long[] weights;
  // instants of denied requests, sorted
  private final long[] denials;
  // step function: level[i] holds over [times[i], times[i+1])
  private final long[] times;
  private final long[] levels;

  private ConcurrencyProfile(long[] rawStarts, long[] rawEnds, long[] rawWeights) {
    this(rawStarts, rawEnds, rawWeights, new long[0]);
  }

  private ConcurrencyProfile(long[] rawStarts, long[] rawEnds, long[] rawWeights, long[] rawDenials) {
    this.denials = rawDenials.clone();
    Arrays.sort(this.denials);
    // Canonical order (start, end, weight), so that a profile depends only on the multiset of its
    // intervals: equal inputs in any order give equal profiles and equal answers. The raw arrays
    // are this profile's own (copies, or a canonical profile's arrays): sorted in place when only
    // intervals starting at the same instant are out of order (sessions read in time order),
    // else through a sorted index.
    int n = rawStarts.length;
    if (canonical(rawStarts, rawEnds, rawWeights) || sortTiesInPlace(rawStarts, rawEnds, rawWeights)) {
      this.starts = rawStarts;
      this.ends = rawEnds;
      this.weights = rawWeights;
    } else {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      sortIndexes(order, rawStarts, rawEnds, rawWeights);
      this.starts = new long[n];
      this.ends = new long[n];
      this.weights = new long[n];
      for (int i = 0; i < n; i++) {
        starts[i] = rawStarts[order[i]];
        ends[i] = rawEnds[order[i]];
        weights[i] = rawWeights[order[i]];
      }
    }
    // the level after all changes at one instant is their sum, whatever their order at that
    // instant (half-open intervals: an end and a start at the same instant net out), so starts
    // (already in order) and ends sorted by time are merged, summing the changes per instant
    long[] endTimes = ends.clone();
    boolean sameWeight = true;
    for (int i = 1; i < n && sameWeight; i++) {
      sameWeight = weights[i] == weights[0];
    }
    long[] endWeights;
    if (sameWeight) {
      // the usual case (one seat a session): the weights need not move
      endWeights = weights;
      Arrays.sort(endTimes);
    } else {
      endWeights = weights.clone();
      ColumnarFlexReplay.sortByStart(endTimes, endWeights, n);
    }
    long[] t = new long[2 * n];
    long[] l = new long[2 * n];
    int k = 0;
    long level = 0;
    int a = 0;
    int b = 0;
    while (a < n || b < n) {
      long time = b >= n || (a < n && starts[a] < endTimes[b]) ? starts[a] : endTimes[b];
      while (b < n && endTimes[b] == time) {
        level -= endWeights[b++];
      }
      while (a < n && starts[a] == time) {
        level += weights[a++];
      }
      t[k] = time;
      l[k] = level;
      k++;
    }
    this.times = Arrays.copyOf(t, k);
    this.levels = Arrays.copyOf(l, k);
  }

  /** Whether the intervals are already in (start, end, weight) order. */
  private static boolean canonical(long[] s, long[] e, long[] w) {
    for (int i = 1; i < s.length; i++) {
      if (compare(s, e, w, i - 1, i) > 0) {
        return false;
      }
    }
    return true;
  }

  private static int compare(long[] s, long[] e, long[] w, int a, int b) {
    return s[a] != s[b]
        ? Long.compare(s[a], s[b])
        : e[a] != e[b] ? Long.compare(e[a], e[b]) : Long.compare(w[a], w[b]);
  }

  /**
   * When the starts are in order, sorts each run of intervals with the same start by (end,
   * weight), in place (insertion sort: such runs are short), and says so; else changes nothing
   * and returns false.
   */
  private static boolean sortTiesInPlace(long[] s, long[] e, long[] w) {
    for (int i = 1; i < s.length; i++) {
      if (s[i - 1] > s[i]) {
        return false;
      }
    }
    for (int i = 1; i < s.length; i++) {
      if (s[i - 1] == s[i] && compare(s, e, w, i - 1, i) > 0) {
        long se = e[i];
        long sw = w[i];
        int j = i - 1;
        while (j >= 0 && s[j] == s[i] && (e[j] > se || (e[j] == se && w[j] > sw))) {
          e[j + 1] = e[j];
          w[j + 1] = w[j];
          j--;
        }
        e[j + 1] = se;
        w[j + 1] = sw;
      }
    }
    return true;
  }

  /** Stable merge sort of the indexes {@code order} by (start, end, weight). */
  private static void sortIndexes(int[] order, long[] s, long[] e, long[] w) {
    int n = order.length;
    int[] from = order;
    int[] to = new int[n];
    for (int run = 1; run < n; run *= 2) {
      for (int lo = 0; lo < n; lo += 2 * run) {
        int mid = Math.min(lo + run, n);
        int hi = Math.min(lo + 2 * run, n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (j >= hi || (i < mid && compare(s, e, w, from[i], from[j]) <= 0)) {
            to[k] = from[i++];
          } else {
            to[k] = from[j++];
          }
        }
      }
      int[] x = from;
      from = to;
      to = x;
    }
    if (from != order) {
      System.arraycopy(from, 0, order, 0, n);
    }
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
    check(starts, ends, weights);
    return new ConcurrencyProfile(starts.clone(), ends.clone(), weights.clone());
  }

  /**
   * As {@link #ofNanos(long[], long[])}, taking the arrays over (the caller made them for this
   * profile and no longer uses them: they are reordered in place, not copied).
   */
  static ConcurrencyProfile ofOwnNanos(long[] starts, long[] ends) {
    checkArgument(starts.length == ends.length, "length mismatch");
    long[] w = new long[starts.length];
    Arrays.fill(w, 1);
    check(starts, ends, w);
    return new ConcurrencyProfile(starts, ends, w);
  }

  private static void check(long[] starts, long[] ends, long[] weights) {
    for (int i = 0; i < starts.length; i++) {
      checkArgument(ends[i] >= starts[i], "interval %s ends before it starts", i);
      checkArgument(weights[i] >= 0, "weight must be >= 0");
    }
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

  /**
   * This profile plus requests denied at the given instants (epoch nanoseconds, one request each;
   * several at one instant are several requests), added to those it already holds.
   */
  public ConcurrencyProfile withDenialsAtNanos(long[] at) {
    long[] all = Arrays.copyOf(denials, denials.length + at.length);
    System.arraycopy(at, 0, all, denials.length, at.length);
    return new ConcurrencyProfile(starts, ends, weights, all);
  }

  /** This profile plus requests denied at the given instants (one request each). */
  public ConcurrencyProfile withDenials(java.util.List<Instant> at) {
    long[] n = new long[at.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = Instants.toNanos(at.get(i));
    }
    return withDenialsAtNanos(n);
  }

  /** The number of denied requests held. */
  public int denials() {
    return denials.length;
  }

  /** The demand at instant {@code t}: the level in use plus the requests denied at {@code t}. */
  public long demandAt(Instant t) {
    return levelAt(t) + deniedAt(Instants.toNanos(t));
  }

  /**
   * The largest demand at any instant: the peak in use, or the level in use at a denial's instant
   * plus the requests denied at that instant, whichever is larger. Without denials, the peak.
   */
  public long peakDemand() {
    long p = peak();
    for (int i = 0; i < denials.length; ) {
      int j = i;
      while (j < denials.length && denials[j] == denials[i]) {
        j++;
      }
      p = Math.max(p, levelAtNanos(denials[i]) + (j - i));
      i = j;
    }
    return p;
  }

  private long deniedAt(long t) {
    int lo = lowerBound(denials, t);
    int hi = lowerBound(denials, t + 1);
    return hi - lo;
  }

  private static int lowerBound(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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
    // the time spent at or below a level grows only at the levels the steps take: with none at
    // or below level 0 it is 0 there, then it is the running sum of the steps' lengths taken in
    // order of their levels, and the answer is the first level whose running sum is enough (the
    // last change's level holds for no time and counts only towards the peak)
    if (0.0 >= q) {
      return 0;
    }
    int m = times.length - 1;
    long max = peak();
    if (max <= m) {
      // levels from 0 to the peak (a seat count, or a pool no larger than its changes): the time
      // at each level, summed in one pass
      long[] at = new long[(int) max + 1];
      for (int i = 0; i < m; i++) {
        at[(int) levels[i]] += times[i + 1] - times[i];
      }
      long below = 0;
      for (int level = 0; level <= max; level++) {
        below += at[level];
        if ((double) below / total >= q) {
          return level;
        }
      }
      return max;
    }
    long[] byLevel = Arrays.copyOf(levels, m);
    long[] lengths = new long[m];
    for (int i = 0; i < m; i++) {
      lengths[i] = times[i + 1] - times[i];
    }
    ColumnarFlexReplay.sortByStart(byLevel, lengths, m);
    long below = 0;
    for (int i = 0; i < m; i++) {
      below += lengths[i];
      if ((i + 1 == m || byLevel[i + 1] != byLevel[i]) && (double) below / total >= q) {
        return byLevel[i];
      }
    }
    return max;
  }

  /**
   * Requests a pool of {@code capacity} units would have refused: in start order, an interval is
   * refused when the units held by the admitted ones plus its own would exceed the capacity; a
   * refused interval holds nothing. Denials are requests too: at a denial's instant (after the
   * intervals that start then), the requests denied at that instant are admitted while a unit is
   * free and refused beyond; an admitted one holds its unit only at that instant.
   */
  public int refusalsWithCapacity(long capacity) {
    checkArgument(capacity >= 0, "capacity must be >= 0");
    // the intervals are held in start order already (the canonical order); the admitted ones by
    // end in a binary min-heap of (end, weight) pairs, on two primitive arrays
    int n = starts.length;
    long[] heapEnd = new long[Math.max(1, Math.min(n, 16))];
    long[] heapWeight = new long[heapEnd.length];
    int size = 0;
    long held = 0;
    int refused = 0;
    int d = 0;
    // each interval in turn, then (idx == n) the denials after the last start
    for (int idx = 0; idx <= n; idx++) {
      long start = idx < n ? starts[idx] : Long.MAX_VALUE;
      while (d < denials.length && (denials[d] < start || idx == n)) {
        long at = denials[d];
        while (size > 0 && heapEnd[0] <= at) {
          held -= heapWeight[0];
          size = pop(heapEnd, heapWeight, size);
        }
        int j = d;
        while (j < denials.length && denials[j] == at) {
          j++;
        }
        refused += (int) Math.min(j - d, Math.max(0, held + (j - d) - capacity));
        d = j;
      }
      if (idx == n) {
        break;
      }
      while (size > 0 && heapEnd[0] <= start) {
        held -= heapWeight[0];
        size = pop(heapEnd, heapWeight, size);
      }
      if (start == ends[idx]) {
        continue;
      }
      if (held + weights[idx] > capacity) {
        refused++;
      } else {
        held += weights[idx];
        if (size == heapEnd.length) {
          int grown = (int) Math.min(n, 2L * size);
          heapEnd = Arrays.copyOf(heapEnd, grown);
          heapWeight = Arrays.copyOf(heapWeight, grown);
        }
        size = push(heapEnd, heapWeight, size, ends[idx], weights[idx]);
      }
    }
    return refused;
  }

  /** Adds (end, weight) to the min-heap of {@code size} pairs; returns the new size. */
  private static int push(long[] end, long[] weight, int size, long e, long w) {
    int i = size;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (end[parent] <= e) {
        break;
      }
      end[i] = end[parent];
      weight[i] = weight[parent];
      i = parent;
    }
    end[i] = e;
    weight[i] = w;
    return size + 1;
  }

  /** Removes the pair with the earliest end from the min-heap of {@code size} pairs; returns the new size. */
  private static int pop(long[] end, long[] weight, int size) {
    int last = size - 1;
    long e = end[last];
    long w = weight[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && end[child + 1] < end[child]) {
        child++;
      }
      if (end[child] >= e) {
        break;
      }
      end[i] = end[child];
      weight[i] = weight[child];
      i = child;
    }
    if (last > 0) {
      end[i] = e;
      weight[i] = w;
    }
    return last;
  }

  /**
   * The smallest capacity whose refusals are at most {@code rate} of the requests (intervals plus
   * denials). With no refusals tolerated ({@code rate} 0) it is the {@link #peakDemand}, returned as
   * such: a smaller pool refuses some interval or denial that a pool of the peak demand admits (its
   * level, or a denial's demand, exceeds the pool at some instant), and a pool of the peak demand
   * refuses none. With one unit per interval and no denials, refusals never grow with capacity and
   * a binary search finds it. With weights they can (a bigger pool admits a heavy interval that then
   * blocks several light ones), so weighted profiles, and profiles with denials, are searched
   * upwards, one replay per capacity, from a proven lower bound ({@link #refusalLowerBound}: no
   * smaller capacity can keep refusals within the rate) rather than from zero; the search ends at
   * the peak demand at the latest.
   */
  public long capacityForRefusalRate(double rate) {
    checkArgument(rate >= 0 && rate <= 1, "rate must be in [0,1]: %s", rate);
    if (rate == 0) {
      return peakDemand();
    }
    boolean unitWeights = true;
    for (long w : weights) {
      unitWeights &= w <= 1;
    }
    long requests = (long) starts.length + denials.length;
    if (!unitWeights || denials.length > 0) {
      long k = refusalLowerBound(rate * requests);
      while (refusalsWithCapacity(k) > rate * requests) {
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

  /**
   * The capacity with the units {@code seenHeldAtOnce} that a licence manager's status snapshot saw
   * held at one instant: {@link #capacityForRefusalRate} at {@code rate}, raised to {@code
   * seenHeldAtOnce} when no refusals are tolerated ({@code rate} 0): the units seen held were
   * granted, so a smaller pool would have refused some of them. When this profile holds no units at
   * any time ({@link #peak} 0: no intervals, or only zero-length ones, as check-outs seen in a
   * single snapshot without a start time are) there is nothing to replay, and the capacity is the
   * larger of {@code seenHeldAtOnce} and the {@link #peakDemand}, whatever the rate (what was seen
   * is all that is known). With a rate above 0 and intervals that hold time, the replay decides,
   * as without snapshots: the rate is a choice to refuse some of those requests.
   */
  public long capacityForRefusalRate(double rate, long seenHeldAtOnce) {
    checkArgument(seenHeldAtOnce >= 0, "seenHeldAtOnce must be >= 0 but was %s", seenHeldAtOnce);
    if (peak() == 0) {
      checkArgument(rate >= 0 && rate <= 1, "rate must be in [0,1]: %s", rate);
      return Math.max(seenHeldAtOnce, peakDemand());
    }
    long k = capacityForRefusalRate(rate);
    return rate == 0 ? Math.max(k, seenHeldAtOnce) : k;
  }

  /**
   * A capacity below which refusals are sure to exceed {@code allowed}: every capacity under it
   * refuses more than {@code a = floor(allowed)} requests. Three facts about any capacity {@code k}
   * bound its refusals from below; the bound is the largest capacity they rule out (0 when {@code
   * a} is at least the number of intervals of positive length).
   *
   * <ol>
   *   <li>An interval (of positive length) heavier than {@code k} is always refused, so {@code k}
   *       below the {@code (a+1)}-th largest weight refuses more than {@code a}.
   *   <li>At any instant the admitted intervals live then hold at most {@code k} (each was admitted
   *       with all the admitted ones still open within {@code k}), so those refused and live then
   *       hold at least the level minus {@code k}: at the peak {@code P}, more than {@code a} are
   *       refused when {@code P - k} exceeds the sum of the {@code a} largest weights.
   *   <li>The same at several instants adds up when each interval is counted at one of them at
   *       most (here: the first at or after its start, if it is still live there): of the
   *       intervals counted at an instant, those admitted hold at most {@code k}, so at least as
   *       many are refused as the fewest of them, the heaviest first, that hold their sum minus
   *       {@code k}. The instants are chosen once, highest level first, each kept when no
   *       interval spans it and an instant already kept, so that an instant counts all its live
   *       intervals; the sum never grows with {@code k}, so a binary search finds the largest
   *       capacity it rules out.
   * </ol>
   */
  long refusalLowerBound(double allowed) {
    long a = (long) Math.floor(allowed);
    int n = 0;
    long[] w = new long[starts.length];
    for (int i = 0; i < starts.length; i++) {
      if (ends[i] > starts[i]) {
        w[n++] = weights[i];
      }
    }
    if (a >= n) {
      return 0;
    }
    w = Arrays.copyOf(w, n);
    Arrays.sort(w); // ascending: the (a+1)-th largest is w[n - 1 - a]
    long heaviest = 0;
    for (int i = 0; i < a; i++) {
      heaviest = Math.addExact(heaviest, w[n - 1 - i]);
    }
    long bound = Math.max(w[n - 1 - (int) a], Math.max(0, peak() - heaviest));
    return Math.max(bound, disjointInstantsBound(a));
  }

  /**
   * The smallest capacity at which the refusals that fact 3 of {@link #refusalLowerBound} proves
   * are at most {@code a} (every smaller capacity has more).
   */
  private long disjointInstantsBound(long a) {
    int steps = times.length - 1;
    if (steps <= 0) {
      return 0;
    }
    // the latest end among the intervals starting at or before each interval's start (canonical
    // start order): an interval spans instants t < u iff it starts by t and ends after u
    long[] latestEnd = new long[starts.length];
    for (int i = 0; i < starts.length; i++) {
      latestEnd[i] = Math.max(i == 0 ? Long.MIN_VALUE : latestEnd[i - 1], ends[i]);
    }
    Integer[] byLevel = new Integer[steps];
    for (int i = 0; i < steps; i++) {
      byLevel[i] = i;
    }
    Arrays.sort(byLevel, (x, y) -> Long.compare(levels[y], levels[x]));
    java.util.TreeSet<Long> kept = new java.util.TreeSet<>();
    for (int i : byLevel) {
      if (levels[i] <= 0) {
        break;
      }
      long t = times[i];
      Long before = kept.lower(t);
      Long after = kept.higher(t);
      if ((before == null || latestEndBy(latestEnd, before) <= t)
          && (after == null || latestEndBy(latestEnd, t) <= after)) {
        kept.add(t);
      }
    }
    long[] at = new long[kept.size()];
    int m = 0;
    for (long t : kept) {
      at[m++] = t;
    }
    // each interval of positive length is live at no more than one kept instant: the first one at
    // or after its start, if that is before its end
    long[][] live = new long[m][];
    int[] size = new int[m];
    for (int i = 0; i < starts.length; i++) {
      if (ends[i] <= starts[i]) {
        continue;
      }
      int j = lowerBound(at, starts[i]);
      if (j < m && at[j] < ends[i]) {
        if (live[j] == null) {
          live[j] = new long[4];
        } else if (size[j] == live[j].length) {
          live[j] = Arrays.copyOf(live[j], 2 * size[j]);
        }
        live[j][size[j]++] = weights[i];
      }
    }
    // per instant, the running sums of its live weights, heaviest first
    long[][] heaviestFirst = new long[m][];
    long top = 0;
    for (int j = 0; j < m; j++) {
      long[] ws = live[j] == null ? new long[0] : Arrays.copyOf(live[j], size[j]);
      Arrays.sort(ws);
      long[] sums = new long[ws.length + 1];
      for (int k = 0; k < ws.length; k++) {
        sums[k + 1] = Math.addExact(sums[k], ws[ws.length - 1 - k]);
      }
      heaviestFirst[j] = sums;
      top = Math.max(top, sums[ws.length]);
    }
    long lo = 0;
    long hi = top;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (provenRefusals(heaviestFirst, mid, a) <= a) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The latest end of the intervals starting at or before {@code t}. */
  private long latestEndBy(long[] latestEnd, long t) {
    int i = lowerBound(starts, t + 1) - 1;
    return i < 0 ? Long.MIN_VALUE : latestEnd[i];
  }

  /**
   * The refusals a capacity {@code k} is sure of at the kept instants (their live weights' running
   * sums, heaviest first), counted up to {@code a + 1}.
   */
  private static long provenRefusals(long[][] heaviestFirst, long k, long a) {
    long sure = 0;
    for (long[] sums : heaviestFirst) {
      long over = sums[sums.length - 1] - k;
      if (over > 0) {
        int fewest = lowerBound(sums, over); // the first running sum reaching the excess
        sure += fewest;
        if (sure > a) {
          return sure;
        }
      }
    }
    return sure;
  }

  /** Equal when built from the same multiset of weighted intervals, in any order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConcurrencyProfile
        && Arrays.equals(starts, ((ConcurrencyProfile) o).starts)
        && Arrays.equals(ends, ((ConcurrencyProfile) o).ends)
        && Arrays.equals(weights, ((ConcurrencyProfile) o).weights)
        && Arrays.equals(denials, ((ConcurrencyProfile) o).denials);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(ends)) + Arrays.hashCode(weights))
        + Arrays.hashCode(denials);
  }

  @Override
  public String toString() {
    return "ConcurrencyProfile[intervals=" + starts.length + ", peak=" + peak()
        + (denials.length > 0 ? ", denials=" + denials.length + ", peakDemand=" + peakDemand() : "")
        + "]";
  }

  /** The level at instant {@code t}. */
  public long levelAt(Instant t) {
    return levelAtNanos(Instants.toNanos(t));
  }

  private long levelAtNanos(long x) {
    int i = Arrays.binarySearch(times, x);
    if (i < 0) {
      i = -i - 2;
    }
    return i < 0 ? 0 : levels[i];
  }
}
