package dev.seatwise.plugin.tokenpool;

import static dev.seatwise.plugin.tokenpool.PoolFixtures.catalog;
import static dev.seatwise.plugin.tokenpool.PoolFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.AnalyzeSensitivityQuery;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.SensitivityCase;
import dev.seatwise.application.port.in.SensitivityReport;
import dev.seatwise.application.service.AnalyzeSensitivityService;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.service.AnalyzeConcurrencyService;
import dev.seatwise.application.service.CompareScenariosService;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UsageLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool vendor through the real compare and concurrency use cases. */
class TokenPoolVendorEndToEndTest {
  static final FakeUsagePort USAGE =
      new FakeUsagePort(
          ImportedUsage.of(
              UsageLog.ofSessions(
                  List.of(
                      session("ann", "HM", "2025-03-03T09:00:00Z", "2025-03-03T12:00:00Z"),
                      session("ann", "OS", "2025-03-03T10:00:00Z", "2025-03-03T11:00:00Z"),
                      session("bob", "HM", "2025-03-03T09:30:00Z", "2025-03-03T10:30:00Z")))));
  static final CatalogHistory POOL = CatalogHistory.of(catalog(ConcurrentTokenPoolMeter.LEVELED));
  static final MeterRegistry METERS = MeterRegistry.standard().with(ConcurrentTokenPoolMeter.leveled());
  static final PeriodSpec YEAR =
      PeriodSpec.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC);

  @Test
  void compareSizesThePoolToThePeakAndPricesNamedSeats() {
    Comparison c =
        new CompareScenariosService(USAGE, POOL, new FakeEntitlementsPort(Entitlements.NONE), METERS)
            .compare(CompareScenariosQuery.of(YEAR));
    // pool: peak 46 units -> 5 packs of 10 at 100.00/unit = 5000.00 for a full year
    assertThat(c.scenario(Scenario.ALL_FLEX).orElseThrow().total()).isEqualTo(Money.of("5000.00", "USD"));
    assertThat(c.scenario(Scenario.ALL_FLEX).orElseThrow().tokens()).hasValue(46);
    // named: ann HM 3000 + OS 4000, bob HM 3000 = 10000.00
    assertThat(c.scenario(Scenario.ALL_NAMED).orElseThrow().total()).isEqualTo(Money.of("10000.00", "USD"));
    assertThat(c.scenario(Scenario.OPTIMAL)).isEmpty();
    assertThat(c.notes()).anyMatch(n -> n.startsWith("optimal is left out"));
    // without an optimal plan, each user is shown at their all-named cost with no saving
    var ann = c.users().stream().filter(u -> u.user().value().equals("ann")).findFirst().orElseThrow();
    assertThat(ann.cost()).isEqualTo(Money.of("7000.00", "USD"));
    assertThat(ann.savings()).isEqualTo(Money.of("0.00", "USD"));
  }

  @Test
  void concurrencyReportsThePoolBesideTheProducts() {
    ConcurrencyReport r =
        new AnalyzeConcurrencyService(USAGE, POOL, METERS)
            .analyze(new ConcurrencyQuery(PeriodSpec.DATA_SPAN_UTC, 0.0));
    ProductConcurrency pool =
        r.products().stream().filter(p -> p.product().equals("pool:tokens")).findFirst().orElseThrow();
    assertThat(pool.peak()).isEqualTo(46);
    ProductConcurrency hm =
        r.products().stream().filter(p -> p.product().equals("HM")).findFirst().orElseThrow();
    assertThat(hm.peak()).isEqualTo(2);
    assertThat(hm.distinctUsers()).isEqualTo(2);
  }

  @Test
  void usageMinusTwentyPercentStillPricesThePool() {
    // The defect: at -20% each user and product's single session was dropped (floor(0.8 x
    // 1) = 0 for each), the usage became empty and every total was 0.00. Now the three visits are
    // one sequence: floor(0.8 x 3) = 2 stay (ann's OS and bob's HM; ann's HM, first, is dropped).
    // Pool: ann's OS holds 25 from 10:00 to 11:00, bob's HM 21 from 9:30 to 10:30: peak 46 from
    // 10:00 to 10:30 -> 5 packs of 10 = 5,000.00. Named: ann OS 4,000.00 + bob HM 3,000.00.
    SensitivityReport r =
        new AnalyzeSensitivityService(USAGE, POOL, new FakeEntitlementsPort(Entitlements.NONE), METERS)
            .analyze(
                new AnalyzeSensitivityQuery(
                    CompareScenariosQuery.of(YEAR), List.of(), List.of(), List.of(new BigDecimal("-20"))));
    SensitivityCase less = r.cases().get(0);
    assertThat(less.total(Scenario.ALL_FLEX)).contains(Money.of("5000.00", "USD"));
    assertThat(less.total(Scenario.ALL_NAMED)).contains(Money.of("7000.00", "USD"));
  }
}
