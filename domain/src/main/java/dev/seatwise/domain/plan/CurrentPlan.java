package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Today's plan ({@link HeldPlan}) evaluated against the period's Flex windows by the one engine,
 * {@link PlanEvaluation}, plus what it leaves uncovered, bought.
 *
 * <p><b>The shortfall.</b> The windows no seat covers and the lots cannot pay (hard stop) are the
 * shortfall. It is priced as the cheapest {@link TokenPurchaseSchedule} for exactly those windows:
 * lots expire ({@code tokenExpiry} after purchase), so use spread over more than one validity needs
 * several purchases, and a pack costs the price in force on its purchase day; within one validity
 * and one price version the schedule is the single cheapest cover of the shortfall. Only when no
 * schedule can be computed (more than {@link TokenPurchaseSchedule#MAX_TOKENS} tokens, or a version
 * in force that sells no packs) is the shortfall bought at once on its first day, as the cheapest
 * cover of the version in force then ({@link #scheduled()} is false); when even that version sells
 * no packs it is left unpriced ({@link #purchases()} empty, {@link #shortfallTokens()} positive).
 * Windows of a product not on Flex are uncovered at no token cost.
 *
 * <p><b>Why no seat.</b> {@link #seatMisses()} are the evaluation's, with {@link
 * SeatMiss.Reason#NO_SUBSCRIPTION} for a user the Users export assigns an offering that no
 * subscription holds.
 *
 * <p>The total is the evaluation's lines plus the purchases, each rounded once. Immutable and
 * thread-safe; nothing is null.
 */
public final class CurrentPlan {
  private final HeldPlan held;
  private final PlanEvaluation evaluation;
  private final List<SeatMiss> seatMisses;
  private final Map<WindowOutcome, SeatMiss> missOf;
  private final long shortfallTokens;
  private final List<ScheduledPurchase> purchases;
  private final boolean scheduled;

  private CurrentPlan(
      HeldPlan held,
      PlanEvaluation evaluation,
      List<SeatMiss> seatMisses,
      long shortfallTokens,
      List<ScheduledPurchase> purchases,
      boolean scheduled) {
    this.held = held;
    this.evaluation = evaluation;
    this.seatMisses = List.copyOf(seatMisses);
    Map<WindowOutcome, SeatMiss> by = new HashMap<>();
    for (SeatMiss m : this.seatMisses) {
      by.put(m.window(), m);
    }
    this.missOf = by;
    this.shortfallTokens = shortfallTokens;
    this.purchases = List.copyOf(purchases);
    this.scheduled = scheduled;
  }

  /**
   * Evaluates {@code held} against {@code windows} (the Flex access windows, as a meter charges
   * them under no coverage) over its period, with rates, bundles and prices from {@code catalogs}.
   */
  public static CurrentPlan evaluate(HeldPlan held, List<Charge> windows, CatalogHistory catalogs) {
    checkNotNull(windows, "windows");
    return evaluate(held, WindowTable.of(windows), catalogs);
  }

  /** The same over windows by column. */
  public static CurrentPlan evaluate(HeldPlan held, WindowTable windows, CatalogHistory catalogs) {
    checkNotNull(held, "held");
    checkNotNull(windows, "windows");
    checkNotNull(catalogs, "catalogs");
    PlanPeriod period = held.period();
    PlanEvaluation e = PlanEvaluation.of(held.plan(), windows, period, catalogs);
    List<SeatMiss> misses = SeatCover.seatMisses(held, e.seatMisses(), catalogs);
    List<TokenCharge> shortfall = new ArrayList<>();
    long tokens = 0;
    LocalDate first = null;
    for (int i = 0; i < e.windows().size(); i++) {
      if (e.outcome(i) == Outcome.UNCOVERED_NO_BALANCE && e.tokens(i) > 0) {
        Instant start = e.windows().start(i);
        shortfall.add(new TokenCharge(start, e.tokens(i), ""));
        tokens = Math.addExact(tokens, e.tokens(i));
        LocalDate day = period.dayOf(start);
        first = first == null || day.isBefore(first) ? day : first;
      }
    }
    if (shortfall.isEmpty()) {
      return new CurrentPlan(held, e, misses, 0, List.of(), true);
    }
    Period validity = SeatHolding.versionOn(catalogs, period.from()).tokenExpiry();
    try {
      TokenPurchaseSchedule schedule =
          TokenPurchaseSchedule.cheapest(shortfall, catalogs, period.zone(), validity, LocalDate.MIN);
      return new CurrentPlan(held, e, misses, tokens, schedule.purchases(), true);
    } catch (IllegalArgumentException | ArithmeticException tooBig) {
      Catalog atFirst = SeatHolding.versionOn(catalogs, first);
      Optional<PackPricing> packs = atFirst.packPricing();
      List<ScheduledPurchase> once = new ArrayList<>();
      if (packs.isPresent()) {
        PackPurchase cover = packs.get().cheapestCover(Tokens.of(tokens));
        once.add(new ScheduledPurchase(first, first.plus(atFirst.tokenExpiry()), cover));
      }
      return new CurrentPlan(held, e, misses, tokens, once, false);
    }
  }

  public HeldPlan held() {
    return held;
  }

  public PlanEvaluation evaluation() {
    return evaluation;
  }

  /** Why no seat covered each window not met by a seat, in time order. */
  public List<SeatMiss> seatMisses() {
    return seatMisses;
  }

  /** Why no seat covered {@code window} (one of the evaluation's outcomes); empty when one did. */
  public Optional<SeatMiss> seatMiss(WindowOutcome window) {
    return Optional.ofNullable(missOf.get(window));
  }

  /** Tokens of the windows neither a seat nor a lot covered (the shortfall). */
  public long shortfallTokens() {
    return shortfallTokens;
  }

  /** What is bought for the shortfall, by day. */
  public List<ScheduledPurchase> purchases() {
    return purchases;
  }

  /**
   * Whether the purchases are the exact cheapest schedule (otherwise the shortfall is bought at
   * once, or left unpriced when no pack is sold; see the class comment).
   */
  public boolean scheduled() {
    return scheduled;
  }

  /** The purchases' cost, each rounded once. */
  public Money purchasesCost() {
    Money sum = Money.zero(held.plan().currency());
    for (ScheduledPurchase p : purchases) {
      sum = sum.plus(p.cost());
    }
    return sum;
  }

  /** The evaluation's lines plus the purchases. */
  public Money total() {
    return evaluation.total().plus(purchasesCost());
  }
}
