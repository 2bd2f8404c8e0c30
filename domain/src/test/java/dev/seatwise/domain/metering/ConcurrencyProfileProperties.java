package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Concurrency of weighted half-open intervals against a brute-force sweep. Intervals start and end
 * on whole minutes in {@code [0, 70]}, so the level is constant on every minute and a sweep over
 * the minutes sees every level.
 */
class ConcurrencyProfileProperties {
  private static final long MINUTE = 60_000_000_000L;

  /** {start, end, weight} in minutes: lengths 0 to 20 minutes, weights 0 to 3 (1 half the time). */
  private static Gen<List<int[]>> intervals() {
    Gen<int[]> one =
        integers()
            .between(0, 50)
            .zip(
                integers().between(0, 20),
                integers().between(0, 3).mix(integers().between(1, 1), 50),
                (s, len, w) -> new int[] {s, s + len, w});
    return lists()
        .of(one)
        .ofSizeBetween(0, 12)
        .describedAs(
            list ->
                list.stream()
                    .map(i -> "[" + i[0] + "," + i[1] + ")x" + i[2])
                    .collect(Collectors.joining(" ")));
  }

  private static ConcurrencyProfile profile(List<int[]> intervals) {
    long[] s = new long[intervals.size()];
    long[] e = new long[intervals.size()];
    long[] w = new long[intervals.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = intervals.get(i)[0] * MINUTE;
      e[i] = intervals.get(i)[1] * MINUTE;
      w[i] = intervals.get(i)[2];
    }
    return ConcurrencyProfile.ofNanos(s, e, w);
  }

  private static long level(List<int[]> intervals, int minute) {
    return intervals.stream()
        .filter(i -> i[0] <= minute && minute < i[1])
        .mapToLong(i -> i[2])
        .sum();
  }

  private static long bruteForcePeak(List<int[]> intervals) {
    long peak = 0;
    for (int m = 0; m <= 70; m++) {
      peak = Math.max(peak, level(intervals, m));
    }
    return peak;
  }

  private static Instant minute(long m) {
    return Instant.ofEpochSecond(m * 60);
  }

  @Test
  void seatsNeededForNoRefusalsAreThePeakOfInUsePlusDenied() {
    qt().forAll(
            intervals().map(l -> l.stream().map(i -> new int[] {i[0], i[1], 1}).collect(Collectors.toList())),
            lists().of(integers().between(0, 70)).ofSizeBetween(0, 5))
        .checkAssert(
            (intervals, denied) -> {
              long[] at = denied.stream().mapToLong(m -> m * MINUTE).toArray();
              ConcurrencyProfile profile = profile(intervals).withDenialsAtNanos(at);
              long demand = 0;
              for (int m = 0; m <= 70; m++) {
                int minute = m;
                long d = level(intervals, m) + denied.stream().filter(x -> x == minute).count();
                demand = Math.max(demand, d);
                assertThat(profile.demandAt(minute(m))).isEqualTo(d);
              }
              assertThat(profile.peakDemand()).isEqualTo(demand);
              assertThat(profile.capacityForRefusalRate(0)).isEqualTo(demand);
              assertThat(profile.refusalsWithCapacity(demand)).isZero();
              if (demand > 0) {
                assertThat(profile.refusalsWithCapacity(demand - 1)).isPositive();
              }
            });
  }

  @Test
  void peakConcurrencyEqualsABruteForceSweep() {
    qt().forAll(intervals())
        .checkAssert(
            intervals -> {
              ConcurrencyProfile profile = profile(intervals);
              long peak = bruteForcePeak(intervals);
              assertThat(profile.peak()).isEqualTo(peak);
              if (peak == 0) {
                assertThat(profile.peakAt()).isEmpty();
              } else {
                int first = 0;
                while (level(intervals, first) != peak) {
                  first++;
                }
                assertThat(profile.peakAt()).contains(minute(first));
              }
            });
  }

  @Test
  void theLevelAtAnyInstantIsTheWeightOfTheIntervalsOpenThen() {
    qt().forAll(intervals())
        .checkAssert(
            intervals -> {
              ConcurrencyProfile profile = profile(intervals);
              for (int m = -1; m <= 71; m++) {
                assertThat(profile.levelAt(minute(m)))
                    .as("level at minute %s", m)
                    .isEqualTo(level(intervals, m));
                assertThat(profile.levelAt(minute(m).plusSeconds(30)))
                    .isEqualTo(level(intervals, m));
              }
            });
  }

  @Test
  void timeAtOrAboveEachLevelEqualsABruteForceSweep() {
    qt().forAll(intervals())
        .checkAssert(
            intervals -> {
              ConcurrencyProfile profile = profile(intervals);
              long[] levels = new long[71];
              boolean[] busy = new boolean[71];
              for (int m = 0; m <= 70; m++) {
                levels[m] = level(intervals, m);
                busy[m] = busy(intervals, m);
              }
              for (long k = 0; k <= bruteForcePeak(intervals) + 1; k++) {
                long minutes = 0;
                for (int m = 0; m <= 70; m++) {
                  if (levels[m] >= k && busy[m]) {
                    minutes++;
                  }
                }
                assertThat(profile.timeAtOrAbove(k))
                    .as("time at or above %s", k)
                    .isEqualTo(Duration.ofMinutes(minutes));
              }
            });
  }

  /** Whether minute {@code m} lies between the first start and the last end (the busy span). */
  private static boolean busy(List<int[]> intervals, int m) {
    int first = intervals.stream().mapToInt(i -> i[0]).min().orElse(0);
    int last = intervals.stream().mapToInt(i -> i[1]).max().orElse(0);
    return first <= m && m < last;
  }

  @Test
  void percentilesEqualABruteForceSweepOverTheBusySpan() {
    qt().forAll(intervals(), integers().between(0, 100))
        .checkAssert(
            (intervals, percent) -> {
              double q = percent / 100.0;
              long total = 0;
              for (int m = 0; m <= 70; m++) {
                total += busy(intervals, m) ? 1 : 0;
              }
              long expected = 0;
              if (total > 0) {
                long peak = bruteForcePeak(intervals);
                expected = peak;
                for (long level = 0; level <= peak; level++) {
                  long below = 0;
                  for (int m = 0; m <= 70; m++) {
                    if (busy(intervals, m) && level(intervals, m) <= level) {
                      below++;
                    }
                  }
                  if ((double) below / total >= q) {
                    expected = level;
                    break;
                  }
                }
              }
              assertThat(profile(intervals).percentile(q)).isEqualTo(expected);
            });
  }

  @Test
  void aPoolOfPeakSizeRefusesNobodyAndAnySmallerPoolRefusesSomeone() {
    qt().forAll(intervals())
        .checkAssert(
            intervals -> {
              ConcurrencyProfile profile = profile(intervals);
              long peak = bruteForcePeak(intervals);
              assertThat(profile.refusalsWithCapacity(peak)).isZero();
              assertThat(profile.refusalsWithCapacity(peak + 1)).isZero();
              for (long k = 0; k < peak; k++) {
                assertThat(profile.refusalsWithCapacity(k)).as("refusals with %s", k).isPositive();
              }
            });
  }

  @Test
  void capacityForARefusalRateIsTheSmallestPoolThatMeetsIt() {
    qt().forAll(intervals(), integers().between(0, 100))
        .checkAssert(
            (intervals, percent) -> {
              double rate = percent / 100.0;
              ConcurrencyProfile profile = profile(intervals);
              long smallest = 0;
              while (profile.refusalsWithCapacity(smallest) > rate * intervals.size()) {
                smallest++;
              }
              assertThat(profile.capacityForRefusalRate(rate)).isEqualTo(smallest);
            });
  }

  /** Intervals as {@link #intervals()} with weights from 0 to 1,000 (a token or core pool). */
  private static Gen<List<int[]>> heavyIntervals() {
    return intervals()
        .zip(
            lists().of(integers().between(0, 1_000)).ofSize(12),
            (list, ws) -> {
              List<int[]> out = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                out.add(new int[] {list.get(i)[0], list.get(i)[1], ws.get(i)});
              }
              return out;
            });
  }

  /** The smallest capacity whose refusals are at most {@code rate} of the requests: the plain scan from 0. */
  private static long scanFromZero(ConcurrencyProfile p, double rate) {
    long requests = (long) p.intervals() + p.denials();
    long k = 0;
    while (p.refusalsWithCapacity(k) > rate * requests) {
      k++;
    }
    return k;
  }

  @Test
  void heavyPoolsWithDenialsNeedWhatThePlainScanFromZeroFinds() {
    // the weighted search starts at refusalLowerBound and returns the peak demand at rate 0 without
    // a replay: both against the scan of every capacity from 0 (refusals are not monotone here)
    qt().forAll(heavyIntervals(), lists().of(integers().between(0, 70)).ofSizeBetween(0, 4),
            integers().between(0, 100))
        .checkAssert(
            (intervals, denied, percent) -> {
              double rate = percent < 40 ? 0 : (percent - 40) / 60.0;
              long[] at = denied.stream().mapToLong(m -> m * MINUTE).toArray();
              ConcurrencyProfile p = profile(intervals).withDenialsAtNanos(at);
              assertThat(p.capacityForRefusalRate(rate)).isEqualTo(scanFromZero(p, rate));
            });
  }

  @Test
  void everyCapacityBelowTheLowerBoundRefusesMoreThanAllowed() {
    // the three facts of refusalLowerBound (weights above k, the peak, disjoint instants), each
    // a proof that a capacity refuses too many: none may rule out a capacity that meets the rate
    qt().withExamples(1_000)
        .forAll(heavyIntervals(), integers().between(0, 13))
        .checkAssert(
            (intervals, allowed) -> {
              ConcurrencyProfile p = profile(intervals);
              long bound = p.refusalLowerBound(allowed);
              assertThat(bound).isLessThanOrEqualTo(p.peakDemand());
              for (long k = 0; k < bound; k++) {
                assertThat(p.refusalsWithCapacity(k)).as("refusals with %s", k).isGreaterThan(allowed);
              }
            });
  }

  @Test
  void unitsSeenHeldAtOnceAreGrantedSoNoRefusalsNeedAtLeastThem() {
    qt().forAll(heavyIntervals(), integers().between(0, 3_000), integers().between(0, 100))
        .checkAssert(
            (intervals, seen, percent) -> {
              double rate = percent / 100.0;
              ConcurrencyProfile p = profile(intervals);
              long needed = p.capacityForRefusalRate(rate, seen);
              if (p.peak() == 0) {
                // nothing held any time (no intervals, or zero-length ones): what was seen
                assertThat(needed).isEqualTo(Math.max(seen, p.peakDemand()));
              } else if (rate == 0) {
                assertThat(needed).isEqualTo(Math.max(seen, scanFromZero(p, 0)));
                assertThat(p.refusalsWithCapacity(needed)).isZero();
              } else {
                // a tolerated rate is a choice to refuse some of the replayed requests
                assertThat(needed).isEqualTo(scanFromZero(p, rate));
              }
            });
  }

  @Test
  void withOneUnitPerIntervalABiggerPoolNeverRefusesMore() {
    // the binary search in capacityForRefusalRate relies on this for unit weights
    qt().withExamples(2_000)
        .forAll(intervals())
        .checkAssert(
            intervals -> {
              List<int[]> seats = new ArrayList<>();
              intervals.forEach(i -> seats.add(new int[] {i[0], i[1], 1}));
              ConcurrencyProfile profile = profile(seats);
              for (long k = 0; k <= profile.peak(); k++) {
                assertThat(profile.refusalsWithCapacity(k + 1))
                    .isLessThanOrEqualTo(profile.refusalsWithCapacity(k));
              }
            });
  }

  @Test
  void theSameIntervalsInAnotherOrderGiveAnEqualProfile() {
    qt().forAll(intervals())
        .checkAssert(
            intervals -> {
              List<int[]> reversed = new ArrayList<>(intervals);
              Collections.reverse(reversed);
              assertThat(profile(reversed)).isEqualTo(profile(intervals));
              assertThat(profile(reversed).hashCode()).isEqualTo(profile(intervals).hashCode());
            });
  }

  @Test
  void intervalsInStartOrderWithTiesInAnyOrderGiveTheProfileOfAnyOtherOrder() {
    qt().forAll(intervals())
        .checkAssert(
            intervals -> {
              // in start order, those starting together in their drawn order (sessions read in
              // time order): put in canonical order in place
              List<int[]> byStart = new ArrayList<>(intervals);
              byStart.sort(java.util.Comparator.comparingInt(i -> i[0]));
              // out of start order (unless all start together): through a sorted index
              List<int[]> reversed = new ArrayList<>(byStart);
              Collections.reverse(reversed);
              ConcurrencyProfile p = profile(byStart);
              assertThat(p).isEqualTo(profile(reversed));
              assertThat(p.peak()).isEqualTo(bruteForcePeak(intervals));
              long[] s = p.startNanos();
              long[] e = p.endNanos();
              long[] w = p.weights();
              for (int k = 1; k < s.length; k++) {
                assertThat(
                        s[k - 1] < s[k]
                            || (s[k - 1] == s[k] && (e[k - 1] < e[k] || (e[k - 1] == e[k] && w[k - 1] <= w[k]))))
                    .as("interval %s in (start, end, weight) order", k)
                    .isTrue();
              }
            });
  }

  @Test
  void percentilesOfHeavyPoolsEqualTheDefinitionLevelByLevel() {
    // weights up to 1,000: the peak is then above the number of steps, and the percentile sorts
    // the steps by level instead of counting time per level (the unit-weight intervals above
    // take the counting path)
    Gen<List<int[]>> heavy =
        intervals()
            .zip(
                lists().of(integers().between(0, 1_000)).ofSize(12),
                (list, ws) -> {
                  List<int[]> out = new ArrayList<>();
                  for (int i = 0; i < list.size(); i++) {
                    out.add(new int[] {list.get(i)[0], list.get(i)[1], ws.get(i)});
                  }
                  return out;
                });
    qt().forAll(heavy, integers().between(0, 100))
        .checkAssert(
            (intervals, percent) -> {
              ConcurrencyProfile p = profile(intervals);
              double q = percent / 100.0;
              assertThat(p.percentile(q)).isEqualTo(percentileByDefinition(p, q));
            });
  }

  @Test
  void refusalsEqualAReplayInStartOrderWithAPriorityQueue() {
    // the replay on a heap of primitive pairs against the plain one (the intervals in the
    // profile's canonical order, the admitted ones in a PriorityQueue by end), denials included
    qt().forAll(intervals(), lists().of(integers().between(0, 70)).ofSizeBetween(0, 6), integers().between(0, 12))
        .checkAssert(
            (intervals, denied, capacity) -> {
              long[] at = denied.stream().mapToLong(m -> m * MINUTE).sorted().toArray();
              ConcurrencyProfile p = profile(intervals).withDenialsAtNanos(at);
              assertThat(p.refusalsWithCapacity(capacity))
                  .isEqualTo(refusalsByQueue(p.startNanos(), p.endNanos(), p.weights(), at, capacity));
            });
  }

  /** The refusals rule of {@link ConcurrencyProfile#refusalsWithCapacity}, written plainly. */
  private static int refusalsByQueue(long[] starts, long[] ends, long[] weights, long[] denials, long capacity) {
    java.util.PriorityQueue<long[]> active = new java.util.PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    long held = 0;
    int refused = 0;
    int d = 0;
    for (int i = 0; i <= starts.length; i++) {
      long until = i < starts.length ? starts[i] : Long.MAX_VALUE;
      while (d < denials.length && denials[d] < until) {
        while (!active.isEmpty() && active.peek()[0] <= denials[d]) {
          held -= active.poll()[1];
        }
        int j = d;
        while (j < denials.length && denials[j] == denials[d]) {
          j++;
        }
        refused += (int) Math.min(j - d, Math.max(0, held + (j - d) - capacity));
        d = j;
      }
      if (i == starts.length) {
        break;
      }
      while (!active.isEmpty() && active.peek()[0] <= starts[i]) {
        held -= active.poll()[1];
      }
      if (starts[i] == ends[i]) {
        continue;
      }
      if (held + weights[i] > capacity) {
        refused++;
      } else {
        held += weights[i];
        active.add(new long[] {ends[i], weights[i]});
      }
    }
    return refused;
  }

  /**
   * The time-weighted percentile as {@link ConcurrencyProfile#percentile} defines it, level by
   * level from 0 to the peak, from the profile's public figures: the busy span from the first
   * start to the last end, and the time at or below a level (the span less the time above it).
   */
  private static long percentileByDefinition(ConcurrencyProfile p, double q) {
    if (p.intervals() == 0) {
      return 0;
    }
    long total =
        java.util.Arrays.stream(p.endNanos()).max().getAsLong()
            - java.util.Arrays.stream(p.startNanos()).min().getAsLong();
    if (total == 0) {
      return 0;
    }
    for (long level = 0; level <= p.peak(); level++) {
      long below = total - p.timeAtOrAbove(level + 1).toNanos();
      if ((double) below / total >= q) {
        return level;
      }
    }
    return p.peak();
  }
}
