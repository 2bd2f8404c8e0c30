package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which usage a plan's seats and network holdings cover, by the one seat rule of {@link
 * PlanEvaluation} (a seat covers only its seated user, only while its holding runs; assignees
 * beyond an offering's seats that day are unseated): the rule the forecast's burn and the
 * trade-in's network users share with {@code compare}'s current scenario. Token lots play no part
 * here (the plan is evaluated without them): what a seat or network holding does not cover is the
 * usage that Flex (or a network seat) has to pay.
 *
 * <ul>
 *   <li>an access window is covered when the evaluation meets it by a seat or a network holding; a
 *       window that opens outside the period is not evaluated and counts as not covered;
 *   <li>a session is covered when a window of its user and product opening at its start would be
 *       (a session that outlives the seat is still covered: it was admitted while the seat ran);
 *   <li>dateless use (an aggregated usage report: days used, no dates) can only be set against a
 *       seat that covers its user on <em>every</em> day of the period ({@link #coveredEveryDay});
 *       otherwise it is not covered.
 * </ul>
 *
 * Immutable and thread-safe; nothing is null.
 */
public final class SeatCover {
  private final PlanEvaluation evaluation;
  private final List<Charge> windows;
  private final boolean[] covered;
  private final long coveredCount;
  // worked out when first asked for: a plan that seats few of many windows misses most of them,
  // one object each
  private final Supplier<List<SeatMiss>> seatMisses;

  private SeatCover(
      PlanEvaluation evaluation, List<Charge> windows, boolean[] covered, Supplier<List<SeatMiss>> misses) {
    this.evaluation = evaluation;
    this.windows = windows;
    this.covered = covered;
    this.seatMisses = Suppliers.memoize(() -> List.copyOf(misses.get()));
    long n = 0;
    for (boolean c : covered) {
      n += c ? 1 : 0;
    }
    this.coveredCount = n;
  }

  /**
   * Evaluates {@code plan}'s seats and network holdings against {@code windows} over {@code
   * period}, with bundles from {@code catalogs} (the version in force each day).
   */
  public static SeatCover of(
      Plan plan, List<Charge> windows, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(plan, "plan");
    checkNotNull(windows, "windows");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");
    List<Charge> given = List.copyOf(windows);
    Plan seatsOnly = new Plan(plan.currency(), plan.seats(), plan.network(), List.of());
    PlanEvaluation e = PlanEvaluation.of(seatsOnly, given, period, catalogs);
    // by value: the evaluation's windows are equal to the given ones, not the same objects; with
    // seats and network holdings only, equal windows (same user, product and start) meet the same
    // outcome. Each given window is found among the evaluation's windows (sorted by start, user
    // and product) by binary search, the last equal one when several are equal
    WindowTable w = e.windows();
    boolean[] covered = new boolean[given.size()];
    for (int i = 0; i < given.size(); i++) {
      int k = lastEqual(w, given.get(i));
      if (k >= 0) {
        Outcome o = e.outcome(k);
        covered[i] = o == Outcome.SEAT || o == Outcome.NETWORK;
      }
    }
    return new SeatCover(e, given, covered, e::seatMisses);
  }

  /**
   * The position in {@code w} (sorted by start, user index and product index) of the last window
   * equal to {@code c}, or -1 when none is (it opened outside the period).
   */
  private static int lastEqual(WindowTable w, Charge c) {
    int u = w.indexOfUser(c.user());
    int p = w.indexOfProduct(c.product());
    if (u < 0 || p < 0) {
      return -1;
    }
    long start = WindowTable.saturatedNanos(c.start());
    // the first window after (start, u, p)
    int lo = 0;
    int hi = w.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long s = w.startNanos(mid);
      int cmp = s != start ? Long.compare(s, start)
          : w.userIndex(mid) != u ? Integer.compare(w.userIndex(mid), u)
          : Integer.compare(w.productIndex(mid), p);
      if (cmp <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long end = WindowTable.saturatedNanos(c.end());
    for (int k = lo - 1;
        k >= 0 && w.startNanos(k) == start && w.userIndex(k) == u && w.productIndex(k) == p;
        k--) {
      if (w.endNanos(k) == end && w.tokens(k) == c.tokens()) {
        return k;
      }
    }
    return -1;
  }

  /** Whether {@code plan} holds no seat and no network holding: then it covers no use at all. */
  private static boolean coversNothing(Plan plan) {
    return plan.seats().isEmpty() && plan.network().isEmpty();
  }

  /**
   * Today's plan {@code held} against {@code windows} over its period: as {@link #of(Plan, List,
   * PlanPeriod, CatalogHistory)}, with the windows of a user the Users export assigns an offering
   * that no subscription holds missed for {@link SeatMiss.Reason#NO_SUBSCRIPTION}.
   */
  public static SeatCover of(HeldPlan held, List<Charge> windows, CatalogHistory catalogs) {
    checkNotNull(held, "held");
    SeatCover c = of(held.plan(), windows, held.period(), catalogs);
    return new SeatCover(
        c.evaluation, c.windows, c.covered, () -> seatMisses(held, c.evaluation.seatMisses(), catalogs));
  }

  /**
   * {@code plan}'s seats and network holdings against the windows of {@code windows} over {@code
   * period}, by index: as {@link #of(Plan, List, PlanPeriod, CatalogHistory)} of {@code
   * windows.charges()} (window {@code i} of the table is the {@code i}-th window given), without an
   * object per window: the evaluation reads the table's columns, and window {@code i} is covered
   * when it met it by a seat or a network holding (windows outside the period are not evaluated
   * and are not covered).
   */
  public static SeatCover of(
      Plan plan, WindowTable windows, PlanPeriod period, CatalogHistory catalogs) {
    PlanEvaluation e = seatsOnly(plan, windows, period, catalogs);
    return new SeatCover(e, windows.charges(), covered(e, windows, period), e::seatMisses);
  }

  /**
   * Today's plan {@code held} against the windows of {@code windows} over its period, by index: as
   * {@link #of(HeldPlan, List, CatalogHistory)} of {@code windows.charges()}, without an object per
   * window (see {@link #of(Plan, WindowTable, PlanPeriod, CatalogHistory)}).
   */
  public static SeatCover of(HeldPlan held, WindowTable windows, CatalogHistory catalogs) {
    checkNotNull(held, "held");
    PlanEvaluation e = seatsOnly(held.plan(), windows, held.period(), catalogs);
    return new SeatCover(
        e, windows.charges(), covered(e, windows, held.period()),
        () -> seatMisses(held, e.seatMisses(), catalogs));
  }

  private static PlanEvaluation seatsOnly(
      Plan plan, WindowTable windows, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(plan, "plan");
    checkNotNull(windows, "windows");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");
    Plan seatsOnly = new Plan(plan.currency(), plan.seats(), plan.network(), List.of());
    return PlanEvaluation.of(seatsOnly, windows, period, catalogs);
  }

  /** Per window of {@code windows}, whether {@code e} (of those in the period) met it by a seat. */
  private static boolean[] covered(PlanEvaluation e, WindowTable windows, PlanPeriod period) {
    // the evaluation's windows are this table's that open in the period: a run of it from here
    int first = windows.firstStartingAtOrAfter(WindowTable.saturatedNanos(period.start()));
    boolean[] covered = new boolean[windows.size()];
    for (int j = 0; j < e.windows().size(); j++) {
      Outcome o = e.outcome(j);
      covered[first + j] = o == Outcome.SEAT || o == Outcome.NETWORK;
    }
    return covered;
  }

  /**
   * {@code misses} (an evaluation of {@code held}'s plan) with {@link SeatMiss.Reason#NOT_ASSIGNED}
   * replaced by {@link SeatMiss.Reason#NO_SUBSCRIPTION} where the Users export assigns the user an
   * offering including the product that no subscription holds ({@link HeldPlan#unheldOffering}).
   */
  static List<SeatMiss> seatMisses(
      HeldPlan held, List<SeatMiss> misses, CatalogHistory catalogs) {
    List<SeatMiss> out = new ArrayList<>(misses.size());
    for (SeatMiss m : misses) {
      if (m.reason() == SeatMiss.Reason.NOT_ASSIGNED) {
        Charge w = m.window().window();
        Optional<ProductId> unheld =
            held.unheldOffering(w.user(), w.product(), SeatHolding.versionOn(catalogs, m.date()));
        if (unheld.isPresent()) {
          out.add(new SeatMiss(m.window(), SeatMiss.Reason.NO_SUBSCRIPTION, unheld.get(), m.date()));
          continue;
        }
      }
      out.add(m);
    }
    return out;
  }

  /**
   * The sessions of {@code sessions} (in their order) that no seat or network holding covers at
   * their start.
   */
  public static List<Session> uncoveredSessions(
      Plan plan, List<Session> sessions, PlanPeriod period, CatalogHistory catalogs) {
    if (coversNothing(plan)) {
      checkNotNull(period, "period");
      checkNotNull(catalogs, "catalogs");
      // every session, in order: a table's view as it is (no session made), else a copy
      return SessionTable.backing(sessions).isPresent() ? sessions : new ArrayList<>(sessions);
    }
    List<Charge> probes = new ArrayList<>(sessions.size());
    for (Session s : sessions) {
      probes.add(probe(s.user(), s.product(), s.start()));
    }
    SeatCover cover = of(plan, probes, period, catalogs);
    List<Session> out = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      if (!cover.covers(i)) {
        out.add(sessions.get(i));
      }
    }
    return out;
  }

  /**
   * The users of {@code users} whom a seat (or a network holding) covers for {@code product} on
   * every day of {@code period}, in their order: those whose dateless use can be set against a
   * seat.
   */
  public static Set<UserId> coveredEveryDay(
      Plan plan,
      ProductId product,
      Collection<UserId> users,
      PlanPeriod period,
      CatalogHistory catalogs) {
    List<UserId> who = List.copyOf(new LinkedHashSet<>(users));
    if (coversNothing(plan) && period.days() > 0) {
      checkNotNull(catalogs, "catalogs");
      return new LinkedHashSet<>();
    }
    List<Charge> probes = new ArrayList<>();
    for (UserId u : who) {
      for (LocalDate d = period.from(); d.isBefore(period.to()); d = d.plusDays(1)) {
        probes.add(probe(u, product, d.atStartOfDay(period.zone()).toInstant()));
      }
    }
    SeatCover cover = of(plan, probes, period, catalogs);
    int days = Math.toIntExact(period.days());
    Set<UserId> out = new LinkedHashSet<>();
    for (int k = 0; k < who.size(); k++) {
      boolean all = true;
      for (int d = 0; d < days && all; d++) {
        all = cover.covers(k * days + d);
      }
      if (all) {
        out.add(who.get(k));
      }
    }
    return out;
  }

  /** A zero-length window of {@code user}'s {@code product} opening at {@code at}. */
  private static Charge probe(UserId user, ProductId product, Instant at) {
    return new Charge(user, product, at, at, 0);
  }

  /** Whether a seat or network holding covers the {@code i}-th window given. */
  public boolean covers(int i) {
    return covered[i];
  }

  /** The windows given that no seat or network holding covers, in their order. */
  public List<Charge> uncovered() {
    List<Charge> out = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      if (!covered[i]) {
        out.add(windows.get(i));
      }
    }
    return out;
  }

  /** How many of the windows given a seat or network holding covers. */
  public long coveredCount() {
    return coveredCount;
  }

  /**
   * Why no seat covered each window the evaluation did not meet by a seat, in time order (for
   * today's plan with {@link SeatMiss.Reason#NO_SUBSCRIPTION}); windows outside the period have
   * none.
   */
  public List<SeatMiss> seatMisses() {
    return seatMisses.get();
  }

  /** The evaluation of the plan's seats and network holdings (no lots) against the windows. */
  public PlanEvaluation evaluation() {
    return evaluation;
  }
}
