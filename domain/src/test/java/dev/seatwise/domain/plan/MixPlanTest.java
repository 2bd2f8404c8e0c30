package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixPlanTest {
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final PlanPeriod TWO_YEARS =
      new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), ZoneOffset.UTC);

  private static Charge window(String who, LocalDate day) {
    Instant open = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);
    return new Charge(user(who), ACD, open, open.plusSeconds(24 * 3600), 7);
  }

  @Test
  void aMixOverTwoYearsIsTwoAnnualTermsAndTheLotsOfItsSchedule() {
    // ann holds an AutoCAD seat; bob is on Flex and opens one window on 2025-03-03 and one on
    // 2026-06-01, 15 months later: a lot bought for the first has expired by the second, so the
    // schedule buys 1 x 500 twice (3.00 a token): 1,500.00 + 1,500.00. ann's seat is two annual
    // terms at 2,030.00, each whole within the period. Total 2,030.00 x 2 + 1,500.00 x 2 = 7,060.00.
    List<Charge> windows =
        List.of(
            window("ann", LocalDate.of(2025, 3, 3)),
            window("bob", LocalDate.of(2025, 3, 3)),
            window("bob", LocalDate.of(2026, 6, 1)));
    Map<dev.seatwise.domain.usage.UserId, Set<dev.seatwise.domain.catalog.ProductId>> onFlex =
        Map.of(user("bob"), Set.of(ACD));

    TokenPurchaseSchedule schedule = MixPlan.schedule(onFlex, windows, TWO_YEARS, BUNDLED);
    Plan plan = MixPlan.of(Map.of(ACD, List.of(user("ann"))), TWO_YEARS, BUNDLED, schedule);
    PlanEvaluation e = PlanEvaluation.of(plan, windows, TWO_YEARS, BUNDLED);

    assertThat(plan.seats()).extracting(SeatHolding::id, SeatHolding::start, SeatHolding::seats)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ACD", LocalDate.of(2025, 1, 1), 1L),
            org.assertj.core.groups.Tuple.tuple("ACD#2", LocalDate.of(2026, 1, 1), 1L));
    assertThat(plan.lots()).extracting(TokenLot::id, TokenLot::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("flex-2025-03-03-500", 500L),
            org.assertj.core.groups.Tuple.tuple("flex-2026-06-01-500", 500L));
    assertThat(e.uncovered()).isEmpty();
    assertThat(e.lines()).extracting(CostLine::amount)
        .containsExactly(usd("2030.00"), usd("2030.00"), usd("1500.00"), usd("1500.00"));
    assertThat(e.total()).isEqualTo(usd("7060.00"));
    assertThat(MixPlan.seatCost(ACD, TWO_YEARS, BUNDLED)).isEqualTo(usd("4060.00"));
  }

  @Test
  void onlyTheMixsFlexWindowsWithinThePeriodAreScheduled() {
    List<Charge> windows =
        List.of(
            window("ann", LocalDate.of(2025, 3, 3)),
            window("bob", LocalDate.of(2024, 12, 31)),
            window("bob", LocalDate.of(2025, 3, 4)));

    assertThat(MixPlan.flexWindows(Map.of(user("bob"), Set.of(ACD)), windows, TWO_YEARS, BUNDLED))
        .singleElement()
        .satisfies(w -> {
          assertThat(w.tokens()).isEqualTo(7);
          assertThat(w.reference()).isEqualTo("bob ACD");
        });
  }
}
