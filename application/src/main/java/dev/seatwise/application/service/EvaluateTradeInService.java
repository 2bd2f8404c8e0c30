package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.application.LicensingException;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.EvaluateTradeInQuery;
import dev.seatwise.application.port.in.EvaluateTradeInUseCase;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.TradeInEvaluation;
import dev.seatwise.application.port.in.TradeInOption;
import dev.seatwise.application.port.in.TradeInOption.Choice;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.NetworkRetirement;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.plan.HeldPlan;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.SeatCover;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.SeatAdmission;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Evaluates the 2-for-1 trade-in of legacy network seats over a year, from the usage of a period.
 *
 * <p>The users are the people who used the product in the period without a named seat covering it
 * (those are not network users). Flex tokens are the replayed windows' tokens scaled to a year
 * ({@code ceil(tokens x 365 / days)}) and bought as the cheapest pack cover. The cost of every user
 * counts in every option:
 *
 * <ul>
 *   <li><b>keep</b>: N seats x maintenance, plus Flex for the sessions N seats would have refused
 *       ({@link SeatAdmission}: the users above the seats at the busy times); offered only while
 *       network seats can still be renewed on the as-of date ({@link NetworkRetirement});
 *   <li><b>trade in</b>: 2N named seats x the given price; if more than 2N people used the
 *       product, the 2N who used the most tokens take the seats and the rest go on Flex (or, when
 *       the product is not on Flex, on named seats at the catalog's price); offered only while the
 *       trade-in window is open on the as-of date;
 *   <li><b>retire</b>: everyone on Flex.
 * </ul>
 *
 * The as-of date is the query's, else the end of the period; the dates are those of the catalog
 * version in force on it, and the answer states them.
 *
 * Stateless apart from its ports; thread-safe when they are.
 */
public final class EvaluateTradeInService implements EvaluateTradeInUseCase {
  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final EntitlementsPort entitlements;
  private final MeterRegistry meters;

  /** A service with the standard meters. */
  public EvaluateTradeInService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements) {
    this(usage, catalog, entitlements, MeterRegistry.standard());
  }

  /** A service with the given meters. */
  public EvaluateTradeInService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements, MeterRegistry meters) {
    this.usage = checkNotNull(usage, "usage");
    this.catalogs = checkNotNull(catalog, "catalog");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.meters = checkNotNull(meters, "meters");
  }

  @Override
  public TradeInEvaluation evaluate(EvaluateTradeInQuery query) {
    checkNotNull(query, "query");
    UsageAnalysis analysis = UsageAnalysis.of(usage.usage(), catalogs, query.period(), meters);
    Catalog catalog = analysis.catalog();
    AnalysisPeriod period = analysis.period();
    ProductId id = query.product();
    Product product =
        catalog
            .product(id)
            .orElseThrow(() -> new LicensingException("product " + id + " is not in the catalog"));
    if (!query.namedPricePerSeat().currency().equals(catalog.currency())) {
      throw new LicensingException(
          "prices are in " + query.namedPricePerSeat().currency() + " but the catalog is in "
              + catalog.currency());
    }
    List<String> notes = new ArrayList<>();
    LocalDate asOf = query.asOf().orElse(period.to());
    NetworkRetirement retirement =
        catalogs.versionOn(asOf).orElse(catalogs.latest()).networkRetirement();
    String eligibility = retirement.statement(asOf);

    // who is not a network user: whom today's plan's seats cover, by the one dated seat rule
    Entitlements held = entitlements.entitlements();
    PlanPeriod planPeriod = new PlanPeriod(period.from(), period.to(), period.zone());
    List<Charge> all = analysis.flexMetering().charges();
    HeldPlan today = HeldPlan.of(held, catalogs, planPeriod, all);
    List<Charge> ofProduct = new ArrayList<>();
    for (Charge c : all) {
      if (c.product().equals(id)) {
        ofProduct.add(c);
      }
    }
    SeatCover cover = SeatCover.of(today, ofProduct, catalogs);
    Map<UserId, long[]> counts = new TreeMap<>();
    Map<UserId, Set<LocalDate>> daysOf = new HashMap<>();
    for (Charge c : cover.uncovered()) {
      long[] wt = counts.computeIfAbsent(c.user(), u -> new long[3]);
      wt[1]++;
      wt[2] = Math.addExact(wt[2], c.tokens());
      daysOf.computeIfAbsent(c.user(), u -> new HashSet<>()).add(planPeriod.dayOf(c.start()));
    }
    daysOf.forEach((u, d) -> counts.get(u)[0] = d.size());
    Map<UserId, ProductUsage> dateless = new TreeMap<>();
    analysis.summaryUsage().forEach((u, byP) -> {
      ProductUsage s = byP.get(id);
      if (s != null && (s.windows() > 0 || s.daysUsed() > 0)) {
        dateless.put(u, s);
      }
    });
    Set<UserId> seatedThroughout =
        dateless.isEmpty()
            ? Set.of()
            : SeatCover.coveredEveryDay(today.plan(), id, dateless.keySet(), planPeriod, catalogs);
    dateless.forEach((u, s) -> {
      if (!seatedThroughout.contains(u)) {
        long[] wt = counts.computeIfAbsent(u, x -> new long[3]);
        wt[0] += s.daysUsed();
        wt[1] += s.windows();
        wt[2] = Math.addExact(wt[2], s.tokens());
      }
    });
    List<Session> sessions = new ArrayList<>();
    for (Session s : analysis.usage().sessions()) {
      if (s.product().equals(id)) {
        sessions.add(s);
      }
    }
    List<Session> networkSessions =
        SeatCover.uncoveredSessions(today.plan(), sessions, planPeriod, catalogs);
    if (!held.isEmpty()) {
      notes.add(
          "users of " + id + " whom a held seat covers are not network users ("
              + SeatCoverNotes.RULE + "); " + SeatCoverNotes.covered(cover, ofProduct.size())
              + "; " + Figures.tokens(sessions.size() - networkSessions.size()) + " of "
              + Figures.tokens(sessions.size()) + " sessions start while a seat covers their user");
      notes.addAll(SeatCoverNotes.assumed(today, "held plan: "));
    }
    if (!dateless.isEmpty()) {
      notes.add(
          "aggregated usage reports carry no dates, so a held seat cannot be set against their use"
              + " day by day: the rule used is that their use of " + id + " is covered only for a"
              + " user a seat covers on every day of the period (" + seatedThroughout.size() + " of "
              + dateless.size() + " users with reports); the others' reported use counts as network"
              + " use");
    }

    List<ProductUsage> users = new ArrayList<>();
    List<UserId> ids = new ArrayList<>();
    counts.forEach((u, c) -> {
      if (c[1] > 0 || c[0] > 0) {
        users.add(new ProductUsage(id, c[0], c[1], c[2]));
        ids.add(u);
      }
    });
    // heaviest first (most tokens, then most windows, then user id)
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingLong(i -> -users.get(i).tokens())
            .thenComparingLong(i -> -users.get(i).windows())
            .thenComparing(ids::get));

    long n = query.networkSeats();
    long named = query.namedSeats();
    long days = period.days();
    OptionalLong peak = peak(networkSessions, analysis, catalog);
    List<TradeInOption> options = new ArrayList<>();

    Optional<PackPricing> packs = catalog.packPricing();
    boolean flexPossible = packs.isPresent() && product.isOnFlex();
    long rate = product.tokenRate().orElse(0L);

    if (retirement.renewable(asOf)) {
      keep(query, analysis, catalog, networkSessions, peak, flexPossible, packs, rate, days)
          .ifPresentOrElse(options::add, () -> notes.add(
              "keep is left out: " + n + " seats would refuse sessions at the busy times and " + id
                  + " cannot go on Flex here"));
    } else {
      notes.add("keep is not offered: network subscriptions cannot be renewed since "
          + retirement.renewalsEnd().orElseThrow() + " (as of " + asOf + ")");
    }
    boolean tradeInOpen = retirement.tradeInOpen(asOf);
    Money seats = query.namedPricePerSeat().multipliedBy(named);
    long overflowWindows = 0;
    long overflowTokens = 0;
    for (int k = (int) Math.min(named, users.size()); k < users.size(); k++) {
      overflowWindows += users.get(order.get(k)).windows();
      overflowTokens += users.get(order.get(k)).tokens();
    }
    long overflowUsers = Math.max(0, users.size() - named);
    String tradeReason =
        "trade " + n + " network seats for " + named + " named at "
            + Figures.money(query.namedPricePerSeat()) + ": " + named + " x "
            + Figures.money(query.namedPricePerSeat()) + " = " + Figures.money(seats);
    Optional<Money> namedList = product.namedUser().map(dev.seatwise.domain.catalog.Prices::annual);
    if (!tradeInOpen) {
      notes.add("trade-in is not offered: its window "
          + retirement.tradeInFrom().map(f -> "from " + f + " ").orElse("")
          + retirement.tradeInEnds().map(e -> "until " + e).orElse("")
          + " is not open on " + asOf);
    } else if (overflowUsers == 0) {
      options.add(
          new TradeInOption(
              Choice.TRADE_IN,
              seats,
              tradeReason + " a year; " + users.size() + " user(s) fit in the " + named + " seats"));
    } else if (flexPossible) {
      long yearly = perYear(overflowTokens, days);
      PackPurchase buy = packs.get().cheapestCover(Tokens.of(yearly));
      Money total = seats.plus(buy.cost());
      options.add(
          new TradeInOption(
              Choice.TRADE_IN,
              total,
              tradeReason + "; " + users.size() + " users: the " + named
                  + " heaviest take the seats, " + overflowUsers + " go on Flex: "
                  + flex(overflowWindows, rate, overflowTokens, yearly, days, buy)
                  + "; total " + Figures.money(total) + " a year"));
    } else if (namedList.isPresent()) {
      Money extra = namedList.get().multipliedBy(overflowUsers);
      Money total = seats.plus(extra);
      options.add(
          new TradeInOption(
              Choice.TRADE_IN,
              total,
              tradeReason + "; " + users.size() + " users: the " + named
                  + " heaviest take the seats, " + overflowUsers + " more need named seats at the"
                  + " catalog's " + Figures.money(namedList.get()) + " (" + id
                  + " cannot go on Flex here): " + Figures.money(extra) + "; total "
                  + Figures.money(total) + " a year"));
    } else {
      notes.add(
          "trade-in is left out: " + users.size() + " users need more than the " + named
              + " named seats and " + id + " can neither go on Flex nor be bought named here");
    }

    if (flexPossible) {
      long windows = users.stream().mapToLong(ProductUsage::windows).sum();
      long tokens = users.stream().mapToLong(ProductUsage::tokens).sum();
      long yearly = perYear(tokens, days);
      PackPurchase buy = packs.get().cheapestCover(Tokens.of(yearly));
      options.add(
          new TradeInOption(
              Choice.RETIRE,
              buy.cost(),
              "retire the network seats; " + users.size() + " user(s) on Flex: "
                  + flex(windows, rate, tokens, yearly, days, buy)));
    } else {
      notes.add("retire is left out: " + id + (product.isOnFlex() ? "" : " is not on Flex")
          + (packs.isEmpty() ? " (the catalog sells no token packs)" : ""));
    }
    if (peak.isPresent() && peak.getAsLong() > n) {
      notes.add(
          "peak concurrency " + peak.getAsLong() + " exceeds the " + n
              + " network seats: keeping them means refusals at peak");
    }
    if (analysis.hasSummaries()) {
      notes.add("aggregated usage reports count one window per day used");
    }
    if (options.isEmpty()) {
      throw new LicensingException(
          "no way to go with the " + n + " network seats of " + id + " can be bought: " + eligibility
              + "; " + String.join("; ", notes));
    }
    TradeInOption cheapest = options.get(0);
    for (TradeInOption o : options) {
      if (o.annualTotal().isLessThan(cheapest.annualTotal())) {
        cheapest = o;
      }
    }
    return new TradeInEvaluation(
        id, period, n, named, users.size(), peak, options, cheapest, notes, asOf, eligibility);
  }

  /**
   * Keeping N seats: their maintenance plus Flex for the sessions they would have refused; empty
   * when some would be refused and the product cannot go on Flex. Without clock times (no peak),
   * the N seats are taken to serve everyone.
   */
  private static Optional<TradeInOption> keep(
      EvaluateTradeInQuery query,
      UsageAnalysis analysis,
      Catalog catalog,
      List<Session> networkSessions,
      OptionalLong peak,
      boolean flexPossible,
      Optional<PackPricing> packs,
      long rate,
      long days) {
    long n = query.networkSeats();
    Money seats = query.maintenancePerSeat().multipliedBy(n);
    String head =
        "keep " + n + " network seats: " + n + " x maintenance "
            + Figures.money(query.maintenancePerSeat()) + " = " + Figures.money(seats);
    if (peak.isEmpty() || peak.getAsLong() <= n) {
      return Optional.of(
          new TradeInOption(
              Choice.KEEP,
              seats,
              head + " a year"
                  + (peak.isPresent() ? " (peak concurrency " + peak.getAsLong() + ")" : "")));
    }
    if (!flexPossible) {
      return Optional.empty();
    }
    List<Session> refused = SeatAdmission.refused(networkSessions, n);
    Metering flex =
        new WindowedMeter()
            .meter(
                UsageLog.ofSessions(refused),
                new MeterContext(catalog, Coverage.NONE, analysis.period().zone()));
    long windows = flex.charges().size();
    long tokens = flex.totalTokens();
    long yearly = perYear(tokens, days);
    PackPurchase buy = packs.orElseThrow().cheapestCover(Tokens.of(yearly));
    Money total = seats.plus(buy.cost());
    return Optional.of(
        new TradeInOption(
            Choice.KEEP,
            total,
            head + "; peak concurrency " + peak.getAsLong() + ": " + n + " seats would refuse "
                + refused.size() + " session(s), which go on Flex: "
                + flex(windows, rate, tokens, yearly, days, buy) + "; total "
                + Figures.money(total) + " a year"));
  }

  /** {@code ceil(tokens x 365 / days)}. */
  static long perYear(long tokens, long days) {
    BigInteger[] qr =
        BigInteger.valueOf(tokens).multiply(BigInteger.valueOf(365)).divideAndRemainder(BigInteger.valueOf(days));
    return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
  }

  private static String flex(
      long windows, long rate, long tokens, long yearly, long days, PackPurchase buy) {
    return windows + " windows x " + rate + " tokens = " + Figures.tokens(tokens) + " tokens"
        + (days == 365 ? "" : " in " + days + " days, x 365/" + days + " = " + Figures.tokens(yearly)
            + " a year (rounded up)")
        + ", bought as " + Figures.packs(buy);
  }

  /** Peak concurrency of the product's sessions that no held seat covers. */
  private static OptionalLong peak(
      List<Session> sessions, UsageAnalysis analysis, Catalog catalog) {
    if (sessions.isEmpty()) {
      return OptionalLong.empty();
    }
    List<CapacityDemand> demands =
        new ConcurrentSeatMeter()
            .meter(
                UsageLog.ofSessions(sessions),
                new MeterContext(catalog, Coverage.NONE, analysis.period().zone()))
            .demands();
    return demands.isEmpty() ? OptionalLong.empty() : OptionalLong.of(demands.get(0).peak());
  }
}
