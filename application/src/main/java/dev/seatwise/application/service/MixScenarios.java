package dev.seatwise.application.service;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.Optimality;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.ScenarioPurchase;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.money.Allocation;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.Assignment;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.ScheduledMixSearch;
import dev.seatwise.domain.plan.CostLine;
import dev.seatwise.domain.plan.FlexDemand;
import dev.seatwise.domain.plan.MixPlan;
import dev.seatwise.domain.plan.NetworkHolding;
import dev.seatwise.domain.plan.Plan;
import dev.seatwise.domain.plan.PlanEvaluation;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.Proration;
import dev.seatwise.domain.plan.ScheduledPurchase;
import dev.seatwise.domain.plan.SeatHolding;
import dev.seatwise.domain.plan.TermChoice;
import dev.seatwise.domain.plan.TermMix;
import dev.seatwise.domain.plan.TermSpan;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.optimize.BundleOffer;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.plan.UserCosts;
import dev.seatwise.domain.plan.WindowOutcome;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The comparison's scenarios of named seats, Flex and network seats, each priced as a plan (domain
 * {@link MixPlan}, {@link NetworkHolding}) by the one domain operation {@link PlanEvaluation}: its
 * total and cost lines are the evaluation's, and each user's cost is the evaluation's lines charged
 * to them ({@link UserCosts}). Aggregated usage reports (no dates) have no windows to evaluate: their
 * scenarios keep the optimiser's single purchase. Orchestration only; the rules are the domain's.
 */
final class MixScenarios {
  private final CatalogHistory catalogs;
  private final UsageAnalysis analysis;
  private final PlanPeriod period;
  /** Where this view's notes go (each view of a comparison's scenarios may have its own). */
  private final List<String> notes;
  /** What the views share: the demand and the terms, each worked out once. */
  private final Shared shared;

  /** A scenario with what each user costs in it (empty when it could not be charged to users). */
  record Priced(Scenario scenario, Map<UserId, Money> userCosts, List<Assignment> assignments) {}

  /**
   * The network scenario and what it charges to the chargeback: each line's amount, shared by
   * the groups' usage of its product ({@link CompareScenariosService#usageWeights}).
   */
  record Network(Scenario scenario, List<Map.Entry<ProductId, Money>> charges) {}

  /**
   * The Flex windows by user, product and day ({@link FlexDemand}, or why they could not be read
   * so) and each user's terms per offering ({@link TermChoice}): worked out once, by whichever
   * thread first needs them, and read by all.
   */
  private static final class Shared {
    private final Object lock = new Object();
    private final java.util.concurrent.atomic.AtomicReference<Object> demand =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<Map<UserId, Map<ProductId, TermChoice>>>
        terms = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
  }

  MixScenarios(CatalogHistory catalogs, UsageAnalysis analysis, List<String> notes) {
    this(catalogs, analysis, notes, new Shared());
  }

  private MixScenarios(
      CatalogHistory catalogs, UsageAnalysis analysis, List<String> notes, Shared shared) {
    this.catalogs = catalogs;
    this.analysis = analysis;
    AnalysisPeriod p = analysis.period();
    this.period = new PlanPeriod(p.from(), p.to(), p.zone());
    this.notes = notes;
    this.shared = shared;
  }

  /**
   * The same scenarios writing their notes to {@code other} (a part of the comparison worked out
   * beside the others keeps its own notes, which the caller adds in a fixed order); the demand and
   * terms are shared.
   */
  MixScenarios noting(List<String> other) {
    return new MixScenarios(catalogs, analysis, other, shared);
  }

  /**
   * One seat of {@code offering} for the period as its plan prices it: annual terms from the
   * period's first day, each at the price in force on its start, attributed to the period pro rata
   * ({@link MixPlan#seatCost}); when a version sells no annual seat of it, {@code annual} pro-rated
   * by days.
   */
  Money seatCost(ProductId offering, Money annual, Proration proration) {
    try {
      return MixPlan.seatCost(offering, period, catalogs);
    } catch (IllegalArgumentException e) {
      return proration.apply(annual);
    }
  }

  /**
   * Each user's named terms per offering they could hold (domain {@link TermChoice#byUser}: the
   * cheapest terms covering the days they use it, their launches under the minimum billable
   * duration too when they opened no window, or the common annual seat), kept for the plans of
   * {@link #mix}; none for aggregated usage (no dates).
   */
  Map<UserId, Map<ProductId, TermChoice>> terms(List<BundleOffer> bundles) {
    shared.terms.set(Map.of());
    if (!evaluable()) {
      return Map.of();
    }
    Map<ProductId, java.util.Set<ProductId>> includes = new TreeMap<>();
    for (BundleOffer b : bundles) {
      includes.put(b.id(), b.includes());
    }
    Map<UserId, Map<ProductId, TermChoice>> terms =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(TermChoice.byUser(
                    analysis.flexWindows(), analysis.windowlessLaunches(), includes, period, catalogs)));
    shared.terms.set(terms);
    return terms;
  }

  /**
   * With several catalog versions, each user's Flex tokens per product with every window rated at
   * the version in force when it opens (as plans are evaluated); empty with one version (the
   * analysis' tokens are already those) or aggregated usage.
   */
  Map<UserId, Map<ProductId, Long>> tokensAtOpening() {
    if (catalogs.versions().size() == 1 || !evaluable()) {
      return Map.of();
    }
    FlexDemand d = demand();
    Map<UserId, Map<ProductId, Long>> out = new TreeMap<>();
    analysis.byUser().forEach((u, byP) -> {
      Map<ProductId, Long> t = new TreeMap<>();
      for (ProductId p : byP.keySet()) {
        t.put(p, d.tokens(u, p));
      }
      out.put(u, t);
    });
    return out;
  }

  /**
   * The period's Flex windows by column (domain {@link FlexDemand}), built once by the first thread
   * that asks (the others wait for it); when they cannot be read so, every call throws what the
   * first did.
   */
  private FlexDemand demand() {
    Object d = shared.demand.get();
    if (d == null) {
      synchronized (shared.lock) {
        d = shared.demand.get();
        if (d == null) {
          try {
            d = analysis.flexDemand(period, catalogs);
          } catch (RuntimeException e) {
            d = e;
          }
          shared.demand.set(d);
        }
      }
    }
    if (d instanceof RuntimeException e) {
      throw e;
    }
    return (FlexDemand) d;
  }

  /**
   * Works out the Flex windows by day ({@link #demand()}) ahead of the plans that schedule
   * purchases by them, when the usage has dated windows; what could not be read is thrown later,
   * where a plan needs it.
   */
  void prepareDemand() {
    if (evaluable()) {
      try {
        demand();
      } catch (RuntimeException e) {
        // kept: thrown again to the plan that needs the demand
      }
    }
  }

  /**
   * The relaxation's optimum {@code relaxed} improved under purchase schedules (domain {@link
   * ScheduledMixSearch}); empty for aggregated usage or when no schedule can be made.
   */
  Optional<ScheduledMixSearch.ScheduledMix> scheduled(
      dev.seatwise.domain.optimize.HybridProblem relaxation, OptimizationResult.Solved relaxed) {
    if (!evaluable()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ScheduledMixSearch.improve(
              relaxation, relaxed, demand(), ScheduledMixSearch.DEFAULT_BUDGET));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the scenarios can be evaluated as plans (the usage has dated windows). */
  boolean evaluable() {
    return !analysis.hasSummaries();
  }

  /**
   * The scenario of the mix {@code s} (or, for optimal, its improvement under purchase schedules
   * {@code scheduled}), priced as a plan.
   */
  Priced mix(
      String name,
      OptimizationResult.Solved s,
      Optional<ScheduledMixSearch.ScheduledMix> scheduled,
      Catalog catalog,
      Proration proration) {
    List<Assignment> assignments = scheduled.map(x -> x.assignments()).orElse(s.assignments());
    if (!evaluable()) {
      return singlePurchase(name, s, catalog, proration);
    }
    Map<ProductId, List<UserId>> seats = seatsOf(assignments);
    TokenPurchaseSchedule schedule;
    Plan plan;
    try {
      schedule =
          scheduled.isPresent()
              ? scheduled.get().schedule()
              : MixPlan.schedule(onFlexOf(assignments), demand());
      plan = MixPlan.of(seats, shared.terms.get(), period, catalogs, schedule);
    } catch (IllegalArgumentException e) {
      notes.add(name + ": not priced as a plan (" + e.getMessage() + "); its Flex tokens are priced as one purchase");
      return singlePurchase(name, s, catalog, proration);
    }
    PlanEvaluation e = PlanEvaluation.of(plan, analysis.flexWindows(), period, catalogs);
    List<String> lines = new ArrayList<>();
    Map<String, SeatHolding> holdingById = new HashMap<>();
    for (SeatHolding h : plan.seats()) {
      holdingById.put(h.id(), h);
    }
    // per offering, its holdings' lines by group: the common seat's terms, then each group of
    // users on the same shorter terms (a group's holdings share their assignees)
    Map<ProductId, Map<List<dev.seatwise.domain.plan.Assignee>, List<CostLine>>> seatLines = new TreeMap<>();
    Money lots = catalog.zero();
    for (CostLine l : e.lines()) {
      if (l.kind() == CostLine.Kind.SEATS) {
        SeatHolding h = holdingById.get(l.holding());
        seatLines
            .computeIfAbsent(h.offering(), k -> new LinkedHashMap<>())
            .computeIfAbsent(h.assignees(), k -> new ArrayList<>())
            .add(l);
      } else if (l.kind() == CostLine.Kind.TOKEN_LOT) {
        lots = lots.plus(l.amount());
      }
    }
    List<Holding> holdings = new ArrayList<>();
    seatLines.forEach(
        (offering, groups) -> {
          List<List<CostLine>> own = new ArrayList<>();
          for (List<CostLine> ls : groups.values()) {
            SeatHolding first = holdingById.get(ls.get(0).holding());
            if (first.id().contains("~")) {
              own.add(ls);
              continue;
            }
            lines.add(seatLine(offering, first.seats(), ls, holdingById));
            holdings.add(
                new Holding(Holding.NAMED, offering.value(), first.seats(), period.from(), period.to(),
                    TermMix.termName(Term.ANNUAL)));
          }
          lines.addAll(termLines(offering, own, holdingById));
          holdings.addAll(termHoldings(offering, own, holdingById));
        });
    long tokens = e.tokensDrawn();
    List<ScenarioPurchase> purchases = new ArrayList<>();
    for (ScheduledPurchase p : schedule.purchases()) {
      purchases.add(new ScenarioPurchase(p.date(), p.packs()));
    }
    if (!schedule.purchases().isEmpty()) {
      Optional<PackPricing> packs = catalog.packPricing();
      PackPurchase once = packs.isPresent() ? packs.get().cheapestCover(Tokens.of(tokens)) : null;
      if (purchases.size() == 1 && once != null && once.cost().equals(lots)) {
        lines.add(String.format("Flex: %d tokens, bought as %s", tokens, schedule.purchases().get(0).packs()));
      } else if (once != null && once.cost().equals(lots)) {
        lines.add(
            String.format(
                "Flex: %d tokens, bought in %d purchases = %s (as much as at once: each lot is bought"
                    + " when first drawn on and expires %d months after purchase)",
                tokens, purchases.size(), lots.amount().toPlainString(), schedule.validity().toTotalMonths()));
      } else {
        lines.add(
            String.format(
                "Flex: %d tokens, bought in %d %s = %s (not at once for %s: tokens expire %d months"
                    + " after purchase, and a pack costs the price in force on its purchase day)",
                tokens, purchases.size(), purchases.size() == 1 ? "purchase" : "purchases",
                lots.amount().toPlainString(),
                once == null ? "-" : once.cost().amount().toPlainString(),
                schedule.validity().toTotalMonths()));
      }
    }
    if (e.uncoveredCount() > 0) {
      WindowOutcome first = e.uncovered().get(0);
      notes.add(name + ": " + e.uncoveredCount() + " windows are not covered by its plan (first: "
          + first.window().user() + " " + first.window().product() + ")");
    }
    OptionalLong scenarioTokens = name.equals(Scenario.ALL_NAMED) ? OptionalLong.empty() : OptionalLong.of(tokens);
    Scenario sc =
        new Scenario(name, e.total(), scenarioTokens, Map.of(), lines, holdings, purchases, List.of(), List.of());
    UserCosts costs = UserCosts.of(e);
    return new Priced(sc, costs.byUser(), assignments);
  }

  private static Map<ProductId, List<UserId>> seatsOf(List<Assignment> assignments) {
    Map<ProductId, List<UserId>> out = new TreeMap<>();
    for (Assignment a : assignments) {
      a.bundle().ifPresent(b -> out.computeIfAbsent(b, k -> new ArrayList<>()).add(a.user()));
      for (ProductId p : a.named()) {
        out.computeIfAbsent(p, k -> new ArrayList<>()).add(a.user());
      }
    }
    return out;
  }

  private static Map<UserId, java.util.Set<ProductId>> onFlexOf(List<Assignment> assignments) {
    Map<UserId, java.util.Set<ProductId>> out = new TreeMap<>();
    for (Assignment a : assignments) {
      if (!a.flex().isEmpty()) {
        out.put(a.user(), a.flex());
      }
    }
    return out;
  }

  /**
   * One line per offering: with one term, {@code n seats x per-seat (annual/yr x days/term days) =
   * line} when the per-seat figure times the seats is the line (rounded once); else the terms.
   */
  private static String seatLine(
      ProductId offering, long n, List<CostLine> ls, Map<String, SeatHolding> holdings) {
    String seatsText = n + (n == 1 ? " seat" : " seats");
    Money sum = ls.get(0).amount().minus(ls.get(0).amount());
    for (CostLine l : ls) {
      sum = sum.plus(l.amount());
    }
    if (ls.size() == 1) {
      SeatHolding h = holdings.get(ls.get(0).holding());
      long termDays = ChronoUnit.DAYS.between(h.start(), h.termEnd());
      long days = ChronoUnit.DAYS.between(ls.get(0).from(), ls.get(0).to());
      Money seat = new Proration(days, termDays).apply(h.pricePerSeat());
      if (seat.multipliedBy(n).equals(sum)) {
        return String.format(
            "%s named: %s x %s (%s/yr x %d/%d days) = %s",
            offering, seatsText, seat.amount().toPlainString(), h.pricePerSeat().amount().toPlainString(),
            days, termDays, sum.amount().toPlainString());
      }
    }
    List<String> terms = new ArrayList<>();
    for (CostLine l : ls) {
      SeatHolding h = holdings.get(l.holding());
      long termDays = ChronoUnit.DAYS.between(h.start(), h.termEnd());
      long days = ChronoUnit.DAYS.between(l.from(), l.to());
      terms.add(
          String.format(
              "%s/yr from %s%s = %s",
              h.pricePerSeat().amount().toPlainString(), h.start(),
              l.proRata() ? " x " + days + "/" + termDays + " days" : "",
              l.amount().amount().toPlainString()));
    }
    return String.format(
        "%s named: %s, %s, rounded once per term = %s",
        offering, seatsText, String.join(" + ", terms), sum.amount().toPlainString());
  }

  /**
   * The lines of an offering's users on their own terms (each user's holdings, one seat per term),
   * users on the same terms together: one line per such group, {@code ACD named: 1 seat monthly x
   * 3 from 2025-03-01 at 255.00 = 765.00}, saying which terms are attributed to the period pro
   * rata; more than three groups are summed in one line (the holdings list them).
   */
  private static List<String> termLines(
      ProductId offering, List<List<CostLine>> users, Map<String, SeatHolding> holdings) {
    // per distinct terms: the users' lines, term by term (every user's terms have one line each)
    Map<TermMix, List<List<CostLine>>> groups = new LinkedHashMap<>();
    for (List<CostLine> ls : users) {
      List<TermSpan> spans = new ArrayList<>();
      for (CostLine l : ls) {
        SeatHolding h = holdings.get(l.holding());
        spans.add(new TermSpan(h.term(), h.start(), h.pricePerSeat()));
      }
      groups.computeIfAbsent(new TermMix(spans), k -> new ArrayList<>()).add(ls);
    }
    List<String> out = new ArrayList<>();
    if (groups.isEmpty()) {
      return out;
    }
    if (groups.size() > 3) {
      Money sum = null;
      Map<Term, Long> terms = new TreeMap<>();
      boolean proRata = false;
      for (List<CostLine> ls : users) {
        for (CostLine l : ls) {
          sum = sum == null ? l.amount() : sum.plus(l.amount());
          terms.merge(holdings.get(l.holding()).term(), 1L, Long::sum);
          proRata |= l.proRata();
        }
      }
      List<String> counts = new ArrayList<>();
      terms.forEach((t, k) -> counts.add(k + " " + TermMix.termName(t)));
      out.add(
          String.format(
              "%s named: %d seats on shorter terms (%d term mixes; %s terms, see holdings)%s, rounded once"
                  + " per term = %s",
              offering, users.size(), groups.size(), String.join(", ", counts),
              proRata ? ", those past the period pro rata" : "", sum.amount().toPlainString()));
      return out;
    }
    groups.forEach(
        (mix, members) -> {
          int n = members.size();
          Money sum = null;
          for (List<CostLine> ls : members) {
            for (CostLine l : ls) {
              sum = sum == null ? l.amount() : sum.plus(l.amount());
            }
          }
          List<String> proRata = new ArrayList<>();
          for (CostLine l : members.get(0)) {
            if (l.proRata()) {
              SeatHolding h = holdings.get(l.holding());
              proRata.add(
                  String.format(
                      "the term from %s pro rata %d/%d days", h.start(),
                      ChronoUnit.DAYS.between(l.from(), l.to()),
                      ChronoUnit.DAYS.between(h.start(), h.termEnd())));
            }
          }
          out.add(
              String.format(
                  "%s named: %d %s %s%s = %s",
                  offering, n, n == 1 ? "seat" : "seats", mix.describe(),
                  proRata.isEmpty() ? "" : ", " + String.join(", ", proRata)
                      + (n > 1 ? " (each)" : ""),
                  sum.amount().toPlainString()));
        });
    return out;
  }

  /**
   * The holdings of an offering's users on their own terms: per user, one per run of one term;
   * users' runs of the same term and dates together, as seats.
   */
  private static List<Holding> termHoldings(
      ProductId offering, List<List<CostLine>> users, Map<String, SeatHolding> holdings) {
    Map<List<Object>, long[]> runs = new LinkedHashMap<>();
    for (List<CostLine> ls : users) {
      SeatHolding run = null;
      java.time.LocalDate runEnd = null;
      for (CostLine l : ls) {
        SeatHolding h = holdings.get(l.holding());
        if (run != null && run.term() == h.term() && runEnd.equals(h.start())) {
          runEnd = h.termEnd();
          continue;
        }
        if (run != null) {
          runs.computeIfAbsent(List.of(run.term(), run.start(), runEnd), k -> new long[1])[0]++;
        }
        run = h;
        runEnd = h.termEnd();
      }
      runs.computeIfAbsent(List.of(run.term(), run.start(), runEnd), k -> new long[1])[0]++;
    }
    List<Holding> out = new ArrayList<>();
    runs.forEach(
        (k, n) ->
            out.add(
                new Holding(
                    Holding.NAMED, offering.value(), n[0], (java.time.LocalDate) k.get(1),
                    (java.time.LocalDate) k.get(2), TermMix.termName((Term) k.get(0)))));
    out.sort(java.util.Comparator.comparing(Holding::from).thenComparing(Holding::to));
    return out;
  }

  /** The catalog's annual named price of an offering (a collection or a product). */
  private static Money annualOf(Catalog catalog, ProductId id) {
    return catalog
        .bundle(id)
        .map(b -> b.namedUser().annual())
        .orElseGet(() -> catalog.requireProduct(id).namedUser().orElseThrow().annual());
  }

  /** The mix with its Flex tokens bought at once (aggregated usage: no dates to schedule by). */
  private Priced singlePurchase(
      String name, OptimizationResult.Solved s, Catalog catalog, Proration proration) {
    Scenario sc =
        CompareScenariosService.subscriptionScenario(
            name, s, catalog, proration,
            id -> seatCost(id, annualOf(catalog, id), proration));
    List<Holding> holdings = new ArrayList<>();
    Map<ProductId, List<UserId>> seats = seatsOf(s.assignments());
    seats.forEach((o, us) -> holdings.add(new Holding(Holding.NAMED, o.value(), us.size(), period.from(), period.to())));
    List<ScenarioPurchase> purchases = new ArrayList<>();
    if (s.purchase().demand().count() > 0) {
      purchases.add(new ScenarioPurchase(period.from(), s.purchase()));
    }
    Map<UserId, Money> costs = new LinkedHashMap<>();
    Map<UserId, Long> weights = new LinkedHashMap<>();
    for (Assignment a : s.assignments()) {
      costs.put(a.user(), a.subscriptions());
      if (a.tokens() > 0) {
        weights.put(a.user(), a.tokens());
      }
    }
    if (!weights.isEmpty()) {
      Allocation.byLargestRemainder(s.purchase().cost(), weights).forEach((u, m) -> costs.merge(u, m, Money::plus));
    }
    return new Priced(
        new Scenario(sc.name(), sc.total(), sc.tokens(), sc.seats(), sc.lines(), holdings, purchases, List.of(), List.of()),
        costs,
        s.assignments());
  }

  /**
   * The optimal scenario's bounds: proven optimal when the plan costs no more than the lower bound
   * (the optimum with every mix's Flex tokens bought at once at the best prices, which no purchase
   * schedule beats: docs/adr/0006), else the gap to it.
   */
  Priced withBounds(Priced optimal, OptimizationResult.Solved relaxed, Optional<ScheduledMixSearch.ScheduledMix> scheduled) {
    Scenario sc = optimal.scenario();
    Money lower = relaxed.total();
    Money upper = sc.total();
    List<String> lines = new ArrayList<>(sc.lines());
    Optimality optimality;
    if (!upper.isGreaterThan(lower)) {
      lines.add(
          "proven optimal: lower bound " + relaxed.lowerBound().amount().toPlainString()
              + ", exact search over " + relaxed.candidates() + " users near break-even");
      optimality = new Optimality(true, lower, upper.minus(upper), scheduled.map(x -> x.evaluated()).orElse(0));
    } else if (scheduled.isPresent() && scheduled.get().exhaustive()) {
      lines.add(
          "proven optimal: every mix of named seats and Flex evaluated under its cheapest token"
              + " purchase schedule (" + scheduled.get().evaluated() + " schedules); with its tokens"
              + " bought at once the best mix would cost " + lower.amount().toPlainString());
      notes.add(
          "optimal: the mix was optimised with its Flex tokens bought at once ("
              + relaxed.purchase().cost().amount().toPlainString() + "); under purchase schedules (tokens"
              + " expire, prices change) every mix was evaluated, and the cheapest costs "
              + upper.amount().toPlainString());
      optimality = new Optimality(true, upper, upper.minus(upper), scheduled.get().evaluated());
    } else {
      Money gap = upper.minus(lower);
      String pct =
          lower.isZero()
              ? ""
              : " (" + gap.amount().multiply(BigDecimal.valueOf(100)).divide(lower.amount(), 2, RoundingMode.HALF_EVEN)
                  .toPlainString() + "%)";
      int evaluated = scheduled.map(x -> x.evaluated()).orElse(0);
      int moves = scheduled.map(x -> x.moves()).orElse(0);
      lines.add(
          "not proven optimal: at most " + gap.amount().toPlainString() + pct + " above the optimum, which"
              + " costs at least " + lower.amount().toPlainString() + " (the cheapest mix with its Flex"
              + " tokens bought at once at the best prices: no purchase schedule costs less); "
              + evaluated + " purchase schedules evaluated, " + moves + (moves == 1 ? " move" : " moves")
              + " from that mix made");
      notes.add(
          "optimal: the mix was optimised with its Flex tokens bought at once ("
              + relaxed.purchase().cost().amount().toPlainString() + "); under purchase schedules (tokens"
              + " expire, prices change) it costs " + upper.amount().toPlainString()
              + ", at most " + gap.amount().toPlainString() + " above the optimum");
      optimality = new Optimality(false, lower, gap, evaluated);
    }
    Scenario out =
        new Scenario(
            sc.name(), sc.total(), sc.tokens(), sc.seats(), lines, sc.holdings(), sc.purchases(),
            sc.uncovered(), sc.unassignedSeats(), Optional.of(optimality));
    return new Priced(out, optimal.userCosts(), optimal.assignments());
  }

  /**
   * Legacy network seats (peak concurrency per product, or the query's count) held for the period,
   * as a plan of {@link NetworkHolding}s priced by {@link PlanEvaluation}.
   */
  Optional<Network> network(CompareScenariosQuery query, Catalog catalog) {
    if (!analysis.hasSessions()) {
      notes.add("network is left out: the usage has no clock times (sessions), so concurrency is unknown");
      return Optional.empty();
    }
    // each product's peak only (not its concurrency profile: 56 bytes a session)
    Map<String, Long> seats = new TreeMap<>();
    Map<String, String> why = new HashMap<>();
    List<ProductId> unpriced = new ArrayList<>();
    List<NetworkHolding> held = new ArrayList<>();
    List<Holding> holdings = new ArrayList<>();
    for (ConcurrentSeatMeter.Peak d : analysis.peaks()) {
      ProductId id = d.product();
      Optional<Product> priced = catalog.product(id).filter(p -> p.networkSeat().isPresent());
      if (priced.isEmpty()) {
        unpriced.add(id); // also a collection: collections were never sold as network seats here
        continue;
      }
      long n = query.networkSeats().getOrDefault(id, d.peak());
      Money annual = priced.get().networkSeat().get().annual();
      held.add(new NetworkHolding(id.value(), id, n, period.from(), period.to(), annual));
      seats.put(id.value(), n);
      why.put(id.value(), query.networkSeats().containsKey(id) ? "given" : "peak " + d.peak() + " at " + d.peakAt());
      holdings.add(new Holding(Holding.NETWORK, id.value(), n, period.from(), period.to()));
    }
    if (seats.isEmpty()) {
      notes.add("network is left out: the catalog prices no network seat for the products used");
      return Optional.empty();
    }
    if (!unpriced.isEmpty()) {
      notes.add("network: no network seat price for " + unpriced + "; those products are left out of its total");
    }
    Plan plan = new Plan(catalog.currency(), List.of(), held, List.of());
    PlanEvaluation e = PlanEvaluation.of(plan, List.of(), period, catalogs);
    List<String> lines = new ArrayList<>();
    List<Map.Entry<ProductId, Money>> charges = new ArrayList<>();
    Map<String, NetworkHolding> byId = new HashMap<>();
    for (NetworkHolding h : held) {
      byId.put(h.id(), h);
    }
    for (CostLine l : e.lines()) {
      NetworkHolding h = byId.get(l.holding());
      long days = ChronoUnit.DAYS.between(l.from(), l.to());
      lines.add(
          String.format(
              "%s: %d %s (%s) x %s/yr x %d/%d days = %s",
              h.product(), h.seats(), h.seats() == 1 ? "seat" : "seats", why.get(h.id()),
              h.annualPerSeat().amount().toPlainString(), days, 365, l.amount().amount().toPlainString()));
      charges.add(Map.entry(h.product(), l.amount()));
    }
    lines.add("legacy network seats can no longer be bought: compared, not mixed into optimal");
    return Optional.of(
        new Network(
            new Scenario(
                Scenario.NETWORK, e.total(), OptionalLong.empty(), seats, lines, holdings, List.of(),
                List.of(), List.of()),
            charges));
  }
}
