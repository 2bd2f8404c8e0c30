package dev.seatwise.domain.money;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in one currency at exactly that currency's scale, so {@code equals} is numeric
 * equality. Exact operations ({@link #plus}, {@link #minus}, {@link #multipliedBy(long)}) never
 * round; lossy ones take a {@link RoundingMode}. Immutable and thread-safe; no argument may be null
 * and nothing returned is null.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    checkNotNull(amount, "amount");
    checkNotNull(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    checkArgument(digits >= 0, "currency %s has no decimal scale", currency);
    BigDecimal stripped = amount.stripTrailingZeros();
    checkArgument(
        Math.max(stripped.scale(), 0) <= digits,
        "%s has more decimals than %s allows (%s)",
        amount,
        currency,
        digits);
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /** Rounds an exact amount once, to the currency's scale. */
  public static Money rounded(BigDecimal exact, Currency currency, RoundingMode rounding) {
    return new Money(exact.setScale(currency.getDefaultFractionDigits(), rounding), currency);
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** The sum of {@code amounts}; zero for none. Never null. */
  public static Money total(Currency currency, Iterable<Money> amounts) {
    Money sum = zero(currency);
    for (Money m : amounts) {
      sum = sum.plus(m);
    }
    return sum;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money multipliedBy(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
    return rounded(amount.multiply(factor), currency, rounding);
  }

  public Money negated() {
    return new Money(amount.negate(), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    checkNotNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  /**
   * The amount as reports print it: thousands grouped, the currency's decimals ({@code 2030} in
   * USD: {@code 2,030.00}); locale-independent.
   */
  public String grouped() {
    return String.format(
        java.util.Locale.ROOT, "%,." + currency.getDefaultFractionDigits() + "f", amount);
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
