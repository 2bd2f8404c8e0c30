package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.AnalyzeSensitivityQuery;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.SensitivityCase;
import dev.seatwise.application.port.in.SensitivityReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.catalog.MeteringParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyzeSensitivityProperties {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 3, 1);
  private static final int DAYS = 59;

  private static SensitivityReport analyze(
      List<Session> sessions, List<BigDecimal> token, List<BigDecimal> named, List<BigDecimal> usage) {
    return new AnalyzeSensitivityService(
            InMemoryUsageAdapter.of(sessions), catalogs(), InMemoryEntitlementsAdapter.none())
        .analyze(
            new AnalyzeSensitivityQuery(
                CompareScenariosQuery.of(PeriodSpec.of(FROM, TO, ZoneOffset.UTC)), token, named, usage));
  }

  private static Optional<Money> total(SensitivityCase c, String scenario) {
    return c.total(scenario);
  }

  @Test
  void removingUsageNeverRaisesTheAllFlexAllNamedOrOptimalTotals() {
    qt().withExamples(30)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 3, 30), integers().between(-99, 0))
        .checkAssert(
            (sessions, p) -> {
              SensitivityReport r =
                  analyze(sessions, List.of(), List.of(), List.of(BigDecimal.valueOf(p)));
              SensitivityCase less = r.cases().get(0);
              assertThat(less.windows()).isLessThanOrEqualTo(r.baseline().windows());
              for (String s : List.of(Scenario.ALL_FLEX, Scenario.ALL_NAMED, Scenario.OPTIMAL)) {
                total(r.baseline(), s)
                    .ifPresent(base -> assertThat(total(less, s).orElseThrow()).isLessThanOrEqualTo(base));
              }
            });
  }

  @Test
  void dearerTokensNeverLowerAllFlexAndDearerSeatsNeverLowerAllNamed() {
    qt().withExamples(30)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 3, 30), integers().between(0, 200))
        .checkAssert(
            (sessions, p) -> {
              BigDecimal up = BigDecimal.valueOf(p);
              SensitivityReport r = analyze(sessions, List.of(up), List.of(up), List.of());
              total(r.baseline(), Scenario.ALL_FLEX)
                  .ifPresent(b -> assertThat(total(r.cases().get(0), Scenario.ALL_FLEX).orElseThrow())
                      .isGreaterThanOrEqualTo(b));
              total(r.baseline(), Scenario.ALL_NAMED)
                  .ifPresent(b -> assertThat(total(r.cases().get(1), Scenario.ALL_NAMED).orElseThrow())
                      .isGreaterThanOrEqualTo(b));
            });
  }

  @Test
  void noChangeReproducesTheBaseline() {
    qt().withExamples(20)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 3, 30))
        .checkAssert(
            sessions -> {
              List<BigDecimal> zero = List.of(BigDecimal.ZERO);
              SensitivityReport r = analyze(sessions, zero, zero, zero);
              for (SensitivityCase c : r.cases()) {
                assertThat(c.scenarios()).isEqualTo(r.baseline().scenarios());
                assertThat(c.windows()).isEqualTo(r.baseline().windows());
              }
            });
  }

  @Test
  void aUsageChangeOfXPercentChangesTheComparedWindowsByXPercentUpToRounding() {
    qt().withExamples(60)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 3, 40), integers().between(-99, 300))
        .checkAssert(
            (sessions, p) -> {
              BigDecimal f = BigDecimal.ONE.add(BigDecimal.valueOf(p).movePointLeft(2));
              SensitivityReport r = analyze(sessions, List.of(), List.of(), List.of(BigDecimal.valueOf(p)));
              UsageScaling.Scaled scaled =
                  UsageScaling.scale(
                      ImportedUsage.of(UsageLog.ofSessions(sessions)), f,
                      new AnalysisPeriod(FROM, TO, ZoneOffset.UTC), MeteringParameters.FLEX_DEFAULTS);
              long base = r.baseline().windows();
              long got = r.cases().get(0).windows();
              // the compare replays to exactly the windows the scaling reports ...
              assertThat(got).isEqualTo(scaled.windows().scaledWindows());
              assertThat(scaled.windows().windows()).isEqualTo(base);
              // ... which are floor(f W) up to half the longest visit and the copies left out
              long target = scaled.windows().target();
              assertThat(target).isEqualTo(f.multiply(BigDecimal.valueOf(base)).longValue());
              assertThat(2 * Math.abs(got + scaled.windows().unplacedWindows() - target))
                  .isLessThanOrEqualTo(scaled.windows().maxVisitWindows());
              if (p <= 0) {
                assertThat(sessions).containsAll(scaled.usage().log().sessions());
                assertThat(scaled.unplaced()).isZero();
              }
            });
  }

  /** The comparison on fresh ports: the usage read, replayed and tabled for this call alone. */
  private static Comparison fresh(
      ImportedUsage usage, CatalogHistory history, Entitlements held, CompareScenariosQuery q) {
    return new CompareScenariosService(() -> usage, history, () -> held).compare(q);
  }

  private static void assertIsCase(SensitivityCase c, Comparison fresh) {
    assertThat(c.scenarios()).isEqualTo(fresh.scenarios());
    assertThat(c.notes().subList(c.notes().size() - fresh.notes().size(), c.notes().size()))
        .isEqualTo(fresh.notes());
  }

  @Test
  void everyCaseIsItsComparisonRunOnItsOwn() {
    // the plain rule, each case compared on fresh ports (its usage read, replayed and tabled
    // again), is the oracle of the one analysis that the baseline and the price changes share
    qt().withExamples(40)
        .forAll(
            AnalyticsGens.usage(FROM, DAYS, 4, 40),
            AnalyticsGens.entitlements(FROM, 4),
            integers().between(-60, 150),
            integers().between(-60, 150))
        .checkAssert(
            (sessions, held, p, q) -> {
              BigDecimal token = BigDecimal.valueOf(p);
              BigDecimal other = BigDecimal.valueOf(q);
              CompareScenariosQuery compare =
                  CompareScenariosQuery.of(PeriodSpec.of(FROM, TO, ZoneOffset.UTC));
              ImportedUsage usage = ImportedUsage.of(UsageLog.ofSessions(sessions));
              SensitivityReport r =
                  new AnalyzeSensitivityService(
                          () -> usage, catalogs(), new InMemoryEntitlementsAdapter(held))
                      .analyze(
                          new AnalyzeSensitivityQuery(
                              compare, List.of(token), List.of(other), List.of(other)));
              assertEachCaseIsItsOwnComparison(
                  r, usage, held, compare, token, other, List.of(other));
            });
  }

  /**
   * The oracle of both orders: the baseline, then the token price change by {@code token} %, the
   * named price change by {@code other} % and the usage changes by {@code usage} %, each equal to
   * its comparison run alone on fresh ports (the baseline's notes are the report's).
   */
  private static void assertEachCaseIsItsOwnComparison(
      SensitivityReport r,
      ImportedUsage usage,
      Entitlements held,
      CompareScenariosQuery compare,
      BigDecimal token,
      BigDecimal other,
      List<BigDecimal> usageChanges) {
    Comparison base = fresh(usage, catalogs(), held, compare);
    assertThat(r.baseline().scenarios()).isEqualTo(base.scenarios());
    assertThat(r.notes()).isEqualTo(base.notes());
    BigDecimal ft = BigDecimal.ONE.add(token.movePointLeft(2));
    assertIsCase(
        r.cases().get(0),
        fresh(usage, PriceScaling.tokenPrices(catalogs(), ft), PriceScaling.tokenPrices(held, ft),
            compare));
    BigDecimal fo = BigDecimal.ONE.add(other.movePointLeft(2));
    assertIsCase(
        r.cases().get(1),
        fresh(usage, PriceScaling.namedPrices(catalogs(), fo), PriceScaling.namedPrices(held, fo),
            compare));
    int at = 2;
    for (BigDecimal change : usageChanges) {
      UsageScaling.Scaled scaled =
          UsageScaling.scale(
              usage, BigDecimal.ONE.add(change.movePointLeft(2)),
              new AnalysisPeriod(FROM, TO, ZoneOffset.UTC), MeteringParameters.FLEX_DEFAULTS);
      assertIsCase(r.cases().get(at++), fresh(scaled.usage(), catalogs(), held, compare));
    }
  }

  /**
   * A usage port that reads afresh on every call (a new table of the same sessions, as a file read
   * again gives), counting the reads.
   */
  private static final class Rereading implements dev.seatwise.application.port.out.UsagePort {
    private final List<Session> sessions;
    private int reads;

    Rereading(List<Session> sessions) {
      this.sessions = List.copyOf(sessions);
    }

    @Override
    public ImportedUsage usage() {
      reads++;
      return ImportedUsage.of(UsageLog.ofSessions(new java.util.ArrayList<>(sessions)));
    }
  }

  @Test
  void oneAfterTheOtherEveryCaseIsStillItsComparisonRunOnItsOwn() {
    // the tight heap's order (the usage changes first, each scaled usage handed over to its
    // comparison, the sessions let go of after each reader and read again, the baseline's peaks
    // worked out before its sessions go, every comparison's scenarios one after the other) against
    // the plain rule: each case compared on fresh ports, and the report of the default order
    qt().withExamples(40)
        .forAll(
            AnalyticsGens.usage(FROM, DAYS, 4, 40),
            AnalyticsGens.entitlements(FROM, 4),
            integers().between(-60, 150),
            integers().between(-60, 150))
        .checkAssert(
            (sessions, held, p, q) -> {
              BigDecimal token = BigDecimal.valueOf(p);
              BigDecimal other = BigDecimal.valueOf(q);
              CompareScenariosQuery compare =
                  CompareScenariosQuery.of(PeriodSpec.of(FROM, TO, ZoneOffset.UTC));
              AnalyzeSensitivityQuery query =
                  new AnalyzeSensitivityQuery(
                      compare, List.of(token), List.of(other), List.of(other, token));
              Rereading port = new Rereading(sessions);
              SensitivityReport r =
                  new AnalyzeSensitivityService(
                          port, catalogs(), new InMemoryEntitlementsAdapter(held))
                      .parallel(false)
                      .analyze(query);
              // read for the period and the first change, again for the second and the baseline
              assertThat(port.reads).isEqualTo(3);
              ImportedUsage usage = ImportedUsage.of(UsageLog.ofSessions(sessions));
              SensitivityReport beside =
                  new AnalyzeSensitivityService(
                          () -> usage, catalogs(), new InMemoryEntitlementsAdapter(held))
                      .analyze(query);
              assertThat(r).isEqualTo(beside);
              assertEachCaseIsItsOwnComparison(
                  r, usage, held, compare, token, other, List.of(other, token));
            });
  }

  @Test
  void theUsageIsReadOnceWhenTheScenariosAreWorkedOutBesideEachOther() {
    qt().withExamples(10)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 3, 20), integers().between(-50, 50))
        .checkAssert(
            (sessions, p) -> {
              Rereading port = new Rereading(sessions);
              BigDecimal c = BigDecimal.valueOf(p);
              new AnalyzeSensitivityService(port, catalogs(), InMemoryEntitlementsAdapter.none())
                  .parallel(true)
                  .analyze(
                      new AnalyzeSensitivityQuery(
                          CompareScenariosQuery.of(PeriodSpec.of(FROM, TO, ZoneOffset.UTC)),
                          List.of(c), List.of(c), List.of(c, c)));
              assertThat(port.reads).isEqualTo(1);
            });
  }

  private static Map<String, Long> counts(List<Session> sessions) {
    Map<String, Long> m = new HashMap<>();
    for (Session s : sessions) {
      m.merge(s.user() + "/" + s.product(), 1L, Long::sum);
    }
    return m;
  }
}
