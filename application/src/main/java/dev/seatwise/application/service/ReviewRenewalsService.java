package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.port.in.ReviewRenewalsUseCase;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.HeldPlan;
import dev.seatwise.domain.plan.IdleSeat;
import dev.seatwise.domain.plan.MixPlan;
import dev.seatwise.domain.plan.PathStep;
import dev.seatwise.domain.plan.Plan;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.RenewalPath;
import dev.seatwise.domain.plan.TermChoice;
import dev.seatwise.domain.plan.SeatGap;
import dev.seatwise.domain.plan.SeatHolding;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.plan.UnusedTokens;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reviews today's plan as of a date: the path from it to the best plan reachable from it (domain
 * {@link RenewalPath}, where every rule lives). This service only orchestrates: it reads the usage
 * and what is held, takes the history's Flex windows as the usage expected in the review period
 * (the same number of days, starting on the review date: each window moved by the days from the
 * history's start to the review date), builds today's plan ({@link HeldPlan}) and the optimum
 * ({@code compare}'s optimal mix as a {@link MixPlan}), and maps the path's steps to actions.
 *
 * <p>Stateless apart from its ports; thread-safe when they are.
 */
public final class ReviewRenewalsService implements ReviewRenewalsUseCase {
  private static final long NANOS_A_DAY = 86_400_000_000_000L;

  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final EntitlementsPort entitlements;
  private final MeterRegistry meters;
  /** Whether compare may work its independent scenarios out beside each other. */
  private final boolean parallel;

  /** A service with the standard meters (Flex access windows, network seats). */
  public ReviewRenewalsService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements) {
    this(usage, catalog, entitlements, MeterRegistry.standard());
  }

  /** A service with the given meters (e.g. the standard ones plus service-loaded plug-ins). */
  public ReviewRenewalsService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements, MeterRegistry meters) {
    this.usage = checkNotNull(usage, "usage");
    this.catalogs = checkNotNull(catalog, "catalog");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.meters = checkNotNull(meters, "meters");
    this.parallel = Forked.PARALLEL;
  }

  private ReviewRenewalsService(ReviewRenewalsService s, boolean parallel) {
    this.usage = s.usage;
    this.catalogs = s.catalogs;
    this.entitlements = s.entitlements;
    this.meters = s.meters;
    this.parallel = parallel;
  }

  /**
   * The same service with compare's scenarios worked out one after the other ({@code false}) or
   * the independent ones beside each other ({@code true}, when more than one processor is
   * available), as {@link CompareScenariosService#parallel}: the answer is the same; a front end
   * that knows the heap is tight for its data asks for one after the other.
   */
  public ReviewRenewalsService parallel(boolean on) {
    return new ReviewRenewalsService(this, on && Forked.PARALLEL);
  }

  @Override
  public RenewalReview review(ReviewRenewalsQuery query) {
    checkNotNull(query, "query");
    ImportedUsage imported = usage.usage();
    Entitlements held = entitlements.entitlements();
    UsageAnalysis analysis = UsageAnalysis.of(imported, catalogs, query.history(), meters);
    ImportReport report = imported.report();
    imported = null; // from here the sessions are the analysis' only, which lets go of them in compare
    AnalysisPeriod history = analysis.period();
    ZoneId zone = history.zone();
    LocalDate asOf = query.asOf();
    List<String> notes = new ArrayList<>();
    Catalog prices = catalogs.versionOn(asOf).orElse(analysis.catalog());
    Optional<UnitPrice> tokenPrice = prices.packPricing().map(PackPricing::bestUnitPrice);

    // the review period: as many days as the history, from the review date; the history's windows
    // (and sessions) moved forward by the days from its start to the review date
    long shift = ChronoUnit.DAYS.between(history.from(), asOf);
    PlanPeriod period = new PlanPeriod(asOf, asOf.plusDays(history.days()), zone);
    List<Charge> historyWindows = analysis.isCapacityMetered() ? List.of() : analysis.flexMetering().charges();
    Duration window = analysis.catalog().metering().window();
    WindowTable windows;
    int[] idleBurn;
    if (zone.getRules().isFixedOffset()) {
      // a day is the same number of seconds throughout: the history's table moved as a whole (its
      // columns shared), and the windows opened inside long sessions found on the history itself
      WindowTable historyTable = analysis.isCapacityMetered() ? WindowTable.empty() : analysis.flexWindows();
      windows = historyTable.shiftedBy(Math.multiplyExact(shift, NANOS_A_DAY));
      idleBurn = RenewalPath.idleBurn(historyTable, analysis.usage().sessionTable(), window);
    } else {
      // days of 23 or 25 hours: each window and session moved by the days in the zone
      List<Charge> moved = new ArrayList<>();
      for (Charge c : historyWindows) {
        moved.add(
            new Charge(c.user(), c.product(), c.start().atZone(zone).plusDays(shift).toInstant(),
                c.end().atZone(zone).plusDays(shift).toInstant(), c.tokens()));
      }
      windows = WindowTable.of(moved);
      idleBurn =
          RenewalPath.idleBurn(windows, shifted(analysis.usage().sessionTable(), shift, zone), window);
    }
    notes.add(
        "the review period is " + period.from() + " to " + period.to() + " (" + period.days()
            + " days): the usage of " + history.from() + " to " + history.to()
            + " replayed from the review date, so every figure is for that period");
    if (analysis.isCapacityMetered()) {
      notes.add(
          "the catalog's meter (" + analysis.catalog().meter() + ") sizes a pool rather than charging"
              + " per use: only seat actions apply");
    }
    if (analysis.hasSummaries()) {
      notes.add(
          "aggregated usage reports count one window per day used; their windows cannot be checked"
              + " for overlaps or long sessions");
    }

    // today's plan, as held over the history and the review period
    PlanPeriod heldOver = new PlanPeriod(history.from(), period.to(), zone);
    HeldPlan today = HeldPlan.of(held, catalogs, heldOver, historyWindows);
    today.assumptions().forEach(a -> notes.add("today's plan: " + a));
    today.omissions().forEach(a -> notes.add("today's plan: " + a));

    // aggregated reports have no dates: their holders keep the common annual seat, as in compare
    Plan optimum =
        optimum(
            report, analysis, held, period, analysis.hasSummaries() ? WindowTable.empty() : windows,
            analysis.hasSummaries() ? SessionTable.of(List.of()) : shifted(analysis.windowlessLaunches(), shift, zone),
            today.plan(), notes);
    // the walk prices every state against the windows, several at once: compare's windows by day
    // are no longer read
    analysis.letGoOfFlexDemand();
    RenewalPath path =
        RenewalPath.of(today.plan(), optimum, windows, idleBurn, period, catalogs);
    notes.addAll(path.notes());
    unassigned(path, notes);
    expiringLots(path, zone, notes);
    List<IdleSeat> idle = idleSeats(held, analysis, history, asOf, query.idleDays(), notes);

    List<RenewalAction> actions = new ArrayList<>();
    for (PathStep s : path.steps()) {
      actions.add(
          new RenewalAction(
              RenewalAction.Kind.valueOf(s.kind().name()),
              s.users().size() == 1 ? Optional.of(s.users().get(0)) : Optional.empty(),
              s.offering(),
              Optional.empty(),
              s.saving(),
              s.on(),
              s.reason(),
              s.users()));
    }
    return new RenewalReview(
        asOf,
        history,
        query.idleDays(),
        tokenPrice,
        actions,
        notes,
        path.current(),
        path.target(),
        path.optimum(),
        period.from(),
        period.to(),
        idle);
  }

  /**
   * The optimum as a plan over the review period: {@code compare}'s optimal mix on the history
   * (its seats per offering), each holder on the terms {@link TermChoice} chooses for the review
   * period's windows and {@code windowless} launches (the common annual seat, or shorter terms of
   * their own over the days they use the offering, launches under the minimum billable duration
   * too when they opened no window, as {@code compare} prices them); today's plan when there is
   * none (no packs sold, a pool meter).
   */
  private Plan optimum(
      ImportReport report,
      UsageAnalysis analysis,
      Entitlements held,
      PlanPeriod period,
      WindowTable windows,
      SessionTable windowless,
      Plan today,
      List<String> notes) {
    // compare over the history this review has metered already: its analysis, not a second one;
    // the review has read from the sessions all it needs (the idle burn), so compare may let go of
    // them once its network scenario has read them
    AnalysisPeriod history = analysis.period();
    Comparison c =
        new CompareScenariosService(usage, catalogs, () -> held, meters)
            .parallel(parallel)
            .compareLettingGoOfSessions(
                CompareScenariosQuery.of(PeriodSpec.of(history.from(), history.to(), history.zone())),
                report,
                analysis,
                held);
    boolean solved = c.scenarios().stream().anyMatch(s -> s.name().equals(Scenario.OPTIMAL));
    if (!solved) {
      notes.add("no optimal mix (see compare): the path only reclaims seats and changes behaviour");
      return today;
    }
    Map<ProductId, List<UserId>> seats = new TreeMap<>();
    for (UserComparison u : c.users()) {
      for (ProductId b : u.bundles()) {
        seats.computeIfAbsent(b, k -> new ArrayList<>()).add(u.user());
      }
      for (ProductId p : u.named()) {
        seats.computeIfAbsent(p, k -> new ArrayList<>()).add(u.user());
      }
    }
    try {
      TokenPurchaseSchedule none =
          TokenPurchaseSchedule.cheapest(
              List.of(), catalogs, period.zone(), catalogs.versions().get(0).tokenExpiry(), period.from());
      Map<ProductId, Set<ProductId>> bundles = new TreeMap<>();
      for (ProductId o : seats.keySet()) {
        catalogs
            .versionOn(period.from())
            .orElse(catalogs.latest())
            .bundle(o)
            .ifPresent(b -> bundles.put(o, b.includes()));
      }
      Map<UserId, Map<ProductId, TermChoice>> terms =
          TermChoice.byUser(windows, windowless, bundles, period, catalogs);
      return MixPlan.of(seats, terms, period, catalogs, none);
    } catch (IllegalArgumentException e) {
      notes.add("the optimal mix cannot be held over the review period (" + e.getMessage() + "): the"
          + " path only reclaims seats and changes behaviour");
      return today;
    }
  }

  /**
   * {@code sessions} moved forward by {@code days} in {@code zone}, as the windows are: the
   * history's sessions where days are not all the same length, and its launches that opened no
   * window ({@link UsageAnalysis#windowlessLaunches()}, a few rows).
   */
  private static SessionTable shifted(SessionTable launches, long days, ZoneId zone) {
    List<Session> moved = new ArrayList<>(launches.size());
    for (Session s : launches.sessions()) {
      moved.add(
          new Session(s.user(), s.product(), s.start().atZone(zone).plusDays(days).toInstant(),
              s.end().atZone(zone).plusDays(days).toInstant()));
    }
    return SessionTable.of(moved);
  }

  /** Seats today's plan holds that nobody is assigned, and what they cost a term. */
  private static void unassigned(RenewalPath path, List<String> notes) {
    long seats = 0;
    Money value = null;
    List<String> where = new ArrayList<>();
    for (SeatGap g : path.currentSeatGaps()) {
      if (g.gap() != SeatGap.Gap.UNASSIGNED) {
        continue;
      }
      for (SeatHolding h : path.continuedPlan().seats()) {
        if (h.id().equals(g.holding())) {
          Money m = h.pricePerSeat().multipliedBy(g.seats());
          value = value == null ? m : value.plus(m);
          seats += g.seats();
          where.add(h.offering() + " " + g.seats() + " (" + h.id() + ")");
        }
      }
    }
    if (seats > 0) {
      notes.add(
          "today's plan holds " + seats + " seat(s) assigned to nobody, worth "
              + Figures.money(value) + " at their price per term; not renewed at their renewal: "
              + String.join(", ", where));
    }
  }

  /** Seat assignments shown in the note of {@link #idleSeats}, the others counted. */
  private static final int IDLE_SHOWN = 10;

  /**
   * The named seats of today's plan whose users have not used them for {@code idleDays} days or
   * more before the end of the history (domain {@link IdleSeat}): a note for reclaiming, which
   * changes no figure (the path removes only seats that do no work in the whole period).
   */
  private static List<IdleSeat> idleSeats(
      Entitlements held,
      UsageAnalysis analysis,
      AnalysisPeriod history,
      LocalDate asOf,
      int idleDays,
      List<String> notes) {
    if (held.assignments().isEmpty() || analysis.isCapacityMetered()) {
      return List.of();
    }
    if (analysis.hasSummaries()) {
      notes.add("--idle-days: not applied, the usage holds totals without days of use");
      return List.of();
    }
    // judged on the days the data covers: none after its end is taken as a day without use
    LocalDate until = asOf.isBefore(history.to()) ? asOf : history.to();
    if (!history.from().isBefore(until)) {
      return List.of();
    }
    Catalog catalog = analysis.catalog();
    Map<ProductId, Set<ProductId>> includes = new TreeMap<>();
    for (SeatAssignment a : held.assignments()) {
      catalog.bundle(a.offering()).ifPresent(b -> includes.put(a.offering(), b.includes()));
    }
    List<IdleSeat> idle =
        IdleSeat.asOf(
            held.assignments(), analysis.flexWindows(), analysis.windowlessLaunches(), includes,
            history.from(), until, history.zone(), idleDays);
    if (idle.isEmpty()) {
      return idle;
    }
    List<String> shown = new ArrayList<>();
    for (IdleSeat i : idle.subList(0, Math.min(IDLE_SHOWN, idle.size()))) {
      shown.add(
          i.user().value() + " (" + i.offering().value() + ", "
              + i.lastUse().map(d -> "last used " + d).orElse("no use since " + history.from())
              + ")");
    }
    notes.add(
        idle.size() + " of " + held.assignments().size() + " named seat assignment(s) unused for "
            + idleDays + " days or more before " + until + " (--idle-days; a window or a launch of"
            + " a product the seat covers is use): " + String.join(", ", shown)
            + (idle.size() > IDLE_SHOWN ? " and " + (idle.size() - IDLE_SHOWN) + " more" : "")
            + "; the path above removes only seats that do no work in the whole period");
    return idle;
  }

  /** Held lots the target plan leaves tokens of at expiry. */
  private static void expiringLots(RenewalPath path, ZoneId zone, List<String> notes) {
    for (UnusedTokens u : path.targetUnusedTokens()) {
      for (TokenLot lot : path.targetLots()) {
        if (lot.id().equals(u.lot()) && path.continuedPlan().lots().contains(lot) && u.expiresInPeriod()) {
          notes.add(
              "lot " + lot.id() + " expires on " + lot.expires().atZone(zone).toLocalDate() + " with "
                  + Figures.tokens(u.tokens()) + " tokens unused even on the target plan ≈ "
                  + Figures.money(lot.unitPrice().costOf(u.tokens(), RoundingMode.HALF_EVEN))
                  + "; move Flex work onto it before then");
        }
      }
    }
  }
}
