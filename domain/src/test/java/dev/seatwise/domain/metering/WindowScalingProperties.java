package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.testkit.LicensingGens;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scaling usage by x% scales the windows it replays to by x%, up to the one rounding: against an
 * independent replay ({@link FlexWindowing}) of the usage before and after, over random usage
 * ({@link LicensingGens#usageLogs}: free launches, exact-24 h and multi-day sessions, boundary
 * pairs, days without clock times) and factors 0.00 to 3.00.
 */
class WindowScalingProperties {
  private static final MeteringParameters FLEX = MeteringParameters.FLEX_DEFAULTS;
  private static final Instant FROM = LicensingGens.ORIGIN;
  private static final Instant TO = FROM.plus(Duration.ofDays(40));
  private static final LocalDate FIRST = LocalDate.ofInstant(FROM, ZoneOffset.UTC);
  private static final LocalDate END = FIRST.plusDays(40);

  /** Windows of the usage: each user and product's sessions replayed, plus distinct days. */
  static long windows(UsageLog log) {
    Map<String, List<Session>> groups = new TreeMap<>();
    for (Session s : log.sessions()) {
      groups.computeIfAbsent(s.user() + "|" + s.product(), k -> new ArrayList<>()).add(s);
    }
    long total = 0;
    for (List<Session> list : groups.values()) {
      list.sort((a, b) -> a.start().equals(b.start()) ? a.end().compareTo(b.end()) : a.start().compareTo(b.start()));
      long[] st = list.stream().mapToLong(s -> Instants.toNanos(s.start())).toArray();
      long[] en = list.stream().mapToLong(s -> Instants.toNanos(s.end())).toArray();
      total += FlexWindowing.replay(st, en, 0, st.length, FLEX.window().toNanos(),
          FLEX.minimumBillable().toNanos(), null);
    }
    Set<DailyUsage> days = new HashSet<>(log.days());
    return total + days.size();
  }

  @Test
  void scalingUsageByXPercentScalesItsWindowsByXPercentUpToTheRounding() {
    qt().forAll(LicensingGens.usageLogs(), integers().between(0, 300))
        .checkAssert(
            (log, percent) -> {
              BigDecimal f = BigDecimal.valueOf(percent, 2);
              WindowScaling.Scaled s = WindowScaling.scale(log, f, FROM, TO, FIRST, END, FLEX);
              long before = windows(log);
              long after = windows(s.usage());
              assertThat(s.windows()).isEqualTo(before);
              assertThat(s.target()).isEqualTo(WindowScaling.floor(before, f));
              assertThat(after).as("replayed windows after scaling").isEqualTo(s.scaledWindows());
              // kept + copies (placed or not) within half the longest visit of floor(f W)
              long placedOrNot = s.scaledWindows() + s.unplacedWindows();
              assertThat(2 * Math.abs(placedOrNot - s.target())).isLessThanOrEqualTo(s.maxVisitWindows());
              if (s.maxVisitWindows() <= 1 && s.unplaced() == 0) {
                assertThat(after).isEqualTo(s.target());
              }
            });
  }

  @Test
  void scalingByOneChangesNothing() {
    qt().forAll(LicensingGens.usageLogs())
        .checkAssert(
            log -> {
              WindowScaling.Scaled s = WindowScaling.scale(log, BigDecimal.ONE, FROM, TO, FIRST, END, FLEX);
              assertThat(new HashSet<>(s.usage().sessions())).isEqualTo(new HashSet<>(log.sessions()));
              assertThat(s.usage().sessions()).hasSameSizeAs(log.sessions());
              assertThat(new HashSet<>(s.usage().days())).isEqualTo(new HashSet<>(log.days()));
            });
  }

  @Test
  void aScaledDownUsageKeepsWindowsWhenTheTargetExceedsHalfTheLongestVisit() {
    qt().forAll(LicensingGens.usageLogs(), integers().between(1, 99))
        .checkAssert(
            (log, percent) -> {
              BigDecimal f = BigDecimal.valueOf(percent, 2);
              WindowScaling.Scaled s = WindowScaling.scale(log, f, FROM, TO, FIRST, END, FLEX);
              // |kept - target| <= K/2, so kept > 0 once 2 x target > K (K = 1: any target >= 1)
              if (2 * s.target() > s.maxVisitWindows()) {
                assertThat(windows(s.usage())).isPositive();
              }
            });
  }

  static UserId user(String u) {
    return UserId.of(u);
  }

  static ProductId product(String p) {
    return ProductId.of(p);
  }
}
