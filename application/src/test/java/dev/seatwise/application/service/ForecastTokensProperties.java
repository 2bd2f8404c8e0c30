package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.application.port.in.BurnPlan;
import dev.seatwise.application.port.in.ForecastTokensQuery;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.PlannedPurchase;
import dev.seatwise.application.port.in.ProjectedMonth;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.forecast.BurnForecast;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForecastTokensProperties {
  private static final LocalDate HISTORY_FROM = LocalDate.of(2025, 1, 1);
  private static final int HISTORY_DAYS = 59; // 1 January to 1 March 2025
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

  private static TokenForecast forecast(
      List<Session> sessions, List<TokenLot> lots, int months, long seed) {
    var service =
        new ForecastTokensService(
            InMemoryUsageAdapter.of(sessions),
            catalogs(),
            new InMemoryEntitlementsAdapter(new Entitlements(List.of(), List.of(), lots)));
    return service.forecast(
        ForecastTokensQuery.of(AS_OF)
            .withHistory(PeriodSpec.of(HISTORY_FROM, AS_OF, ZoneOffset.UTC))
            .withHorizonMonths(months)
            .withSimulations(60)
            .withSeed(seed));
  }

  @Test
  void resampledPercentilesAreOrderedAndBoundedByTheHistorysDays() {
    qt().withExamples(200)
        .forAll(
            lists().of(longs().between(0, 500)).ofSizeBetween(1, 60),
            integers().between(1, 400),
            integers().between(1, 300),
            longs().all())
        .checkAssert(
            (days, horizon, n, seed) -> {
              long[] daily = days.stream().mapToLong(Long::longValue).toArray();
              long[] runs = ForecastTokensService.simulate(daily, horizon, n, seed);
              long p50 = ForecastTokensService.nearestRank(runs, 50);
              long p90 = ForecastTokensService.nearestRank(runs, 90);
              long min = Arrays.stream(daily).min().getAsLong();
              long max = Arrays.stream(daily).max().getAsLong();
              assertThat(p50).isLessThanOrEqualTo(p90);
              assertThat(p50).isGreaterThanOrEqualTo(min * horizon);
              assertThat(p90).isLessThanOrEqualTo(max * horizon);
            });
  }

  @Test
  void theSameSeedGivesTheSameForecast() {
    qt().withExamples(25)
        .forAll(
            AnalyticsGens.usage(HISTORY_FROM, HISTORY_DAYS, 3, 30),
            AnalyticsGens.lots(AS_OF, 400, 0, 3),
            integers().between(1, 14),
            longs().all())
        .checkAssert(
            (sessions, lots, months, seed) -> {
              TokenForecast a = forecast(sessions, lots, months, seed);
              TokenForecast b = forecast(sessions, lots, months, seed);
              assertThat(a).isEqualTo(b);
              assertThat(a.p50Burn()).isLessThanOrEqualTo(a.p90Burn());
            });
  }

  @Test
  void projectedLotsConserveTokensFromMonthToMonth() {
    qt().withExamples(40)
        .forAll(
            AnalyticsGens.usage(HISTORY_FROM, HISTORY_DAYS, 3, 30),
            AnalyticsGens.lots(AS_OF, 400, 200, 4),
            integers().between(1, 14))
        .checkAssert(
            (sessions, lots, months) -> {
              TokenForecast f = forecast(sessions, lots, months, 1);
              long balance = f.openingBalance();
              long burn = 0;
              for (ProjectedMonth m : f.projection()) {
                // each month: opening + purchased - consumed - expired = closing (checked by the
                // record); the months chain, and the burns add up to the expected burn.
                assertThat(m.opening()).isEqualTo(balance);
                balance = m.closing();
                burn += m.burn();
              }
              assertThat(burn).isEqualTo(f.expectedBurn());
              assertThat(f.projection()).hasSize(months);
            });
  }

  @Test
  void thePlanCoversTheP90PathWithinTheHorizon() {
    qt().withExamples(40)
        .forAll(
            AnalyticsGens.usage(HISTORY_FROM, HISTORY_DAYS, 3, 30),
            AnalyticsGens.lots(AS_OF, 400, 0, 3),
            integers().between(1, 24))
        .checkAssert(
            (sessions, held, months) -> {
              TokenForecast f = forecast(sessions, held, months, 3);
              LocalDate end = AS_OF.plusMonths(months);
              List<TokenLot> lots = new ArrayList<>(held);
              int n = 0;
              for (PlannedPurchase p : f.plan().purchases()) {
                assertThat(p.date()).isAfterOrEqualTo(AS_OF).isBefore(end);
                assertThat(p.shortfall()).isPositive();
                Instant at = p.date().atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant expires = p.expires().atStartOfDay(ZoneOffset.UTC).toInstant();
                for (Map.Entry<TokenPack, Long> e : p.packs().counts().entrySet()) {
                  lots.add(
                      new TokenLot(
                          "p" + n++, at, e.getKey().size() * e.getValue(), e.getKey().unitPrice(),
                          expires));
                }
              }
              // the P90 path, rebuilt from the history's daily burn by the domain bootstrap with the
              // service's seed and runs: the 90th percentile of the runs' cumulative burn, per day
              List<TokenCharge> past = pastCharges(sessions, held);
              Map<LocalDate, Long> byDay = new TreeMap<>();
              for (LocalDate d = HISTORY_FROM; d.isBefore(AS_OF); d = d.plusDays(1)) {
                byDay.put(d, 0L);
              }
              for (TokenCharge c : past) {
                byDay.merge(c.at().atZone(ZoneOffset.UTC).toLocalDate(), c.tokens(), Long::sum);
              }
              int days = (int) ChronoUnit.DAYS.between(AS_OF, end);
              int pathDays =
                  (int) ChronoUnit.DAYS.between(AS_OF, AS_OF.plusDays(days - 1L).plusYears(1));
              long[][] paths = BurnForecast.paths(byDay, AS_OF, pathDays, 60, 3);
              long[] cum = new long[paths.length];
              long before = 0;
              List<TokenCharge> demand = new ArrayList<>(past);
              for (int d = 0; d < days; d++) {
                for (int r = 0; r < paths.length; r++) {
                  cum[r] += paths[r][d];
                }
                long c90 = ForecastTokensService.nearestRank(cum, 90);
                if (c90 > before) {
                  demand.add(
                      new TokenCharge(
                          AS_OF.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant(), c90 - before,
                          "P90"));
                }
                before = c90;
              }
              assertThat(before).isEqualTo(f.p90Burn());
              LedgerReplay replay = TokenLedger.of(lots).replay(demand);
              Instant start = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();
              assertThat(replay.refused()).allMatch(c -> c.at().isBefore(start));
            });
  }

  /**
   * The forecast by column (the Flex windows' table, the columnar replay and its running totals)
   * is the forecast by objects it replaced ({@link ObjectForecastTokensService}, the plain rule):
   * the same record, field for field, whatever the plan, the seats and lots held, the horizon,
   * the daily usage beside the sessions and the history's length (with and without a whole week).
   */
  @Test
  void theColumnarForecastIsTheObjectForecast() {
    qt().withExamples(120)
        .forAll(
            AnalyticsGens.usage(HISTORY_FROM, HISTORY_DAYS, 3, 40),
            lists().of(integers().between(0, 3 * HISTORY_DAYS * 3 - 1)).ofSizeBetween(0, 20),
            AnalyticsGens.entitlements(AS_OF, 3),
            integers().between(0, 4 * 3 * 2 * 14 - 1))
        .checkAssert(
            (sessions, dayCodes, entitlements, code) -> {
              int choice = code % 24;
              int months = 1 + code / 24;
              BurnPlan plan = BurnPlan.values()[choice % 4];
              boolean seats = (choice / 4) % 3 != 0; // else the lots alone
              boolean shortHistory = choice / 12 == 1;
              // daily usage (no clock times) of users d0..d2, charged at the start of its day
              List<DailyUsage> days = new ArrayList<>();
              for (int day : dayCodes) {
                days.add(
                    DailyUsage.of(
                        "d" + day % 3, List.of("ACD", "RVT", "C3D").get(day / 3 % 3),
                        HISTORY_FROM.plusDays(day / 9)));
              }
              Entitlements held =
                  seats
                      ? entitlements
                      : new Entitlements(List.of(), List.of(), entitlements.lots());
              LocalDate to = shortHistory ? HISTORY_FROM.plusDays(5) : AS_OF;
              ForecastTokensQuery query =
                  ForecastTokensQuery.of(AS_OF)
                      .withHistory(PeriodSpec.of(HISTORY_FROM, to, ZoneOffset.UTC))
                      .withHorizonMonths(months)
                      .withSimulations(40)
                      .withSeed(choice)
                      .withPlan(plan);
              var usage = InMemoryUsageAdapter.of(sessions, days);
              var lots = new InMemoryEntitlementsAdapter(held);
              TokenForecast columnar =
                  new ForecastTokensService(usage, catalogs(), lots).forecast(query);
              TokenForecast objects =
                  new ObjectForecastTokensService(usage, catalogs(), lots).forecast(query);
              assertThat(columnar).isEqualTo(objects);
            });
  }

  /** The history's charges, metered independently of the service under test. */
  private static List<TokenCharge> pastCharges(List<Session> sessions, List<TokenLot> lots) {
    var analysis =
        UsageAnalysis.of(
            InMemoryUsageAdapter.of(sessions).usage(),
            catalogs(),
            PeriodSpec.of(HISTORY_FROM, AS_OF, ZoneOffset.UTC));
    return ObjectForecastTokensService.ledgerCharges(
        ObjectForecastTokensService.within(analysis.flexMetering().charges(), analysis.period()));
  }
}
