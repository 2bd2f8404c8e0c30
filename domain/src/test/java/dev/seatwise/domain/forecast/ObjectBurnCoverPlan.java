package dev.seatwise.domain.forecast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.ScheduledPurchase;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BurnCoverPlan} as it was before it drew the runs from arrays (main at 389c078, kept as the
 * test oracle): lots drawn from a list of records, each run's path copied before it was drawn.
 */
final class ObjectBurnCoverPlan {
  /** Decimal places of the expected (mean over runs) figures before they are rounded for output. */
  private static final int MEAN_SCALE = 6;

  private final LocalDate from;
  private final int horizonDays;
  private final int runs;
  private final long[] p90Path;
  private final long[] residual;
  private final BurnCoverPlan.Candidate chosen;
  private final List<BurnCoverPlan.Candidate> candidates;
  private final long expectedSurplusAtHorizon;
  private final Currency currency;
  private final BigDecimal gapBound;

  private ObjectBurnCoverPlan(
      LocalDate from, int horizonDays, int runs, long[] p90Path, long[] residual, BurnCoverPlan.Candidate chosen,
      List<BurnCoverPlan.Candidate> candidates, long expectedSurplusAtHorizon, Currency currency,
      BigDecimal gapBound) {
    this.from = from;
    this.horizonDays = horizonDays;
    this.runs = runs;
    this.p90Path = p90Path;
    this.residual = residual;
    this.chosen = chosen;
    this.candidates = List.copyOf(candidates);
    this.expectedSurplusAtHorizon = expectedSurplusAtHorizon;
    this.currency = currency;
    this.gapBound = gapBound;
  }

  /**
   * The plan for {@code horizonDays} days from {@code from}, from {@code runs} paths of {@link
   * BurnForecast#paths} over {@code daily} seeded by {@code seed} (drawn on past the horizon until
   * the last possible purchase expires), with the lots {@code held}, the packs of {@code catalogs}
   * (the version in force on each purchase day) and lots valid {@code validity} after purchase.
   * The history must hold a whole Monday-to-Sunday week ({@link BurnForecast#hasWholeWeek}).
   */
  static ObjectBurnCoverPlan plan(
      Map<LocalDate, Long> daily, LocalDate from, int horizonDays, int runs, long seed,
      List<BurnCoverPlan.HeldTokens> held, CatalogHistory catalogs, Period validity) {
    checkNotNull(from, "from");
    checkArgument(horizonDays >= 1, "horizon must be >= 1 day but was %s", horizonDays);
    checkNotNull(validity, "validity");
    checkArgument(!validity.isNegative() && !validity.isZero(), "validity must be > 0: %s", validity);
    int days = BurnForecast.daysBetween(from, from.plusDays(horizonDays - 1L).plus(validity));
    long[][] paths = BurnForecast.paths(daily, from, Math.max(days, horizonDays), runs, seed);
    return plan(paths, from, horizonDays, held, catalogs, validity);
  }

  /**
   * The plan over given paths ({@code paths[r][d]}: burn of day {@code from + d} in run {@code r});
   * each path must run at least until {@code from + horizonDays - 1 + validity}.
   */
  static ObjectBurnCoverPlan plan(
      long[][] paths, LocalDate from, int horizonDays, List<BurnCoverPlan.HeldTokens> held,
      CatalogHistory catalogs, Period validity) {
    checkNotNull(paths, "paths");
    checkNotNull(from, "from");
    checkNotNull(held, "held");
    checkNotNull(catalogs, "catalogs");
    checkNotNull(validity, "validity");
    checkArgument(paths.length >= 1, "at least one run is needed");
    int days = BurnForecast.daysBetween(from, from.plusDays(horizonDays - 1L).plus(validity));
    for (long[] p : paths) {
      checkArgument(
          p.length >= Math.max(days, horizonDays),
          "a path of %s days is shorter than the horizon plus validity (%s days)", p.length, days);
    }
    int runs = paths.length;
    Currency currency = catalogs.versions().get(0).currency();

    // the P90 path: increments of the 90th percentile of cumulative burn
    long[] p90 = new long[horizonDays];
    long[] cum = new long[runs];
    long prev = 0;
    for (int d = 0; d < horizonDays; d++) {
      for (int r = 0; r < runs; r++) {
        cum[r] = Math.addExact(cum[r], paths[r][d]);
      }
      long c90 = BurnForecast.percentile(cum, 0.9);
      p90[d] = c90 - prev;
      prev = c90;
    }

    // the lots held pay first, in burn order; the residual is what purchases must pay
    List<Lot> heldLots = new ArrayList<>();
    for (BurnCoverPlan.HeldTokens h : held) {
      if (h.tokens() > 0 && h.expires().isAfter(h.from())) {
        heldLots.add(
            new Lot(h.id(), index(from, h.from()), index(from, h.expires()), h.tokens(), null));
      }
    }
    long[] residual = p90.clone();
    draw(sorted(heldLots), residual, horizonDays, new long[heldLots.size()], -1, null);

    long residualTotal = 0;
    for (long t : residual) {
      residualTotal = Math.addExact(residualTotal, t);
    }
    if (residualTotal == 0) {
      BurnCoverPlan.Candidate none =
          new BurnCoverPlan.Candidate(validity, "none", List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
      return new ObjectBurnCoverPlan(
          from, horizonDays, runs, p90, residual, none, List.of(none), 0, currency, BigDecimal.ZERO);
    }

    List<Period> spans = new ArrayList<>();
    spans.add(validity);
    if (validity.getDays() == 0 && validity.toTotalMonths() > 1) {
      for (long m = validity.toTotalMonths() - 1; m >= 1; m--) {
        spans.add(Period.ofMonths((int) m));
      }
    }
    Map<Catalog, PackPricing> pricing = new IdentityHashMap<>();
    List<BurnCoverPlan.Candidate> scored = new ArrayList<>();
    BurnCoverPlan.Candidate best = null;
    long bestSurplus = 0;
    BigDecimal bound = BigDecimal.ZERO;
    for (Period span : spans) {
      List<ScheduledPurchase> purchases;
      String rule;
      if (residualTotal <= TokenPurchaseSchedule.MAX_TOKENS) {
        TokenPurchaseSchedule s =
            TokenPurchaseSchedule.cheapest(charges(residual, from), catalogs, ZoneOffset.UTC, span, from);
        purchases = new ArrayList<>();
        for (ScheduledPurchase p : s.purchases()) {
          purchases.add(
              new ScheduledPurchase(
                  p.date(), p.date().plus(validity),
                  repriced(p.packs(), pricing(pricing, catalogs, p.date()))));
        }
        rule = "exact";
      } else {
        purchases = greedy(residual, from, span, validity, catalogs, pricing);
        rule = "greedy";
      }
      long[] surplus = new long[1];
      BurnCoverPlan.Candidate c = score(span, rule, purchases, heldLots, paths, from, horizonDays, surplus);
      scored.add(c);
      if (best == null) {
        bound = c.expectedWasteValue();
      }
      if (best == null || c.objective().compareTo(best.objective()) < 0) {
        best = c;
        bestSurplus = surplus[0];
      }
    }
    return new ObjectBurnCoverPlan(
        from, horizonDays, runs, p90, residual, best, scored, bestSurplus, currency, bound);
  }

  /** Each purchase at today's cheapest cover of what is drawn from it, when that is cheaper. */
  private static PackPurchase repriced(PackPurchase packs, PackPricing pricing) {
    PackPurchase cheapest = pricing.cheapestCover(packs.demand());
    return cheapest.exactCost().compareTo(packs.exactCost()) < 0 ? cheapest : packs;
  }

  private static PackPricing pricing(
      Map<Catalog, PackPricing> cache, CatalogHistory catalogs, LocalDate day) {
    Catalog version = catalogs.versionOn(day).orElse(catalogs.versions().get(0));
    return cache.computeIfAbsent(
        version,
        v -> {
          if (v.packPricing().isPresent()) {
            return v.packPricing().get();
          }
          for (Catalog c : catalogs.versions()) {
            if (c.packPricing().isPresent()) {
              return c.packPricing().get();
            }
          }
          throw new IllegalArgumentException("no catalog version sells token packs");
        });
  }

  /** On the first day the purchases fall short, the cheapest cover of the residual over the span. */
  private static List<ScheduledPurchase> greedy(
      long[] residual, LocalDate from, Period span, Period validity, CatalogHistory catalogs,
      Map<Catalog, PackPricing> cache) {
    int h = residual.length;
    List<ScheduledPurchase> out = new ArrayList<>();
    List<Lot> lots = new ArrayList<>();
    List<Long> left = new ArrayList<>();
    for (int d = 0; d < h; d++) {
      long need = residual[d];
      for (int i = 0; i < lots.size() && need > 0; i++) {
        Lot l = lots.get(i);
        if (l.from() <= d && d < l.expires() && left.get(i) > 0) {
          long take = Math.min(need, left.get(i));
          left.set(i, left.get(i) - take);
          need -= take;
        }
      }
      if (need == 0) {
        continue;
      }
      LocalDate day = from.plusDays(d);
      int until = Math.min(h, index(from, day.plus(span)));
      long shortfall = need;
      for (int t = d + 1; t < until; t++) {
        shortfall = Math.addExact(shortfall, residual[t]);
      }
      PackPurchase buy = pricing(cache, catalogs, day).cheapestCover(Tokens.of(shortfall));
      out.add(new ScheduledPurchase(day, day.plus(validity), buy));
      lots.add(new Lot("g" + d, d, until, buy.tokensBought().count(), null));
      left.add(buy.tokensBought().count() - need);
    }
    return out;
  }

  /** Scores a candidate over every run; {@code surplus[0]} gets the mean tokens left at the horizon. */
  private static BurnCoverPlan.Candidate score(
      Period span, String rule, List<ScheduledPurchase> purchases, List<Lot> held, long[][] paths,
      LocalDate from, int horizonDays, long[] surplus) {
    List<Lot> lots = new ArrayList<>(held);
    BigDecimal cost = BigDecimal.ZERO;
    for (ScheduledPurchase p : purchases) {
      cost = cost.add(p.packs().exactCost());
      for (Map.Entry<TokenPack, Long> e : p.packs().counts().entrySet()) {
        lots.add(
            new Lot(
                p.date() + "-" + e.getKey().size(), index(from, p.date()), index(from, p.expires()),
                Math.multiplyExact(e.getKey().size(), e.getValue()), e.getKey().unitPrice()));
      }
    }
    List<Lot> order = sorted(lots);
    long[] unused = new long[order.size()];
    long leftAtHorizon = 0;
    long[] atHorizon = new long[order.size()];
    for (long[] path : paths) {
      long[] left = new long[order.size()];
      draw(order, path.clone(), path.length, left, horizonDays, atHorizon);
      for (int i = 0; i < order.size(); i++) {
        Lot l = order.get(i);
        if (l.price() != null) {
          unused[i] += left[i];
          if (l.expires() > horizonDays) {
            leftAtHorizon += atHorizon[i];
          }
        }
      }
    }
    int runs = paths.length;
    BigDecimal wasteValue = BigDecimal.ZERO;
    long wasteTokens = 0;
    for (int i = 0; i < order.size(); i++) {
      Lot l = order.get(i);
      if (l.price() != null) {
        wasteValue = wasteValue.add(l.price().exactCostOf(unused[i]));
        wasteTokens += unused[i];
      }
    }
    BigDecimal n = BigDecimal.valueOf(runs);
    surplus[0] =
        BigDecimal.valueOf(leftAtHorizon).divide(n, 0, RoundingMode.HALF_EVEN).longValueExact();
    return new BurnCoverPlan.Candidate(
        span, rule, purchases, cost,
        wasteValue.divide(n, MEAN_SCALE, RoundingMode.HALF_EVEN),
        BigDecimal.valueOf(wasteTokens).divide(n, MEAN_SCALE, RoundingMode.HALF_EVEN));
  }

  /**
   * Draws {@code demand[0..days)} from {@code order} (burn order) day by day; {@code demand[d]} is
   * left holding what the lots could not pay and {@code left[i]} what lot {@code i} holds after the
   * last day, {@code snapshot[i]} (when not null) what it held at the start of day {@code at}. A
   * lot not yet bought holds its size.
   */
  private static void draw(
      List<Lot> order, long[] demand, int days, long[] left, int at, long[] snapshot) {
    for (int i = 0; i < order.size(); i++) {
      left[i] = order.get(i).tokens();
    }
    for (int d = 0; d < days; d++) {
      if (d == at && snapshot != null) {
        System.arraycopy(left, 0, snapshot, 0, left.length);
      }
      long need = demand[d];
      for (int i = 0; i < order.size() && need > 0; i++) {
        Lot l = order.get(i);
        if (l.from() <= d && d < l.expires() && left[i] > 0) {
          long take = Math.min(need, left[i]);
          left[i] -= take;
          need -= take;
        }
      }
      demand[d] = need;
    }
    if (at == days && snapshot != null) {
      System.arraycopy(left, 0, snapshot, 0, left.length);
    }
  }

  private static List<Lot> sorted(List<Lot> lots) {
    List<Lot> order = new ArrayList<>(lots);
    order.sort(Comparator.comparingInt(Lot::expires).thenComparingLong(Lot::tokens));
    return order;
  }

  private static int index(LocalDate from, LocalDate day) {
    return BurnForecast.daysBetween(from, day);
  }

  private static List<TokenCharge> charges(long[] daily, LocalDate from) {
    List<TokenCharge> out = new ArrayList<>();
    for (int d = 0; d < daily.length; d++) {
      if (daily[d] > 0) {
        out.add(
            new TokenCharge(
                from.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant(), daily[d], "P90 " + d));
      }
    }
    return out;
  }

  /** A lot on the day line: usable on days {@code [from, expires)}; {@code price} null when held. */
  private record Lot(String id, int from, int expires, long tokens, UnitPrice price) {}

  public LocalDate from() {
    return from;
  }

  public int horizonDays() {
    return horizonDays;
  }

  public int runs() {
    return runs;
  }

  /** The P90 path: the burn of each day of the horizon (increments of the cumulative P90). */
  public long[] p90Path() {
    return p90Path.clone();
  }

  /** The P90 path's burn over the horizon: the 90th percentile of the runs' horizon burn. */
  public long p90Total() {
    long sum = 0;
    for (long t : p90Path) {
      sum += t;
    }
    return sum;
  }

  /** What the lots held leave unpaid of the P90 path, per day: what the purchases pay. */
  public long[] residual() {
    return residual.clone();
  }

  public long residualTotal() {
    long sum = 0;
    for (long t : residual) {
      sum += t;
    }
    return sum;
  }

  /** The chosen schedule, by day; each purchase expires validity after its day. */
  public List<ScheduledPurchase> purchases() {
    return chosen.purchases();
  }

  /** The chosen candidate with its score. */
  public BurnCoverPlan.Candidate chosen() {
    return chosen;
  }

  /** Every candidate scored, the least-pack-cost one first. */
  public List<BurnCoverPlan.Candidate> candidates() {
    return candidates;
  }

  /** The sum of the purchases' costs, each rounded once. */
  public Money cost() {
    Money sum = Money.zero(currency);
    for (ScheduledPurchase p : chosen.purchases()) {
      sum = sum.plus(p.cost());
    }
    return sum;
  }

  public long tokensBought() {
    long sum = 0;
    for (ScheduledPurchase p : chosen.purchases()) {
      sum = Math.addExact(sum, p.tokens());
    }
    return sum;
  }

  /** Mean over runs of the purchased tokens left at the end of the horizon, whole tokens. */
  public long expectedSurplusAtHorizon() {
    return expectedSurplusAtHorizon;
  }

  /** Mean over runs of the purchased tokens that expire unused, whole tokens (half-even). */
  public long expectedWasteTokens() {
    return chosen.expectedWasteTokens().setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** The expected waste's value at its packs' unit prices, rounded once (half-even). */
  public Money expectedWasteCost() {
    return Money.rounded(chosen.expectedWasteValue(), currency, RoundingMode.HALF_EVEN);
  }

  /**
   * How far above the optimum (pack cost + expected waste value over every cover of the residual)
   * the chosen schedule can be at most: the least-cost schedule's expected waste value, rounded
   * once (half-even).
   */
  public Money gapBound() {
    return Money.rounded(gapBound, currency, RoundingMode.HALF_EVEN);
  }
}
