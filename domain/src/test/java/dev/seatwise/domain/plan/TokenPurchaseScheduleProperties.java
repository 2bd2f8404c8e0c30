package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingGens.packMenus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/** Laws of the cheapest token purchase schedule. */
class TokenPurchaseScheduleProperties {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);
  private static final Period YEAR = Period.ofMonths(12);

  private static Catalog catalogOf(List<TokenPack> packs) {
    return catalogOf(packs, LocalDate.of(2024, 1, 1));
  }

  private static Catalog catalogOf(List<TokenPack> packs, LocalDate effective) {
    return new Catalog(
        "Test", LicensingFixtures.USD, effective, Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS, YEAR, packs, List.of(), List.of());
  }

  /** Windows: (day offset from 2025-01-01 within {@code [0, maxDay]}, tokens in [1, maxTokens]). */
  private static Gen<List<TokenCharge>> windows(int maxDay, int maxTokens, int maxWindows) {
    return lists()
        .of(integers().between(0, maxDay).zip(integers().between(1, maxTokens), Pair::of))
        .ofSizeBetween(0, maxWindows)
        .map(
            raw -> {
              List<TokenCharge> out = new ArrayList<>();
              for (int i = 0; i < raw.size(); i++) {
                out.add(
                    new TokenCharge(
                        DAY0.plusDays(raw.get(i)._1).atStartOfDay(UTC).toInstant().plusSeconds(3600L * (i % 20)),
                        raw.get(i)._2,
                        "w" + i));
              }
              return out;
            });
  }

  /**
   * Timelines small enough for the brute force: up to 5 windows of 1 to 8 tokens, 24 in all, on
   * at most {@code maxDays} distinct days within {@code [0, maxDay]}.
   */
  private static Gen<List<TokenCharge>> smallTimelines(int maxDay, int maxDays) {
    // made within the bounds rather than filtered into them: a filter that rejects most draws makes
    // QuickTheories give up ("found only 46 examples") on a slow machine. Each window takes one of
    // maxDays drawn days; a window's tokens are cut to what is left of the 24 (none left: no more)
    return lists()
        .of(integers().between(0, maxDay))
        .ofSize(maxDays)
        .zip(
            lists()
                .of(integers().between(0, maxDays - 1).zip(integers().between(1, 8), Pair::of))
                .ofSizeBetween(0, 5),
            (dayOffsets, raw) -> {
              List<TokenCharge> out = new ArrayList<>();
              long left = 24;
              for (int i = 0; i < raw.size() && left > 0; i++) {
                long tokens = Math.min(raw.get(i)._2, left);
                left -= tokens;
                out.add(
                    new TokenCharge(
                        DAY0.plusDays(dayOffsets.get(raw.get(i)._1))
                            .atStartOfDay(UTC)
                            .toInstant()
                            .plusSeconds(3600L * i),
                        tokens,
                        "w" + i));
              }
              return out;
            });
  }

  private static long total(List<TokenCharge> windows) {
    long sum = 0;
    for (TokenCharge w : windows) {
      sum += w.tokens();
    }
    return sum;
  }

  @Test
  void withinOneValidityTheScheduleCostsTodaysSingleCover() {
    // every window within 364 days of 2025-01-01, so one lot bought on the first window's day
    // (valid 12 months) could pay them all
    qt().withExamples(300)
        .forAll(packMenus(1, 3, 5_000), windows(364, 400, 30))
        .checkAssert(
            (packs, windows) -> {
              TokenPurchaseSchedule s =
                  TokenPurchaseSchedule.cheapest(windows, CatalogHistory.of(catalogOf(packs)), UTC);
              PackPurchase today = PackPricing.of(packs).cheapestCover(Tokens.of(total(windows)));
              assertThat(s.total()).isEqualTo(today.cost());
              assertThat(s.exactTotal()).isEqualByComparingTo(today.exactCost());
              assertThat(s.purchases()).hasSizeLessThanOrEqualTo(1);
            });
  }

  @Test
  void theScheduleLeavesNoWindowUnpaid() {
    qt().withExamples(200)
        .forAll(packMenus(1, 3, 600), windows(1_200, 300, 40))
        .checkAssert(
            (packs, windows) -> {
              TokenPurchaseSchedule s =
                  TokenPurchaseSchedule.cheapest(windows, CatalogHistory.of(catalogOf(packs)), UTC);
              LedgerReplay replay = TokenLedger.of(s.lots("buy")).replay(windows);
              assertThat(replay.refused()).isEmpty();
              assertThat(s.tokensBought()).isGreaterThanOrEqualTo(total(windows));
            });
  }

  @Test
  void theScheduleMatchesBruteForceOnSmallTimelines() {
    // up to 4 distinct days over 3 years (so lots expire between them), up to 24 tokens
    Gen<List<TokenCharge>> small = smallTimelines(1_100, 4);
    qt().withExamples(200)
        .forAll(packMenus(1, 2, 12), small)
        .checkAssert(
            (packs, windows) -> {
              TokenPurchaseSchedule s =
                  TokenPurchaseSchedule.cheapest(windows, CatalogHistory.of(catalogOf(packs)), UTC);
              PackPricing pricing = PackPricing.of(packs);
              BigDecimal brute = bruteForce(day -> pricing, days(windows));
              assertThat(s.exactTotal()).isEqualByComparingTo(brute);
            });
  }

  private static TreeMap<LocalDate, Long> days(List<TokenCharge> windows) {
    TreeMap<LocalDate, Long> out = new TreeMap<>();
    for (TokenCharge w : windows) {
      out.merge(LocalDate.ofInstant(w.at(), UTC), w.tokens(), Long::sum);
    }
    return out;
  }

  /**
   * The least exact cost over every schedule that buys, on each day with use, the cheapest cover
   * of any amount from 0 to what is still to come, and pays each day from lots bought on or before
   * it and not yet expired, earliest expiry first. (Buying only on days with use loses nothing:
   * a purchase moved later, to the next day with use, pays the same windows for longer; and a
   * purchase of some amount is never cheaper than the cheapest cover of that amount.) {@code
   * pricingOn} gives the pack menu in force on a day.
   */
  private static BigDecimal bruteForce(
      Function<LocalDate, PackPricing> pricingOn, TreeMap<LocalDate, Long> perDay) {
    List<LocalDate> days = new ArrayList<>(perDay.keySet());
    List<Long> demand = new ArrayList<>(perDay.values());
    return search(pricingOn, days, demand, 0, new ArrayList<>(), BigDecimal.ZERO);
  }

  private static BigDecimal search(
      Function<LocalDate, PackPricing> pricingOn,
      List<LocalDate> days,
      List<Long> demand,
      int i,
      List<long[]> lots, // {expiry epoch day, remaining}
      BigDecimal spent) {
    if (i == days.size()) {
      return spent;
    }
    long still = 0;
    for (int k = i; k < demand.size(); k++) {
      still += demand.get(k);
    }
    PackPricing pricing = pricingOn.apply(days.get(i));
    BigDecimal best = null;
    for (long b = 0; b <= still; b++) {
      List<long[]> held = new ArrayList<>();
      for (long[] l : lots) {
        held.add(l.clone());
      }
      BigDecimal cost = spent;
      if (b > 0) {
        PackPurchase p = pricing.cheapestCover(Tokens.of(b));
        cost = cost.add(p.exactCost());
        held.add(new long[] {days.get(i).plus(YEAR).toEpochDay(), p.tokensBought().count()});
      }
      held.sort((x, y) -> Long.compare(x[0], y[0]));
      long need = demand.get(i);
      long today = days.get(i).toEpochDay();
      for (long[] l : held) {
        if (l[0] > today && need > 0) {
          long take = Math.min(need, l[1]);
          l[1] -= take;
          need -= take;
        }
      }
      if (need > 0) {
        continue;
      }
      BigDecimal r = search(pricingOn, days, demand, i + 1, held, cost);
      if (r != null && (best == null || r.compareTo(best) < 0)) {
        best = r;
      }
    }
    return best;
  }

  @Test
  void everyLotOfTheScheduleIsBoughtOnADayWithUse() {
    qt().withExamples(200)
        .forAll(packMenus(1, 3, 600), windows(1_200, 300, 40))
        .checkAssert(
            (packs, windows) -> {
              TokenPurchaseSchedule s =
                  TokenPurchaseSchedule.cheapest(windows, CatalogHistory.of(catalogOf(packs)), UTC);
              for (TokenLot lot : s.lots("buy")) {
                assertThat(days(windows)).containsKey(LocalDate.ofInstant(lot.purchased(), UTC));
              }
            });
  }

  @Test
  void noSetOfLotsThatPaysEveryWindowCostsLess() {
    // random purchase plans: on 1 to 4 random days with use, a random number of each pack; those
    // whose lots (replayed in burn order) pay every window must cost at least the schedule
    Gen<List<Integer>> picks = lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 12);
    qt().withExamples(300)
        .forAll(packMenus(1, 3, 400), windows(1_100, 60, 12), picks)
        .checkAssert(
            (packs, windows, pick) -> {
              TreeMap<LocalDate, Long> perDay = days(windows);
              if (perDay.isEmpty()) {
                return;
              }
              List<LocalDate> useDays = new ArrayList<>(perDay.keySet());
              List<TokenLot> lots = new ArrayList<>();
              BigDecimal cost = BigDecimal.ZERO;
              for (int i = 0; i + 1 < pick.size(); i += 2) {
                LocalDate day = useDays.get(pick.get(i) % useDays.size());
                TokenPack pack = packs.get(pick.get(i + 1) % packs.size());
                long count = 1 + pick.get(i + 1) % 4;
                lots.add(
                    TokenLot.bought(
                        "r" + i, day.atStartOfDay(UTC).toInstant(), pack.size() * count,
                        pack.unitPrice(), YEAR, UTC));
                cost = cost.add(pack.exactPrice().multiply(BigDecimal.valueOf(count)));
              }
              if (!TokenLedger.of(lots).replay(windows).refused().isEmpty()) {
                return;
              }
              TokenPurchaseSchedule s =
                  TokenPurchaseSchedule.cheapest(windows, CatalogHistory.of(catalogOf(packs)), UTC);
              assertThat(s.exactTotal()).isLessThanOrEqualTo(cost);
            });
  }

  @Test
  void withPriceVersionsTheScheduleMatchesBruteForceAndBuysAtThePriceOfItsDay() {
    // two versions of the pack menu, the second effective on a random day of the timeline; the
    // brute force may buy on any day with use and on the last day of the first version
    Gen<List<TokenCharge>> small = smallTimelines(900, 3);
    qt().withExamples(200)
        .forAll(packMenus(1, 2, 12), packMenus(1, 2, 12), integers().between(1, 900), small)
        .checkAssert(
            (before, after, change, windows) -> {
              LocalDate switchDay = DAY0.plusDays(change);
              CatalogHistory history =
                  CatalogHistory.of(
                      catalogOf(before, LocalDate.of(2024, 1, 1)), catalogOf(after, switchDay));
              TokenPurchaseSchedule s = TokenPurchaseSchedule.cheapest(windows, history, UTC);
              for (ScheduledPurchase p : s.purchases()) {
                assertThat(history.versionOn(p.date()).orElseThrow().packs())
                    .containsAll(p.packs().counts().keySet());
              }
              TreeMap<LocalDate, Long> candidates = days(windows);
              candidates.putIfAbsent(switchDay.minusDays(1), 0L);
              // buying on each candidate day at the version in force that day
              BigDecimal brute =
                  bruteForce(
                      day ->
                          history.versionOn(day).orElse(history.versions().get(0))
                              .packPricing().orElseThrow(),
                      candidates);
              assertThat(s.exactTotal()).isEqualByComparingTo(brute);
              assertThat(TokenLedger.of(s.lots("buy")).replay(windows).refused()).isEmpty();
            });
  }

  @Test
  void jumpingBetweenChangesGivesTheTokenByTokenSchedule() {
    // the programme visiting only the positions where a candidate changes buys the same packs on
    // the same days as the one visiting every token: one version, or two with the switch on a
    // random day (rule B families), packs from 1 token up
    qt().withExamples(400)
        .forAll(
            packMenus(1, 3, 700), packMenus(1, 3, 700), integers().between(0, 1_200),
            windows(1_200, 400, 40))
        .checkAssert(
            (before, after, change, windows) -> {
              CatalogHistory history =
                  change == 0
                      ? CatalogHistory.of(catalogOf(before))
                      : CatalogHistory.of(
                          catalogOf(before, LocalDate.of(2024, 1, 1)),
                          catalogOf(after, DAY0.plusDays(change)));
              TokenPurchaseSchedule tokens =
                  TokenPurchaseSchedule.cheapest(
                      windows, history, UTC, TokenPurchaseSchedule.Method.TOKENS);
              TokenPurchaseSchedule jumps =
                  TokenPurchaseSchedule.cheapest(
                      windows, history, UTC, TokenPurchaseSchedule.Method.JUMPS);
              assertThat(jumps.purchases()).isEqualTo(tokens.purchases());
              assertThat(jumps.exactTotal()).isEqualByComparingTo(tokens.exactTotal());
            });
  }
}
