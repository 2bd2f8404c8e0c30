package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.DoubleCharge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.PathStep.Kind;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The renewal review as a path from today's plan to the best plan reachable from it: an ordered
 * list of plan edits ({@link PathStep}), each made on the date it can be made, whose net savings
 * add up exactly.
 *
 * <p><b>Period and today's plan.</b> The review period starts on the review date ({@code
 * period.from()}); the windows are the usage expected in it. Today's plan <em>continued</em> is
 * what the organisation holds if it changes nothing: every seat holding that runs to the end of its
 * term renews, term after term, at the catalog price in force on the renewal date (its own price
 * when the catalog has none) until the period ends; a holding that ended before the review date
 * has expired and is not renewed (nor offered a renewal), one cancelled before its term's end is
 * not renewed; network holdings and token lots stay as held. Flex use that the plan's seats and
 * lots do not pay is paid by tokens bought on the review date, at once (the cheapest pack
 * purchase, as {@code compare} prices today's plan), when one purchase can pay the whole period.
 *
 * <p><b>Costs.</b> Every state of the path is priced by one rule: {@link PlanEvaluation} of its
 * plan plus the tokens it buys, against the windows it still opens. A step's saving is the total
 * before it minus the total after it, so the savings sum to {@code current - target} exactly, to
 * the cent, whatever the order.
 *
 * <p><b>Steps</b>, by date, and on one date in the order of {@link Kind}: buy tokens on the exact
 * {@link TokenPurchaseSchedule} instead of at once (review date); stop true double charges ({@link
 * DoubleCharge}, only where the catalog's {@code covers} relates the two products) and idle burn
 * (the windows opened inside sessions past the access window, when sessions are known; review
 * date); give seats nobody is assigned, while their term runs, to users who pay Flex for their
 * products (review date); at each renewal, renew no more seats than are assigned; move the users
 * whose offerings differ from the optimum's to them, on the first date it can be made (a seat is
 * left at the end of the term it is held for, a seat is taken when the last seat left frees up, or
 * on the review date), into a free seat of the offering when there is one, else the terms the
 * optimum holds for that user alone (a {@link TermChoice} shorter than the common seat, e.g. three
 * monthly terms) when they start on or after the move, else a new annual holding, one step per
 * date, kind and offering. A step that would not save anything, or would
 * leave use uncovered that was covered, is left out (and named in the notes): the path is greedy,
 * so the target is the best plan it reaches, not a proven optimum under the dates; {@link
 * #optimum()} and {@link #timingGap()} say how far it is from the optimum with every change made on
 * the review date (the least of that mix and the target: the gap is never negative).
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public final class RenewalPath {
  private final PlanPeriod period;
  private final Plan continued;
  private final Money current;
  private final Money target;
  private final Money optimum;
  private final List<PathStep> steps;
  private final List<String> notes;
  private final List<SeatGap> currentSeatGaps;
  private final List<UnusedTokens> targetUnusedTokens;
  private final List<TokenLot> targetLots;
  /** The evaluations of today's plan continued and of the target: made again when asked for. */
  private final com.google.common.base.Supplier<PlanEvaluation> currentEvaluation;
  private final com.google.common.base.Supplier<PlanEvaluation> targetEvaluation;

  private RenewalPath(
      PlanPeriod period,
      Plan continued,
      Money current,
      Money target,
      Money optimum,
      List<PathStep> steps,
      List<String> notes,
      List<SeatGap> currentSeatGaps,
      List<UnusedTokens> targetUnusedTokens,
      List<TokenLot> targetLots,
      com.google.common.base.Supplier<PlanEvaluation> currentEvaluation,
      com.google.common.base.Supplier<PlanEvaluation> targetEvaluation) {
    this.period = period;
    this.continued = continued;
    this.current = current;
    this.target = target;
    this.optimum = optimum;
    this.steps = List.copyOf(steps);
    this.notes = List.copyOf(notes);
    this.currentSeatGaps = List.copyOf(currentSeatGaps);
    this.targetUnusedTokens = List.copyOf(targetUnusedTokens);
    this.targetLots = List.copyOf(targetLots);
    this.currentEvaluation = com.google.common.base.Suppliers.memoize(currentEvaluation);
    this.targetEvaluation = com.google.common.base.Suppliers.memoize(targetEvaluation);
  }

  /**
   * The path from {@code today} (what is held, dated) to the best plan reachable from it towards
   * {@code optimum} (the cheapest plan with every change made at once: its seat holdings and their
   * assignees; its lots are ignored, tokens are bought as the path says), against {@code windows}
   * (the Flex access windows expected in {@code period}, priced at the rate in force when each
   * opens), with {@code idleBurn} the windows among them opened inside sessions past the access
   * window (empty when sessions are unknown).
   */
  public static RenewalPath of(
      Plan today,
      Plan optimum,
      List<Charge> windows,
      List<Charge> idleBurn,
      PlanPeriod period,
      CatalogHistory catalogs) {
    // the other arguments are checked by the overload this delegates to, with the same messages
    checkNotNull(windows, "windows");
    checkNotNull(idleBurn, "idleBurn");
    WindowTable table = WindowTable.of(windows);
    Set<Charge> idle = new HashSet<>(idleBurn);
    int[] at = new int[table.size()];
    int m = 0;
    for (int i = 0; i < table.size() && !idle.isEmpty(); i++) {
      if (idle.contains(table.charge(i))) {
        at[m++] = i;
      }
    }
    return of(today, optimum, table, java.util.Arrays.copyOf(at, m), period, catalogs);
  }

  /**
   * As {@link #of(Plan, Plan, List, List, PlanPeriod, CatalogHistory)}, over the windows of a
   * table, with {@code idleBurn} the positions in it of the windows opened inside sessions past the
   * access window (as {@link #idleBurn(WindowTable, SessionTable, Duration)} gives them; empty when
   * sessions are unknown). The path reads the windows from the table's columns and evaluates every
   * state against it, the windows avoided flagged (no copy of the table per set of them), keeping
   * of each evaluation only what the walk reads afterwards.
   */
  public static RenewalPath of(
      Plan today,
      Plan optimum,
      WindowTable windows,
      int[] idleBurn,
      PlanPeriod period,
      CatalogHistory catalogs) {
    checkNotNull(today, "today");
    checkNotNull(optimum, "optimum");
    checkNotNull(windows, "windows");
    checkNotNull(idleBurn, "idleBurn");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");
    checkArgument(
        today.currency().equals(optimum.currency()),
        "today's plan is in %s, the optimum in %s",
        today.currency(),
        optimum.currency());
    boolean[] idle = new boolean[windows.size()];
    for (int i : idleBurn) {
      checkArgument(0 <= i && i < windows.size(), "window %s of %s", i, windows.size());
      idle[i] = true;
    }
    return new Walk(today, optimum, windows, idle, period, catalogs).run();
  }

  /**
   * Today's plan if nothing changes: holdings that run to the end of their term renew at the price
   * in force on each renewal date until {@code period} ends; expired or cancelled ones do not.
   * Holdings over before the period are left out; notes say what was not renewed and why.
   */
  public static Plan continued(
      Plan today, PlanPeriod period, CatalogHistory catalogs, List<String> notes) {
    LocalDate asOf = period.from();
    Set<String> starts = new HashSet<>();
    for (SeatHolding h : today.seats()) {
      starts.add(h.offering().value() + "|" + h.start());
    }
    List<SeatHolding> out = new ArrayList<>();
    for (SeatHolding h : today.seats()) {
      if (h.end().isAfter(asOf)) {
        out.add(h);
      }
      if (h.end().isBefore(asOf)) {
        if (h.end().isBefore(h.termEnd())) {
          notes.add(
              h.id() + " (" + h.offering() + ") ended on " + h.end() + ", before its term ends on "
                  + h.termEnd() + " and before the review date " + asOf + ": it is not renewed");
        } else if (!starts.contains(h.offering().value() + "|" + h.termEnd())) {
          notes.add(
              h.id() + " (" + h.offering() + ") expired on " + h.end() + ", before the review date "
                  + asOf + ": it is not renewed, and no renewal is offered");
        }
        continue;
      }
      if (h.end().isBefore(h.termEnd())) {
        notes.add(
            h.id() + " (" + h.offering() + ") ends on " + h.end() + ", before its term ends on "
                + h.termEnd() + ": it is not renewed");
        continue;
      }
      if (starts.contains(h.offering().value() + "|" + h.termEnd())) {
        continue; // renewed in today's plan already
      }
      LocalDate s = h.termEnd();
      while (s.isBefore(period.to())) {
        LocalDate e = s.plusMonths(h.term().months());
        Money price = SeatHolding.catalogPrice(catalogs, h.offering(), h.term(), s).orElse(h.pricePerSeat());
        List<Assignee> staying = new ArrayList<>();
        for (Assignee a : h.assignees()) {
          if (a.to().isAfter(s)) {
            staying.add(a);
          }
        }
        out.add(new SeatHolding(h.id() + "@" + s, h.offering(), h.term(), s, e, h.seats(), price, staying));
        s = e;
      }
    }
    return new Plan(today.currency(), out, today.network(), today.lots());
  }

  /**
   * The windows opened inside sessions longer than {@code window} after the session's first one:
   * a product left running past the access window opens a window a day while (probably) idle.
   */
  public static List<Charge> idleBurn(List<Charge> windows, List<Session> sessions, Duration window) {
    Map<String, List<Charge>> by = new HashMap<>();
    for (Charge c : windows) {
      by.computeIfAbsent(c.user().value() + "|" + c.product().value(), k -> new ArrayList<>()).add(c);
    }
    by.values().forEach(l -> l.sort(Comparator.comparing(Charge::start)));
    Set<Charge> out = new LinkedHashSet<>();
    for (Session s : sessions) {
      if (s.duration().compareTo(window) <= 0) {
        continue;
      }
      for (Charge c : by.getOrDefault(s.user().value() + "|" + s.product().value(), List.of())) {
        if (c.start().isAfter(s.start()) && c.start().isBefore(s.end()) && c.tokens() > 0) {
          out.add(c);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@link #idleBurn(List, List, Duration)} by position: the positions (increasing) of the windows
   * of {@code windows} opened inside sessions of {@code sessions} longer than {@code window}, after
   * the session's start and before its end, with tokens; found from the columns (each user and
   * product's windows by start, searched from the session's start) without an object per window
   * or session.
   */
  public static int[] idleBurn(WindowTable windows, SessionTable sessions, Duration window) {
    checkNotNull(windows, "windows");
    checkNotNull(sessions, "sessions");
    checkNotNull(window, "window");
    int n = windows.size();
    int products = windows.productCount();
    List<UserId> sessionUsers = sessions.users();
    List<ProductId> sessionProducts = sessions.products();
    int[] userOf = new int[sessionUsers.size()];
    for (int k = 0; k < userOf.length; k++) {
      userOf[k] = windows.indexOfUser(sessionUsers.get(k));
    }
    int[] productOf = new int[sessionProducts.size()];
    for (int k = 0; k < productOf.length; k++) {
      productOf[k] = windows.indexOfProduct(sessionProducts.get(k));
    }
    // the windows by user and product, each pair's by start (the table's order)
    int[] first = new int[windows.userCount() * products + 1];
    for (int i = 0; i < n; i++) {
      first[windows.userIndex(i) * products + windows.productIndex(i) + 1]++;
    }
    for (int k = 1; k < first.length; k++) {
      first[k] += first[k - 1];
    }
    int[] byPair = new int[n];
    int[] next = java.util.Arrays.copyOf(first, first.length - 1);
    for (int i = 0; i < n; i++) {
      byPair[next[windows.userIndex(i) * products + windows.productIndex(i)]++] = i;
    }
    next = null;
    long longest = window.toNanos();
    boolean[] idle = new boolean[n];
    int count = 0;
    for (int r = 0; r < sessions.size(); r++) {
      long start = sessions.startNanos(r);
      long end = sessions.endNanos(r);
      if (end - start <= longest) {
        continue;
      }
      int u = userOf[sessions.userIndex(r)];
      int p = productOf[sessions.productIndex(r)];
      if (u < 0 || p < 0) {
        continue;
      }
      int lo = first[u * products + p];
      int hi = first[u * products + p + 1];
      // the first of the pair's windows starting after the session's start
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (windows.startNanos(byPair[mid]) <= start) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < first[u * products + p + 1]; k++) {
        int i = byPair[k];
        if (windows.startNanos(i) >= end) {
          break;
        }
        if (windows.tokens(i) > 0 && !idle[i]) {
          idle[i] = true;
          count++;
        }
      }
    }
    int[] out = new int[count];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (idle[i]) {
        out[m++] = i;
      }
    }
    return out;
  }

  public PlanPeriod period() {
    return period;
  }

  /** Today's plan continued over the period (see {@link #continued(Plan, PlanPeriod, CatalogHistory, List)}). */
  public Plan continuedPlan() {
    return continued;
  }

  /** The period's total of today's plan continued. */
  public Money current() {
    return current;
  }

  /** The period's total after every step: {@code current} minus the sum of the savings. */
  public Money target() {
    return target;
  }

  /** The plan after every step (today's plan continued when there is no step). */
  public Plan targetPlan() {
    return steps.isEmpty() ? continued : steps.get(steps.size() - 1).plan();
  }

  /**
   * The evaluation of today's plan continued with the tokens it buys (seat gaps, unused lots): the
   * walk keeps only its figures, so it is evaluated again (once) when first asked for.
   */
  public PlanEvaluation currentEvaluation() {
    return currentEvaluation.get();
  }

  /**
   * The evaluation of the target plan with the tokens it buys, against the windows it still
   * opens: evaluated again (once) when first asked for, as {@link #currentEvaluation()}.
   */
  public PlanEvaluation targetEvaluation() {
    return targetEvaluation.get();
  }

  /** The seat gaps of today's plan continued: {@code currentEvaluation().seatGaps()}, kept by the walk. */
  public List<SeatGap> currentSeatGaps() {
    return currentSeatGaps;
  }

  /** The lots' tokens left undrawn on the target: {@code targetEvaluation().unusedTokens()}, kept by the walk. */
  public List<UnusedTokens> targetUnusedTokens() {
    return targetUnusedTokens;
  }

  /**
   * The lots of the target with the tokens it buys: {@code targetEvaluation().plan().lots()}, kept
   * by the walk.
   */
  public List<TokenLot> targetLots() {
    return targetLots;
  }

  /**
   * The optimum's total on the same use as the target (the windows the path stops opening left
   * out): the optimum's mix with every change made on the review date and tokens bought on the
   * exact schedule, or the target's total when that is less (a note then gives the mix's), so that
   * it is never more than the target. Both are priced by one rule, {@link PlanEvaluation}, and the
   * mix's terms are chosen under it ({@link TermChoice}); the mix can still cost more where the
   * target keeps what is held at less than the mix pays new (seats at a negotiated or earlier
   * price, seats nobody is assigned, lots already paid for), a change made later costs less, or
   * its lines round to a cent or so less (the mix holds an offering's new seats in one line).
   */
  public Money optimum() {
    return optimum;
  }

  /**
   * {@code target - optimum}, never negative: what the dates cost (seats paid until their term
   * ends), and the path's greed.
   */
  public Money timingGap() {
    return target.minus(optimum);
  }

  public List<PathStep> steps() {
    return steps;
  }

  /** The sum of the steps' savings: always {@code current - target}. */
  public Money totalSaving() {
    Money sum = Money.zero(current.currency());
    for (PathStep s : steps) {
      sum = sum.plus(s.saving());
    }
    return sum;
  }

  public List<String> notes() {
    return notes;
  }

  /** A state of the path: a plan (lots: those held, never the ones bought) and the windows avoided. */
  private record State(Plan plan, Avoided avoided) {}

  /**
   * Windows no longer opened, by position in the walk's table ({@code mask}, null for none; with
   * every window equal to one of them, as a set of charges would have them): the walk evaluates
   * the table under the mask ({@link PlanEvaluation#of(Plan, WindowTable, boolean[], PlanPeriod,
   * CatalogHistory)}). The table left (a filter of the walk's, for the evaluations asked for
   * after the walk) and the windows as charges (for the steps) are made when first asked for.
   */
  private static final class Avoided {
    private final WindowTable all;
    private final boolean[] mask;
    /** Softly held: a filter of a large table is made again rather than held past the heap. */
    private final AtomicReference<java.lang.ref.SoftReference<WindowTable>> left = new AtomicReference<>();
    private final AtomicReference<Set<Charge>> charges = new AtomicReference<>();

    Avoided(WindowTable all, boolean[] mask) {
      this.all = all;
      this.mask = mask;
    }

    boolean contains(int i) {
      return mask != null && mask[i];
    }

    /** The flags, a window each (null for none); not to be written. */
    boolean[] mask() {
      return mask;
    }

    /** A copy of the mask, to add to. */
    boolean[] toMask() {
      return mask == null ? new boolean[all.size()] : mask.clone();
    }

    /** The walk's table without the windows avoided. */
    WindowTable table() {
      if (mask == null) {
        return all;
      }
      java.lang.ref.SoftReference<WindowTable> held = left.get();
      WindowTable t = held == null ? null : held.get();
      if (t == null) {
        t = all.filter(i -> !mask[i]);
        left.set(new java.lang.ref.SoftReference<>(t));
      }
      return t;
    }

    /** The windows avoided as charges, each once ({@code walk} tells equal windows apart). */
    Set<Charge> charges(Walk walk) {
      Set<Charge> c = charges.get();
      if (c == null) {
        int[] at = new int[all.size()];
        int m = 0;
        for (int i = 0; mask != null && i < mask.length; i++) {
          if (mask[i] && !walk.repeats(i)) {
            at[m++] = i;
          }
        }
        c = all.chargesAt(java.util.Arrays.copyOf(at, m));
        charges.set(c);
      }
      return c;
    }
  }

  /**
   * A state priced: its total and the windows left uncovered, and of its evaluation only what the
   * walk reads afterwards (the evaluation itself, a dozen bytes a window, is not kept): the
   * amounts of its seat and network lines ({@code held}) and of its lots' lines ({@code lots});
   * the windows paid in tokens, a bit per window of the walk's table ({@code onTokens}); the tokens
   * those draw per user and product of the table ({@code pairTokens}, index {@code user x products
   * + product}) and which pairs have any such window ({@code paying}, a bit per pair); its seat
   * gaps, its lots' unused tokens and its lots; {@code schedule}, whether the tokens it buys are on
   * the exact schedule.
   */
  private record Priced(
      Money total,
      int uncovered,
      Money held,
      Money lots,
      long[] onTokens,
      long[] pairTokens,
      long[] paying,
      List<SeatGap> seatGaps,
      List<UnusedTokens> unusedTokens,
      List<TokenLot> planLots,
      boolean schedule) {

    boolean onTokens(int i) {
      return (onTokens[i >>> 6] & (1L << i)) != 0;
    }

    boolean paying(int pair) {
      return (paying[pair >>> 6] & (1L << pair)) != 0;
    }
  }

  /** One walk from today's plan; confined to {@link #of}. */
  private static final class Walk {
    final Plan today;
    final Plan best;
    /** The windows by column, sorted once: every state is priced against (a filter of) them. */
    final WindowTable windows;
    /** Per window, whether it opened inside a session past the access window (equal windows alike). */
    final boolean[] idleBurn;
    /** Whether some windows share a start, user and product (then equal ones are found and kept alike). */
    final boolean sharedKeys;
    final long periodStart;
    final PlanPeriod period;
    final CatalogHistory catalogs;
    final LocalDate asOf;
    final Catalog atStart;
    final List<String> notes = new ArrayList<>();
    final List<PathStep> steps = new ArrayList<>();
    // the walk's position, in one-element arrays (the domain's fields are all final)
    final List<String> leftOut = new ArrayList<>();
    final boolean[] schedule = {false};
    final State[] state = new State[1];
    final Priced[] priced = new Priced[1];

    Walk(
        Plan today,
        Plan best,
        WindowTable windows,
        boolean[] idleBurn,
        PlanPeriod period,
        CatalogHistory catalogs) {
      this.today = today;
      this.best = best;
      this.windows = windows;
      boolean shared = false;
      for (int i = 1; i < windows.size() && !shared; i++) {
        shared = sameKey(windows, i - 1, i);
      }
      this.sharedKeys = shared;
      this.idleBurn = idleBurn;
      closeUnderEquality(idleBurn);
      this.periodStart = WindowTable.saturatedNanos(period.start());
      this.period = period;
      this.catalogs = catalogs;
      this.asOf = period.from();
      this.atStart = SeatHolding.versionOn(catalogs, asOf);
    }

    RenewalPath run() {
      Plan continued = continued(today, period, catalogs, notes);
      Period validity = atStart.tokenExpiry();
      schedule[0] = !asOf.plus(validity).isAfter(period.to().minusDays(1)) || atStart.packPricing().isEmpty();
      state[0] = new State(continued, new Avoided(windows, null));
      priced[0] = price(state[0]);
      Money current = priced[0].total();
      State currentState = state[0];
      Priced currentPriced = priced[0];
      if (priced[0].uncovered() > 0) {
        notes.add(
            priced[0].uncovered() + " windows of today's plan are paid by nothing (products not on Flex,"
                + " or no packs sold): not priced, in any plan of the path");
      }

      if (!schedule[0]) {
        schedule[0] = true;
        Priced onSchedule = price(state[0]);
        schedule[0] = false;
        tryStep(
            Kind.SCHEDULE_TOKEN_PURCHASES,
            asOf,
            List.of(),
            Optional.empty(),
            state[0],
            "buy the Flex tokens on the exact purchase schedule (each pack when it is first needed,"
                + " held lots drawn first) instead of at once on " + asOf,
            () -> schedule[0] = true,
            onSchedule);
      }
      behaviour();
      assignUnassigned();
      Map<UserId, Map<ProductId, SeatHolding>> wanted = wanted();
      moves(wanted);
      if (!leftOut.isEmpty()) {
        notes.add(
            leftOut.size() + " change(s) towards the optimum would save nothing when made after the"
                + " ones above them, or would leave use uncovered: left out of the path: "
                + String.join("; ", leftOut));
      }
      Priced mixPriced = optimum(wanted);
      Money mix = mixPriced.total();
      State targetState = state[0];
      Priced target = priced[0];
      // the optimum is the least of the plans priced here, each by PlanEvaluation: the mix with
      // every change on the review date, and the target, reached from what is held
      Money optimum = mix;
      if (mix.isGreaterThan(target.total())) {
        optimum = target.total();
        int uncoveredMore = target.uncovered() - mixPriced.uncovered();
        notes.add(
            "the optimal mix with every change on the review date would cost "
                + mix.amount().toPlainString() + ", more than the target ("
                + target.total().amount().toPlainString() + "): "
                + (uncoveredMore > 0
                    ? "the target leaves " + uncoveredMore + " more window"
                        + (uncoveredMore == 1 ? "" : "s") + " of use paid by nothing (no seat"
                        + " held, no Flex for the product), which the mix covers, so its total is"
                        + " not what that use costs; "
                    : "")
                + "the target keeps what is held where"
                + " it costs less than the mix buys new on the review date (seats at their own price,"
                + " seats nobody is assigned, lots already paid for), or makes a change later, when"
                + " it costs less, or its lines round to less (one rounding point per line: the mix"
                + " holds an offering's new seats in one line); the optimum shown is the target, and"
                + " the gap 0");
      }
      return new RenewalPath(
          period, continued, current, target.total(), optimum, steps, notes,
          currentPriced.seatGaps(), target.unusedTokens(), target.planLots(),
          () -> evaluate(currentState, currentPriced.schedule(), false),
          () -> evaluate(targetState, target.schedule(), false));
    }

    // ---- pricing

    /**
     * The state priced (its tokens bought at once, or on the schedule when {@link #schedule} says
     * so): its evaluation under the state's mask, of which it keeps what the walk reads.
     */
    Priced price(State s) {
      boolean onSchedule = schedule[0];
      PlanEvaluation e = evaluate(s, onSchedule, true);
      java.util.Currency currency = e.plan().currency();
      Money held = Money.zero(currency);
      Money lots = Money.zero(currency);
      for (CostLine l : e.lines()) {
        if (l.kind() == CostLine.Kind.SEATS || l.kind() == CostLine.Kind.NETWORK) {
          held = held.plus(l.amount());
        } else if (l.kind() == CostLine.Kind.TOKEN_LOT) {
          lots = lots.plus(l.amount());
        }
      }
      // the windows paid in tokens: by position in the walk's table (the evaluation's are the
      // table's from the period's first on), and their tokens per user and product
      WindowTable ws = e.windows();
      int offset = windows.firstStartingAtOrAfter(periodStart);
      int products = windows.productCount();
      long[] onTokens = new long[(windows.size() + 63) >>> 6];
      long[] pairTokens = new long[windows.userCount() * products];
      long[] paying = new long[(pairTokens.length + 63) >>> 6];
      for (int i = 0; i < ws.size(); i++) {
        if (e.isOnTokens(i)) {
          int at = offset + i;
          onTokens[at >>> 6] |= 1L << at;
          int pair = ws.userIndex(i) * products + ws.productIndex(i);
          pairTokens[pair] += e.tokens(i);
          paying[pair >>> 6] |= 1L << pair;
        }
      }
      return new Priced(
          e.total(), e.uncoveredCount(), held, lots, onTokens, pairTokens, paying, e.seatGaps(),
          e.unusedTokens(), e.plan().lots(), onSchedule);
    }

    /**
     * The evaluation of a state with the tokens it buys ({@code onSchedule}: on the exact
     * schedule, else at once): under the state's mask of the walk's table ({@code masked}, as the
     * walk prices), or against the table left (a filter of it, for an evaluation asked for after
     * the walk, whose windows all have an outcome).
     */
    PlanEvaluation evaluate(State s, boolean onSchedule, boolean masked) {
      PlanEvaluation e =
          masked
              ? PlanEvaluation.of(s.plan(), windows, s.avoided().mask(), period, catalogs)
              : PlanEvaluation.of(s.plan(), s.avoided().table(), period, catalogs);
      // the windows the plan's own lots cannot pay are paid by tokens bought: at once, their sum;
      // on the schedule, their sums per day in the period's zone (all the schedule reads of them)
      WindowTable ws = e.windows();
      long shortTokens = 0;
      int short_ = 0;
      LocalDate firstDay = null;
      long[] byDay = new long[onSchedule ? 16 : 0];
      int day = -1;
      long dayFrom = 0;
      long dayUntil = 0;
      for (int i = 0; i < ws.size(); i++) {
        if (e.isShortOfTokens(i)) {
          short_++;
          shortTokens = Math.addExact(shortTokens, e.tokens(i));
          if (onSchedule) {
            long t = ws.startNanos(i);
            if (day < 0 || t < dayFrom || t >= dayUntil) {
              // the windows come by start: a new day of the zone (days only grow)
              LocalDate d = LocalDate.ofInstant(ws.start(i), period.zone());
              firstDay = firstDay == null ? d : firstDay;
              day = Math.toIntExact(d.toEpochDay() - firstDay.toEpochDay());
              dayFrom = WindowTable.saturatedNanos(d.atStartOfDay(period.zone()).toInstant());
              dayUntil = WindowTable.saturatedNanos(d.plusDays(1).atStartOfDay(period.zone()).toInstant());
              if (day >= byDay.length) {
                byDay = java.util.Arrays.copyOf(byDay, Math.max(2 * byDay.length, day + 1));
              }
            }
            byDay[day] = Math.addExact(byDay[day], e.tokens(i));
          }
        }
      }
      if (short_ == 0) {
        return e;
      }
      List<TokenLot> bought =
          onSchedule ? scheduled(firstDay, java.util.Arrays.copyOf(byDay, day + 1)) : atOnce(shortTokens);
      if (bought.isEmpty()) {
        return e;
      }
      // the lots change only the token draws: the coverage is kept (PlanEvaluation.withLots)
      return e.withLots(bought);
    }

    /** Whether windows {@code a} and {@code b} share a start, user and product. */
    static boolean sameKey(WindowTable t, int a, int b) {
      return t.startNanos(a) == t.startNanos(b)
          && t.userIndex(a) == t.userIndex(b)
          && t.productIndex(a) == t.productIndex(b);
    }

    /** Whether windows {@code a} and {@code b} are equal as charges. */
    static boolean sameWindow(WindowTable t, int a, int b) {
      return sameKey(t, a, b) && t.tokens(a) == t.tokens(b) && t.endNanos(a) == t.endNanos(b);
    }

    /** Flags every window equal to a flagged one (equal windows share a key, so lie side by side). */
    void closeUnderEquality(boolean[] mask) {
      if (!sharedKeys) {
        return;
      }
      int n = windows.size();
      int a = 0;
      while (a < n) {
        int b = a + 1;
        while (b < n && sameKey(windows, a, b)) {
          b++;
        }
        for (int x = a; x < b; x++) {
          for (int y = a; y < b && mask[x]; y++) {
            if (!mask[y] && sameWindow(windows, x, y)) {
              mask[y] = true;
            }
          }
        }
        a = b;
      }
    }

    /** Whether window {@code i} equals one before it (a charge counted once). */
    boolean repeats(int i) {
      for (int j = i - 1; sharedKeys && j >= 0 && sameKey(windows, j, i); j--) {
        if (sameWindow(windows, j, i)) {
          return true;
        }
      }
      return false;
    }

    /** The cheapest pack purchase on the review date for {@code tokens}. */
    List<TokenLot> atOnce(long tokens) {

      PackPricing packs = atStart.packPricing().orElseThrow();
      PackPurchase p = packs.cheapestCover(Tokens.of(tokens));
      List<TokenLot> out = new ArrayList<>();
      for (Map.Entry<TokenPack, Long> e : p.counts().entrySet()) {
        out.add(
            TokenLot.bought(
                "buy-" + asOf + "-" + e.getKey().size(),
                period.start(),
                Math.multiplyExact(e.getKey().size(), e.getValue()),
                e.getKey().unitPrice(),
                atStart.tokenExpiry(),
                period.zone()));
      }
      return out;
    }

    /** The exact purchase schedule of the tokens drawn per day ({@code byDay[i]} on {@code first + i}). */
    List<TokenLot> scheduled(LocalDate first, long[] byDay) {
      try {
        return TokenPurchaseSchedule.cheapest(
                first, byDay, catalogs, period.zone(), atStart.tokenExpiry(), asOf)
            .lots("buy");
      } catch (IllegalArgumentException e) {
        return List.of();
      }
    }

    /**
     * Applies {@code next} (with {@code effect} run first, when given, and {@code pricedNext} its
     * price when known) when it saves something and covers all that was covered; else counts it out.
     */
    boolean tryStep(
        Kind kind,
        LocalDate on,
        List<UserId> users,
        Optional<ProductId> offering,
        State next,
        String reason,
        Runnable effect,
        Priced pricedNext) {
      Priced after = pricedNext != null ? pricedNext : price(next);
      Money saving = priced[0].total().minus(after.total());
      if (!saving.isPositive() || after.uncovered() > priced[0].uncovered()) {
        if (kind == Kind.SCHEDULE_TOKEN_PURCHASES && saving.isZero()) {
          return false; // buying at once costs what the schedule costs: nothing to change
        }
        leftOut.add(
            kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + offering.map(o -> " " + o.value()).orElse("")
                + " on " + on + " (" + (after.uncovered() > priced[0].uncovered()
                    ? (after.uncovered() - priced[0].uncovered()) + " window(s) no longer covered"
                    : "net saving " + saving.amount().toPlainString()) + ")");
        return false;
      }
      if (effect != null) {
        effect.run();
      }
      Money seats = priced[0].held().minus(after.held());
      Money tokens = after.lots().minus(priced[0].lots());
      String breakdown =
          " [net saving " + saving.amount().toPlainString() + " = seats "
              + seats.amount().toPlainString() + " - tokens " + tokens.amount().toPlainString() + "]";
      state[0] = next;
      priced[0] = after;
      steps.add(
          new PathStep(
              kind, on, users, offering, saving, after.total(), reason + breakdown, next.plan(),
              next.avoided().charges(this)));
      return true;
    }

    boolean tryStep(
        Kind kind, LocalDate on, List<UserId> users, Optional<ProductId> offering, State next, String reason) {
      return tryStep(kind, on, users, offering, next, reason, null, null);
    }

    // ---- behaviour: double charges and idle burn, on the windows paid in tokens

    void behaviour() {
      // the windows paid in tokens, by position in the walk's table
      boolean[] onTokens = new boolean[windows.size()];
      for (int i = 0; i < onTokens.length; i++) {
        onTokens[i] = priced[0].onTokens(i);
      }
      Map<String, List<DoubleCharge.At>> doubles = new TreeMap<>();
      for (DoubleCharge.At d : DoubleCharge.in(windows, onTokens, atStart.covers())) {
        doubles.computeIfAbsent(windows.product(d.charged()).value(), k -> new ArrayList<>()).add(d);
      }
      for (List<DoubleCharge.At> list : doubles.values()) {
        ProductId product = windows.product(list.get(0).charged());
        boolean[] avoided = state[0].avoided().toMask();
        Set<ProductId> by = new TreeSet<>(Comparator.comparing(ProductId::value));
        Set<UserId> users = new TreeSet<>(Comparator.comparing(UserId::value));
        long tokens = 0;
        for (DoubleCharge.At d : list) {
          avoided[d.charged()] = true;
          by.add(windows.product(d.covering()));
          users.add(windows.user(d.charged()));
          tokens += windows.tokens(d.charged());
        }
        closeUnderEquality(avoided);
        String coverers = names(by).replace(" + ", " or ");
        tryStep(
            Kind.RESTRICT_FLEX_PRODUCT,
            asOf,
            List.copyOf(users),
            Optional.of(product),
            new State(state[0].plan(), new Avoided(windows, avoided)),
            users.size() + " user(s) (" + names(List.copyOf(users)) + ") opened " + list.size() + " "
                + product + " window(s) (" + tokens + " tokens) while a window of "
                + coverers + " was open, and " + coverers + " covers " + product
                + " (catalog): use " + coverers + " for that work");
      }
      // idle burn paid in tokens (a window counts as paid when a window equal to it is) and not
      // avoided yet, each window once
      boolean[] paid = onTokens.clone();
      closeUnderEquality(paid);
      Map<String, List<Integer>> idle = new TreeMap<>();
      for (int i = 0; i < windows.size(); i++) {
        if (idleBurn[i] && paid[i] && !state[0].avoided().contains(i) && !repeats(i)) {
          idle.computeIfAbsent(windows.product(i).value(), k -> new ArrayList<>()).add(i);
        }
      }
      for (List<Integer> list : idle.values()) {
        boolean[] avoided = state[0].avoided().toMask();
        Set<UserId> users = new TreeSet<>(Comparator.comparing(UserId::value));
        long tokens = 0;
        for (int i : list) {
          avoided[i] = true;
          users.add(windows.user(i));
          tokens += windows.tokens(i);
        }
        closeUnderEquality(avoided);
        ProductId product = windows.product(list.get(0));
        tryStep(
            Kind.STOP_IDLE_SESSIONS,
            asOf,
            List.copyOf(users),
            Optional.of(product),
            new State(state[0].plan(), new Avoided(windows, avoided)),
            users.size() + " user(s) (" + names(List.copyOf(users)) + ") " + product + ": "
                + list.size() + " window(s) (" + tokens + " tokens) opened inside sessions left"
                + " running past the access window; close the product when idle");
      }
    }

    // ---- seats

    /** Whether a seat of {@code offering} covers use of {@code product} (catalog at the review date). */
    boolean offers(ProductId offering, ProductId product) {
      if (offering.equals(product)) {
        return true;
      }
      Optional<Bundle> b = atStart.bundle(offering);
      return b.isPresent() && b.get().covers(product);
    }

    /** Seats of {@code offering} held on {@code day} minus the users assigned to it that day. */
    long free(Plan plan, ProductId offering, LocalDate day) {
      return free(plan.seats(), offering, day);
    }

    /** {@link #free(Plan, ProductId, LocalDate)} of a plan's seat holdings. */
    static long free(List<SeatHolding> holdings, ProductId offering, LocalDate day) {
      long seats = 0;
      Set<UserId> users = new HashSet<>();
      for (SeatHolding h : holdings) {
        if (h.offering().equals(offering) && h.isActiveOn(day)) {
          seats += h.seats();
        }
        if (h.offering().equals(offering)) {
          for (Assignee a : h.assignees()) {
            if (a.isAssignedOn(day)) {
              users.add(a.user());
            }
          }
        }
      }
      return seats - users.size();
    }

    /** The last day after which every seat of {@code offering} held on the review date can change. */
    LocalDate leaveDate(Plan plan, ProductId offering) {
      LocalDate d = asOf;
      for (SeatHolding h : plan.seats()) {
        if (h.offering().equals(offering) && h.start().isBefore(asOf) && h.end().isAfter(d)) {
          d = h.end();
        }
      }
      return d;
    }

    /** Seats held nobody is assigned, while their term runs: to users paying Flex for their products. */
    void assignUnassigned() {
      Map<ProductId, LocalDate> fixedEnd = new TreeMap<>(Comparator.comparing(ProductId::value));
      for (SeatHolding h : state[0].plan().seats()) {
        if (h.start().isBefore(asOf) && h.end().isAfter(asOf)) {
          fixedEnd.merge(h.offering(), h.end(), (a, b) -> a.isAfter(b) ? a : b);
        }
      }
      Map<UserId, Map<ProductId, SeatHolding>> wanted = wanted();
      for (Map.Entry<ProductId, LocalDate> f : fixedEnd.entrySet()) {
        ProductId o = f.getKey();
        long free = free(state[0].plan(), o, asOf);
        if (free <= 0) {
          continue;
        }
        // users paying tokens for products o offers, most tokens first; those the optimum puts on o first
        Map<UserId, Long> tokens = new TreeMap<>();
        Priced evaluated = priced[0];
        int products = windows.productCount();
        boolean[] offered = new boolean[products];
        for (int p = 0; p < offered.length; p++) {
          offered[p] = offers(o, windows.productAt(p));
        }
        for (int u = 0; u < windows.userCount(); u++) {
          long sum = 0;
          boolean paying = false;
          for (int p = 0; p < products; p++) {
            int pair = u * products + p;
            if (offered[p] && evaluated.paying(pair)) {
              sum += evaluated.pairTokens()[pair];
              paying = true;
            }
          }
          if (paying) {
            tokens.put(windows.userAt(u), sum);
          }
        }
        List<UserId> users = new ArrayList<>(tokens.keySet());
        Set<UserId> holding = new HashSet<>();
        for (SeatHolding h : state[0].plan().seats()) {
          if (h.offering().equals(o) && h.isActiveOn(asOf)) {
            for (Assignee a : h.assignees()) {
              if (a.isAssignedOn(asOf)) {
                holding.add(a.user());
              }
            }
          }
        }
        users.removeIf(holding::contains);
        users.sort(
            Comparator.comparing((UserId u) -> !wanted.getOrDefault(u, Map.of()).containsKey(o))
                .thenComparing(u -> -tokens.get(u))
                .thenComparing(UserId::value));
        List<UserId> chosen = users.subList(0, (int) Math.min(free, users.size()));
        if (chosen.isEmpty()) {
          continue;
        }
        for (UserId u : chosen) {
          boolean stays = wanted.getOrDefault(u, Map.of()).containsKey(o);
          LocalDate until = stays ? LocalDate.MAX : f.getValue();
          tryStep(
              Kind.ASSIGN_UNASSIGNED_SEATS,
              asOf,
              List.of(u),
              Optional.of(o),
              new State(assign(state[0].plan(), o, new Assignee(u, asOf, until)), state[0].avoided()),
              free + " seat(s) of " + o + " are held until " + f.getValue() + " and assigned to nobody:"
                  + " assign one to " + u + ", who pays Flex for its products ("
                  + tokens.get(u) + " tokens)" + (stays ? ", and keep it at renewal" : " until then"));
        }
      }
    }

    /** The optimum's offerings per user, each with the holding that holds it there. */
    Map<UserId, Map<ProductId, SeatHolding>> wanted() {
      Map<UserId, Map<ProductId, SeatHolding>> out = new TreeMap<>(Comparator.comparing(UserId::value));
      for (SeatHolding h : best.seats()) {
        for (Assignee a : h.assignees()) {
          out.computeIfAbsent(a.user(), u -> new TreeMap<>(Comparator.comparing(ProductId::value)))
              .putIfAbsent(h.offering(), h);
        }
      }
      return out;
    }

    /** One user's change on one date: the offerings left and gained. */
    private record Move(UserId user, LocalDate on, Set<ProductId> left, Map<ProductId, SeatHolding> gained, Kind kind) {}

    void moves(Map<UserId, Map<ProductId, SeatHolding>> wanted) {
      Set<UserId> users = new TreeSet<>(Comparator.comparing(UserId::value));
      users.addAll(wanted.keySet());
      for (SeatHolding h : state[0].plan().seats()) {
        for (Assignee a : h.assignees()) {
          users.add(a.user());
        }
      }
      // the products each user used (a flag per user and product of the table)
      int productCount = windows.productCount();
      boolean[] usedProduct = new boolean[windows.userCount() * productCount];
      for (int i = 0; i < windows.size(); i++) {
        usedProduct[windows.userIndex(i) * productCount + windows.productIndex(i)] = true;
      }
      // per user, the holdings active on the review date they are assigned to then
      Plan plan = state[0].plan();
      Map<UserId, List<SeatHolding>> heldBy = new HashMap<>();
      Map<ProductId, LocalDate> leave = new HashMap<>();
      for (SeatHolding h : plan.seats()) {
        if (!h.isActiveOn(asOf)) {
          continue;
        }
        for (Assignee a : h.assignees()) {
          if (a.isAssignedOn(asOf)
              && a.to().isAfter(leave.computeIfAbsent(h.offering(), o -> leaveDate(plan, o)))) {
            heldBy.computeIfAbsent(a.user(), x -> new ArrayList<>()).add(h);
          }
        }
      }
      List<Move> moves = new ArrayList<>();
      int stuck = 0;
      for (UserId u : users) {
        // offerings held on the review date (renewals starting then included) past the date they can be left
        Set<ProductId> now = new TreeSet<>(Comparator.comparing(ProductId::value));
        for (SeatHolding h : heldBy.getOrDefault(u, List.of())) {
          now.add(h.offering());
        }
        Map<ProductId, SeatHolding> want = wanted.getOrDefault(u, Map.of());
        Map<LocalDate, Set<ProductId>> leaving = new TreeMap<>();
        LocalDate freed = asOf;
        for (ProductId o : now) {
          if (!want.containsKey(o)) {
            LocalDate d = leave.computeIfAbsent(o, x -> leaveDate(plan, x));
            leaving.computeIfAbsent(d, x -> new TreeSet<>(Comparator.comparing(ProductId::value))).add(o);
            freed = d.isAfter(freed) ? d : freed;
          }
        }
        Map<ProductId, SeatHolding> gaining = new TreeMap<>(Comparator.comparing(ProductId::value));
        want.forEach((o, h) -> {
          if (!now.contains(o)) {
            gaining.put(o, h);
          }
        });
        if (!freed.isBefore(period.to())) {
          if (!gaining.isEmpty() || !leaving.isEmpty()) {
            stuck++;
          }
          continue;
        }
        if (!gaining.isEmpty()) {
          leaving.computeIfAbsent(freed, x -> new TreeSet<>(Comparator.comparing(ProductId::value)));
        }
        for (Map.Entry<LocalDate, Set<ProductId>> e : leaving.entrySet()) {
          Map<ProductId, SeatHolding> g = e.getKey().equals(freed) ? gaining : Map.of();
          Set<ProductId> l = e.getValue();
          if (l.isEmpty() && g.isEmpty()) {
            continue;
          }
          moves.add(new Move(u, e.getKey(), l, g, kind(u, l, g, usedBy(u, usedProduct))));
        }
      }
      if (stuck > 0) {
        notes.add(
            stuck + " user(s) the optimum moves hold seats whose term runs past the period: left as"
                + " they are");
      }
      moves.sort(
          Comparator.comparing(Move::on)
              .thenComparing(Move::kind)
              .thenComparing(m -> (!m.gained().isEmpty() ? m.gained().keySet().iterator().next()
                  : m.left().iterator().next()).value())
              .thenComparing(m -> m.user().value()));
      TreeSet<LocalDate> dates = new TreeSet<>();
      for (Move m : moves) {
        dates.add(m.on());
      }
      for (SeatHolding h : state[0].plan().seats()) {
        if (!h.start().isBefore(asOf) && h.start().isBefore(period.to())) {
          dates.add(h.start());
        }
      }
      // one step per date, kind and offering concerned
      Map<String, List<Move>> groups = new LinkedHashMap<>();
      for (Move m : moves) {
        ProductId key =
            !m.gained().isEmpty() ? m.gained().keySet().iterator().next() : m.left().iterator().next();
        groups.computeIfAbsent(m.on() + "|" + m.kind() + "|" + key.value(), k -> new ArrayList<>()).add(m);
      }
      for (LocalDate d : dates) {
        reclaim(d);
        for (List<Move> g : groups.values()) {
          if (g.get(0).on().equals(d)) {
            move(g);
          }
        }
      }
    }

    /** The products {@code u} used, from the flags per user and product of the table. */
    Set<ProductId> usedBy(UserId u, boolean[] usedProduct) {
      int x = windows.indexOfUser(u);
      if (x < 0) {
        return Set.of();
      }
      Set<ProductId> out = new HashSet<>();
      int products = windows.productCount();
      for (int p = 0; p < products; p++) {
        if (usedProduct[x * products + p]) {
          out.add(windows.productAt(p));
        }
      }
      return out;
    }

    Kind kind(UserId u, Set<ProductId> left, Map<ProductId, SeatHolding> gained, Set<ProductId> used) {
      boolean gainsBundle = gained.keySet().stream().anyMatch(o -> atStart.bundle(o).isPresent());
      boolean leavesBundle = left.stream().anyMatch(o -> atStart.bundle(o).isPresent());
      if (gainsBundle) {
        return Kind.MOVE_TO_BUNDLE;
      }
      if (leavesBundle && !gained.isEmpty()) {
        return Kind.DROP_BUNDLE;
      }
      if (!gained.isEmpty()) {
        return Kind.MOVE_TO_NAMED;
      }
      for (ProductId o : left) {
        for (ProductId p : used) {
          if (offers(o, p)) {
            return Kind.MOVE_TO_FLEX;
          }
        }
      }
      return Kind.REMOVE_IDLE_SEAT;
    }

    /** One step for a group of users' moves of one kind, date and offering. */
    void move(List<Move> group) {
      Move first = group.get(0);
      LocalDate on = first.on();
      Plan before = state[0].plan();
      // the plan's seat holdings, edited in place: a plan is made once, when the group is done
      List<SeatHolding> plan = new ArrayList<>(before.seats());
      long fewer = 0;
      long freeTaken = 0;
      long bought = 0;
      long reseated = 0;
      Set<String> newPrices = new TreeSet<>();
      Set<ProductId> left = new TreeSet<>(Comparator.comparing(ProductId::value));
      Set<ProductId> gained = new TreeSet<>(Comparator.comparing(ProductId::value));
      List<UserId> users = new ArrayList<>();
      for (Move m : group) {
        users.add(m.user());
        left.addAll(m.left());
        gained.addAll(m.gained().keySet());
        for (ProductId o : m.left()) {
          unassign(plan, o, m.user(), on);
          if (free(plan, o, on) > 0) {
            if (renewFewer(plan, o, on, 1)) {
              fewer++;
            }
          } else {
            reseated++;
          }
        }
        for (Map.Entry<ProductId, SeatHolding> g : m.gained().entrySet()) {
          ProductId o = g.getKey();
          if (free(plan, o, on) > 0) {
            assign(plan, o, new Assignee(m.user(), on, LocalDate.MAX));
            freeTaken++;
          } else {
            List<SeatHolding> own = ownTerms(m.user(), o, on);
            if (!own.isEmpty()) {
              plan.addAll(own);
              bought++;
              newPrices.add(o + " on its own terms: " + describe(own));
            } else {
              SeatHolding h = newSeat(g.getValue(), m.user(), on);
              plan.add(h);
              bought++;
              newPrices.add(
                  o + " at " + h.pricePerSeat().amount().toPlainString() + " per " + name(h.term())
                      + " term");
            }
          }
        }
      }
      String who = users.size() + " user(s) (" + names(users) + ")";
      String what;
      switch (first.kind()) {
        case REMOVE_IDLE_SEAT:
          what = who + " used none of the products of " + names(left) + " in the period";
          break;
        case MOVE_TO_FLEX:
          what = who + " cost less on Flex than on a seat of " + names(left);
          break;
        default:
          what = who + " cost less on " + names(gained) + (left.isEmpty() ? " than on Flex" : " than on " + names(left));
      }
      List<String> did = new ArrayList<>();
      if (fewer > 0) {
        did.add("renew " + fewer + " seat(s) of " + names(left) + " fewer on " + on);
      }
      if (reseated > 0) {
        did.add(reseated + " seat(s) left go to assignees without one");
      }
      if (freeTaken > 0) {
        did.add("take " + freeTaken + " free seat(s) of " + names(gained) + " from " + on);
      }
      if (bought > 0) {
        did.add("buy " + bought + " seat(s) from " + on + " (" + String.join(", ", newPrices) + ")");
      }
      Optional<ProductId> offering =
          !gained.isEmpty() ? Optional.of(gained.iterator().next()) : left.stream().findFirst();
      tryStep(
          first.kind(),
          on,
          users,
          offering,
          new State(new Plan(before.currency(), plan, before.network(), before.lots()), state[0].avoided()),
          what + ": " + String.join("; ", did));
    }

    static String names(Set<ProductId> offerings) {
      List<String> out = new ArrayList<>();
      for (ProductId p : offerings) {
        out.add(p.value());
      }
      return String.join(" + ", out);
    }

    /** At each renewal starting on {@code day}, renew no more seats than are assigned. */
    void reclaim(LocalDate day) {
      Map<ProductId, List<SeatHolding>> renewing = new TreeMap<>(Comparator.comparing(ProductId::value));
      for (SeatHolding h : state[0].plan().seats()) {
        if (h.start().equals(day) && !h.start().isBefore(asOf)) {
          renewing.computeIfAbsent(h.offering(), o -> new ArrayList<>()).add(h);
        }
      }
      for (ProductId o : renewing.keySet()) {
        long free = free(state[0].plan(), o, day);
        if (free <= 0) {
          continue;
        }
        Optional<Plan> fewer = renewFewer(state[0].plan(), o, day, free);
        if (fewer.isEmpty()) {
          continue;
        }
        long dropped = free - Math.max(0, free(fewer.get(), o, day));
        List<String> ids = new ArrayList<>();
        for (SeatHolding h : renewing.get(o)) {
          ids.add(h.id());
        }
        tryStep(
            Kind.RECLAIM_UNASSIGNED_SEATS,
            day,
            List.of(),
            Optional.of(o),
            new State(fewer.get(), state[0].avoided()),
            dropped + " seat(s) of " + o + " are assigned to nobody on " + day + ": renew "
                + String.join(", ", ids) + " with " + dropped + " fewer");
      }
    }

    /** {@code plan} with up to {@code n} fewer seats of {@code o} in holdings starting on {@code day}. */
    Optional<Plan> renewFewer(Plan plan, ProductId o, LocalDate day, long n) {
      List<SeatHolding> seats = new ArrayList<>(plan.seats());
      return renewFewer(seats, o, day, n)
          ? Optional.of(new Plan(plan.currency(), seats, plan.network(), plan.lots()))
          : Optional.empty();
    }

    /**
     * Up to {@code n} fewer seats of {@code o} in the holdings starting on {@code day} among
     * {@code seats} (edited in place); whether there were any to cut.
     */
    boolean renewFewer(List<SeatHolding> seats, ProductId o, LocalDate day, long n) {
      List<SeatHolding> out = new ArrayList<>();
      List<Assignee> orphans = new ArrayList<>();
      long left = n;
      boolean changed = false;
      for (SeatHolding h : seats) {
        if (left > 0 && h.offering().equals(o) && h.start().equals(day) && !h.start().isBefore(asOf)) {
          long cut = Math.min(left, h.seats());
          left -= cut;
          changed |= cut > 0;
          if (h.seats() - cut > 0) {
            out.add(new SeatHolding(h.id(), h.offering(), h.term(), h.start(), h.end(), h.seats() - cut, h.pricePerSeat(), h.assignees()));
          } else {
            orphans.addAll(h.assignees()); // the offering's assignees stay with its other holdings
          }
          continue;
        }
        out.add(h);
      }
      if (!changed) {
        return false;
      }
      seats.clear();
      seats.addAll(out);
      boolean other = seats.stream().anyMatch(h -> h.offering().equals(o));
      if (other) {
        for (Assignee a : orphans) {
          if (!seats.stream().anyMatch(h -> h.offering().equals(o) && h.assignees().contains(a))) {
            assign(seats, o, a);
          }
        }
      }
      return true;
    }

    /** {@code plan} with {@code a} assigned to {@code o}: in the first holding of {@code o} active on its start, else the first of {@code o}. */
    Plan assign(Plan plan, ProductId o, Assignee a) {
      List<SeatHolding> seats = new ArrayList<>(plan.seats());
      assign(seats, o, a);
      return new Plan(plan.currency(), seats, plan.network(), plan.lots());
    }

    /** {@link #assign(Plan, ProductId, Assignee)} in a plan's seat holdings, edited in place. */
    static void assign(List<SeatHolding> out, ProductId o, Assignee a) {
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        SeatHolding h = out.get(i);
        if (h.offering().equals(o) && (at < 0 || (h.isActiveOn(a.from()) && !out.get(at).isActiveOn(a.from())))) {
          at = i;
        }
      }
      checkArgument(at >= 0, "no holding of %s to assign %s to", o, a.user());
      SeatHolding h = out.get(at);
      List<Assignee> as = new ArrayList<>(h.assignees());
      as.add(a);
      out.set(at, new SeatHolding(h.id(), h.offering(), h.term(), h.start(), h.end(), h.seats(), h.pricePerSeat(), as));
    }

    /** {@code user} no longer assigned to {@code o} from {@code day}, in a plan's seat holdings edited in place. */
    static void unassign(List<SeatHolding> seats, ProductId o, UserId user, LocalDate day) {
      for (int i = 0; i < seats.size(); i++) {
        SeatHolding h = seats.get(i);
        if (!h.offering().equals(o)) {
          continue;
        }
        List<Assignee> as = new ArrayList<>();
        boolean changed = false;
        for (Assignee a : h.assignees()) {
          if (!a.user().equals(user) || a.to().isBefore(day) || a.to().equals(day)) {
            as.add(a);
          } else {
            changed = true;
            if (a.from().isBefore(day)) {
              as.add(new Assignee(a.user(), a.from(), day));
            }
          }
        }
        if (changed) {
          seats.set(i, new SeatHolding(h.id(), h.offering(), h.term(), h.start(), h.end(), h.seats(), h.pricePerSeat(), as));
        }
      }
    }

    /**
     * The optimum's terms held by {@code user} alone for {@code offering} (a {@link TermChoice}
     * that is not the common seat: {@link MixPlan} holds it as one seat per term, assigned over the
     * days the terms run), as new holdings, when they all start on or after {@code day}; empty when
     * the optimum seats the user on a shared or throughout seat, or a term would have started
     * before the move (then the move buys an annual seat from its date, {@link #newSeat}).
     */
    List<SeatHolding> ownTerms(UserId user, ProductId offering, LocalDate day) {
      List<SeatHolding> own = new ArrayList<>();
      for (SeatHolding h : best.seats()) {
        if (h.offering().equals(offering) && h.seats() == 1 && h.assignees().size() == 1) {
          Assignee a = h.assignees().get(0);
          if (a.user().equals(user) && !a.from().equals(LocalDate.MIN)) {
            own.add(h);
          }
        }
      }
      own.sort(Comparator.comparing(SeatHolding::start));
      if (own.isEmpty() || own.get(0).start().isBefore(day)) {
        return List.of();
      }
      List<SeatHolding> out = new ArrayList<>();
      int k = 0;
      for (SeatHolding h : own) {
        k++;
        out.add(
            new SeatHolding(
                "new-" + offering.value() + "-" + user.value() + "-" + day + "#" + k,
                offering,
                h.term(),
                h.start(),
                h.end(),
                1,
                h.pricePerSeat(),
                h.assignees()));
      }
      return out;
    }

    /**
     * Terms in start order, runs of one term and price together: {@code 3 x monthly from
     * 2026-03-01 at 255.00}.
     */
    static String describe(List<SeatHolding> terms) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < terms.size()) {
        SeatHolding first = terms.get(i);
        int j = i + 1;
        while (j < terms.size()
            && terms.get(j).term() == first.term()
            && terms.get(j).pricePerSeat().equals(first.pricePerSeat())) {
          j++;
        }
        out.add(
            (j - i) + " x " + name(first.term()) + " from " + first.start() + " at "
                + first.pricePerSeat().amount().toPlainString());
        i = j;
      }
      return String.join(", ", out);
    }

    static String name(Term term) {
      return term.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A new seat for {@code user} of the optimum holding {@code like}'s offering, from {@code day}. */
    SeatHolding newSeat(SeatHolding like, UserId user, LocalDate day) {
      Term term =
          SeatHolding.catalogPrice(catalogs, like.offering(), Term.ANNUAL, day).isPresent()
              ? Term.ANNUAL
              : like.term();
      Money price = SeatHolding.catalogPrice(catalogs, like.offering(), term, day).orElse(like.pricePerSeat());
      return new SeatHolding(
          "new-" + like.offering().value() + "-" + user.value() + "-" + day,
          like.offering(),
          term,
          day,
          day.plusMonths(term.months()),
          1,
          price,
          List.of(new Assignee(user, day, LocalDate.MAX)));
    }

    // ---- the optimum, every change on the review date

    Priced optimum(Map<UserId, Map<ProductId, SeatHolding>> wanted) {
      List<SeatHolding> seats = new ArrayList<>();
      Map<ProductId, List<Assignee>> by = new LinkedHashMap<>();
      Map<ProductId, SeatHolding> like = new LinkedHashMap<>();
      wanted.forEach((u, m) -> m.forEach((o, h) -> {
        List<SeatHolding> own = ownTerms(u, o, asOf);
        if (!own.isEmpty()) {
          seats.addAll(own);
          return;
        }
        by.computeIfAbsent(o, x -> new ArrayList<>()).add(new Assignee(u, asOf, LocalDate.MAX));
        like.putIfAbsent(o, h);
      }));
      by.forEach((o, as) -> {
        SeatHolding h = newSeat(like.get(o), as.get(0).user(), asOf);
        seats.add(new SeatHolding("optimum-" + o.value(), o, h.term(), h.start(), h.end(), as.size(), h.pricePerSeat(), as));
      });
      boolean was = schedule[0];
      schedule[0] = true;
      Plan plan = new Plan(best.currency(), seats, List.of(), today.lots());
      Priced mix = price(new State(plan, state[0].avoided()));
      schedule[0] = was;
      return mix;
    }

    static String names(List<UserId> users) {
      List<String> out = new ArrayList<>();
      for (UserId u : users) {
        out.add(u.value());
      }
      return String.join(", ", out);
    }
  }
}
