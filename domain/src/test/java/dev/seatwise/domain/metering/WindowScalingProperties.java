package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.testkit.LicensingGens;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
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
import org.quicktheories.core.Gen;

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

  /**
   * Organisations for the oracle: four users and three products (ids whose order differs from the
   * order they first appear in), up to 60 sessions and 6 days, the sessions as a list or as a
   * table's view.
   */
  private static Gen<UsageLog> organisations() {
    List<UserId> users = List.of(user("zoe"), user("ann"), user("max"), user("bob"));
    List<ProductId> products = List.of(product("RVT"), product("ACD"), product("INV"));
    Gen<List<Session>> sessions =
        LicensingGens.sessionLists(users, products, 60)
            .zip(lists().of(LicensingGens.sessions(users, products)).ofSizeBetween(0, 20),
                (a, b) -> {
                  List<Session> all = new ArrayList<>(a);
                  all.addAll(b);
                  return all;
                });
    return sessions.zip(
        lists().of(LicensingGens.dailyUsages(users, products)).ofSizeBetween(0, 6),
        integers().between(0, 1),
        (s, d, asTable) ->
            asTable == 1
                ? UsageLog.of(SessionTable.of(s), d)
                : new UsageLog(s, d));
  }

  @Test
  void theColumnScalingEqualsThePlainRule() {
    // the plain rule (object sessions in tree maps, PlainWindowScaling) is the oracle: the same
    // sessions in the same order, the same days and the same counts, over periods that cut visits
    // off at either end and factors from 0 to 3 (copies that find a place or none)
    qt().forAll(organisations(), integers().between(0, 300), integers().between(-2, 6),
            integers().between(1, 14))
        .checkAssert(
            (log, percent, startDay, days) -> {
              BigDecimal f = BigDecimal.valueOf(percent, 2);
              LocalDate first = FIRST.plusDays(startDay);
              LocalDate end = first.plusDays(days);
              Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
              Instant to = end.atStartOfDay(ZoneOffset.UTC).toInstant();
              WindowScaling.Scaled plain = PlainWindowScaling.scale(log, f, from, to, first, end, FLEX);
              WindowScaling.Scaled columns = WindowScaling.scale(log, f, from, to, first, end, FLEX);
              assertThat(columns.usage().sessions()).containsExactlyElementsOf(plain.usage().sessions());
              assertThat(columns).isEqualTo(plain);
            });
  }

  @Test
  void theColumnScalingEqualsThePlainRuleForFactorsOfAnyScale() {
    // factors whose products overflow a long in the fast floor, or with a negative scale
    qt().forAll(organisations(), integers().between(0, 5))
        .checkAssert(
            (log, k) -> {
              BigDecimal f =
                  List.of(new BigDecimal("1E+1"), new BigDecimal("0.999999999999999999999"),
                      new BigDecimal("1.000000000000000001"), new BigDecimal("2.5"),
                      BigDecimal.ZERO, new BigDecimal("1.00")).get(k);
              WindowScaling.Scaled plain = PlainWindowScaling.scale(log, f, FROM, TO, FIRST, END, FLEX);
              WindowScaling.Scaled columns = WindowScaling.scale(log, f, FROM, TO, FIRST, END, FLEX);
              assertThat(columns).isEqualTo(plain);
            });
  }

  static UserId user(String u) {
    return UserId.of(u);
  }

  static ProductId product(String p) {
    return ProductId.of(p);
  }
}
