package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.SeatGap.Gap;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenDraws;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plan evaluated against usage over a period: the one operation every scenario goes through.
 *
 * <p><b>Coverage.</b> Access windows that open within the period are taken in time order. A window
 * is covered by an active seat assigned to its user (a seat holding whose offering is the product
 * or a bundle including it in the catalog version in force that day, active that day, with the user
 * seated that day), else by an active network holding of the product, else it draws the product's
 * rate in force when it opens ({@link CatalogHistory#versionOn}) from the lots unexpired at that
 * instant in burn order (earliest expiry, then smallest: {@link TokenLedger}); a window the balance
 * cannot pay is refused whole (hard stop) and <em>uncovered</em>, as is a window of a product with
 * no Flex rate. The windows' own token counts are not used: each is rated at its opening (except a
 * collection checkout, whose rate the meter chose from the members the user was seen using).
 *
 * <p><b>Seats.</b> Seats of an offering are pooled across the plan's holdings of it (Autodesk
 * assigns users to an offering, not to a contract): on each day the offering has the seats of its
 * holdings active that day, and its assignees active that day (all its holdings' assignees, once
 * per user, by the start of their assignment, ties in the order listed) take them in turn, filling
 * the holdings in plan order. Assignees beyond the seats are unseated that day ({@link
 * ExcessAssignee}) and covered by nothing. Every window no seat covers says why ({@link
 * SeatMiss}): its user is assigned no offering including the product that day, or is unseated, or
 * the offering's holdings have not started or have ended. A network holding covers every window of its product
 * while active; whether its seat count suffices is a concurrency question ({@code
 * ConcurrentSeatMeter}), not checked here.
 *
 * <p><b>Cost lines</b> (one rounding point each, half-even): a seat holding costs {@code seats x
 * price} for its term, attributed to the period pro rata by the days of the term within it (the
 * line says so when the term runs past the period); a network holding {@code seats x annual x
 * days/365} for its days in the period; a token lot its {@code size x unit price} when bought within
 * the period, and nothing when bought before or after it (its line says so). The total is the sum
 * of the lines.
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public final class PlanEvaluation {
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final byte SEAT = (byte) Outcome.SEAT.ordinal();
  private static final byte NETWORK = (byte) Outcome.NETWORK.ordinal();
  private static final byte TOKENS = (byte) Outcome.TOKENS.ordinal();
  private static final byte NOT_ON_FLEX = (byte) Outcome.UNCOVERED_NOT_ON_FLEX.ordinal();
  private static final byte NO_BALANCE = (byte) Outcome.UNCOVERED_NO_BALANCE.ordinal();
  /** A window left out of the evaluation ({@link #of(Plan, WindowTable, boolean[], PlanPeriod, CatalogHistory)}): no outcome. */
  private static final byte LEFT_OUT = -1;
  private static final SeatMiss.Reason[] REASONS = SeatMiss.Reason.values();
  private static final long NANOS = 1_000_000_000L;

  private final Plan plan;
  private final PlanPeriod period;
  private final List<CostLine> lines;
  /** The windows that opened within the period: window {@code i} has outcome {@code i}. */
  private final WindowTable windows;
  /** Per window: its outcome ({@link Outcome#ordinal()}), tokens, and holding (index or -1). */
  private final byte[] kind;
  private final Rated rated;
  private final SmallInts holding;
  /** Per window: why no seat covered it ({@link SeatMiss.Reason#ordinal()} + 1, 0 when one did). */
  private final byte[] missReason;
  /** Per window missed: the offering ({@link #offerings} index) it concerns, -1 for its product. */
  private final SmallInts missOffering;
  /** The windows' days: day {@code dayOf[k]} (epoch day) from window {@code dayFrom[k]} on. */
  private final int[] dayFrom;
  private final long[] dayOf;
  private final List<OfferingSeats> offerings;
  /** The token-paid windows (charge {@code c} is window {@code tokenWindow[c]}) and their draws. */
  private final int[] tokenWindow;
  private final TokenDraws draws;
  private final long tokensDrawn;
  private final int uncoveredCount;
  private final List<UnusedTokens> unusedTokens;
  private final List<SeatGap> seatGaps;
  private final List<ExcessAssignee> excessAssignees;
  private final List<OfferingSeatCount> offeringSeats;
  private final Map<String, List<UserId>> seatHolders;
  private final int windowsOutsidePeriod;
  /** {@link #ledger()}, made when first asked for. */
  private final AtomicReference<LedgerReplay> ledger = new AtomicReference<>();

  private PlanEvaluation(
      Plan plan,
      PlanPeriod period,
      List<CostLine> lines,
      WindowTable windows,
      byte[] kind,
      Rated rated,
      SmallInts holding,
      byte[] missReason,
      SmallInts missOffering,
      int[] dayFrom,
      long[] dayOf,
      List<OfferingSeats> offerings,
      int[] tokenWindow,
      TokenDraws draws,
      long tokensDrawn,
      int uncoveredCount,
      List<UnusedTokens> unusedTokens,
      List<SeatGap> seatGaps,
      List<ExcessAssignee> excessAssignees,
      List<OfferingSeatCount> offeringSeats,
      Map<String, List<UserId>> seatHolders,
      int windowsOutsidePeriod) {
    this.plan = plan;
    this.period = period;
    this.lines = List.copyOf(lines);
    this.windows = windows;
    this.kind = kind;
    this.rated = rated;
    this.holding = holding;
    this.missReason = missReason;
    this.missOffering = missOffering;
    this.dayFrom = dayFrom;
    this.dayOf = dayOf;
    this.offerings = List.copyOf(offerings);
    this.tokenWindow = tokenWindow;
    this.draws = draws;
    this.tokensDrawn = tokensDrawn;
    this.uncoveredCount = uncoveredCount;
    this.unusedTokens = List.copyOf(unusedTokens);
    this.seatGaps = List.copyOf(seatGaps);
    this.excessAssignees = List.copyOf(excessAssignees);
    this.offeringSeats = List.copyOf(offeringSeats);
    this.seatHolders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seatHolders));
    this.windowsOutsidePeriod = windowsOutsidePeriod;
  }

  /**
   * Evaluates {@code plan} against the access windows {@code windows} (any order; e.g. a Flex
   * meter's charges under no coverage) over {@code period}, with rates, bundles and prices from
   * {@code catalogs} (the version in force on each day; before the first version, the first).
   * The same as {@link #of(Plan, WindowTable, PlanPeriod, CatalogHistory)} of {@link
   * WindowTable#of(List)}.
   *
   * @throws dev.seatwise.domain.money.CurrencyMismatchException when the catalog's currency is not
   *     the plan's (never, for plans priced from that catalog)
   */
  public static PlanEvaluation of(
      Plan plan, List<Charge> windows, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(windows, "windows");
    return of(plan, WindowTable.of(windows), period, catalogs);
  }

  /**
   * Evaluates {@code plan} against the access windows of {@code windows} over {@code period}, with
   * rates, bundles and prices from {@code catalogs} (the version in force on each day; before the
   * first version, the first). Evaluating many plans against one table shares its columns.
   *
   * @throws dev.seatwise.domain.money.CurrencyMismatchException when the catalog's currency is not
   *     the plan's (never, for plans priced from that catalog)
   */
  public static PlanEvaluation of(
      Plan plan, WindowTable windows, PlanPeriod period, CatalogHistory catalogs) {
    return of(plan, windows, null, period, catalogs);
  }

  /**
   * As {@link #of(Plan, WindowTable, PlanPeriod, CatalogHistory)} of the windows of {@code
   * windows} not flagged in {@code leftOut} (a flag per window of the table, null for none; only
   * windows within the period may be flagged), without a filtered copy of the table: its lines,
   * total, token draws, unused tokens, seat gaps and unseated assignees are those of the
   * evaluation of {@code windows.filter(i -> !leftOut[i])}, and each window not flagged has the
   * same outcome and tokens there as in that evaluation. Its {@link #windows()} are the table's
   * within the period, flagged ones included: a flagged window has no outcome ({@link
   * #isLeftOut}; {@link #outcome} and {@link #outcomes()} throw on it).
   *
   * <p>For a walk of many plans over one large table with windows left out (the renewal path):
   * it holds the table once, and a flag per window, instead of a copy per set left out.
   */
  static PlanEvaluation of(
      Plan plan, WindowTable windows, boolean[] leftOut, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(plan, "plan");
    checkNotNull(windows, "windows");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");

    long periodStart = WindowTable.saturatedNanos(period.start());
    long periodEnd = WindowTable.saturatedNanos(period.end());
    WindowTable w = windows.startingIn(periodStart, Math.max(periodStart, periodEnd));
    int n = w.size();
    // the flags of the period's windows are from this position of the table's on
    int flagsFrom = 0;
    if (leftOut != null) {
      checkArgument(
          leftOut.length == windows.size(), "%s flags for %s windows", leftOut.length, windows.size());
      flagsFrom = windows.firstStartingAtOrAfter(periodStart);
      for (int i = 0; i < leftOut.length; i++) {
        if (i == flagsFrom) {
          i += n; // the period's windows: any may be left out
          if (i >= leftOut.length) {
            break;
          }
        }
        checkArgument(!leftOut[i], "window %s is left out but does not open within the period", i);
      }
    }

    List<OfferingSeats> offerings = OfferingSeats.of(plan);
    boolean[][] used = new boolean[plan.seats().size()][];
    for (OfferingSeats o : offerings) {
      for (int k = 0; k < o.holdings().size(); k++) {
        used[o.planIndex(k)] = new boolean[o.trackedSeats(k)];
      }
    }

    // coverage: seats, network, then tokens, window by window (Coverage.window: a method of its
    // own, so that it is compiled after a few hundred windows rather than with this whole method)
    Coverage cover = new Coverage(plan, w, offerings, used);
    byte[] kind = cover.kind;
    Rated rated = cover.rated;
    SmallInts holding = cover.holding;
    byte[] missReason = cover.missReason;
    SmallInts missOffering = cover.missOffering;
    int[] tokenWindow = new int[n];
    int tokenCount = 0;
    int[] dayFrom = new int[16];
    long[] dayOf = new long[16];
    int dayRuns = 0;

    long spanFrom = Long.MAX_VALUE;
    long spanUntil = Long.MIN_VALUE;
    LocalDate today = null;
    int dayStamp = 0;
    Catalog version = null;
    for (int i = 0; i < n; i++) {
      if (leftOut != null && leftOut[flagsFrom + i]) {
        kind[i] = LEFT_OUT; // no outcome, and no day of its own: as if absent
        continue;
      }
      long t = w.startNanos(i);
      if (t < spanFrom || t >= spanUntil) {
        DaySpan span = DaySpan.of(period, w.start(i));
        spanFrom = t;
        spanUntil = span.until() >= Long.MAX_VALUE / NANOS ? Long.MAX_VALUE : span.until() * NANOS;
        if (!span.day().equals(today)) {
          today = span.day();
          dayStamp++;
          version = SeatHolding.versionOn(catalogs, today);
          cover.newDay();
          if (dayRuns == dayFrom.length) {
            dayFrom = java.util.Arrays.copyOf(dayFrom, 2 * dayRuns);
            dayOf = java.util.Arrays.copyOf(dayOf, 2 * dayRuns);
          }
          dayFrom[dayRuns] = i;
          dayOf[dayRuns] = today.toEpochDay();
          dayRuns++;
        }
      }
      if (cover.window(i, today, dayStamp, version)) {
        tokenWindow[tokenCount] = i;
        tokenCount++;
      }
    }
    // the token-paid windows' times and tokens are read from the columns, not copied; the list of
    // them is trimmed first, so that the replay and the evaluation keep one copy of it
    int[] tokenWindows =
        tokenCount == tokenWindow.length ? tokenWindow : java.util.Arrays.copyOf(tokenWindow, tokenCount);
    tokenWindow = null;
    TokenDraws draws = draws(plan, w, rated, tokenWindows);
    long tokensDrawn = settle(kind, rated, tokenWindows, draws);
    int uncovered = uncovered(kind);
    List<UnusedTokens> unused = unused(draws, period);

    // who sat where, day by day: unassigned and idle seats, unseated assignees
    List<SeatGap> gaps = new ArrayList<>();
    List<ExcessAssignee> excess = new ArrayList<>();
    List<OfferingSeatCount> counts = new ArrayList<>();
    Map<String, List<UserId>> holders = new LinkedHashMap<>();
    for (OfferingSeats o : offerings) {
      seatUse(o, period, used, gaps, excess, counts, holders);
    }

    List<CostLine> lines = new ArrayList<>();
    for (SeatHolding h : plan.seats()) {
      seatLine(h, period).ifPresent(lines::add);
    }
    for (NetworkHolding nh : plan.network()) {
      networkLine(nh, period).ifPresent(lines::add);
    }
    for (TokenLot lot : plan.lots()) {
      lines.add(lotLine(lot, period));
    }
    return new PlanEvaluation(
        plan, period, lines, w, kind, rated, holding, missReason, missOffering,
        java.util.Arrays.copyOf(dayFrom, dayRuns), java.util.Arrays.copyOf(dayOf, dayRuns),
        offerings, tokenWindows, draws, tokensDrawn, uncovered,
        unused, gaps, excess, counts, holders, windows.size() - n);
  }

  /**
   * The evaluation of this plan with {@code more} lots added ({@code plan().withLots(more)}),
   * against the same windows over the same period: the same as {@link #of(Plan, WindowTable,
   * PlanPeriod, CatalogHistory)} of that plan, made without covering the windows again (seats and
   * network holdings cover what they covered, whatever the lots); only the token draws are
   * replayed and the lots' lines added.
   */
  public PlanEvaluation withLots(List<TokenLot> more) {
    checkNotNull(more, "more");
    Plan withMore = plan.withLots(more);
    byte[] k = kind.clone();
    TokenDraws d = draws(withMore, windows, rated, tokenWindow);
    long drawn = settle(k, rated, tokenWindow, d);
    List<CostLine> l = new ArrayList<>(lines);
    for (TokenLot lot : more) {
      l.add(lotLine(lot, period));
    }
    return new PlanEvaluation(
        withMore, period, l, windows, k, rated, holding, missReason, missOffering, dayFrom, dayOf,
        offerings, tokenWindow, d, drawn, uncovered(k), unused(d, period), seatGaps,
        excessAssignees, offeringSeats, seatHolders, windowsOutsidePeriod);
  }

  /**
   * The token-paid windows ({@code tokenWindows}, their times and tokens read from the columns,
   * not copied) drawn from {@code plan}'s lots in burn order.
   */
  private static TokenDraws draws(Plan plan, WindowTable w, Rated rated, int[] tokenWindows) {
    return TokenDraws.replay(
        TokenLedger.of(plan.lots()),
        new TokenDraws.Charges() {
          @Override
          public long atNanos(int c) {
            return w.startNanos(tokenWindows[c]);
          }

          @Override
          public long tokens(int c) {
            return rated.get(tokenWindows[c]);
          }
        },
        tokenWindows.length);
  }

  /** Sets the token-paid windows' outcomes from {@code draws}; the tokens drawn. */
  private static long settle(byte[] kind, Rated rated, int[] tokenWindows, TokenDraws draws) {
    long tokensDrawn = 0;
    for (int c = 0; c < tokenWindows.length; c++) {
      int i = tokenWindows[c];
      if (draws.isRefused(c)) {
        kind[i] = NO_BALANCE;
      } else {
        kind[i] = TOKENS;
        tokensDrawn = Math.addExact(tokensDrawn, rated.get(i));
      }
    }
    return tokensDrawn;
  }

  private static int uncovered(byte[] kind) {
    int uncovered = 0;
    for (byte k : kind) {
      if (k == NOT_ON_FLEX || k == NO_BALANCE) {
        uncovered++;
      }
    }
    return uncovered;
  }

  /** The lots' tokens left undrawn. */
  private static List<UnusedTokens> unused(TokenDraws draws, PlanPeriod period) {
    List<UnusedTokens> unused = new ArrayList<>();
    for (int i = 0; i < draws.lots().size(); i++) {
      TokenLot lot = draws.lots().get(i);
      long drawn = draws.drawnFrom(i);
      if (lot.size() > drawn) {
        unused.add(
            new UnusedTokens(
                lot.id(), lot.expires(), lot.size() - drawn, !lot.expires().isAfter(period.end())));
      }
    }
    return unused;
  }

  /**
   * Who sat where on offering {@code o}'s seats, day by day over {@code period} (a method of its
   * own, compiled apart from {@link #of}): its seat count, each holding's first holders, its
   * unassigned and idle seats ({@code used}: the seats a window sat on), its unseated assignees.
   */
  private static void seatUse(
      OfferingSeats o,
      PlanPeriod period,
      boolean[][] used,
      List<SeatGap> gaps,
      List<ExcessAssignee> excess,
      List<OfferingSeatCount> counts,
      Map<String, List<UserId>> holders) {
    long mostSeats = 0;
    boolean ran = false;
    // the assignees seated or unseated on some day, by slot
    boolean[] assigned = new boolean[o.slotCount()];
    int assignedCount = 0;
    List<List<Set<UserId>>> occupants = new ArrayList<>();
    int maxPlanIndex = -1;
    for (int k = 0; k < o.holdings().size(); k++) {
      List<Set<UserId>> perSeat = new ArrayList<>();
      for (int s = 0; s < o.trackedSeats(k); s++) {
        perSeat.add(new LinkedHashSet<>());
      }
      occupants.add(perSeat);
      maxPlanIndex = Math.max(maxPlanIndex, o.planIndex(k));
    }
    int[] kOf = new int[maxPlanIndex + 1];
    for (int k = 0; k < o.holdings().size(); k++) {
      kOf[o.planIndex(k)] = k;
    }
    Map<UserId, LocalDate[]> unseatedDays = new LinkedHashMap<>();
    Map<UserId, Long> unseatedCount = new HashMap<>();
    OfferingSeats.Seating previous = null;
    for (LocalDate d = period.from(); d.isBefore(period.to()); d = d.plusDays(1)) {
      if (!o.isActiveOn(d)) {
        continue;
      }
      OfferingSeats.Seating seating = o.on(d);
      ran = true;
      mostSeats = Math.max(mostSeats, o.seatsOn(d));
      if (seating != previous) { // the same seating as the day before adds nobody to the sets
        // a seat has one user per seating, so each seat's set gets its users in the same order
        // whatever the order of the slots
        int[][] bySlot = seating.bySlot();
        for (int slot = 0; slot < bySlot.length; slot++) {
          int[] at = bySlot[slot];
          if (at != null) {
            if (!assigned[slot]) {
              assigned[slot] = true;
              assignedCount++;
            }
            occupants.get(kOf[at[0]]).get(at[1]).add(seating.userOf(slot));
          }
        }
        for (UserId u : seating.unseated()) {
          int slot = o.slotOf(u);
          if (!assigned[slot]) {
            assigned[slot] = true;
            assignedCount++;
          }
        }
        previous = seating;
      }
      for (UserId u : seating.unseated()) {
        LocalDate day = d;
        unseatedDays.computeIfAbsent(u, x -> new LocalDate[] {day, day})[1] = day;
        unseatedCount.merge(u, 1L, Long::sum);
      }
    }
    if (ran) {
      counts.add(new OfferingSeatCount(o.offering(), mostSeats, assignedCount));
    }
    unseatedDays.forEach(
        (u, span) ->
            excess.add(
                new ExcessAssignee(o.offering(), u, span[0], span[1], unseatedCount.get(u))));
    for (int k = 0; k < o.holdings().size(); k++) {
      SeatHolding h = o.holdings().get(k);
      if (period.overlapDays(h.start(), h.end()) == 0) {
        continue;
      }
      long unassigned = h.seats() - o.trackedSeats(k);
      long idle = 0;
      List<UserId> idleUsers = new ArrayList<>();
      List<UserId> first = new ArrayList<>();
      for (int s = 0; s < o.trackedSeats(k); s++) {
        Set<UserId> who = occupants.get(k).get(s);
        if (!who.isEmpty()) {
          first.add(who.iterator().next());
        }
        if (who.isEmpty()) {
          unassigned++;
        } else if (!used[o.planIndex(k)][s]) {
          idle++;
          idleUsers.addAll(who);
        }
      }
      holders.put(h.id(), List.copyOf(first));
      if (unassigned > 0) {
        gaps.add(new SeatGap(h.id(), Gap.UNASSIGNED, unassigned, List.of()));
      }
      if (idle > 0) {
        gaps.add(new SeatGap(h.id(), Gap.IDLE, idle, idleUsers));
      }
    }
  }

  /**
   * What a window costs on Flex under {@code version}: its product's rate; for a collection
   * checkout (the product is a bundle on Flex) the window's own tokens, as the meter priced it
   * ({@code CollectionPricing}: the member that ran is not recorded); empty when neither is on
   * Flex.
   */
  static java.util.OptionalLong rate(Catalog version, Charge w) {
    Optional<Product> product = version.product(w.product());
    if (product.isPresent()) {
      Optional<Long> r = product.get().tokenRate();
      return r.isPresent() ? java.util.OptionalLong.of(r.get()) : java.util.OptionalLong.empty();
    }
    if (version.bundle(w.product()).isPresent() && version.isOnFlex(w.product())) {
      return java.util.OptionalLong.of(w.tokens());
    }
    return java.util.OptionalLong.empty();
  }

  private static boolean offers(Catalog version, ProductId offering, ProductId product) {
    if (offering.equals(product)) {
      return true;
    }
    Optional<Bundle> bundle = version.bundle(offering);
    return bundle.isPresent() && bundle.get().covers(product);
  }

  /** The line of a seat holding: its term's price, pro rata by the term's days in the period. */
  static Optional<CostLine> seatLine(SeatHolding h, PlanPeriod period) {
    long termDays = java.time.temporal.ChronoUnit.DAYS.between(h.start(), h.termEnd());
    long inPeriod = period.overlapDays(h.start(), h.termEnd());
    if (inPeriod == 0) {
      return Optional.empty();
    }
    Money amount = seatAmount(h, inPeriod, termDays);
    boolean proRata = inPeriod < termDays;
    String rule =
        h.seats()
            + " x "
            + h.pricePerSeat().amount().toPlainString()
            + " per "
            + h.term().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + " term "
            + h.start()
            + ".."
            + h.termEnd()
            + (proRata
                ? ", pro rata " + inPeriod + "/" + termDays + " days of the term in the period"
                : ", whole term in the period")
            + (h.end().isBefore(h.termEnd()) ? "; seats cover until " + h.end() : "");
    LocalDate from = h.start().isAfter(period.from()) ? h.start() : period.from();
    LocalDate to = h.termEnd().isBefore(period.to()) ? h.termEnd() : period.to();
    return Optional.of(
        new CostLine(h.id(), CostLine.Kind.SEATS, from, to, h.seats(), amount, proRata, rule));
  }

  /** The amount of {@link #seatLine}, without the line: empty when the term is not in the period. */
  static Optional<Money> seatAmount(SeatHolding h, PlanPeriod period) {
    long termDays = java.time.temporal.ChronoUnit.DAYS.between(h.start(), h.termEnd());
    long inPeriod = period.overlapDays(h.start(), h.termEnd());
    return inPeriod == 0 ? Optional.empty() : Optional.of(seatAmount(h, inPeriod, termDays));
  }

  /** A holding's seats x price for its term, pro rata by its {@code inPeriod} of {@code termDays}. */
  private static Money seatAmount(SeatHolding h, long inPeriod, long termDays) {
    Money whole = h.pricePerSeat().multipliedBy(h.seats());
    return inPeriod < termDays
        ? Money.rounded(
            whole
                .amount()
                .multiply(BigDecimal.valueOf(inPeriod))
                .divide(
                    BigDecimal.valueOf(termDays),
                    whole.currency().getDefaultFractionDigits(),
                    RoundingMode.HALF_EVEN),
            whole.currency(),
            RoundingMode.UNNECESSARY)
        : whole;
  }

  static Optional<CostLine> networkLine(NetworkHolding n, PlanPeriod period) {
    long days = period.overlapDays(n.start(), n.end());
    if (days == 0) {
      return Optional.empty();
    }
    Money amount = new Proration(days, 365).apply(n.annualPerSeat(), n.seats());
    boolean proRata = n.start().isBefore(period.from()) || n.end().isAfter(period.to());
    String rule =
        n.seats()
            + " network seats x "
            + n.annualPerSeat().amount().toPlainString()
            + " a year x "
            + days
            + "/365 days in the period";
    LocalDate from = n.start().isAfter(period.from()) ? n.start() : period.from();
    LocalDate to = n.end().isBefore(period.to()) ? n.end() : period.to();
    return Optional.of(
        new CostLine(n.id(), CostLine.Kind.NETWORK, from, to, n.seats(), amount, proRata, rule));
  }

  static CostLine lotLine(TokenLot lot, PlanPeriod period) {
    LocalDate bought = period.dayOf(lot.purchased());
    LocalDate expires = period.dayOf(lot.expires());
    boolean within = period.contains(lot.purchased());
    Money amount =
        within
            ? lot.unitPrice().costOf(lot.size(), RoundingMode.HALF_EVEN)
            : Money.zero(lot.unitPrice().currency());
    String rule =
        lot.size()
            + " tokens x "
            + lot.unitPrice().perUnit().toPlainString()
            + (within
                ? ", bought " + bought + " within the period"
                : ", bought "
                    + bought
                    + (lot.purchased().isBefore(period.start()) ? " before" : " after")
                    + " the period: not charged to it");
    return new CostLine(
        lot.id(), CostLine.Kind.TOKEN_LOT, bought, expires, lot.size(), amount, false, rule);
  }

  public Plan plan() {
    return plan;
  }

  public PlanPeriod period() {
    return period;
  }

  /** The cost lines: seat holdings, network holdings, then lots, in plan order. */
  public List<CostLine> lines() {
    return lines;
  }

  /** The sum of the lines. */
  public Money total() {
    List<Money> amounts = new ArrayList<>();
    for (CostLine l : lines) {
      amounts.add(l.amount());
    }
    return Money.total(plan.currency(), amounts);
  }

  /**
   * Every window that opened within the period, in time order, with how it was met (made when read
   * from the evaluation's columns: {@link #windows()}, {@link #outcome(int)}, {@link
   * #tokens(int)}, {@link #holding(int)}).
   */
  public List<WindowOutcome> outcomes() {
    return new Outcomes();
  }

  /**
   * The windows that opened within the period, in the order of {@link #outcomes()} (by start, user
   * and product): window {@code i} has outcome {@code i}.
   */
  public WindowTable windows() {
    return windows;
  }

  /** How window {@code i} of {@link #windows()} was met. */
  public Outcome outcome(int i) {
    return OUTCOMES[kind[i]];
  }

  /**
   * Whether window {@code i} of {@link #windows()} was left out of the evaluation (only ever, for
   * an evaluation with windows flagged: {@link #of(Plan, WindowTable, boolean[], PlanPeriod,
   * CatalogHistory)}).
   */
  boolean isLeftOut(int i) {
    return kind[i] == LEFT_OUT;
  }

  /** Whether window {@code i} was paid in tokens: {@code outcome(i) == TOKENS}, false when left out. */
  boolean isOnTokens(int i) {
    return kind[i] == TOKENS;
  }

  /**
   * Whether window {@code i} was refused for want of balance: {@code outcome(i) ==
   * UNCOVERED_NO_BALANCE}, false when left out.
   */
  boolean isShortOfTokens(int i) {
    return kind[i] == NO_BALANCE;
  }

  /** The tokens of window {@code i}'s outcome ({@link WindowOutcome#tokens()}). */
  public long tokens(int i) {
    return rated.get(i);
  }

  /** The holding that covered window {@code i} ({@link WindowOutcome#holding()}). */
  public String holding(int i) {
    byte k = kind[i];
    if (k == SEAT) {
      return plan.seats().get(holding.get(i)).id();
    }
    if (k == NETWORK) {
      return plan.network().get(holding.get(i)).id();
    }
    return "";
  }

  private WindowOutcome outcomeOf(int i) {
    return new WindowOutcome(windows.charge(i), rated.get(i), OUTCOMES[kind[i]], holding(i));
  }

  /**
   * The coverage of one evaluation's windows, window by window in time order: what is constant for
   * a day (each offering's seating) and for a (day, product) (its rate, the offerings that include
   * it, the network holding covering it) is worked out once, in arrays by product index, and kept
   * while the windows stay on that day; a user's seat in an offering's seating once per seating.
   * Writes each window's outcome, tokens, holding and seat miss into its columns.
   */
  private static final class Coverage {
    private static final byte NO_RATE = 0;
    private static final byte FIXED_RATE = 1;
    private static final byte OWN_TOKENS = 2;

    private final Plan plan;
    private final WindowTable w;
    private final List<OfferingSeats> offerings;
    private final boolean[][] used;
    private final int offeringCount;
    private final int users;
    private final int[] dpDay;
    private final byte[] dpKind;
    private final long[] dpRate;
    private final int[][] dpOfferings;
    private final int[] dpNetwork;
    private final OfferingSeats.Seating[] seatingToday;
    /** Per offering, each user's (index in the table) slot in its seatings, or -1. */
    private final int[][] slotOfUser;
    private final int[][] assignedStamp;
    private final boolean[][] assignedToday;
    /** Per offering, each user's (index in the table) assignments to it, or null: looked up once. */
    private final Assignee[][][] assignmentsOf;
    private final byte[] activeToday; // 0 unknown, 1 active, 2 not
    final byte[] kind;
    final Rated rated;
    final SmallInts holding;
    final byte[] missReason;
    final SmallInts missOffering;

    Coverage(Plan plan, WindowTable w, List<OfferingSeats> offerings, boolean[][] used) {
      this.plan = plan;
      this.w = w;
      this.offerings = offerings;
      this.used = used;
      this.offeringCount = offerings.size();
      int products = w.productCount();
      this.users = w.userCount();
      this.dpDay = new int[products];
      this.dpKind = new byte[products];
      this.dpRate = new long[products];
      this.dpOfferings = new int[products][];
      this.dpNetwork = new int[products];
      this.seatingToday = new OfferingSeats.Seating[offeringCount];
      this.slotOfUser = new int[offeringCount][];
      this.assignedStamp = new int[offeringCount][];
      this.assignedToday = new boolean[offeringCount][];
      this.assignmentsOf = new Assignee[offeringCount][][];
      this.activeToday = new byte[offeringCount];
      int n = w.size();
      this.kind = new byte[n];
      this.rated = new Rated(n);
      this.holding = new SmallInts(n, Math.max(plan.seats().size(), plan.network().size()));
      this.missReason = new byte[n];
      this.missOffering = new SmallInts(n, offeringCount);
    }

    /** The windows from here on are on another day. */
    void newDay() {
      java.util.Arrays.fill(seatingToday, null);
      java.util.Arrays.fill(activeToday, (byte) 0);
    }

    /**
     * Covers window {@code i}, on {@code today} (the {@code dayStamp}th day with windows) under
     * {@code version}; true when it is to be paid in tokens (the lots decide whether it is).
     */
    boolean window(int i, LocalDate today, int dayStamp, Catalog version) {
      int p = w.productIndex(i);
      if (dpDay[p] != dayStamp) {
        dayProduct(p, today, dayStamp, version);
      }
      byte rk = dpKind[p];
      long tokens = rk == FIXED_RATE ? dpRate[p] : rk == OWN_TOKENS ? w.tokens(i) : 0L;
      int u = w.userIndex(i);
      int[] offeringsOf = dpOfferings[p];
      for (int k : offeringsOf) {
        int[] at = seatOf(k, u, today);
        if (at != null) {
          used[at[0]][at[1]] = true;
          kind[i] = SEAT;
          rated.set(i, tokens);
          holding.set(i, at[0]);
          return false;
        }
      }
      byte reason = (byte) (SeatMiss.Reason.NOT_ASSIGNED.ordinal() + 1);
      int missedOffering = -1;
      for (int k : offeringsOf) {
        if (isAssigned(k, u, today, dayStamp)) {
          missedOffering = k;
          reason = missReason(k, today);
          break;
        }
      }
      missReason[i] = reason;
      missOffering.set(i, missedOffering);
      int network = dpNetwork[p];
      if (network >= 0) {
        kind[i] = NETWORK;
        rated.set(i, tokens);
        holding.set(i, network);
        return false;
      } else if (rk == NO_RATE) {
        kind[i] = NOT_ON_FLEX;
        holding.set(i, -1);
        return false;
      } else {
        holding.set(i, -1);
        rated.set(i, tokens);
        return true;
      }
    }

    /**
     * Product {@code p} on a new day: as rate(version, w), the product's rate, else a collection on
     * Flex's own tokens; the offerings that include it; the network holding covering it.
     */
    private void dayProduct(int p, LocalDate today, int dayStamp, Catalog version) {
      ProductId productId = w.productAt(p);
      byte rk = NO_RATE;
      long r = 0;
      Optional<Product> product = version.product(productId);
      if (product.isPresent()) {
        Optional<Long> tr = product.get().tokenRate();
        if (tr.isPresent()) {
          rk = FIXED_RATE;
          r = tr.get();
        }
      } else if (version.bundle(productId).isPresent() && version.isOnFlex(productId)) {
        rk = OWN_TOKENS;
      }
      int[] of = new int[offeringCount];
      int m = 0;
      for (int k = 0; k < offeringCount; k++) {
        if (offers(version, offerings.get(k).offering(), productId)) {
          of[m++] = k;
        }
      }
      int net = -1;
      for (int h = 0; h < plan.network().size(); h++) {
        NetworkHolding nh = plan.network().get(h);
        if (nh.isActiveOn(today) && nh.product().equals(productId)) {
          net = h;
          break;
        }
      }
      dpDay[p] = dayStamp;
      dpKind[p] = rk;
      dpRate[p] = r;
      dpOfferings[p] = java.util.Arrays.copyOf(of, m);
      dpNetwork[p] = net;
    }

    /** User {@code u}'s {index in plan.seats(), seat} in offering {@code k} today, or null. */
    private int[] seatOf(int k, int u, LocalDate today) {
      OfferingSeats.Seating seating = seatingToday[k];
      if (seating == null) {
        seating = offerings.get(k).on(today);
        seatingToday[k] = seating;
      }
      int[] slots = slotOfUser[k];
      if (slots == null) {
        // each user's slot looked up once, not once per seating (as seated().get(user) did)
        OfferingSeats o = offerings.get(k);
        slots = new int[users];
        java.util.Arrays.fill(slots, -1);
        for (UserId a : o.assignees()) {
          int x = w.indexOfUser(a);
          if (x >= 0) {
            slots[x] = o.slotOf(a);
          }
        }
        slotOfUser[k] = slots;
      }
      int slot = slots[u];
      return slot < 0 ? null : seating.bySlot()[slot];
    }

    /** Whether user {@code u} is an assignee of offering {@code k} today. */
    private boolean isAssigned(int k, int u, LocalDate today, int dayStamp) {
      OfferingSeats o = offerings.get(k);
      if (assignedStamp[k] == null) {
        assignedStamp[k] = new int[users];
        assignedToday[k] = new boolean[users];
        assignmentsOf[k] = new Assignee[users][];
        // users never assigned the offering: not assigned on any day
        java.util.Arrays.fill(assignedStamp[k], -1);
        for (UserId a : o.assignees()) {
          int x = w.indexOfUser(a);
          if (x >= 0) {
            assignedStamp[k][x] = 0;
            assignmentsOf[k][x] = o.assignmentsOf(a).toArray(new Assignee[0]);
          }
        }
      }
      if (assignedStamp[k][u] >= 0 && assignedStamp[k][u] != dayStamp) {
        // as o.isAssigned(user, today), from the user's assignments looked up once
        assignedStamp[k][u] = dayStamp;
        boolean assigned = false;
        for (Assignee a : assignmentsOf[k][u]) {
          if (a.isAssignedOn(today)) {
            assigned = true;
            break;
          }
        }
        assignedToday[k][u] = assigned;
      }
      return assignedToday[k][u];
    }

    /** Why an assignee of offering {@code k} has no seat today (as {@link SeatMiss.Reason} + 1). */
    private byte missReason(int k, LocalDate today) {
      OfferingSeats o = offerings.get(k);
      if (activeToday[k] == 0) {
        activeToday[k] = o.isActiveOn(today) ? (byte) 1 : (byte) 2;
      }
      if (activeToday[k] == 1) {
        return (byte) (SeatMiss.Reason.UNSEATED.ordinal() + 1);
      }
      return (byte)
          ((o.nextStart(today).isPresent() ? SeatMiss.Reason.BEFORE_START : SeatMiss.Reason.AFTER_END)
                  .ordinal()
              + 1);
    }
  }

  /**
   * Per window, an index in {@code [-1, bound)} (a holding, an offering, or none): one byte a
   * window when the bound allows it, else two, else four.
   */
  private static final class SmallInts {
    private final byte[] bytes;
    private final short[] shorts;
    private final int[] ints;

    SmallInts(int n, int bound) {
      this.bytes = bound <= Byte.MAX_VALUE ? new byte[n] : null;
      this.shorts = bytes == null && bound <= Short.MAX_VALUE ? new short[n] : null;
      this.ints = bytes == null && shorts == null ? new int[n] : null;
    }

    void set(int i, int v) {
      if (bytes != null) {
        bytes[i] = (byte) v;
      } else if (shorts != null) {
        shorts[i] = (short) v;
      } else {
        ints[i] = v;
      }
    }

    int get(int i) {
      return bytes != null ? bytes[i] : shorts != null ? shorts[i] : ints[i];
    }
  }

  /**
   * Per window, the tokens of its outcome: ints while every value fits (4 bytes a window), widened
   * to longs (once) when one does not. Written only while the evaluation is made.
   */
  private static final class Rated {
    /** The values while every one fits an int; its one slot null once widened. */
    private final int[][] narrow = new int[1][];
    /** The values once one did not fit an int; its one slot null before. */
    private final long[][] wide = new long[1][];

    Rated(int n) {
      narrow[0] = new int[n];
    }

    void set(int i, long v) {
      int[] a = narrow[0];
      if (a != null && v == (int) v) {
        a[i] = (int) v;
        return;
      }
      if (a != null) {
        long[] w = new long[a.length];
        for (int k = 0; k < a.length; k++) {
          w[k] = a[k];
        }
        wide[0] = w;
        narrow[0] = null;
      }
      wide[0][i] = v;
    }

    long get(int i) {
      int[] a = narrow[0];
      return a != null ? a[i] : wide[0][i];
    }
  }

  /** The outcomes, made when read. */
  private final class Outcomes extends java.util.AbstractList<WindowOutcome>
      implements java.util.RandomAccess {
    @Override
    public WindowOutcome get(int i) {
      java.util.Objects.checkIndex(i, kind.length);
      return outcomeOf(i);
    }

    @Override
    public int size() {
      return kind.length;
    }
  }

  /** The windows the plan did not cover. */
  public List<WindowOutcome> uncovered() {
    List<WindowOutcome> out = new ArrayList<>(uncoveredCount);
    for (int i = 0; i < kind.length; i++) {
      if (kind[i] == NOT_ON_FLEX || kind[i] == NO_BALANCE) {
        out.add(outcomeOf(i));
      }
    }
    return out;
  }

  /** How many windows the plan did not cover ({@code uncovered().size()}). */
  public int uncoveredCount() {
    return uncoveredCount;
  }

  /** Tokens drawn from lots by the period's windows. */
  public long tokensDrawn() {
    return tokensDrawn;
  }

  /** Lots' tokens left undrawn, flagged when they expire within the period. */
  public List<UnusedTokens> unusedTokens() {
    return unusedTokens;
  }

  /** Tokens that expire unused within the period. */
  public long tokensExpiredUnused() {
    long sum = 0;
    for (UnusedTokens u : unusedTokens) {
      if (u.expiresInPeriod()) {
        sum += u.tokens();
      }
    }
    return sum;
  }

  /** Seats that were unassigned or idle in the period. */
  public List<SeatGap> seatGaps() {
    return seatGaps;
  }

  /** Assignees left without a seat on some days of the period (more assignees than seats). */
  public List<ExcessAssignee> excessAssignees() {
    return excessAssignees;
  }

  /**
   * Why no seat covered each window that opened in the period and is not met by a seat, in time
   * order: not assigned, unseated (more assignees than seats), before the offering's first holding
   * starts or after its last one ended.
   */
  public List<SeatMiss> seatMisses() {
    List<SeatMiss> out = new ArrayList<>();
    for (int i = 0; i < kind.length; i++) {
      if (missReason[i] == 0) {
        continue;
      }
      SeatMiss.Reason reason = REASONS[missReason[i] - 1];
      LocalDate day = dayOf(i);
      OfferingSeats o = missOffering.get(i) < 0 ? null : offerings.get(missOffering.get(i));
      ProductId offering = o == null ? windows.product(i) : o.offering();
      LocalDate date =
          switch (reason) {
            case BEFORE_START -> o.nextStart(day).orElseThrow();
            case AFTER_END -> o.lastEnd();
            default -> day;
          };
      out.add(new SeatMiss(outcomeOf(i), reason, offering, date));
    }
    return out;
  }

  /** The day (in the period's zone) window {@code i} opened. */
  private LocalDate dayOf(int i) {
    int k = java.util.Arrays.binarySearch(dayFrom, i);
    if (k < 0) {
      k = -k - 2;
    }
    return LocalDate.ofEpochDay(dayOf[k]);
  }

  /**
   * Each offering of the plan's seat holdings that runs on some day of the period: the most seats
   * held on one day and its assignees on those days (from which seats nobody is assigned to and
   * assignees beyond the seats).
   */
  public List<OfferingSeatCount> offeringSeats() {
    return offeringSeats;
  }

  /**
   * Per seat holding that runs in the period (by id, plan order): the first user seated on each of
   * its seats in the period, seat by seat, leaving out seats nobody sat on (so the list may be
   * shorter than the seats held).
   */
  public Map<String, List<UserId>> seatHolders() {
    return seatHolders;
  }

  /** Windows given that opened outside the period (ignored). */
  public int windowsOutsidePeriod() {
    return windowsOutsidePeriod;
  }

  /** The replay of the token-paid windows against the plan's lots. */
  public LedgerReplay ledger() {
    LedgerReplay l = ledger.get();
    if (l == null) {
      // references as the object replay gave them: the outcome's index
      l = draws.toReplay(c -> Integer.toString(tokenWindow[c]));
      if (!ledger.compareAndSet(null, l)) {
        l = ledger.get();
      }
    }
    return l;
  }

  /**
   * Per lot id (lots of the same id merged), the tokens each user's windows drew from it, users in
   * id order: what {@link UserCosts} charges a lot's line by.
   */
  Map<String, Map<UserId, Long>> drawnByLotAndUser() {
    // one pass over the draws in their order (no index of them by lot: 4 bytes a draw): each run
    // of draws from one lot is summed per user and added to the lot's sums when the lot changes
    // (lots are mostly drawn one after the other, so runs are long)
    List<TokenLot> lots = draws.lots();
    long[] sum = new long[windows.userCount()];
    int[] touched = new int[windows.userCount()];
    Map<String, Map<UserId, Long>> out = new HashMap<>();
    for (TokenLot lot : lots) {
      out.computeIfAbsent(lot.id(), k -> new java.util.TreeMap<>());
    }
    int[] run = {-1, 0}; // the lot of the run, the users touched in it
    draws.forEachDraw(
        (charge, lot, tokens) -> {
          if (lot != run[0]) {
            if (run[0] >= 0) {
              addRun(out.get(lots.get(run[0]).id()), sum, touched, run[1]);
            }
            run[1] = 0;
            run[0] = lot;
          }
          int u = windows.userIndex(tokenWindow[charge]);
          if (sum[u] == 0) {
            touched[run[1]++] = u;
          }
          sum[u] += tokens;
        });
    if (run[0] >= 0) {
      addRun(out.get(lots.get(run[0]).id()), sum, touched, run[1]);
    }
    return out;
  }

  /** Adds a run's sums of the {@code t} users in {@code touched} to {@code byUser}, and clears them. */
  private void addRun(Map<UserId, Long> byUser, long[] sum, int[] touched, int t) {
    for (int x = 0; x < t; x++) {
      int u = touched[x];
      byUser.merge(windows.userAt(u), sum[u], Long::sum);
      sum[u] = 0;
    }
  }

}
