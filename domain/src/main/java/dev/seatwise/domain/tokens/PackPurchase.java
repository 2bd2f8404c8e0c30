package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A multiset of packs bought to cover a demand: how many of each pack, the tokens they hold and
 * their exact cost. {@link #cost()} rounds once. Immutable and thread-safe; nothing is null.
 */
public record PackPurchase(Tokens demand, Map<TokenPack, Long> counts, Currency currency) {
  public PackPurchase {
    checkNotNull(demand, "demand");
    checkNotNull(currency, "currency");
    Map<TokenPack, Long> copy = new LinkedHashMap<>();
    for (Map.Entry<TokenPack, Long> e : checkNotNull(counts, "counts").entrySet()) {
      checkArgument(e.getValue() >= 0, "pack count must be >= 0 but was %s", e.getValue());
      if (e.getValue() > 0) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    counts = java.util.Collections.unmodifiableMap(copy);
  }

  public static PackPurchase none(Currency currency) {
    return new PackPurchase(Tokens.ZERO, Map.of(), currency);
  }

  /** Tokens bought: the sum of the pack sizes, never less than the demand. */
  public Tokens tokensBought() {
    long sum = 0;
    for (Map.Entry<TokenPack, Long> e : counts.entrySet()) {
      sum = Math.addExact(sum, Math.multiplyExact(e.getKey().size(), e.getValue()));
    }
    return new Tokens(sum);
  }

  /** Tokens bought but not needed by the demand. */
  public Tokens surplus() {
    return tokensBought().minus(demand);
  }

  public BigDecimal exactCost() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<TokenPack, Long> e : counts.entrySet()) {
      sum = sum.add(e.getKey().exactPrice().multiply(BigDecimal.valueOf(e.getValue())));
    }
    return sum;
  }

  /**
   * The packs and their cost as reports print them: {@code 1 x 100 + 5 x 500 = 7,050.00}, or
   * {@code no packs = 0.00}.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (pack, n) -> sb.append(sb.length() == 0 ? "" : " + ").append(n).append(" x ").append(pack.size()));
    return (sb.length() == 0 ? "no packs" : sb.toString()) + " = " + cost().grouped();
  }

  /** The cost rounded once (half-even) to the currency's scale. */
  public Money cost() {
    return Money.rounded(exactCost(), currency, RoundingMode.HALF_EVEN);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (p, n) -> {
          if (sb.length() > 0) {
            sb.append(" + ");
          }
          sb.append(n).append(" x ").append(p.size());
        });
    return (sb.length() == 0 ? "no packs" : sb.toString()) + " = " + cost();
  }
}
