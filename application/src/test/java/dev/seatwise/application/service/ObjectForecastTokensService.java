package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.BurnPlan;
import dev.seatwise.application.port.in.ForecastTokensQuery;
import dev.seatwise.application.port.in.ForecastTokensUseCase;
import dev.seatwise.application.port.in.MonthlyBurn;
import dev.seatwise.application.port.in.PlannedPurchase;
import dev.seatwise.application.port.in.ProjectedMonth;
import dev.seatwise.application.port.in.PurchasePlan;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.forecast.BurnCoverPlan;
import dev.seatwise.domain.forecast.BurnForecast;
import dev.seatwise.domain.forecast.RefusalCoverPlan;
import dev.seatwise.domain.plan.HeldPlan;
import dev.seatwise.domain.plan.SeatCover;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.ScheduledPurchase;
import dev.seatwise.domain.usage.UserId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The forecast as it was before it ran on columns (main at 389c078, kept as the test oracle): the
 * Flex windows as a list of {@code Charge} objects, the ledger's object replay ({@link TokenLedger}
 * over {@code TokenCharge}s, sorted by time) and scans of its refused charges. {@link
 * ForecastTokensService} must give the same forecast ({@code ForecastTokensProperties}).
 */
final class ObjectForecastTokensService implements ForecastTokensUseCase {
  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final EntitlementsPort entitlements;
  private final MeterRegistry meters;

  /** A service with the standard meters (Flex access windows, network seats). */
  ObjectForecastTokensService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements) {
    this(usage, catalog, entitlements, MeterRegistry.standard());
  }

  /** A service with the given meters (e.g. the standard ones plus service-loaded plug-ins). */
  ObjectForecastTokensService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements, MeterRegistry meters) {
    this.usage = checkNotNull(usage, "usage");
    this.catalogs = checkNotNull(catalog, "catalog");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.meters = checkNotNull(meters, "meters");
  }

  @Override
  public TokenForecast forecast(ForecastTokensQuery query) {
    checkNotNull(query, "query");
    ImportedUsage imported = usage.usage();
    UsageAnalysis analysis = UsageAnalysis.of(imported, catalogs, query.history(), meters);
    AnalysisPeriod history = analysis.period();
    ZoneId zone = history.zone();
    Entitlements held = entitlements.entitlements();
    List<String> notes = new ArrayList<>(analysis.notes());

    List<Charge> burn = burnOf(query.plan(), imported, analysis, held, notes);
    long[] daily = dailyTotals(burn, history);
    List<PoolConsumption> pooled = PoolConsumptionBurn.within(imported.consumption(), history);
    PoolConsumptionBurn.addDaily(pooled, history, daily);
    long historyTokens = Arrays.stream(daily).sum();
    long historyDays = daily.length;

    LocalDate asOf = query.asOf();
    LocalDate end = query.horizonEnd();
    long horizonDays = ChronoUnit.DAYS.between(asOf, end);
    Instant asOfStart = asOf.atStartOfDay(zone).toInstant();
    List<TokenCharge> past =
        concat(ledgerCharges(burn), PoolConsumptionBurn.ledgerCharges(pooled, zone));
    List<TokenCharge> expected =
        FlexBurn.spread(historyTokens, historyDays, asOf, horizonDays, zone, "expected");
    LedgerReplay replay = TokenLedger.of(held.lots()).replay(concat(past, expected));

    Map<LocalDate, Long> byDay = new TreeMap<>();
    for (int i = 0; i < daily.length; i++) {
      byDay.put(history.from().plusDays(i), daily[i]);
    }
    boolean banded = BurnForecast.hasWholeWeek(byDay);
    List<ProjectedMonth> projection = new ArrayList<>();
    for (int k = 1; k <= query.horizonMonths(); k++) {
      LocalDate from = asOf.plusMonths(k - 1);
      LocalDate to = asOf.plusMonths(k);
      ProjectedMonth m = month(replay, expected, from, to, zone);
      if (banded) {
        BurnForecast.Forecast f =
            BurnForecast.simulate(
                byDay, from, BurnForecast.daysBetween(from, to), query.simulations(), query.seed());
        m = m.withBand(f.p50(), f.p90());
      }
      projection.add(m);
    }
    if (banded) {
      notes.add(
          "P50/P90 per projected month: a block bootstrap of whole Monday-to-Sunday weeks of the"
              + " history, each drawn among the weeks within " + BurnForecast.SEASON_WEEKS
              + " ISO weeks of the same week of the year (among all when none is), "
              + query.simulations() + " runs, seed " + query.seed()
              + "; the horizon's P50/P90 and the purchase plan come from the same bootstrap (the runs"
              + " drawn on past the horizon until the last possible purchase expires)");
    } else {
      notes.add(
          "the history holds no whole Monday-to-Sunday week, so the projected months carry no"
              + " P50/P90 band (both are the expected burn)");
    }
    Optional<LocalDate> runOut =
        replay.refused().stream()
            .filter(c -> !c.at().isBefore(asOfStart) && c.tokens() > 0)
            .map(c -> c.at().atZone(zone).toLocalDate())
            .findFirst();
    Instant open = FlexBurn.closeBefore(asOf, zone);
    Instant close = FlexBurn.closeBefore(end, zone);
    long expiringUnused = replay.expiredBy(close) - replay.expiredBy(open);

    long expectedBurn = FlexBurn.cumulative(historyTokens, historyDays, horizonDays);
    Catalog prices = catalogs.versionOn(asOf).orElse(analysis.catalog());
    long p50;
    long p90;
    PurchasePlan plan;
    if (banded) {
      int h = Math.toIntExact(horizonDays);
      int pathDays =
          Math.max(h, BurnForecast.daysBetween(asOf, asOf.plusDays(h - 1L).plus(prices.tokenExpiry())));
      int runsDrawn = (int) Math.max(1, Math.min(query.simulations(), MAX_PATH_DAYS / pathDays));
      if (runsDrawn < query.simulations()) {
        notes.add(
            "the horizon's P50/P90 and the purchase plan use the first " + runsDrawn + " of the "
                + query.simulations() + " runs (" + pathDays + " days each: at most "
                + Figures.tokens(MAX_PATH_DAYS) + " simulated days are kept)");
      }
      long[][] paths = BurnForecast.paths(byDay, asOf, pathDays, runsDrawn, query.seed());
      long[] totals = new long[paths.length];
      for (int r = 0; r < paths.length; r++) {
        for (int d = 0; d < h; d++) {
          totals[r] += paths[r][d];
        }
      }
      p50 = nearestRank(totals, 50);
      p90 = nearestRank(totals, 90);
      plan = planOnPaths(prices, held.lots(), past, paths, p90, asOf, h, zone, notes);
    } else {
      long[] runs = simulate(daily, horizonDays, query.simulations(), query.seed());
      p50 = nearestRank(runs, 50);
      p90 = nearestRank(runs, 90);
      plan = plan(prices, held.lots(), past, p90, historyTokens, historyDays, asOf, end, zone, notes);
    }

    for (TokenLot lot : held.lots()) {
      if (lot.purchased().isBefore(history.startInstant())
          && lot.expires().isAfter(history.startInstant())) {
        notes.add(
            "lot " + lot.id() + " was bought before the history starts (" + history.from()
                + "); charges before the history are not replayed, so its balance may be overstated");
      }
    }
    if (analysis.hasSummaries()) {
      notes.add("aggregated usage reports carry no dates, so they are not part of the burn");
    }
    if (analysis.isCapacityMetered()) {
      notes.add(
          "the catalog's meter (" + analysis.catalog().meter() + ") sizes a pool rather than"
              + " charging per use: there is no burn to forecast");
    }
    if (!pooled.isEmpty()) {
      notes.add(
          "the history includes " + Figures.tokens(PoolConsumptionBurn.total(pooled))
              + " tokens of Enterprise Token Flex pool consumption (" + pooled.size()
              + " rows per day and product line, no users), charged at the start of their day");
    }
    if (historyTokens == 0) {
      notes.add("the history holds no Flex burn by users without a covering subscription");
    }
    return new TokenForecast(
        asOf,
        end,
        history,
        monthly(daily, history.from()),
        historyTokens,
        Figures.ratio(historyTokens, historyDays, 4),
        replay.balanceAt(open),
        projection,
        runOut,
        expiringUnused,
        expectedBurn,
        p50,
        p90,
        query.simulations(),
        query.seed(),
        plan,
        notes,
        PoolConsumptionBurn.byProduct(pooled),
        PoolConsumptionBurn.byPool(pooled),
        query.plan());
  }

  /** Most simulated days (runs x days) the purchase plan keeps in memory: 64 MB of longs. */
  static final long MAX_PATH_DAYS = ForecastTokensService.MAX_PATH_DAYS;

  /** The Flex windows of the history that {@code plan}'s seats do not cover (see {@link BurnPlan}). */
  private List<Charge> burnOf(
      BurnPlan plan,
      ImportedUsage imported,
      UsageAnalysis analysis,
      Entitlements held,
      List<String> notes) {
    AnalysisPeriod history = analysis.period();
    List<Charge> all = within(analysis.flexMetering().charges(), history);
    switch (plan) {
      case CURRENT:
        return seatBurn(plan, all, held, history, true, notes);
      case OPTIMAL: {
        String[] why = new String[1];
        Optional<OptimalFlex.Mix> optimal =
            OptimalFlex.of(imported, analysis, catalogs, meters, why);
        if (optimal.isEmpty()) {
          notes.add(
              "plan optimal: " + why[0] + "; the burn is that of the users no held seat covers"
                  + " (plan unassigned)");
          return seatBurn(BurnPlan.UNASSIGNED, all, held, history, false, notes);
        }
        Map<UserId, Set<ProductId>> flex = optimal.get().onFlex();
        List<Charge> out = new ArrayList<>();
        Set<UserId> onFlex = new HashSet<>();
        for (Charge c : all) {
          if (flex.getOrDefault(c.user(), Set.of()).contains(c.product())) {
            out.add(c);
            onFlex.add(c.user());
          }
        }
        notes.add(
            "plan optimal: the burn is the Flex windows of the products that compare's optimal plan"
                + " over the history (" + history.from() + " to " + history.to() + ", "
                + history.days() + " days; no pins, exclusions or token cap) leaves each user on"
                + " Flex: " + Figures.tokens(out.size()) + " of " + Figures.tokens(all.size())
                + " windows, " + Figures.tokens(onFlex.size()) + " users; that plan costs "
                + Figures.money(optimal.get().total()) + " over the history, as compare prices it");
        return out;
      }
      case ALL_FLEX:
        if (!held.isEmpty()) {
          notes.add("plan all-flex: every window burns, whatever subscriptions are held");
        }
        return all;
      default:
        return seatBurn(BurnPlan.UNASSIGNED, all, held, history, false, notes);
    }
  }

  /**
   * The windows of {@code all} that today's plan's seats do not cover (domain {@link HeldPlan}
   * evaluated by {@link SeatCover}: a seat covers only its seated user, only between its
   * subscription's start and end). Without a Users export, {@code rank} assumes the seats assigned
   * to the heaviest users ({@code current}); otherwise nobody is seated ({@code unassigned}).
   */
  private List<Charge> seatBurn(
      BurnPlan plan,
      List<Charge> all,
      Entitlements held,
      AnalysisPeriod history,
      boolean rank,
      List<String> notes) {
    String label = "plan " + plan.label() + ": ";
    if (held.isEmpty()) {
      return all;
    }
    if (!rank && held.assignments().isEmpty()) {
      notes.add(
          label + "no Users export assigns anyone a seat, so every window burns (plan current"
              + " assumes the seats assigned to the heaviest users instead)");
      return all;
    }
    PlanPeriod period = new PlanPeriod(history.from(), history.to(), history.zone());
    HeldPlan today = HeldPlan.of(held, catalogs, period, all);
    SeatCover cover = SeatCover.of(today, all, catalogs);
    notes.add(
        label + "the burn is the Flex windows of the history that no held seat covers ("
            + SeatCoverNotes.RULE + "); " + SeatCoverNotes.covered(cover, all.size())
            + ". The seats are assumed held as in the history throughout the horizon");
    notes.addAll(SeatCoverNotes.assumed(today, label));
    return cover.uncovered();
  }

  private static ProjectedMonth month(
      LedgerReplay replay, List<TokenCharge> expected, LocalDate from, LocalDate to, ZoneId zone) {
    Instant a = FlexBurn.closeBefore(from, zone);
    Instant b = FlexBurn.closeBefore(to, zone);
    long burn = sumBetween(expected, a, b);
    long refused = sumBetween(replay.refused(), a, b);
    return new ProjectedMonth(
        from,
        to,
        replay.balanceAt(a),
        burn,
        replay.consumedBy(b) - replay.consumedBy(a),
        refused,
        replay.purchasedBy(b) - replay.purchasedBy(a),
        replay.expiredBy(b) - replay.expiredBy(a),
        replay.balanceAt(b));
  }

  /** Tokens of charges at instants in {@code (after, upTo]}. */
  private static long sumBetween(List<TokenCharge> charges, Instant after, Instant upTo) {
    long sum = 0;
    for (TokenCharge c : charges) {
      if (c.at().isAfter(after) && !c.at().isAfter(upTo)) {
        sum = Math.addExact(sum, c.tokens());
      }
    }
    return sum;
  }

  private static List<MonthlyBurn> monthly(long[] daily, LocalDate from) {
    Map<YearMonth, long[]> byMonth = new TreeMap<>();
    for (int i = 0; i < daily.length; i++) {
      long[] m = byMonth.computeIfAbsent(YearMonth.from(from.plusDays(i)), x -> new long[2]);
      m[0]++;
      m[1] += daily[i];
    }
    List<MonthlyBurn> out = new ArrayList<>();
    byMonth.forEach((m, v) -> out.add(new MonthlyBurn(m, v[0], v[1])));
    return out;
  }

  /** Horizon burns of {@code n} runs, each drawing {@code days} daily burns with replacement. */
  static long[] simulate(long[] daily, long days, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] runs = new long[n];
    for (int s = 0; s < n; s++) {
      long sum = 0;
      for (long d = 0; d < days; d++) {
        sum = Math.addExact(sum, daily[random.nextInt(daily.length)]);
      }
      runs[s] = sum;
    }
    return runs;
  }

  /** The nearest-rank percentile: the value at rank {@code ceil(p n / 100)} of the sorted runs. */
  static long nearestRank(long[] runs, int percent) {
    long[] sorted = runs.clone();
    Arrays.sort(sorted);
    int rank = (int) ((percent * (long) sorted.length + 99) / 100);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static PurchasePlan plan(
      Catalog prices,
      List<TokenLot> heldLots,
      List<TokenCharge> past,
      long p90,
      long historyTokens,
      long historyDays,
      LocalDate asOf,
      LocalDate end,
      ZoneId zone,
      List<String> notes) {
    Money zero = prices.zero();
    Optional<PackPricing> pricing = prices.packPricing();
    if (pricing.isEmpty()) {
      notes.add("the catalog sells no token packs, so there is no purchase plan");
      return new PurchasePlan(List.of(), 0, zero, 0, 0, zero, "the catalog sells no token packs");
    }
    long horizonDays = ChronoUnit.DAYS.between(asOf, end);
    List<TokenCharge> p90Burn = FlexBurn.spread(p90, horizonDays, asOf, horizonDays, zone, "P90");
    RefusalCoverPlan cover =
        RefusalCoverPlan.plan(
            heldLots, concat(past, p90Burn), pricing.get(), prices.tokenExpiry(), asOf, end, zone);
    List<PlannedPurchase> purchases = new ArrayList<>();
    for (RefusalCoverPlan.Purchase p : cover.purchases()) {
      purchases.add(
          new PlannedPurchase(
              p.day(),
              p.packs(),
              p.shortfall(),
              p.expires(),
              "on " + p.day() + " the lots would first refuse the P90 burn; "
                  + Figures.tokens(p.shortfall()) + " tokens are refused from then until "
                  + p.until() + (p.toHorizon() ? " (horizon end)" : " (the new lot's expiry)")
                  + "; cheapest cover: " + Figures.packs(p.packs())));
    }
    Money cost = Money.total(zero.currency(), purchases.stream().map(PlannedPurchase::cost).toList());
    long tokens = purchases.stream().mapToLong(PlannedPurchase::tokens).sum();
    if (purchases.isEmpty()) {
      return new PurchasePlan(
          List.of(), 0, zero, 0, 0, zero,
          "the lots held cover the P90 burn of " + Figures.tokens(p90) + " tokens to " + end
              + "; nothing to buy");
    }
    // Waste: replay the mean burn, continued past the horizon until the last planned lot expires.
    long extendedDays = ChronoUnit.DAYS.between(asOf, cover.lastExpiry(asOf)) + 1;
    List<TokenCharge> mean =
        FlexBurn.spread(historyTokens, historyDays, asOf, extendedDays, zone, "expected");
    RefusalCoverPlan.Waste waste =
        cover.waste(concat(past, mean), FlexBurn.closeBefore(end, zone), zero.currency());
    return new PurchasePlan(
        purchases,
        tokens,
        cost,
        waste.surplusAtHorizon(),
        waste.tokens(),
        waste.cost(),
        purchases.size() + " purchase(s) of " + Figures.tokens(tokens) + " tokens for "
            + Figures.money(cost) + " cover the P90 burn of " + Figures.tokens(p90)
            + " tokens to " + end + "; at the mean burn " + Figures.tokens(waste.surplusAtHorizon())
            + " of them are left at the horizon's end and " + Figures.tokens(waste.tokens())
            + " would expire unused (" + Figures.money(waste.cost()) + ")");
  }

  /**
   * The purchases that cover the P90 path of the bootstrap's runs within lot expiry at the least
   * pack cost plus expected waste (domain {@link BurnCoverPlan}), after the lots held (their
   * balance at the start of {@code asOf}, once the history's charges are replayed).
   */
  private PurchasePlan planOnPaths(
      Catalog prices,
      List<TokenLot> heldLots,
      List<TokenCharge> past,
      long[][] paths,
      long p90,
      LocalDate asOf,
      int horizonDays,
      ZoneId zone,
      List<String> notes) {
    Money zero = prices.zero();
    if (prices.packPricing().isEmpty()) {
      notes.add("the catalog sells no token packs, so there is no purchase plan");
      return new PurchasePlan(List.of(), 0, zero, 0, 0, zero, "the catalog sells no token packs");
    }
    LedgerReplay replay = TokenLedger.of(heldLots).replay(past);
    Instant asOfStart = asOf.atStartOfDay(zone).toInstant();
    List<BurnCoverPlan.HeldTokens> held = new ArrayList<>();
    for (int i = 0; i < replay.lots().size(); i++) {
      TokenLot lot = replay.lots().get(i);
      long drawn = 0;
      for (LedgerReplay.Draw d : replay.drawsFrom(i)) {
        if (d.at().isBefore(asOfStart)) {
          drawn += d.tokens();
        }
      }
      held.add(
          new BurnCoverPlan.HeldTokens(
              lot.id(), firstDayFrom(lot.purchased(), zone), firstDayFrom(lot.expires(), zone),
              lot.size() - drawn));
    }
    BurnCoverPlan cover;
    try {
      cover = BurnCoverPlan.plan(paths, asOf, horizonDays, held, catalogs, prices.tokenExpiry());
    } catch (IllegalArgumentException e) {
      notes.add("no purchase plan on the simulated paths: " + e.getMessage());
      return new PurchasePlan(List.of(), 0, zero, 0, 0, zero, "no purchase plan: " + e.getMessage());
    }
    LocalDate end = asOf.plusDays(horizonDays);
    if (cover.purchases().isEmpty()) {
      return new PurchasePlan(
          List.of(), 0, zero, 0, 0, zero,
          "the lots held cover the P90 path of " + Figures.tokens(cover.p90Total())
              + " tokens to " + end + " (" + cover.runs() + " runs); nothing to buy");
    }
    List<PlannedPurchase> purchases = new ArrayList<>();
    for (ScheduledPurchase p : cover.purchases()) {
      long drawn = p.packs().demand().count();
      purchases.add(
          new PlannedPurchase(
              p.date(),
              p.packs(),
              drawn,
              p.expires(),
              "pays " + Figures.tokens(drawn) + " tokens of the P90 path from " + p.date()
                  + " (drawn in burn order, before it expires on " + p.expires()
                  + "); cheapest cover: " + Figures.packs(p.packs())));
    }
    Money cost = cover.cost();
    long tokens = cover.tokensBought();
    BurnCoverPlan.Candidate chosen = cover.chosen();
    String span =
        chosen.span().equals(prices.tokenExpiry())
            ? "the least-pack-cost schedule"
            : "the schedule sized as if lots lasted " + chosen.span().toTotalMonths()
                + " month(s) (they last " + prices.tokenExpiry().toTotalMonths() + ")";
    return new PurchasePlan(
        purchases,
        tokens,
        cost,
        cover.expectedSurplusAtHorizon(),
        cover.expectedWasteTokens(),
        cover.expectedWasteCost(),
        purchases.size() + " purchase(s) of " + Figures.tokens(tokens) + " tokens for "
            + Figures.money(cost) + " cover the P90 path of " + Figures.tokens(cover.p90Total())
            + " tokens to " + end + " (" + Figures.tokens(cover.residualTotal())
            + " after the lots held) within lot expiry; over " + cover.runs() + " runs "
            + Figures.tokens(cover.expectedSurplusAtHorizon()) + " of them are left at the horizon's"
            + " end on average and " + Figures.tokens(cover.expectedWasteTokens())
            + " expire unused (" + Figures.money(cover.expectedWasteCost()) + "); " + span
            + " scores the least pack cost + expected waste of " + cover.candidates().size()
            + " candidates, at most " + Figures.money(cover.gapBound())
            + " above the optimum (docs/forecasting.md)");
  }

  /** The first day whose start is at or after {@code t}. */
  private static LocalDate firstDayFrom(Instant t, ZoneId zone) {
    LocalDate d = t.atZone(zone).toLocalDate();
    return d.atStartOfDay(zone).toInstant().isBefore(t) ? d.plusDays(1) : d;
  }

  /** Charges that start in the period (continuation windows past its end belong to the next). */
  static List<Charge> within(List<Charge> charges, AnalysisPeriod period) {
    Instant start = period.startInstant();
    Instant end = period.endInstant();
    List<Charge> out = new ArrayList<>();
    for (Charge c : charges) {
      if (!c.start().isBefore(start) && c.start().isBefore(end)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Tokens charged on each day of the period (index 0 = its first day), by the day a charge starts. */
  static long[] dailyTotals(List<Charge> charges, AnalysisPeriod period) {
    long[] daily = new long[Math.toIntExact(period.days())];
    for (Charge c : within(charges, period)) {
      LocalDate day = c.start().atZone(period.zone()).toLocalDate();
      int i = (int) ChronoUnit.DAYS.between(period.from(), day);
      daily[i] = Math.addExact(daily[i], c.tokens());
    }
    return daily;
  }

  /** The charges as ledger charges, referenced {@code user/product}. */
  static List<TokenCharge> ledgerCharges(List<Charge> charges) {
    List<TokenCharge> out = new ArrayList<>(charges.size());
    for (Charge c : charges) {
      out.add(new TokenCharge(c.start(), c.tokens(), c.user() + "/" + c.product()));
    }
    return out;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
