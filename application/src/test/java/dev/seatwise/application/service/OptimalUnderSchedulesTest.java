package dev.seatwise.application.service;

import static dev.seatwise.application.service.CompareScenariosServiceTest.JAN1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.Optimality;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.usage.UserId;
import java.util.Optional;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.application.port.in.BurnPlan;
import dev.seatwise.application.port.in.ForecastTokensQuery;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
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
 * The optimal scenario when tokens expire before the period ends: worked by hand with the test
 * catalog of {@link CompareScenariosServiceTest} (Revit 2,985.00 a year or 10 tokens a window; the
 * AEC Collection 3,700.00; packs of 100 at 3.00 and 1,000 at 2.90, valid 12 months).
 */
class OptimalUnderSchedulesTest {
  private static final LocalDate JUL1_2026 = LocalDate.of(2026, 7, 1);

  /** bob uses Revit on {@code days} days from 2025-01-01 and as many from 2026-04-01, 09:00-17:00. */
  private static Comparison bursts(int days) {
    List<Session> sessions = new ArrayList<>();
    for (LocalDate first : List.of(JAN1, LocalDate.of(2026, 4, 1))) {
      for (int d = 0; d < days; d++) {
        Instant start = first.plusDays(d).atTime(9, 0).toInstant(ZoneOffset.UTC);
        sessions.add(Session.of("bob", "RVT", start, start.plusSeconds(8 * 3600)));
      }
    }
    return new CompareScenariosService(
            new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(sessions))),
            CatalogHistory.of(CompareScenariosServiceTest.catalog()),
            new FakeEntitlementsPort(Entitlements.NONE))
        .compare(CompareScenariosQuery.of(PeriodSpec.of(JAN1, JUL1_2026, ZoneOffset.UTC)));
  }

  @Test
  void whenExpiryMakesFlexDearerThanASeatTheOptimalPlanHoldsTheSeatAndSaysHowCloseItIs() {
    // Two bursts of 75 days (2025-01-01..03-16 and 2026-04-01..06-14), 750 tokens each. Bought at
    // once, 1,500 tokens cost 1 x 1000 + 5 x 100 = 2,900.00 + 1,500.00 = 4,400.00, less than a
    // Revit seat over the 546 days [2025-01-01, 2026-07-01): two annual terms, 2,985.00 whole +
    // 2,985.00 x 181/365 (its days in the period) = 1,480.23, together 4,465.23. But every lot
    // bought for the first burst has expired (by 2026-03-16) before the second: each burst needs
    // 8 x 100 = 2,400.00 (< 1 x 1000 = 2,900.00), 4,800.00 in all, dearer than the seat. The
    // optimiser (tokens at once) says Flex; re-evaluated under the schedule, the seat is cheaper:
    // 4,465.23. Nothing costs less than 4,400.00 (no schedule buys 1,500 tokens for less than one
    // purchase), so the plan is at most 65.23 (1.48 % of 4,400.00) above the optimum. (The AEC
    // Collection: 3,700.00 + 3,700.00 x 181/365 = 1,834.79, 5,534.79, dearer.)
    Comparison c = bursts(75);

    Scenario optimal = c.scenario(Scenario.OPTIMAL).orElseThrow();
    assertThat(optimal.total()).isEqualTo(Money.of("4465.23", "USD"));
    assertThat(optimal.purchases()).isEmpty();
    assertThat(optimal.lines())
        .contains(
            "RVT named: 1 seat, 2985.00/yr from 2025-01-01 = 2985.00 + 2985.00/yr from 2026-01-01 x"
                + " 181/365 days = 1480.23, rounded once per term = 4465.23")
        .anyMatch(l -> l.startsWith("not proven optimal: at most 65.23 (1.48%) above the optimum, which costs at least 4400.00"));
    // three schedules: the optimiser's mix (Flex), the seat (kept), and Flex again in a second pass
    assertThat(optimal.optimality())
        .contains(new Optimality(false, Money.of("4400.00", "USD"), Money.of("65.23", "USD"), 3));
    assertThat(c.scenario(Scenario.ALL_FLEX).orElseThrow().total()).isEqualTo(Money.of("4800.00", "USD"));
    assertThat(c.scenario(Scenario.ALL_NAMED).orElseThrow().total()).isEqualTo(Money.of("4465.23", "USD"));
    UserComparison bob = c.users().get(0);
    assertThat(bob.named()).extracting(p -> p.value()).containsExactly("RVT");
    assertThat(bob.cost()).isEqualTo(Money.of("4465.23", "USD"));
  }

  @Test
  void withinOneValidityTheOptimalPlanIsProvenAsBefore() {
    // the usage of CompareScenariosServiceTest over 2025: one purchase pays every window, so the
    // plan costs the single-purchase optimum, the lower bound
    Comparison c = CompareScenariosServiceTest.compare(Entitlements.NONE, CompareScenariosServiceTest.YEAR_2025);

    Scenario optimal = c.scenario(Scenario.OPTIMAL).orElseThrow();
    assertThat(optimal.optimality()).hasValueSatisfying(o -> {
      assertThat(o.proven()).isTrue();
      assertThat(o.lowerBound()).isEqualTo(optimal.total());
      assertThat(o.gap()).isEqualTo(Money.of("0.00", "USD"));
    });
    assertThat(optimal.lines()).anyMatch(l -> l.startsWith("proven optimal: lower bound "));
    assertThat(c.scenario(Scenario.ALL_NAMED).orElseThrow().optimality()).isEmpty();
  }

  @Test
  void usersCostsSumExactlyToEachScenarioTheyAreChargedFrom() {
    // each user is charged their seats and, by largest remainder, the lots their windows drew
    Comparison c = CompareScenariosServiceTest.compare(Entitlements.NONE, CompareScenariosServiceTest.YEAR_2025);
    Money optimal = Money.zero(c.currency());
    Money named = Money.zero(c.currency());
    for (UserComparison u : c.users()) {
      optimal = optimal.plus(u.cost());
      named = named.plus(u.allNamedCost());
    }
    assertThat(optimal).isEqualTo(c.scenario(Scenario.OPTIMAL).orElseThrow().total());
    assertThat(named).isEqualTo(c.scenario(Scenario.ALL_NAMED).orElseThrow().total());
  }

  @Test
  void forecastPlanOptimalOverFourteenMonthsIsComparesOptimalPlan() {
    // Two catalog versions: from 2026-01-01 a Revit seat costs 3,600.00 (2,985.00 before); rates
    // and packs unchanged. bob uses Revit on 100 days from 2025-01-01 (1,000 tokens) and on 20
    // days from 2026-02-01 (200 tokens); the period is the 14 months [2025-01-01, 2026-03-01), 424
    // days.
    CatalogHistory catalogs = revitDearerFrom2026();
    List<Session> sessions = new ArrayList<>();
    for (LocalDate d = JAN1; d.isBefore(JAN1.plusDays(100)); d = d.plusDays(1)) {
      Instant start = d.atTime(9, 0).toInstant(ZoneOffset.UTC);
      sessions.add(Session.of("bob", "RVT", start, start.plusSeconds(8 * 3600)));
    }
    for (LocalDate d = LocalDate.of(2026, 2, 1); d.isBefore(LocalDate.of(2026, 2, 21)); d = d.plusDays(1)) {
      Instant start = d.atTime(9, 0).toInstant(ZoneOffset.UTC);
      sessions.add(Session.of("bob", "RVT", start, start.plusSeconds(8 * 3600)));
    }
    LocalDate end = LocalDate.of(2026, 3, 1);
    PeriodSpec period = PeriodSpec.of(JAN1, end, ZoneOffset.UTC);
    FakeUsagePort usage = new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(sessions)));
    FakeEntitlementsPort none = new FakeEntitlementsPort(Entitlements.NONE);

    Comparison c = new CompareScenariosService(usage, catalogs, none).compare(CompareScenariosQuery.of(period));
    TokenForecast f =
        new ForecastTokensService(usage, catalogs, none)
            .forecast(
                ForecastTokensQuery.of(end)
                    .withHistory(period)
                    .withHorizonMonths(1)
                    .withSimulations(50)
                    .withPlan(BurnPlan.OPTIMAL));

    // compare, by hand. A Revit seat as its plan prices it: two annual terms, 2,985.00 from
    // 2025-01-01 whole + 3,600.00 (in force on 2026-01-01) x 59/365 = 581.92: 3,566.92 (pro-rated
    // by days at the first price, as the forecast's optimum did before: 2,985.00 x 424/365 =
    // 3,467.51). On Flex, the 2025 lots expire before February 2026: 1 x 1000 on 2025-01-01 =
    // 2,900.00 and 2 x 100 on 2026-02-01 = 600.00: 3,500.00, the single-purchase bound too
    // (1,200 tokens: 1 x 1000 + 2 x 100). So bob is on Flex, 3,500.00.
    Scenario optimal = c.scenario(Scenario.OPTIMAL).orElseThrow();
    assertThat(c.scenario(Scenario.ALL_NAMED).orElseThrow().total()).isEqualTo(Money.of("3566.92", "USD"));
    assertThat(optimal.total()).isEqualTo(Money.of("3500.00", "USD"));
    assertThat(c.users().get(0).flex()).extracting(ProductId::value).containsExactly("RVT");
    // the forecast's optimal plan is that plan: bob's 1,200 tokens burn, and its note states
    // compare's figure
    assertThat(f.historyTokens()).isEqualTo(1200);
    assertThat(f.notes())
        .anyMatch(n -> n.startsWith("plan optimal:") && n.contains("that plan costs 3,500.00 over the history"));
  }

  /** The test catalog, and from 2026-01-01 the same with a Revit seat at 3,600.00 (2,985.00). */
  private static CatalogHistory revitDearerFrom2026() {
    Catalog v1 = CompareScenariosServiceTest.catalog();
    Catalog v2 =
        new Catalog(
            v1.vendor(), v1.currency(), LocalDate.of(2026, 1, 1), v1.meter(), v1.metering(),
            v1.tokenExpiry(), v1.packs(),
            List.of(
                v1.product(ProductId.of("ACD")).orElseThrow(),
                Product.of("RVT", "Revit", Money.of("3600.00", "USD"), 10)),
            v1.bundles());
    return CatalogHistory.of(v1, v2);
  }

  @Test
  void datelessReportsArePricedByTheSinglePurchaseRuleAndTheOutputSaysSo() {
    // Aggregated usage reports over the 14 months [2025-01-01, 2026-03-01): bob used Revit on 300
    // days (3,000 tokens), carol on 20 (200). No dates: no dated plan can be evaluated.
    List<UsageSummary> reports =
        List.of(
            new UsageSummary(
                UserId.of("bob"), ProductId.of("RVT"), 300, Optional.of(LocalDate.of(2026, 2, 27)), 0),
            new UsageSummary(
                UserId.of("carol"), ProductId.of("RVT"), 20, Optional.of(LocalDate.of(2026, 2, 27)), 0));
    ImportedUsage usage =
        new ImportedUsage(
            UsageLog.ofSessions(List.of()), List.of(), reports, List.of(), List.of(), List.of(),
            ImportReport.EMPTY);
    Comparison c =
        new CompareScenariosService(
                new FakeUsagePort(usage), revitDearerFrom2026(), new FakeEntitlementsPort(Entitlements.NONE))
            .compare(
                CompareScenariosQuery.of(
                    PeriodSpec.of(JAN1, LocalDate.of(2026, 3, 1), ZoneOffset.UTC)));

    // A Revit seat for the period as the optimiser prices it: 2,985.00 (2025) + 3,600.00 (in
    // force on 2026-01-01) x 59/365 = 581.92, 3,566.92; its line shows that figure, so the lines
    // sum to the total (before, the line said 2,985.00 x 424/365 = 3,467.51 a seat). all-named: 2
    // seats, 7,133.84. optimal: bob named (3,000 tokens would cost 3 x 1000 = 8,700.00), carol on
    // Flex: 200 tokens, 2 x 100 = 600.00, bought at once: 4,166.92.
    Scenario named = c.scenario(Scenario.ALL_NAMED).orElseThrow();
    assertThat(named.total()).isEqualTo(Money.of("7133.84", "USD"));
    assertThat(named.lines())
        .containsExactly(
            "RVT named: 2 seats x 3566.92 (annual terms from the period's start, each at the price"
                + " in force on its start, pro rata past the period) = 7133.84");
    Scenario optimal = c.scenario(Scenario.OPTIMAL).orElseThrow();
    assertThat(optimal.total()).isEqualTo(Money.of("4166.92", "USD"));
    assertThat(optimal.purchases()).singleElement().satisfies(p -> assertThat(p.date()).isEqualTo(JAN1));
    assertThat(c.notes())
        .anyMatch(n -> n.contains("no dated plan can be evaluated against them")
            && n.contains("single-purchase rule"))
        .anyMatch(n -> n.contains("320 days used (3,200 tokens, 2 user-product rows) are counted in"
            + " the period as they are") && n.contains("424 days"));
  }
}
