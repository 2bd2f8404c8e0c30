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
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.plan.HeldPlan;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.SeatCover;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import dev.seatwise.domain.tradein.NetworkUse;
import dev.seatwise.domain.tradein.TradeInAssessment;
import dev.seatwise.domain.tradein.TradeInOffer;
import dev.seatwise.domain.tradein.TradeInTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the 2-for-1 trade-in of legacy network seats over a year, from the usage of a period.
 *
 * <p>The users are the people who used the product in the period without a named seat covering it
 * (by the one dated seat rule, {@link SeatCover}; an aggregated report's user only when a seat
 * covers them every day). What keeping, trading in or retiring the seats costs a year, who takes
 * the traded seats and which ways are open on the as-of date are the domain's rule,
 * {@link TradeInAssessment}; this service gathers its inputs and states the data rules it used.
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
    // the product's windows only, read from the replay's table (no object for the others)
    WindowTable windows = analysis.flexWindows();
    int wp = windows.indexOfProduct(id);
    WindowTable ofProduct =
        wp < 0 ? WindowTable.empty() : windows.filter(i -> windows.productIndex(i) == wp);
    SeatCover cover = SeatCover.of(today, ofProduct, catalogs);
    Map<UserId, long[]> counts = new TreeMap<>();
    Map<UserId, Set<LocalDate>> daysOf = new HashMap<>();
    for (int i = 0; i < ofProduct.size(); i++) {
      if (!cover.covers(i)) {
        UserId user = ofProduct.user(i);
        long[] wt = counts.computeIfAbsent(user, u -> new long[3]);
        wt[1]++;
        wt[2] = Math.addExact(wt[2], ofProduct.tokens(i));
        daysOf.computeIfAbsent(user, u -> new HashSet<>()).add(planPeriod.dayOf(ofProduct.start(i)));
      }
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
    // the product's rows as a table of their own, held as its view (a session made when read)
    List<Session> sessions = analysis.usage().sessionTable().ofProduct(id).asSessions();
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

    List<NetworkUse> users = new ArrayList<>();
    counts.forEach((u, c) -> {
      if (c[1] > 0 || c[0] > 0) {
        users.add(new NetworkUse(u, c[0], c[1], c[2]));
      }
    });
    TradeInAssessment assessed =
        TradeInAssessment.of(
            product,
            catalog,
            retirement,
            new TradeInTerms(
                query.networkSeats(), query.namedPricePerSeat(), query.maintenancePerSeat(), asOf),
            users,
            networkSessions,
            period.days(),
            period.zone());
    notes.addAll(assessed.notes());
    if (analysis.hasSummaries()) {
      notes.add("aggregated usage reports count one window per day used");
    }
    TradeInOffer cheapest =
        assessed
            .cheapest()
            .orElseThrow(
                () ->
                    new LicensingException(
                        "no way to go with the " + query.networkSeats() + " network seats of "
                            + id + " can be bought: " + eligibility + "; "
                            + String.join("; ", notes)));
    List<TradeInOption> options = assessed.offers().stream().map(EvaluateTradeInService::option).toList();
    return new TradeInEvaluation(
        id,
        period,
        query.networkSeats(),
        query.namedSeats(),
        users.size(),
        assessed.peak(),
        options,
        option(cheapest),
        notes,
        asOf,
        eligibility);
  }

  private static TradeInOption option(TradeInOffer offer) {
    return new TradeInOption(
        Choice.valueOf(offer.way().name()), offer.annualTotal(), offer.reason());
  }
}
