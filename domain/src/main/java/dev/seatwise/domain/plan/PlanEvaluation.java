package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.SeatGap.Gap;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  private final Plan plan;
  private final PlanPeriod period;
  private final List<CostLine> lines;
  private final List<WindowOutcome> outcomes;
  private final List<UnusedTokens> unusedTokens;
  private final List<SeatGap> seatGaps;
  private final List<ExcessAssignee> excessAssignees;
  private final List<SeatMiss> seatMisses;
  private final List<OfferingSeatCount> offeringSeats;
  private final Map<String, List<UserId>> seatHolders;
  private final int windowsOutsidePeriod;
  private final LedgerReplay ledger;

  private PlanEvaluation(
      Plan plan,
      PlanPeriod period,
      List<CostLine> lines,
      List<WindowOutcome> outcomes,
      List<UnusedTokens> unusedTokens,
      List<SeatGap> seatGaps,
      List<ExcessAssignee> excessAssignees,
      List<SeatMiss> seatMisses,
      List<OfferingSeatCount> offeringSeats,
      Map<String, List<UserId>> seatHolders,
      int windowsOutsidePeriod,
      LedgerReplay ledger) {
    this.plan = plan;
    this.period = period;
    this.lines = List.copyOf(lines);
    this.outcomes = List.copyOf(outcomes);
    this.unusedTokens = List.copyOf(unusedTokens);
    this.seatGaps = List.copyOf(seatGaps);
    this.excessAssignees = List.copyOf(excessAssignees);
    this.seatMisses = List.copyOf(seatMisses);
    this.offeringSeats = List.copyOf(offeringSeats);
    this.seatHolders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seatHolders));
    this.windowsOutsidePeriod = windowsOutsidePeriod;
    this.ledger = ledger;
  }

  /**
   * Evaluates {@code plan} against the access windows {@code windows} (any order; e.g. a Flex
   * meter's charges under no coverage) over {@code period}, with rates, bundles and prices from
   * {@code catalogs} (the version in force on each day; before the first version, the first).
   *
   * @throws dev.seatwise.domain.money.CurrencyMismatchException when the catalog's currency is not
   *     the plan's (never, for plans priced from that catalog)
   */
  public static PlanEvaluation of(
      Plan plan, List<Charge> windows, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(plan, "plan");
    checkNotNull(windows, "windows");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");

    List<Charge> inPeriod = new ArrayList<>();
    int outside = 0;
    Instant periodStart = period.start();
    Instant periodEnd = period.end();
    for (Charge c : windows) {
      if (!c.start().isBefore(periodStart) && c.start().isBefore(periodEnd)) {
        inPeriod.add(c);
      } else {
        outside++;
      }
    }
    // by start, then user, then product (one comparator call, no key extractors)
    inPeriod.sort(
        (a, b) -> {
          int c = a.start().compareTo(b.start());
          if (c != 0) {
            return c;
          }
          c = a.user().compareTo(b.user());
          return c != 0 ? c : a.product().compareTo(b.product());
        });

    List<OfferingSeats> offerings = OfferingSeats.of(plan);
    boolean[][] used = new boolean[plan.seats().size()][];
    for (OfferingSeats o : offerings) {
      for (int k = 0; k < o.holdings().size(); k++) {
        used[o.planIndex(k)] = new boolean[o.trackedSeats(k)];
      }
    }

    // coverage: seats, network, then tokens. What is constant for a day (its catalog version, each
    // offering's seating) and for a (day, product) (its rate, the offerings that include it, the
    // network holding covering it) is worked out once and kept while the windows stay on that day.
    record DayProduct(int rateKind, long rate, int[] offeringsOf, String network) {}
    final int noRate = 0;
    final int fixedRate = 1;
    final int ownTokens = 2;
    WindowOutcome[] result = new WindowOutcome[inPeriod.size()];
    SeatMiss.Reason[] missed = new SeatMiss.Reason[inPeriod.size()];
    ProductId[] missedOffering = new ProductId[inPeriod.size()];
    LocalDate[] missedDate = new LocalDate[inPeriod.size()];
    List<TokenCharge> tokenCharges = new ArrayList<>();
    int[] tokenIndex = new int[inPeriod.size()];
    int tokenCount = 0;
    DaySpan daySpan = null;
    LocalDate today = null;
    Catalog version = null;
    Map<ProductId, DayProduct> byProduct = new HashMap<>();
    OfferingSeats.Seating[] seatingToday = new OfferingSeats.Seating[offerings.size()];
    for (int i = 0; i < inPeriod.size(); i++) {
      Charge w = inPeriod.get(i);
      daySpan = DaySpan.at(daySpan, period, w.start());
      LocalDate d = daySpan.day();
      if (!d.equals(today)) {
        today = d;
        version = SeatHolding.versionOn(catalogs, today);
        byProduct.clear();
        java.util.Arrays.fill(seatingToday, null);
      }
      DayProduct dp = byProduct.get(w.product());
      if (dp == null) {
        // as rate(version, w): the product's rate, else a collection on Flex's own tokens
        int kind = noRate;
        long r = 0;
        Optional<Product> product = version.product(w.product());
        if (product.isPresent()) {
          Optional<Long> tr = product.get().tokenRate();
          if (tr.isPresent()) {
            kind = fixedRate;
            r = tr.get();
          }
        } else if (version.bundle(w.product()).isPresent() && version.isOnFlex(w.product())) {
          kind = ownTokens;
        }
        int[] of = new int[offerings.size()];
        int n = 0;
        for (int k = 0; k < offerings.size(); k++) {
          if (offers(version, offerings.get(k).offering(), w.product())) {
            of[n++] = k;
          }
        }
        String net = null;
        for (NetworkHolding h : plan.network()) {
          if (h.isActiveOn(today) && h.product().equals(w.product())) {
            net = h.id();
            break;
          }
        }
        dp = new DayProduct(kind, r, java.util.Arrays.copyOf(of, n), net);
        byProduct.put(w.product(), dp);
      }
      boolean hasRate = dp.rateKind() != noRate;
      long tokens = dp.rateKind() == fixedRate ? dp.rate() : dp.rateKind() == ownTokens ? w.tokens() : 0L;
      String seat = null;
      for (int k : dp.offeringsOf()) {
        OfferingSeats.Seating seating = seatingToday[k];
        if (seating == null) {
          seating = offerings.get(k).on(today);
          seatingToday[k] = seating;
        }
        int[] at = seating.seated().get(w.user());
        if (at != null) {
          used[at[0]][at[1]] = true;
          seat = plan.seats().get(at[0]).id();
          break;
        }
      }
      if (seat != null) {
        result[i] = new WindowOutcome(w, tokens, Outcome.SEAT, seat);
        continue;
      }
      missed[i] = SeatMiss.Reason.NOT_ASSIGNED;
      missedOffering[i] = w.product();
      missedDate[i] = today;
      for (int k : dp.offeringsOf()) {
        OfferingSeats o = offerings.get(k);
        if (!o.isAssigned(w.user(), today)) {
          continue;
        }
        missedOffering[i] = o.offering();
        if (o.isActiveOn(today)) {
          missed[i] = SeatMiss.Reason.UNSEATED;
        } else {
          Optional<LocalDate> next = o.nextStart(today);
          missed[i] = next.isPresent() ? SeatMiss.Reason.BEFORE_START : SeatMiss.Reason.AFTER_END;
          missedDate[i] = next.orElse(o.lastEnd());
        }
        break;
      }
      String network = dp.network();
      if (network != null) {
        result[i] = new WindowOutcome(w, tokens, Outcome.NETWORK, network);
      } else if (!hasRate) {
        result[i] = new WindowOutcome(w, 0, Outcome.UNCOVERED_NOT_ON_FLEX, "");
      } else {
        tokenCharges.add(new TokenCharge(w.start(), tokens, Integer.toString(i)));
        tokenIndex[tokenCount++] = i;
      }
    }
    LedgerReplay replay = TokenLedger.of(plan.lots()).replay(tokenCharges);
    for (TokenCharge refused : replay.refused()) {
      int i = Integer.parseInt(refused.reference());
      result[i] =
          new WindowOutcome(
              inPeriod.get(i), refused.tokens(), Outcome.UNCOVERED_NO_BALANCE, "");
    }
    for (int k = 0; k < tokenCount; k++) {
      int i = tokenIndex[k];
      if (result[i] == null) {
        result[i] =
            new WindowOutcome(inPeriod.get(i), tokenCharges.get(k).tokens(), Outcome.TOKENS, "");
      }
    }

    // unused tokens
    List<UnusedTokens> unused = new ArrayList<>();
    for (int i = 0; i < replay.lots().size(); i++) {
      TokenLot lot = replay.lots().get(i);
      long drawn = 0;
      for (LedgerReplay.Draw d : replay.drawsFrom(i)) {
        drawn += d.tokens();
      }
      if (lot.size() > drawn) {
        unused.add(
            new UnusedTokens(
                lot.id(), lot.expires(), lot.size() - drawn, !lot.expires().isAfter(period.end())));
      }
    }

    // who sat where, day by day: unassigned and idle seats, unseated assignees
    List<SeatGap> gaps = new ArrayList<>();
    List<ExcessAssignee> excess = new ArrayList<>();
    List<OfferingSeatCount> counts = new ArrayList<>();
    Map<String, List<UserId>> holders = new LinkedHashMap<>();
    for (OfferingSeats o : offerings) {
      long mostSeats = 0;
      boolean ran = false;
      Set<UserId> assigned = new HashSet<>();
      List<List<Set<UserId>>> occupants = new ArrayList<>();
      for (int k = 0; k < o.holdings().size(); k++) {
        List<Set<UserId>> perSeat = new ArrayList<>();
        for (int s = 0; s < o.trackedSeats(k); s++) {
          perSeat.add(new LinkedHashSet<>());
        }
        occupants.add(perSeat);
      }
      Map<Integer, Integer> kOf = new HashMap<>();
      for (int k = 0; k < o.holdings().size(); k++) {
        kOf.put(o.planIndex(k), k);
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
          assigned.addAll(seating.seated().keySet());
          assigned.addAll(seating.unseated());
          for (Map.Entry<UserId, int[]> e : seating.seated().entrySet()) {
            occupants.get(kOf.get(e.getValue()[0])).get(e.getValue()[1]).add(e.getKey());
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
        counts.add(new OfferingSeatCount(o.offering(), mostSeats, assigned.size()));
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

    List<CostLine> lines = new ArrayList<>();
    for (SeatHolding h : plan.seats()) {
      seatLine(h, period).ifPresent(lines::add);
    }
    for (NetworkHolding n : plan.network()) {
      networkLine(n, period).ifPresent(lines::add);
    }
    for (TokenLot lot : plan.lots()) {
      lines.add(lotLine(lot, period));
    }
    List<SeatMiss> misses = new ArrayList<>();
    for (int i = 0; i < result.length; i++) {
      if (missed[i] != null) {
        misses.add(new SeatMiss(result[i], missed[i], missedOffering[i], missedDate[i]));
      }
    }
    return new PlanEvaluation(
        plan, period, lines, List.of(result), unused, gaps, excess, misses, counts, holders, outside, replay);
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
    Money whole = h.pricePerSeat().multipliedBy(h.seats());
    boolean proRata = inPeriod < termDays;
    Money amount =
        proRata
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

  /** Every window that opened within the period, in time order, with how it was met. */
  public List<WindowOutcome> outcomes() {
    return outcomes;
  }

  /** The windows the plan did not cover. */
  public List<WindowOutcome> uncovered() {
    List<WindowOutcome> out = new ArrayList<>();
    for (WindowOutcome o : outcomes) {
      if (!o.isCovered()) {
        out.add(o);
      }
    }
    return out;
  }

  /** Tokens drawn from lots by the period's windows. */
  public long tokensDrawn() {
    long sum = 0;
    for (WindowOutcome o : outcomes) {
      if (o.outcome() == Outcome.TOKENS) {
        sum = Math.addExact(sum, o.tokens());
      }
    }
    return sum;
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
    return seatMisses;
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
    return ledger;
  }
}
