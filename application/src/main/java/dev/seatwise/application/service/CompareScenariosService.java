package dev.seatwise.application.service;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.Chargeback;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.OrganisationPort;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.ScenarioPurchase;
import dev.seatwise.application.port.in.UnassignedSeats;
import dev.seatwise.application.port.in.UncoveredUse;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.Assignment;
import dev.seatwise.domain.optimize.BundleOffer;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.ScheduledMixSearch;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.optimize.pool.PoolMix;
import dev.seatwise.domain.optimize.pool.PoolMixOptimizer;
import dev.seatwise.domain.optimize.pool.PoolMixProblem;
import dev.seatwise.domain.optimize.pool.PoolUser;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.plan.Proration;
import dev.seatwise.domain.plan.SeatHolding;
import dev.seatwise.domain.plan.TermChoice;
import dev.seatwise.domain.plan.ScheduledPurchase;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares all-named, all-Flex, network, current-plan and optimal scenarios over a period, each a
 * plan priced by the domain's {@code PlanEvaluation} (totals are sums of their lines, one rounding
 * point per line). Each user's named option of an offering is the domain's {@link TermChoice}
 * (the common annual seat, or the cheapest monthly/annual/3-year terms over the days they use it),
 * whose share of the period the optimiser weighs against Flex. Orchestration: the rules are the
 * domain's.
 */
public final class CompareScenariosService implements CompareScenariosUseCase {
  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final EntitlementsPort entitlements;
  private final MeterRegistry meters;
  private final OrganisationPort organisation;
  /** Whether independent scenarios are worked out beside each other ({@link Forked}). */
  private final boolean parallel;

  /** A service with the standard meters (Flex access windows, network seats). */
  public CompareScenariosService(
      UsagePort usage, CatalogHistory catalogs, EntitlementsPort entitlements) {
    this(usage, catalogs, entitlements, MeterRegistry.standard());
  }

  /** A service with the given meters (e.g. the standard ones plus service-loaded plug-ins). */
  public CompareScenariosService(
      UsagePort usage, CatalogHistory catalogs, EntitlementsPort entitlements, MeterRegistry meters) {
    this.usage = requireNonNull(usage, "usage");
    this.catalogs = requireNonNull(catalogs, "catalogs");
    this.entitlements = requireNonNull(entitlements, "entitlements");
    this.meters = requireNonNull(meters, "meters");
    this.organisation = OrganisationPort.NONE;
    this.parallel = Forked.PARALLEL;
  }

  /**
   * A service with the given meters and the organisation (teams, cost centres) that a query's
   * chargeback breakdown groups users by.
   */
  public CompareScenariosService(
      UsagePort usage,
      CatalogHistory catalogs,
      EntitlementsPort entitlements,
      MeterRegistry meters,
      OrganisationPort organisation) {
    this.usage = requireNonNull(usage, "usage");
    this.catalogs = requireNonNull(catalogs, "catalogs");
    this.entitlements = requireNonNull(entitlements, "entitlements");
    this.meters = requireNonNull(meters, "meters");
    this.organisation = requireNonNull(organisation, "organisation");
    this.parallel = Forked.PARALLEL;
  }

  private CompareScenariosService(CompareScenariosService s, boolean parallel) {
    this.usage = s.usage;
    this.catalogs = s.catalogs;
    this.entitlements = s.entitlements;
    this.meters = s.meters;
    this.organisation = s.organisation;
    this.parallel = parallel;
  }

  /**
   * The same service working out the scenarios one after the other ({@code false}) or the
   * independent ones beside each other ({@code true}, when more than one processor is available);
   * the answer is the same. Two plans evaluated at once hold two sets of per-window columns: a
   * front end that knows the heap is tight for its data asks for one after the other.
   */
  public CompareScenariosService parallel(boolean on) {
    return new CompareScenariosService(this, on && Forked.PARALLEL);
  }

  @Override
  public Comparison compare(CompareScenariosQuery query) {
    ImportedUsage imported = usage.usage();
    UsageAnalysis analysis =
        UsageAnalysis.of(
            imported, catalogs, query.period(), meters, UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR);
    ImportReport report = imported.report();
    imported = null; // from here the sessions are the analysis' only, which may let go of them
    return compare(query, report, analysis, entitlements.entitlements(), true);
  }

  /** Compares already-imported usage (for callers that analysed it themselves). */
  Comparison compare(
      CompareScenariosQuery query,
      ImportedUsage imported,
      UsageAnalysis analysis,
      Entitlements held) {
    return compare(query, imported.report(), analysis, held, false);
  }

  /**
   * Compares usage that the caller analysed (and may go on reading), given its import report: the
   * analysis keeps its sessions, whatever it holds.
   */
  Comparison compare(
      CompareScenariosQuery query, ImportReport report, UsageAnalysis analysis, Entitlements held) {
    return compare(query, report, analysis, held, false);
  }

  /**
   * Compares usage that the caller analysed and whose sessions it reads no more: as with an
   * analysis of the comparison's own, the sessions are let go of once the network scenario has
   * read them (when the scenarios are worked out one after the other).
   */
  Comparison compareLettingGoOfSessions(
      CompareScenariosQuery query, ImportReport report, UsageAnalysis analysis, Entitlements held) {
    return compare(query, report, analysis, held, true);
  }

  /**
   * The comparison of {@code analysis}; when {@code owned} (the analysis is this call's own) and
   * the scenarios are worked out one after the other, the network scenario comes first and the
   * analysis then lets go of the sessions (nothing after it reads them), so that a large session
   * table is not held while the plans are evaluated.
   */
  private Comparison compare(
      CompareScenariosQuery query,
      ImportReport importReport,
      UsageAnalysis analysis,
      Entitlements held,
      boolean owned) {
    Catalog catalog = analysis.catalog();
    AnalysisPeriod period = analysis.period();
    Proration proration = Proration.ofDays(period.days());
    List<String> notes = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    notes.addAll(analysis.notes());
    ChargebackLedger ledger = new ChargebackLedger(query.breakdown(), organisation);
    notes.addAll(PeriodNotes.of(period, analysis.dataSpan()));
    notes.addAll(PeriodNotes.dateless(analysis, !held.isEmpty()));
    Optional<PackPricing> packs = catalog.packPricing();
    MixScenarios mixes = new MixScenarios(catalogs, analysis, notes);
    boolean mixed = !analysis.isCapacityMetered() && packs.isPresent();
    // Independent parts are worked out beside each other (two cores), each with its own notes,
    // added below in the order the scenarios are listed: the network scenario (it reads only the
    // sessions), then the Flex windows by day that every mix's purchases are scheduled by.
    // One after the other, an owned analysis lets go of the sessions as soon as the network
    // scenario has read them: the Flex windows by day (built next) and the plans need only the
    // replay's windows, so a large session table is not held beside them.
    List<String> networkNotes = new ArrayList<>();
    boolean releaseAfterNetwork = !parallel && owned;
    Forked<Optional<MixScenarios.Network>> network =
        mixed
            ? Forked.start(
                "network",
                () -> {
                  Optional<MixScenarios.Network> n;
                  try {
                    n = mixes.noting(networkNotes).network(query, catalog);
                  } finally {
                    if (releaseAfterNetwork) {
                      analysis.releaseSessions();
                    }
                  }
                  mixes.prepareDemand();
                  return n;
                },
                parallel)
            : null;
    if (network != null && releaseAfterNetwork) {
      // one after the other, the network scenario (and the release of the sessions) comes first
      try {
        network.join(); // its failure is thrown again where the network scenario is joined
      } catch (RuntimeException | Error e) {
        // thrown again below, in the network scenario's place in the list
      }
    }
    // one seat's cost for the period as its plan prices it (annual terms, each at the price in
    // force on its start, pro rata when it runs past the period): the optimiser's named prices
    Map<ProductId, Money> named = new HashMap<>();
    for (Product p : catalog.products()) {
      p.namedUser().ifPresent(pr -> named.put(p.id(), mixes.seatCost(p.id(), pr.annual(), proration)));
    }
    List<BundleOffer> bundles = new ArrayList<>();
    for (Bundle b : catalog.bundles()) {
      bundles.add(
          new BundleOffer(b.id(), b.coverage(), mixes.seatCost(b.id(), b.namedUser().annual(), proration)));
    }
    java.util.Set<ProductId> flexAllowed = new java.util.HashSet<>();
    for (Product p : catalog.products()) {
      if (p.isOnFlex() && !query.flexExcluded().contains(p.id())) {
        flexAllowed.add(p.id());
      }
    }
    for (Bundle b : catalog.bundles()) {
      if (catalog.isOnFlex(b.id()) && !query.flexExcluded().contains(b.id())) {
        flexAllowed.add(b.id());
      }
    }
    // each user's named option per offering: the cheapest terms covering the days they use it, or
    // the common annual seat (domain TermChoice); the optimiser weighs the period's share of it
    Map<UserId, Map<ProductId, TermChoice>> terms =
        analysis.isCapacityMetered() ? Map.of() : mixes.terms(bundles);
    Map<UserId, Map<ProductId, Long>> atOpening = mixes.tokensAtOpening();
    List<UserDemand> demands = new ArrayList<>();
    analysis
        .byUser()
        .forEach(
            (user, byProduct) -> {
              Map<ProductId, Long> tokens = new TreeMap<>();
              Map<ProductId, Long> rated = atOpening.get(user);
              byProduct.forEach(
                  (p, u) -> tokens.put(p, rated == null ? u.tokens() : rated.getOrDefault(p, 0L)));
              Map<ProductId, Money> own = new TreeMap<>();
              terms.getOrDefault(user, Map.of()).forEach((o, c) -> {
                if (!c.common()) {
                  own.put(o, c.attributed());
                }
              });
              demands.add(
                  new UserDemand(user, tokens, query.pins().getOrDefault(user, Pin.NONE), own));
            });

    Optional<MixScenarios.Priced> allNamed = Optional.empty();
    Optional<MixScenarios.Priced> optimal = Optional.empty();
    Optional<PoolMix> poolMix = Optional.empty();
    if (analysis.isCapacityMetered()) {
      notes.add(PeriodNotes.POOL_NOT_A_PLAN);
      allNamed =
          capacity(analysis, demands, named, bundles, packs, proration, notes, scenarios, ledger)
              .map(CompareScenariosService::bySubscriptions);
      poolMix = poolMix(analysis, packs, proration, query.poolRefusalRate(), notes, scenarios);
    } else if (packs.isEmpty()) {
      notes.add("the catalog sells no token packs: all-flex and optimal are left out");
    } else {
      HybridProblem base =
          new HybridProblem(
              named, bundles, flexAllowed, packs.get(), OptionalLong.empty(), demands);
      HybridProblem flexOnly =
          new HybridProblem(
              named, bundles, flexAllowedIgnoringExclusions(catalog), packs.get(),
              OptionalLong.empty(), demands)
              .withAllPinned(Pin.FLEX);
      // all-named beside all-flex and optimal, after the network part (one helper at a time)
      List<String> namedNotes = new ArrayList<>();
      Forked<Optional<MixScenarios.Priced>> namedPart =
          Forked.start(
              "all-named",
              () -> {
                try {
                  network.join();
                } catch (RuntimeException | Error e) {
                  // thrown where the network scenario is joined, in its place in the list
                }
                return solved(HybridOptimizer.solve(base.withAllPinned(Pin.NAMED)), Scenario.ALL_NAMED, namedNotes)
                    .map(s -> mixes.noting(namedNotes).mix(Scenario.ALL_NAMED, s, Optional.empty(), catalog, proration));
              },
              parallel);
      List<String> flexNotes = new ArrayList<>();
      List<String> optimalNotes = new ArrayList<>();
      Optional<MixScenarios.Priced> flex;
      boolean flexDone = false;
      try {
        flex =
            solved(HybridOptimizer.solve(flexOnly), Scenario.ALL_FLEX, flexNotes)
                .map(s -> mixes.noting(flexNotes).mix(Scenario.ALL_FLEX, s, Optional.empty(), catalog, proration));
        flexDone = true;
        HybridProblem constrained =
            query.tokenCap().isPresent() ? base.withTokenCap(query.tokenCap().getAsLong()) : base;
        optimal = optimal(constrained, mixes.noting(optimalNotes), catalog, proration, optimalNotes);
      } catch (RuntimeException | Error e) {
        // a failure of what comes first in the listed order is thrown first
        namedPart.join();
        if (flexDone) {
          network.join();
        }
        throw e;
      }
      // the scenarios, their notes and their charges in the listed order, whatever ran where
      allNamed = namedPart.join();
      notes.addAll(namedNotes);
      allNamed.ifPresent(x -> add(scenarios, ledger, x));
      notes.addAll(flexNotes);
      flex.ifPresent(x -> add(scenarios, ledger, x));
      Optional<MixScenarios.Network> net = network.join();
      notes.addAll(networkNotes);
      net.ifPresent(n -> {
        for (Map.Entry<ProductId, Money> c : n.charges()) {
          ledger.shared(Scenario.NETWORK, c.getValue(), usageWeights(ledger, analysis, Optional.of(c.getKey())));
        }
        scenarios.add(n.scenario());
      });
      CurrentScenario.of(held, analysis, catalogs, notes, ledger).ifPresent(scenarios::add);
      notes.addAll(optimalNotes);
      optimal.ifPresent(x -> add(scenarios, ledger, x));
    }
    if (allNamed.isEmpty() && packs.isEmpty()) {
      notes.add("no scenario could be priced");
    }
    List<UserComparison> users =
        users(analysis, optimal, allNamed, packs, named, terms, catalog, query, parallel);
    if (poolMix.isPresent()) {
      users = poolUsers(users, poolMix.get(), analysis, proration);
    }
    return new Comparison(
        catalog.currency(),
        period,
        catalog.vendor(),
        importReport,
        scenarios,
        users,
        notes,
        ledger.build(scenarios),
        analysis.dataSpan());
  }

  /** Adds a scenario of subscriptions and Flex tokens and charges it to the ledger's groups. */
  private static void add(List<Scenario> scenarios, ChargebackLedger ledger, MixScenarios.Priced p) {
    scenarios.add(p.scenario());
    charge(ledger, p.scenario(), p.assignments());
  }

  /** A mix whose users cost their subscriptions (all-named of a pool-metered vendor). */
  private static MixScenarios.Priced bySubscriptions(OptimizationResult.Solved s) {
    Map<UserId, Money> costs = new LinkedHashMap<>();
    for (Assignment a : s.assignments()) {
      costs.put(a.user(), a.subscriptions());
    }
    return new MixScenarios.Priced(null, costs, s.assignments());
  }

  /**
   * The optimal scenario: the exact optimum of the relaxation (every mix's Flex tokens bought at
   * once at the best prices of any version), improved under purchase schedules (domain {@link
   * ScheduledMixSearch}), priced as a plan, with its bounds.
   */
  private Optional<MixScenarios.Priced> optimal(
      HybridProblem constrained, MixScenarios mixes, Catalog catalog, Proration proration, List<String> notes) {
    HybridProblem relaxation = ScheduledMixSearch.relaxation(constrained, catalogs);
    Optional<OptimizationResult.Solved> s =
        solved(HybridOptimizer.solve(relaxation), Scenario.OPTIMAL, notes);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<ScheduledMixSearch.ScheduledMix> scheduled = mixes.scheduled(relaxation, s.get());
    MixScenarios.Priced priced = mixes.mix(Scenario.OPTIMAL, s.get(), scheduled, catalog, proration);
    return Optional.of(mixes.withBounds(priced, s.get(), scheduled));
  }

  /**
   * Charges a scenario of subscriptions and Flex tokens: each user's seats to their group, the rest
   * of the scenario's total (its token purchases, scheduled or at once) to the groups in proportion
   * to the tokens they burned (the purchases' average unit price).
   */
  private static void charge(ChargebackLedger ledger, Scenario sc, List<Assignment> assignments) {
    if (!ledger.active()) {
      return;
    }
    Map<String, Long> tokens = new HashMap<>();
    Money seats = sc.total().minus(sc.total());
    for (Assignment a : assignments) {
      ledger.direct(sc.name(), a.user(), a.subscriptions());
      seats = seats.plus(a.subscriptions());
      ledger.weigh(tokens, a.user(), a.tokens());
    }
    ledger.shared(sc.name(), sc.total().minus(seats), tokens);
  }

  /** Each group's usage (tokens as Flex would meter it) of {@code product}, or of all products. */
  static Map<String, Long> usageWeights(
      ChargebackLedger ledger, UsageAnalysis analysis, Optional<ProductId> product) {
    Map<String, Long> weights = new HashMap<>();
    if (!ledger.active()) {
      return weights;
    }
    analysis
        .byUser()
        .forEach(
            (user, byProduct) ->
                byProduct.forEach(
                    (p, u) -> {
                      if (product.isEmpty() || product.get().equals(p)) {
                        ledger.weigh(weights, user, u.tokens());
                      }
                    }));
    return weights;
  }

  /**
   * Scenarios for a pool-metered vendor (e.g. a concurrent token pool): all-named where the catalog
   * sells named subscriptions, and the pool ("all-flex": every user on the vendor's token metering)
   * sized to the peak of tokens held and bought as the cheapest pack cover, pro-rated to the period.
   */
  private static Optional<OptimizationResult.Solved> capacity(
      UsageAnalysis analysis,
      List<UserDemand> demands,
      Map<ProductId, Money> named,
      List<BundleOffer> bundles,
      Optional<PackPricing> packs,
      Proration proration,
      List<String> notes,
      List<Scenario> scenarios,
      ChargebackLedger ledger) {
    Catalog catalog = analysis.catalog();
    Optional<OptimizationResult.Solved> allNamed = Optional.empty();
    if (packs.isPresent()) {
      HybridProblem base =
          new HybridProblem(named, bundles, Set.of(), packs.get(), OptionalLong.empty(), demands);
      allNamed = allNamed(base, catalog, proration, notes, scenarios, ledger);
    }
    long peak = 0;
    CapacityDemand busiest = null;
    for (CapacityDemand d : analysis.flexMetering().demands()) {
      if (d.peak() >= peak) {
        peak = d.peak();
        busiest = d;
      }
    }
    if (packs.isEmpty() || busiest == null) {
      notes.add("all-flex is left out: the catalog sells no pool capacity (token packs)");
    } else {
      PackPurchase pool = packs.get().cheapestCover(new Tokens(peak));
      Money annual = pool.cost();
      Money total = proration.apply(annual);
      scenarios.add(
          new Scenario(
              Scenario.ALL_FLEX,
              total,
              OptionalLong.of(peak),
              Map.of(),
              List.of(
                  String.format(
                      "%s pool (%s): peak %d tokens held at %s",
                      catalog.vendor(), catalog.meter(), peak, busiest.peakAt()),
                  String.format(
                      "pool capacity bought as %s per year x %d/%d days = %s",
                      pool, proration.days(), proration.daysPerYear(), total.amount().toPlainString()))));
      ledger.shared(Scenario.ALL_FLEX, total, usageWeights(ledger, analysis, Optional.empty()));
    }
    return allNamed;
  }

  /**
   * The pool-aware optimum (domain {@link PoolMixOptimizer}): each user's tokens held, metered by
   * the catalog's meter on that user's sessions alone, and the named price of the products they
   * use; the optimiser chooses who is named and sizes the pool for the rest.
   */
  private Optional<PoolMix> poolMix(
      UsageAnalysis analysis,
      Optional<PackPricing> packs,
      Proration proration,
      double refusalRate,
      List<String> notes,
      List<Scenario> scenarios) {
    Catalog catalog = analysis.catalog();
    Optional<Meter> meter = meters.forKind(catalog.meter());
    if (packs.isEmpty() || meter.isEmpty()) {
      notes.add("optimal is left out: the catalog sells no pool capacity (token packs)");
      return Optional.empty();
    }
    Map<UserId, List<Session>> byUser = new TreeMap<>();
    for (Session s : analysis.usage().sessions()) {
      byUser.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(s);
    }
    String unit = "tokens";
    List<PoolUser> users = new ArrayList<>();
    for (Map.Entry<UserId, List<Session>> e : byUser.entrySet()) {
      Metering m = meter.get().meter(UsageLog.ofSessions(e.getValue()),
          new MeterContext(catalog, Coverage.NONE, analysis.period().zone()));
      List<long[]> seg = new ArrayList<>();
      for (CapacityDemand d : m.demands()) {
        unit = d.pool();
        long[] st = d.profile().startNanos();
        long[] en = d.profile().endNanos();
        long[] w = d.profile().weights();
        for (int i = 0; i < st.length; i++) {
          seg.add(new long[] {st[i], en[i], w[i]});
        }
      }
      Optional<Money> named = Optional.of(catalog.zero());
      for (ProductId p : analysis.byUser().getOrDefault(e.getKey(), Map.of()).keySet()) {
        Optional<Money> price = catalog.product(p).flatMap(Product::namedUser).map(pr -> pr.annual());
        named = price.isEmpty() ? Optional.empty() : named.map(x -> x.plus(price.get()));
      }
      users.add(new PoolUser(e.getKey(), named,
          seg.stream().mapToLong(x -> x[0]).toArray(), seg.stream().mapToLong(x -> x[1]).toArray(),
          seg.stream().mapToLong(x -> x[2]).toArray()));
    }
    if (users.isEmpty()) {
      return Optional.empty();
    }
    PoolMix mix = PoolMixOptimizer.solve(new PoolMixProblem(users, packs.get(), proration, refusalRate, unit));
    Map<String, Long> seats = new TreeMap<>();
    for (UserId u : mix.named()) {
      for (ProductId p : analysis.byUser().getOrDefault(u, Map.of()).keySet()) {
        seats.merge(p.value(), 1L, Long::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%d of %d users named (%s), the pool sized for the rest: %d %s bought as %s",
        mix.named().size(), users.size(), mix.namedCost().amount().toPlainString(), mix.poolTokens(), unit,
        mix.purchase()));
    if (refusalRate > 0) {
      lines.add(serviceLevel(refusalRate, unit));
    }
    lines.add(String.format("pool capacity %s x %d/%d days = %s", mix.purchase(), proration.days(),
        proration.daysPerYear(), mix.poolCost().amount().toPlainString()));
    lines.add(mix.proven()
        ? "proven optimal (pool-aware branch and bound, " + mix.nodes() + " nodes): lower bound "
            + mix.lowerBound().amount().toPlainString()
        : "best found within the search budget: the optimum lies between "
            + mix.lowerBound().amount().toPlainString() + " and " + mix.total().amount().toPlainString());
    scenarios.add(new Scenario(Scenario.OPTIMAL, mix.total(), OptionalLong.of(mix.poolTokens()), seats, lines));
    notes.add("optimal for a pool: who is named and how large the pool is for the rest, "
        + (refusalRate == 0
            ? "at no refusals"
            : "refusing at most " + percent(refusalRate) + " of the pool's intervals")
        + "; pins and bundles are not applied to it; each pool user's cost is a share of the pool in"
        + " proportion to the most " + unit + " they hold");
    return Optional.of(mix);
  }

  /** The service level the pool was sized for (refusals tolerated), as a line of the optimal scenario. */
  private static String serviceLevel(double refusalRate, String unit) {
    return "service level: at most " + percent(refusalRate) + " of the pool's intervals refused"
        + " (the smallest pool of " + unit + " that meets it)";
  }

  private static String percent(double rate) {
    return new java.math.BigDecimal(Double.toString(rate))
        .movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** Users as the pool-aware optimum places them, with its reasons. */
  private static List<UserComparison> poolUsers(
      List<UserComparison> users, PoolMix mix, UsageAnalysis analysis, Proration proration) {
    Map<UserId, dev.seatwise.domain.optimize.pool.PoolChoice> choices = new HashMap<>();
    long held = 0;
    for (var c : mix.choices()) {
      choices.put(c.user(), c);
      if (!c.named()) {
        held += c.maxHeld();
      }
    }
    Catalog catalog = analysis.catalog();
    List<UserComparison> out = new ArrayList<>();
    for (UserComparison u : users) {
      var c = choices.get(u.user());
      if (c == null) {
        out.add(u);
        continue;
      }
      List<ProductId> products = u.usage().stream().map(ProductUsage::product).toList();
      Money cost;
      if (c.named()) {
        cost = catalog.zero();
        for (ProductId p : products) {
          cost = cost.plus(proration.apply(catalog.requireProduct(p).namedUser().orElseThrow().annual()));
        }
      } else {
        BigDecimal share = held == 0 ? BigDecimal.ZERO
            : mix.poolCost().amount().multiply(BigDecimal.valueOf(c.maxHeld()))
                .divide(BigDecimal.valueOf(held), 12, RoundingMode.HALF_EVEN);
        cost = Money.rounded(share, catalog.currency(), RoundingMode.HALF_EVEN);
      }
      out.add(new UserComparison(u.user(), u.usage(), List.of(), c.named() ? products : List.of(),
          c.named() ? List.of() : products, cost, u.allNamedCost(), u.allNamedCost().minus(cost), c.reason()));
    }
    out.sort(Comparator.comparing(UserComparison::savings).reversed().thenComparing(UserComparison::user));
    return out;
  }

  /** Solves and adds the all-named scenario: every user pinned to subscriptions. */
  private static Optional<OptimizationResult.Solved> allNamed(
      HybridProblem base, Catalog catalog, Proration proration, List<String> notes,
      List<Scenario> scenarios, ChargebackLedger ledger) {
    Optional<OptimizationResult.Solved> s =
        solved(HybridOptimizer.solve(base.withAllPinned(Pin.NAMED)), Scenario.ALL_NAMED, notes);
    s.ifPresent(
        x -> {
          Scenario sc =
              subscriptionScenario(Scenario.ALL_NAMED, x, catalog, proration, seatCostIn(base));
          scenarios.add(sc);
          charge(ledger, sc, x.assignments());
        });
    return s;
  }

  /** The price for the period of one seat of an offering, as {@code problem} prices it. */
  static java.util.function.Function<ProductId, Money> seatCostIn(HybridProblem problem) {
    Map<ProductId, Money> cost = new HashMap<>(problem.namedCost());
    for (BundleOffer b : problem.bundles()) {
      cost.put(b.id(), b.cost());
    }
    return cost::get;
  }

  private static Set<ProductId> flexAllowedIgnoringExclusions(Catalog catalog) {
    java.util.Set<ProductId> all = new java.util.HashSet<>();
    for (Product p : catalog.products()) {
      if (p.isOnFlex()) {
        all.add(p.id());
      }
    }
    for (Bundle b : catalog.bundles()) {
      if (catalog.isOnFlex(b.id())) {
        all.add(b.id());
      }
    }
    return all;
  }

  private static Optional<OptimizationResult.Solved> solved(
      OptimizationResult result, String name, List<String> notes) {
    return result.fold(
        Optional::of,
        inf -> {
          notes.add(name + " is left out: " + inf.reason());
          return Optional.empty();
        });
  }

  /**
   * A scenario made of subscriptions and one pack purchase, with one line per offering, each seat
   * at {@code perSeat}: the price for the period the optimiser used (so the lines sum to its
   * total); the line shows the annual price pro-rated by days when that is what it is, else says
   * the seat is priced by its terms.
   */
  static Scenario subscriptionScenario(
      String name,
      OptimizationResult.Solved s,
      Catalog catalog,
      Proration proration,
      java.util.function.Function<ProductId, Money> perSeatCost) {
    Map<String, long[]> seats = new TreeMap<>();
    for (Assignment a : s.assignments()) {
      a.bundle().ifPresent(b -> seats.computeIfAbsent(b.value(), k -> new long[1])[0]++);
      for (ProductId p : a.named()) {
        seats.computeIfAbsent(p.value(), k -> new long[1])[0]++;
      }
    }
    List<String> lines = new ArrayList<>();
    seats.forEach(
        (offering, n) -> {
          ProductId id = ProductId.of(offering);
          Money annual =
              catalog
                  .bundle(id)
                  .map(b -> b.namedUser().annual())
                  .orElseGet(() -> catalog.requireProduct(id).namedUser().orElseThrow().annual());
          Money seat = perSeatCost.apply(id);
          String basis =
              seat.equals(proration.apply(annual))
                  ? String.format(
                      "%s/yr x %d/%d days", annual.amount().toPlainString(), proration.days(),
                      proration.daysPerYear())
                  : "annual terms from the period's start, each at the price in force on its start,"
                      + " pro rata past the period";
          lines.add(
              String.format(
                  "%s named: %d %s x %s (%s) = %s",
                  offering, n[0], n[0] == 1 ? "seat" : "seats", seat.amount().toPlainString(), basis,
                  seat.multipliedBy(n[0]).amount().toPlainString()));
        });
    PackPurchase purchase = s.purchase();
    if (purchase.demand().count() > 0) {
      lines.add(
          String.format(
              "Flex: %d tokens, bought as %s", purchase.demand().count(), purchase));
    }
    OptionalLong tokens =
        name.equals(Scenario.ALL_NAMED) ? OptionalLong.empty() : OptionalLong.of(purchase.demand().count());
    return new Scenario(name, s.total(), tokens, Map.of(), lines);
  }

  private static String term(Term term) {
    return term.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * Each user in the optimal plan: their cost is the optimal plan's cost lines charged to them
   * (their seats, and the lots their Flex windows drew, by largest remainder: domain {@link
   * dev.seatwise.domain.plan.UserCosts}), so the users' costs sum to the scenario's total; their
   * all-named cost likewise from the all-named plan.
   */
  private static List<UserComparison> users(
      UsageAnalysis analysis,
      Optional<MixScenarios.Priced> optimal,
      Optional<MixScenarios.Priced> allNamed,
      Optional<PackPricing> packs,
      Map<ProductId, Money> named,
      Map<UserId, Map<ProductId, TermChoice>> terms,
      Catalog catalog,
      CompareScenariosQuery query,
      boolean parallel) {
    Map<UserId, Assignment> opt = index(optimal.map(MixScenarios.Priced::assignments));
    Map<UserId, Assignment> nam = index(allNamed.map(MixScenarios.Priced::assignments));
    Map<UserId, Money> optCosts = optimal.map(MixScenarios.Priced::userCosts).orElse(Map.of());
    Map<UserId, Money> namCosts = allNamed.map(MixScenarios.Priced::userCosts).orElse(Map.of());
    BigDecimal marginal =
        packs.map(p -> p.bestUnitPrice().perUnit()).orElse(BigDecimal.ZERO);
    PackDifference inPacks =
        new PackDifference(
            packs, opt.values().stream().mapToLong(Assignment::tokens).reduce(0L, Math::addExact));
    java.util.function.Function<Map.Entry<UserId, Map<ProductId, ProductUsage>>, UserComparison> one =
        entry -> {
          UserId user = entry.getKey();
          Map<ProductId, ProductUsage> byProduct = entry.getValue();
          Assignment a = opt.get(user);
          Assignment n = nam.get(user);
          Money zero = catalog.zero();
          Money cost = zero;
          List<ProductId> bundles = List.of();
          List<ProductId> namedList = List.of();
          List<ProductId> flexList = List.of();
          if (a != null) {
            cost = optCosts.getOrDefault(user, zero);
            bundles = a.bundle().map(List::of).orElse(List.of());
            namedList = List.copyOf(a.named());
            flexList = List.copyOf(a.flex());
          }
          Money namedCost = n == null ? cost : namCosts.getOrDefault(user, zero);
          if (a == null) {
            // no optimal plan (e.g. a pool-metered vendor): show the all-named cost, no saving
            cost = namedCost;
            namedList = n == null ? List.of() : List.copyOf(n.named());
            bundles = n == null || n.bundle().isEmpty() ? List.of() : List.of(n.bundle().get());
          }
          String reason =
              a == null
                  ? "no optimal plan for this data (see the notes); cost shown is all-named"
                  : reason(a, byProduct, named, terms.getOrDefault(user, Map.of()), marginal,
                      catalog, query.pins().get(user), inPacks);
          return new UserComparison(
              user,
              List.copyOf(byProduct.values()),
              bundles,
              namedList,
              flexList,
              cost,
              namedCost,
              namedCost.minus(cost),
              reason);
        };
    // the second half of the users beside the first (each user's line is their own)
    List<Map.Entry<UserId, Map<ProductId, ProductUsage>>> entries =
        new ArrayList<>(analysis.byUser().entrySet());
    int half = entries.size() / 2;
    Forked<List<UserComparison>> second =
        Forked.start("users", () -> usersOf(entries.subList(half, entries.size()), one), parallel);
    List<UserComparison> out = usersOf(entries.subList(0, half), one);
    out.addAll(second.join());
    out.sort(
        Comparator.comparing(UserComparison::savings).reversed()
            .thenComparing(UserComparison::user));
    return out;
  }

  private static List<UserComparison> usersOf(
      List<Map.Entry<UserId, Map<ProductId, ProductUsage>>> entries,
      java.util.function.Function<Map.Entry<UserId, Map<ProductId, ProductUsage>>, UserComparison> one) {
    List<UserComparison> out = new ArrayList<>(entries.size());
    for (Map.Entry<UserId, Map<ProductId, ProductUsage>> e : entries) {
      out.add(one.apply(e));
    }
    return out;
  }

  private static Map<UserId, Assignment> index(Optional<List<Assignment>> s) {
    Map<UserId, Assignment> m = new LinkedHashMap<>();
    s.ifPresent(x -> x.forEach(a -> m.put(a.user(), a)));
    return m;
  }

  /**
   * The reason for one user's assignment, in numbers. Built with string builders rather than
   * {@code String.format} (its numbers are {@code %s} and {@code %d} of ids, plain decimals and
   * counts, which a builder writes alike in ASCII digits), and with the user's named cost of an
   * offering looked up ({@link #namedCost}) rather than a copy of the problem's prices per user: it
   * runs once per user, and was about a twentieth of the 10,000-user year's CPU.
   */
  static String reason(
      Assignment a,
      Map<ProductId, ProductUsage> usage,
      Map<ProductId, Money> problemNamed,
      Map<ProductId, TermChoice> terms,
      BigDecimal marginal,
      Catalog catalog,
      Pin pin) {
    return reason(a, usage, problemNamed, terms, marginal, catalog, pin, PackDifference.NONE);
  }

  /**
   * What a user's tokens change in the optimal plan's token purchase: the optimiser buys the
   * cheapest packs ({@link PackPricing#cheapestCover}) for the tokens of every user on Flex, so a
   * user's tokens cost the plan the difference between the cheapest cover with and without them,
   * not their tokens at the best unit price (a plan that buys no tokens pays a whole pack for a
   * user's first 20; one with room left in its packs pays nothing for them). Thread-safe.
   */
  static final class PackDifference {
    static final PackDifference NONE = new PackDifference(Optional.empty(), 0);
    private final Optional<PackPricing> packs;
    private final long planTokens;
    private final java.util.concurrent.ConcurrentHashMap<Long, Money> costs =
        new java.util.concurrent.ConcurrentHashMap<>();

    PackDifference(Optional<PackPricing> packs, long planTokens) {
      this.packs = packs;
      this.planTokens = planTokens;
    }

    /** The cheapest cover of {@code tokens} bought for the plan, or empty without packs. */
    private Optional<Money> cover(long tokens) {
      return packs.map(
          p -> costs.computeIfAbsent(tokens, t -> p.cheapestCover(new Tokens(t)).cost()));
    }

    /** What {@code tokens} more on Flex would add to the plan's purchase. */
    Optional<Money> added(long tokens) {
      return cover(Math.addExact(planTokens, tokens)).map(m -> m.minus(cover(planTokens).get()));
    }

    /** What the plan's purchase would save without {@code tokens} of its own. */
    Optional<Money> saved(long tokens) {
      return cover(planTokens).map(m -> m.minus(cover(Math.max(0, planTokens - tokens)).get()));
    }
  }

  /**
   * As {@link #reason(Assignment, Map, Map, Map, BigDecimal, Catalog, Pin)}; where the tokens at
   * the best unit price point the other way from the choice, the text adds what they cost the plan
   * bought in packs ({@code inPacks}) when that is what decided it.
   */
  static String reason(
      Assignment a,
      Map<ProductId, ProductUsage> usage,
      Map<ProductId, Money> problemNamed,
      Map<ProductId, TermChoice> terms,
      BigDecimal marginal,
      Catalog catalog,
      Pin pin,
      PackDifference inPacks) {
    List<String> parts = new ArrayList<>();
    if (pin != null && pin != Pin.NONE) {
      parts.add("pinned to " + pin.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (a.bundle().isPresent()) {
      ProductId b = a.bundle().get();
      Bundle bundle = catalog.bundle(b).orElseThrow();
      StringBuilder covered = new StringBuilder();
      BigDecimal separately = BigDecimal.ZERO;
      for (ProductId p : usage.keySet()) {
        if (bundle.covers(p)) {
          if (covered.length() > 0) {
            covered.append(", ");
          }
          covered.append(p.value());
          Money named = namedCost(p, problemNamed, terms);
          separately = separately.add(named == null ? BigDecimal.ZERO : named.amount());
        }
      }
      TermChoice c = terms.get(b);
      StringBuilder part = new StringBuilder();
      part.append(b).append(" covers ").append(covered).append(" for ")
          .append(a.subscriptions().amount().toPlainString());
      if (!(c == null || c.common())) {
        part.append(" (").append(c.reason()).append(')');
      }
      part.append(" (those products named separately: ").append(separately.toPlainString())
          .append(") -> bundle");
      parts.add(part.toString());
    }
    String marginalText = marginal.toPlainString();
    for (ProductUsage u : usage.values()) {
      ProductId p = u.product();
      if (a.bundle().isPresent() && catalog.bundle(a.bundle().get()).orElseThrow().covers(p)) {
        continue;
      }
      long rate = catalog.flexRate(p).orElse(0L);
      BigDecimal flex = marginal.multiply(BigDecimal.valueOf(u.tokens())).setScale(2, RoundingMode.HALF_EVEN);
      TermChoice c = terms.get(p);
      Money named = namedCost(p, problemNamed, terms);
      StringBuilder namedText = new StringBuilder();
      if (named != null) {
        namedText.append("named ").append(named.amount().toPlainString());
        if (!(c == null || c.common())) {
          namedText.append(" (").append(c.reason()).append(')');
        }
      } else {
        namedText.append("not sold named");
      }
      StringBuilder flexText = new StringBuilder();
      flexText.append(p).append(": ").append(u.windows()).append(" windows x ").append(rate)
          .append(" tokens = ").append(u.tokens()).append(" tokens ~ ")
          .append(flex.toPlainString()).append(" at ").append(marginalText).append("/token");
      if (a.flex().contains(p)) {
        boolean above = named != null && flex.compareTo(named.amount()) > 0;
        flexText.append(above ? " > " : " <= ").append(namedText);
        if (above) {
          inPacks
              .saved(u.tokens())
              .filter(m -> !m.isGreaterThan(named))
              .ifPresent(m -> flexText.append(", but in packs the plan buys they cost it ")
                  .append(m.amount().toPlainString()).append(" more"));
        }
        parts.add(flexText.append(" -> Flex").toString());
      } else if (a.named().contains(p)) {
        boolean onFlex = catalog.isOnFlex(p);
        if (onFlex) {
          boolean below = flex.compareTo(named.amount()) < 0;
          flexText.append(below ? " < " : " >= ").append(namedText);
          if (below) {
            inPacks
                .added(u.tokens())
                .filter(m -> !m.isLessThan(named))
                .ifPresent(m -> flexText.append(", but bought in packs they would cost the plan ")
                    .append(m.amount().toPlainString()).append(" more"));
          }
          parts.add(flexText.append(" -> named").toString());
        } else {
          parts.add(p + ": not on Flex -> " + namedText);
        }
      }
    }
    return String.join("; ", parts);
  }

  /**
   * The user's named cost of {@code p} for the period: their own terms' share of the period when
   * their terms are not the common seat, else the common seat's ({@code problemNamed}); null when
   * {@code p} is not sold named.
   */
  private static Money namedCost(
      ProductId p, Map<ProductId, Money> problemNamed, Map<ProductId, TermChoice> terms) {
    TermChoice c = terms.get(p);
    if (c != null && !c.common()) {
      return c.attributed();
    }
    return problemNamed.get(p);
  }
}
