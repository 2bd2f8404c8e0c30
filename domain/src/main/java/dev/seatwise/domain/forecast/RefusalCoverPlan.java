package dev.seatwise.domain.forecast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The purchases that keep a burn paid when no simulated paths exist (a history without a whole
 * week: the forecast spreads the horizon's P90 evenly), bought as the lots would first refuse it.
 *
 * <p><b>Rule.</b> The demand (the history's own charges, then the burn ahead) is replayed through
 * the lots held ({@link TokenLedger}: burn order, hard stop). At the first charge on or after the
 * forecast date that the lots refuse, the cheapest pack cover ({@link PackPricing#cheapestCover})
 * of every token refused from that instant until the new lot expires ({@code validity} later) or
 * the horizon ends, whichever is first, is bought at that instant; the replay is run again with the
 * new lot, until nothing on or after the forecast date is refused. Each purchase makes at least one
 * more charge paid, so there are at most as many purchases as days in the horizon.
 *
 * <p><b>Waste</b> ({@link #waste}): the lots bought, replayed against a mean burn continued past
 * the horizon until the last of them expires: what is left of them at the horizon's end, and what
 * expires unused, with its cost ({@code tokens x unit price}, rounded once, half-even).
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public final class RefusalCoverPlan {
  /** The id prefix of the lots this plan buys: {@code plan-<n>-<pack size>}. */
  public static final String PLANNED = "plan-";

  /**
   * One purchase: the packs bought at {@code at} (on {@code day}) for the {@code shortfall} tokens
   * refused from then {@code until} a day (exclusive; the horizon's end when {@code toHorizon},
   * else the new lot's expiry), expiring on {@code expires}.
   */
  public record Purchase(
      Instant at,
      LocalDate day,
      PackPurchase packs,
      long shortfall,
      LocalDate expires,
      LocalDate until,
      boolean toHorizon) {
    public Purchase {
      checkNotNull(at, "at");
      checkNotNull(day, "day");
      checkNotNull(packs, "packs");
      checkNotNull(expires, "expires");
      checkNotNull(until, "until");
    }
  }

  /** Waste of the lots bought at a mean burn: tokens left at the horizon, expired unused, cost. */
  public record Waste(long surplusAtHorizon, long tokens, Money cost) {}

  private final List<Purchase> purchases;
  private final List<TokenLot> lots;
  private final ZoneId zone;

  private RefusalCoverPlan(List<Purchase> purchases, List<TokenLot> lots, ZoneId zone) {
    this.purchases = List.copyOf(purchases);
    this.lots = List.copyOf(lots);
    this.zone = zone;
  }

  /**
   * The purchases that pay {@code demand} (in time order) from the start of {@code asOf} (in
   * {@code zone}) to the start of {@code end}, after the lots {@code held}, at {@code pricing};
   * each lot bought lasts {@code validity}.
   */
  public static RefusalCoverPlan plan(
      List<TokenLot> held,
      List<TokenCharge> demand,
      PackPricing pricing,
      Period validity,
      LocalDate asOf,
      LocalDate end,
      ZoneId zone) {
    checkNotNull(held, "held");
    checkNotNull(demand, "demand");
    checkNotNull(pricing, "pricing");
    checkNotNull(validity, "validity");
    checkNotNull(zone, "zone");
    checkArgument(asOf.isBefore(end), "the horizon [%s, %s) is empty", asOf, end);
    long horizonDays = ChronoUnit.DAYS.between(asOf, end);
    Instant asOfStart = asOf.atStartOfDay(zone).toInstant();
    Instant endStart = end.atStartOfDay(zone).toInstant();
    List<TokenLot> lots = new ArrayList<>(held);
    List<Purchase> purchases = new ArrayList<>();
    for (int guard = 0; ; guard++) {
      LedgerReplay replay = TokenLedger.of(lots).replay(demand);
      Optional<TokenCharge> first =
          replay.refused().stream().filter(c -> !c.at().isBefore(asOfStart)).findFirst();
      if (first.isEmpty()) {
        break;
      }
      checkState(guard <= horizonDays, "purchase plan does not converge after %s purchases", guard);
      Instant at = first.get().at();
      Instant expires = at.atZone(zone).plus(validity).toInstant();
      Instant until = expires.isBefore(endStart) ? expires : endStart;
      long shortfall = 0;
      for (TokenCharge c : replay.refused()) {
        if (!c.at().isBefore(at) && c.at().isBefore(until)) {
          shortfall = Math.addExact(shortfall, c.tokens());
        }
      }
      PackPurchase buy = pricing.cheapestCover(Tokens.of(shortfall));
      for (Map.Entry<TokenPack, Long> e : buy.counts().entrySet()) {
        lots.add(
            new TokenLot(
                PLANNED + (purchases.size() + 1) + "-" + e.getKey().size(),
                at,
                Math.multiplyExact(e.getKey().size(), e.getValue()),
                e.getKey().unitPrice(),
                expires));
      }
      purchases.add(
          new Purchase(
              at,
              at.atZone(zone).toLocalDate(),
              buy,
              shortfall,
              expires.atZone(zone).toLocalDate(),
              until.atZone(zone).toLocalDate(),
              until.equals(endStart)));
    }
    return new RefusalCoverPlan(purchases, lots, zone);
  }

  /** The purchases, in time order. */
  public List<Purchase> purchases() {
    return purchases;
  }

  /** The lots held, then the lots bought (ids starting {@link #PLANNED}). */
  public List<TokenLot> lots() {
    return lots;
  }

  /** The day after the last lot bought expires (the start of {@code asOf} when none is bought). */
  public LocalDate lastExpiry(LocalDate asOf) {
    Instant last = asOf.atStartOfDay(zone).toInstant();
    for (TokenLot lot : lots) {
      if (lot.id().startsWith(PLANNED) && lot.expires().isAfter(last)) {
        last = lot.expires();
      }
    }
    return last.atZone(zone).toLocalDate();
  }

  /**
   * The lots bought, replayed with the lots held against {@code meanDemand} (the history's charges,
   * then a mean burn to {@link #lastExpiry}): tokens of theirs not drawn by {@code close} (the
   * horizon's end) and never drawn, with the cost of those, in {@code currency}.
   */
  public Waste waste(List<TokenCharge> meanDemand, Instant close, Currency currency) {
    LedgerReplay atMean = TokenLedger.of(lots).replay(meanDemand);
    long surplus = 0;
    long waste = 0;
    BigDecimal wasteCost = BigDecimal.ZERO;
    for (int i = 0; i < atMean.lots().size(); i++) {
      TokenLot lot = atMean.lots().get(i);
      if (!lot.id().startsWith(PLANNED)) {
        continue;
      }
      long drawnByHorizon = 0;
      long drawn = 0;
      for (LedgerReplay.Draw d : atMean.drawsFrom(i)) {
        drawn += d.tokens();
        if (!d.at().isAfter(close)) {
          drawnByHorizon += d.tokens();
        }
      }
      surplus += lot.size() - drawnByHorizon;
      waste += lot.size() - drawn;
      wasteCost = wasteCost.add(lot.unitPrice().exactCostOf(lot.size() - drawn));
    }
    return new Waste(surplus, waste, Money.rounded(wasteCost, currency, RoundingMode.HALF_EVEN));
  }
}
