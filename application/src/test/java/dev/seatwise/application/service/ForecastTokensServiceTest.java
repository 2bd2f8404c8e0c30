package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.ACD;
import static dev.seatwise.application.service.AnalyticsFixtures.RVT;
import static dev.seatwise.application.service.AnalyticsFixtures.assigned;
import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static dev.seatwise.application.service.AnalyticsFixtures.daily;
import static dev.seatwise.application.service.AnalyticsFixtures.day;
import static dev.seatwise.application.service.AnalyticsFixtures.lot;
import static dev.seatwise.application.service.AnalyticsFixtures.perToken;
import static dev.seatwise.application.service.AnalyticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.in.BurnPlan;
import dev.seatwise.application.port.in.ForecastTokensQuery;
import dev.seatwise.application.port.in.MonthlyBurn;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.PlannedPurchase;
import dev.seatwise.application.port.in.ProjectedMonth;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.Session;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastTokensServiceTest {

  /** u1 opens ACD (7 tokens) every day of February 2025 for 8 h: 28 windows = 196 tokens. */
  private static List<Session> februaryOfAcd() {
    return daily("u1", ACD, "2025-02-01", "2025-03-01", 9, 8);
  }

  private static ForecastTokensQuery marchForThreeMonths() {
    return ForecastTokensQuery.of(day("2025-03-01"))
        .withHistory(PeriodSpec.of(day("2025-02-01"), day("2025-03-01"), ZoneOffset.UTC))
        .withHorizonMonths(3)
        .withSimulations(200)
        .withSeed(7);
  }

  @Test
  void projectsHeldLotsMonthByMonthAndCountsWhatExpiresUnused() {
    List<Session> sessions = new ArrayList<>(februaryOfAcd());
    // u2 holds a named RVT seat, so their daily RVT use burns no tokens (rule F9).
    sessions.addAll(daily("u2", RVT, "2025-02-01", "2025-03-01", 9, 8));
    Entitlements held =
        new Entitlements(
            List.of(),
            List.of(assigned("u2", RVT)),
            List.of(
                lot("A", "2024-05-15T00:00:00Z", 1000, "2.70", "2025-05-15T00:00:00Z"),
                lot("B", "2025-01-15T00:00:00Z", 500, "2.70", "2026-01-15T00:00:00Z")));
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held));

    TokenForecast f = service.forecast(marchForThreeMonths());

    // History: 28 days x 7 tokens = 196; mean 196 / 28 = 7 per day.
    assertThat(f.monthlyBurn()).containsExactly(new MonthlyBurn(YearMonth.of(2025, 2), 28, 196));
    assertThat(f.historyTokens()).isEqualTo(196);
    assertThat(f.meanDailyBurn()).isEqualByComparingTo("7");
    // Lot A (earliest expiry) paid for February: A 1000 - 196 = 804, B 500 -> 1,304 at 1 March.
    assertThat(f.openingBalance()).isEqualTo(1304);
    // March 31 x 7 = 217 -> 1,087; April 30 x 7 = 210 -> 877.
    // May: A has 804 - 217 - 210 = 377; 1..14 May draws 14 x 7 = 98 from it, so 279 expire on
    // 15 May; 15..31 May draws 17 x 7 = 119 from B: 877 - 217 - 279 = 381.
    assertThat(f.projection())
        .containsExactly(
            new ProjectedMonth(day("2025-03-01"), day("2025-04-01"), 1304, 217, 217, 0, 0, 0, 1087),
            new ProjectedMonth(day("2025-04-01"), day("2025-05-01"), 1087, 210, 210, 0, 0, 0, 877),
            new ProjectedMonth(day("2025-05-01"), day("2025-06-01"), 877, 217, 217, 0, 0, 279, 381));
    assertThat(f.runOut()).isEmpty();
    assertThat(f.expiringUnused()).isEqualTo(279);
    // Every history day burnt 7, so every resampled run burns 92 days x 7 = 644.
    assertThat(f.expectedBurn()).isEqualTo(644);
    assertThat(f.p50Burn()).isEqualTo(644);
    assertThat(f.p90Burn()).isEqualTo(644);
    // The lots cover the P90 burn: nothing to buy.
    assertThat(f.plan().purchases()).isEmpty();
    assertThat(f.plan().cost()).isEqualTo(usd("0.00"));
    // Both lots were bought before the history starts: their balance may be overstated.
    assertThat(f.notes()).anyMatch(n -> n.contains("lot A")).anyMatch(n -> n.contains("lot B"));
  }

  /**
   * A weekly shape: u1 opens ACD (7 tokens) on weekdays only, 3 February to 2 March 2025 (four
   * whole weeks of 35 tokens), and u2 opens it every day of the week of 17 February (49 more):
   * weeks of 35, 35, 84 and 35 tokens. A month ahead sums four or five drawn weeks, so its P50 is
   * a month of quiet weeks and its P90 holds a busy one.
   */
  @Test
  void projectedMonthsCarryTheSeededWeekBootstrapBandOfTheirBurn() {
    List<Session> sessions = new ArrayList<>();
    for (Session s : daily("u1", ACD, "2025-02-03", "2025-03-03", 9, 8)) {
      java.time.DayOfWeek d = s.start().atZone(ZoneOffset.UTC).getDayOfWeek();
      if (d != java.time.DayOfWeek.SATURDAY && d != java.time.DayOfWeek.SUNDAY) {
        sessions.add(s);
      }
    }
    sessions.addAll(daily("u2", ACD, "2025-02-17", "2025-02-24", 9, 8));
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(sessions), catalogs(), InMemoryEntitlementsAdapter.none());
    ForecastTokensQuery q =
        ForecastTokensQuery.of(day("2025-03-03"))
            .withHistory(PeriodSpec.of(day("2025-02-03"), day("2025-03-03"), ZoneOffset.UTC))
            .withHorizonMonths(2)
            .withSimulations(500)
            .withSeed(11);

    TokenForecast f = service.forecast(q);

    assertThat(f.historyTokens()).isEqualTo(4 * 35 + 49);
    assertThat(f.projection()).hasSize(2);
    for (ProjectedMonth m : f.projection()) {
      assertThat(m.p50Burn()).isLessThanOrEqualTo(m.p90Burn());
      // Each month ahead holds four whole weeks at least, each drawn week burns 35 or more: 140.
      assertThat(m.p50Burn()).isGreaterThanOrEqualTo(140);
    }
    // A drawn week is busy one time in four: the P90 of a month holds a busy week, its P50 not
    // always, so the band is wider than a point for at least one month.
    assertThat(f.projection())
        .anyMatch(m -> m.p90Burn() > m.p50Burn());
    // The same seed gives the same bands; the note states the method and the seed.
    assertThat(service.forecast(q).projection()).isEqualTo(f.projection());
    assertThat(f.notes())
        .anyMatch(n -> n.contains("block bootstrap of whole Monday-to-Sunday weeks")
            && n.contains("seed 11"));
  }

  @Test
  void runsOutOnTheDayTheBalanceCannotCoverTheDaysBurn() {
    Entitlements held =
        new Entitlements(
            List.of(),
            List.of(),
            List.of(lot("B", "2025-02-01T00:00:00Z", 500, "2.70", "2026-02-01T00:00:00Z")));
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(februaryOfAcd()), catalogs(), new InMemoryEntitlementsAdapter(held));

    TokenForecast f = service.forecast(marchForThreeMonths());

    // 500 - 196 = 304 at 1 March; 304 / 7 = 43 days (301 tokens), leaving 3 < 7 on day 44:
    // 31 March days + 12 April days are covered, so the balance runs out on 13 April.
    assertThat(f.openingBalance()).isEqualTo(304);
    assertThat(f.runOut()).contains(day("2025-04-13"));
    ProjectedMonth april = f.projection().get(1);
    // April: 12 x 7 = 84 consumed, 18 x 7 = 126 refused, 87 - 84 = 3 left.
    assertThat(april.consumed()).isEqualTo(84);
    assertThat(april.refused()).isEqualTo(126);
    assertThat(april.closing()).isEqualTo(3);
    assertThat(f.notes()).noneMatch(n -> n.contains("lot B"));
  }

  @Test
  void buysTheLeastCostScheduleThatCoversTheP90PathWithinLotExpiry() {
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(februaryOfAcd()), catalogs(), InMemoryEntitlementsAdapter.none());

    TokenForecast f = service.forecast(marchForThreeMonths().withHorizonMonths(15));

    // 1 March 2025 to 1 June 2026 = 365 + 92 = 457 days x 7 = 3,199 tokens (P50 = P90 = mean).
    assertThat(f.p90Burn()).isEqualTo(3199);
    assertThat(f.runOut()).contains(day("2025-03-01"));
    TokenPack hundred = new TokenPack(100, perToken("3.00"));
    TokenPack fiveHundred = new TokenPack(500, perToken("2.70"));
    // Every day of every run burns 7 (the history's every week is 7 a day): the P90 path is 7 a
    // day. The least-cost schedule (lots valid 12 months) buys 5 x 500 = 2,500 tokens on
    // 1 March 2025 for 6,750.00: they pay 357 days x 7 = 2,499 tokens (and 1 of the 358th day), so
    // the next lot is bought on day 357, 21 February 2026, for the 100 days x 7 = 700 tokens left
    // to 1 June 2026: 1 x 500 + 2 x 100 = 700 for 1,350.00 + 600.00 = 1,950.00. Total 8,700.00 for
    // 3,200 tokens (buying the whole first year at once, 5 x 500 + 1 x 100 = 7,050.00, and the
    // rest when that lot expires, 1,950.00, would cost 9,000.00).
    PlannedPurchase first = f.plan().purchases().get(0);
    assertThat(first.date()).isEqualTo(day("2025-03-01"));
    assertThat(first.expires()).isEqualTo(day("2026-03-01"));
    assertThat(first.shortfall()).isEqualTo(2499);
    assertThat(first.packs().counts()).isEqualTo(Map.of(fiveHundred, 5L));
    assertThat(first.cost()).isEqualTo(usd("6750.00"));
    PlannedPurchase second = f.plan().purchases().get(1);
    assertThat(second.date()).isEqualTo(day("2026-02-21"));
    assertThat(second.expires()).isEqualTo(day("2027-02-21"));
    assertThat(second.shortfall()).isEqualTo(700);
    assertThat(second.packs().counts()).isEqualTo(Map.of(hundred, 2L, fiveHundred, 1L));
    assertThat(second.cost()).isEqualTo(usd("1950.00"));
    assertThat(f.plan().purchases()).hasSize(2);
    assertThat(f.plan().cost()).isEqualTo(usd("8700.00"));
    assertThat(f.plan().tokens()).isEqualTo(3200);
    // Every run burns 7 a day: 3,200 - 3,199 = 1 token is left at the horizon, and the lot of
    // 21 February 2026 is used up by 7 a day long before it expires: nothing is wasted.
    assertThat(f.plan().surplusAtHorizon()).isEqualTo(1);
    assertThat(f.plan().expectedWaste()).isZero();
    assertThat(f.plan().expectedWasteCost()).isEqualTo(usd("0.00"));
  }

  @Test
  void theBurnOfAPlanIsTheFlexWindowsItsSeatsDoNotCover() {
    // u1: AutoCAD (7 tokens) every day of February 2025; u2: Revit (10) every day; u3: Revit on
    // two days; u4: AutoCAD on two days. One annual Revit seat, assigned to u2, ends on
    // 15 February 2025.
    List<Session> sessions = new ArrayList<>(februaryOfAcd());
    sessions.addAll(daily("u2", RVT, "2025-02-01", "2025-03-01", 9, 8));
    sessions.addAll(daily("u3", RVT, "2025-02-10", "2025-02-12", 9, 8));
    sessions.addAll(daily("u4", ACD, "2025-02-20", "2025-02-22", 9, 8));
    Entitlements held =
        new Entitlements(
            List.of(
                new Subscription(
                    "S1", RVT, 1, Term.ANNUAL, day("2024-06-01"), day("2025-02-15"), Optional.empty())),
            List.of(assigned("u2", RVT)),
            List.of());
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held));

    // unassigned (the default): u2's seat covers u2 only while its subscription runs, 1 to 14
    // February (the dated seat rule of compare's current plan); from the 15th u2's 14 days x 10 =
    // 140 burn, with u1's 28 x 7, u3's 2 x 10 and u4's 2 x 7: 196 + 140 + 20 + 14 = 370. (Before
    // the dated rule a seat covered its user whatever the dates: 230, u2's 140 left out.)
    TokenForecast unassigned = service.forecast(marchForThreeMonths());
    assertThat(unassigned.burnPlan()).isEqualTo(BurnPlan.UNASSIGNED);
    assertThat(unassigned.historyTokens()).isEqualTo(370);
    assertThat(unassigned.notes())
        .anyMatch(
            n -> n.startsWith("plan unassigned:")
                && n.contains("14 of 60 windows are covered by seats")
                && n.contains("14 after their subscription ended"));
    // all-flex: every window, u2's 28 x 10 = 280 too: 510.
    TokenForecast allFlex = service.forecast(marchForThreeMonths().withPlan(BurnPlan.ALL_FLEX));
    assertThat(allFlex.historyTokens()).isEqualTo(510);
    // current: the same held plan (a Users export is given, so nothing is assumed): 370.
    TokenForecast current = service.forecast(marchForThreeMonths().withPlan(BurnPlan.CURRENT));
    assertThat(current.burnPlan()).isEqualTo(BurnPlan.CURRENT);
    assertThat(current.historyTokens()).isEqualTo(370);
    assertThat(current.notes()).anyMatch(n -> n.startsWith("plan current:"));
    // optimal over the 28 days: a named seat costs AutoCAD 2,030.00 x 28 / 365 = 155.73, Revit
    // 2,985.00 x 28 / 365 = 228.99; packs are 100 for 300.00 or 500 for 1,350.00. u3 and u4 on
    // Flex: 34 tokens, one 100-pack, 300.00 (named: 228.99 + 155.73 = 384.72). Adding u1's 196
    // tokens would need 3 x 100 (+600.00 > 155.73), u2's 280 likewise (+900.00 > 228.99): both
    // named. The optimum's burn is u3's and u4's: 20 + 14 = 34.
    TokenForecast optimal = service.forecast(marchForThreeMonths().withPlan(BurnPlan.OPTIMAL));
    assertThat(optimal.historyTokens()).isEqualTo(34);
    assertThat(optimal.monthlyBurn()).containsExactly(new MonthlyBurn(YearMonth.of(2025, 2), 28, 34));
  }

  @Test
  void threeUsersOnTwoSeatsLeaveTheThirdsUseInTheBurn() {
    // u1, u2 and u3 use AutoCAD (7 tokens) every day of February 2025; two ACD seats are held all
    // month, assigned to u1, u2 and u3 in that order: u1 and u2 take them, u3 is unseated.
    List<Session> sessions = new ArrayList<>();
    for (String u : List.of("u1", "u2", "u3")) {
      sessions.addAll(daily(u, ACD, "2025-02-01", "2025-03-01", 9, 8));
    }
    Entitlements held =
        new Entitlements(
            List.of(
                new Subscription(
                    "S1", ACD, 2, Term.ANNUAL, day("2024-06-01"), day("2025-06-01"), Optional.empty())),
            List.of(assigned("u1", ACD), assigned("u2", ACD), assigned("u3", ACD)),
            List.of());
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held));

    // the burn is u3's 28 days x 7 = 196 tokens (before the dated seat rule every assignee was
    // covered whatever the seat count: 0)
    TokenForecast unassigned = service.forecast(marchForThreeMonths());
    assertThat(unassigned.historyTokens()).isEqualTo(196);
    assertThat(unassigned.notes())
        .anyMatch(
            n -> n.contains("56 of 84 windows are covered by seats")
                && n.contains("28 beyond their offering's seats (more assignees than seats)"));
    assertThat(service.forecast(marchForThreeMonths().withPlan(BurnPlan.CURRENT)).historyTokens())
        .isEqualTo(196);
  }

  @Test
  void aHistoryEndingAfterTheForecastDateIsRejected() {
    assertThatThrownBy(
            () ->
                ForecastTokensQuery.of(day("2025-03-01"))
                    .withHistory(PeriodSpec.of(day("2025-02-01"), day("2025-03-02"), ZoneOffset.UTC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-03-02");
  }

  @Test
  void nearestRankPercentilesOfTenRuns() {
    long[] runs = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
    // Sorted 1..10: P50 = rank ceil(5.0) = 5 -> 5; P90 = rank ceil(9.0) = 9 -> 9.
    assertThat(ForecastTokensService.nearestRank(runs, 50)).isEqualTo(5);
    assertThat(ForecastTokensService.nearestRank(runs, 90)).isEqualTo(9);
    // One run: every percentile is that run.
    assertThat(ForecastTokensService.nearestRank(new long[] {42}, 90)).isEqualTo(42);
  }

  @Test
  void spreadsABurnEvenlyInWholeTokens() {
    // 10 tokens per 4 days over 6 days: cumulative floor(10 n / 4) = 2, 5, 7, 10, 12, 15.
    var charges = FlexBurn.spread(10, 4, day("2025-01-01"), 6, ZoneOffset.UTC, "x");
    assertThat(charges).extracting(c -> c.tokens()).containsExactly(2L, 3L, 2L, 3L, 2L, 3L);
    assertThat(FlexBurn.cumulative(10, 4, 6)).isEqualTo(15);
  }
}
