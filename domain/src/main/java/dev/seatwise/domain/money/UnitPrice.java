package dev.seatwise.domain.money;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * A price per unit (token, seat, day) at any scale, e.g. 2.695 USD per token. Multiplying is exact;
 * {@link #costOf(long, RoundingMode)} is the single rounding point of a cost line. Immutable and
 * thread-safe; nothing is null.
 */
public record UnitPrice(BigDecimal perUnit, Currency currency) implements Comparable<UnitPrice> {

  public UnitPrice {
    checkNotNull(perUnit, "perUnit");
    checkNotNull(currency, "currency");
    checkArgument(perUnit.signum() >= 0, "unit price must be >= 0 but was %s", perUnit);
    perUnit = perUnit.signum() == 0 ? BigDecimal.ZERO : perUnit.stripTrailingZeros();
  }

  public static UnitPrice of(String perUnit, String currencyCode) {
    return new UnitPrice(new BigDecimal(perUnit), Currency.getInstance(currencyCode));
  }

  /** The exact, unrounded cost of {@code units}. */
  public BigDecimal exactCostOf(long units) {
    checkArgument(units >= 0, "units must be >= 0 but was %s", units);
    return perUnit.multiply(BigDecimal.valueOf(units));
  }

  /** The cost of {@code units}, rounded once to the currency's scale. */
  public Money costOf(long units, RoundingMode rounding) {
    return Money.rounded(exactCostOf(units), currency, rounding);
  }

  public UnitPrice multipliedBy(BigDecimal factor) {
    return new UnitPrice(perUnit.multiply(factor), currency);
  }

  @Override
  public int compareTo(UnitPrice o) {
    if (!currency.equals(o.currency)) {
      throw new CurrencyMismatchException(currency, o.currency);
    }
    return perUnit.compareTo(o.perUnit);
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + perUnit.toPlainString() + "/unit";
  }
}
