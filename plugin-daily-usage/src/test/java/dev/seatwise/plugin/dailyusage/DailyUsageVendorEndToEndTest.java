package dev.seatwise.plugin.dailyusage;

import static dev.seatwise.plugin.dailyusage.DailyFixtures.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.service.AnalyzeConcurrencyService;
import dev.seatwise.application.service.CompareScenariosService;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daily-usage vendor through the real compare and concurrency use cases, on a year worked by
 * hand: ann runs MicroStation 08:00-16:00 on 100 days (from 1 January), bob OpenRoads 09:00-10:00 on
 * 10 days (one a week from 1 February), cy opens MicroStation for 5 minutes on 50 days (from 1
 * March).
 */
class DailyUsageVendorEndToEndTest {
  static final FakeUsagePort USAGE = new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(year())));
  static final CatalogHistory BENTLEY = CatalogHistory.of(catalog());
  static final MeterRegistry METERS = MeterRegistry.standard().with(new DailyUsageMeter());
  static final PeriodSpec YEAR =
      PeriodSpec.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC);

  static List<Session> year() {
    List<Session> s = new ArrayList<>();
    Instant jan1 = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 100; i++) {
      Instant d = jan1.plusSeconds(86_400L * i);
      s.add(new Session(id("ann"), pid("MSTN"), d.plusSeconds(8 * 3600), d.plusSeconds(16 * 3600)));
    }
    Instant feb1 = Instant.parse("2025-02-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      Instant d = feb1.plusSeconds(7 * 86_400L * i);
      s.add(new Session(id("bob"), pid("ORD"), d.plusSeconds(9 * 3600), d.plusSeconds(10 * 3600)));
    }
    Instant mar1 = Instant.parse("2025-03-01T00:00:00Z");
    for (int i = 0; i < 50; i++) {
      Instant d = mar1.plusSeconds(86_400L * i);
      s.add(new Session(id("cy"), pid("MSTN"), d.plusSeconds(12 * 3600), d.plusSeconds(12 * 3600 + 300)));
    }
    return s;
  }

  private static dev.seatwise.domain.usage.UserId id(String u) {
    return dev.seatwise.domain.usage.UserId.of(u);
  }

  private static dev.seatwise.domain.catalog.ProductId pid(String p) {
    return dev.seatwise.domain.catalog.ProductId.of(p);
  }

  @Test
  void compareGivesAllNamedAllDailyAndTheOptimum() {
    Comparison c =
        new CompareScenariosService(USAGE, BENTLEY, new FakeEntitlementsPort(Entitlements.NONE), METERS)
            .compare(CompareScenariosQuery.of(YEAR));
    // daily: ann 100 days x 25 + bob 10 days x 70 + cy 0 (5 minutes stay in one interval) = 3200 tokens = USD 3200
    assertThat(c.scenario(Scenario.ALL_FLEX).orElseThrow().tokens()).hasValue(3200);
    assertThat(c.scenario(Scenario.ALL_FLEX).orElseThrow().total()).isEqualTo(Money.of("3200.00", "USD"));
    // optimum: ann named MicroStation (2500 of daily use > 2070.00), bob daily (700 < 6160), cy free
    Scenario optimal = c.scenario(Scenario.OPTIMAL).orElseThrow();
    assertThat(optimal.total()).isEqualTo(Money.of("2770.00", "USD"));
    UserComparison ann = user(c, "ann");
    assertThat(ann.named()).extracting(p -> p.value()).containsExactly("MSTN");
    assertThat(ann.reason()).contains("MSTN: 100 windows x 25 tokens = 2500 tokens ~ 2500.00 at 1/token >= named 2070.00 -> named");
    assertThat(user(c, "bob").flex()).extracting(p -> p.value()).containsExactly("ORD");
  }

  @Test
  void concurrencyGivesSessionsAndTheCountedIntervalPeak() {
    ConcurrencyReport r =
        new AnalyzeConcurrencyService(USAGE, BENTLEY, METERS)
            .analyze(new ConcurrencyQuery(PeriodSpec.DATA_SPAN_UTC, 0.0));
    // sessions: ann and cy overlap at noon in March and April
    assertThat(row(r, "MSTN").peak()).isEqualTo(2);
    // counted 10-minute intervals: cy's 5 minutes never count, so at most one user
    assertThat(row(r, "pool:MSTN").peak()).isEqualTo(1);
    assertThat(row(r, "pool:ORD").peak()).isEqualTo(1);
  }

  private static ProductConcurrency row(ConcurrencyReport r, String name) {
    return r.products().stream().filter(p -> p.product().equals(name)).findFirst().orElseThrow();
  }

  private static UserComparison user(Comparison c, String name) {
    return c.users().stream().filter(u -> u.user().value().equals(name)).findFirst().orElseThrow();
  }
}
