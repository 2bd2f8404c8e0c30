package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.CurrencyMismatchException;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The break-even of a product: the number of access windows (window-days) per year at which Flex,
 * at {@code tokenPrice} per token, costs what a named subscription costs. Immutable and thread-safe.
 */
public record BreakEven(Money namedAnnual, long tokensPerWindow, UnitPrice tokenPrice) {
  public BreakEven {
    checkNotNull(namedAnnual, "namedAnnual");
    checkNotNull(tokenPrice, "tokenPrice");
    checkArgument(tokensPerWindow >= 0, "rate must be >= 0");
    if (!namedAnnual.currency().equals(tokenPrice.currency())) {
      throw new CurrencyMismatchException(namedAnnual.currency(), tokenPrice.currency());
    }
  }

  /** Flex cost of one window. */
  public BigDecimal costPerWindow() {
    return tokenPrice.exactCostOf(tokensPerWindow);
  }

  /** Exact window-days per year at which both cost the same (to 4 decimals); zero rate: none. */
  public java.util.Optional<BigDecimal> windowsPerYear() {
    BigDecimal perWindow = costPerWindow();
    if (perWindow.signum() == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        namedAnnual.amount().divide(perWindow, 4, RoundingMode.HALF_EVEN));
  }

  /** The fewest windows per year from which named is no dearer than Flex. */
  public java.util.OptionalLong namedPaysFrom() {
    BigDecimal perWindow = costPerWindow();
    if (perWindow.signum() == 0) {
      return java.util.OptionalLong.empty();
    }
    return java.util.OptionalLong.of(
        namedAnnual.amount().divide(perWindow, 0, RoundingMode.CEILING).longValueExact());
  }

  /**
   * For a pool vendor (cost driven by the peak of tokens held): the tokens of pool need a named seat
   * must free to pay for itself, {@code namedAnnual / tokenPrice} (to 4 decimals); empty for a
   * price of zero. This is the break-even in the pool's own unit, not in windows.
   */
  public java.util.Optional<BigDecimal> poolTokensFreed() {
    if (tokenPrice.perUnit().signum() == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(namedAnnual.amount().divide(tokenPrice.perUnit(), 4, RoundingMode.HALF_EVEN));
  }

  /** The fewest whole pool tokens freed from which a named seat is no dearer. */
  public java.util.OptionalLong namedPaysFromPoolTokens() {
    if (tokenPrice.perUnit().signum() == 0) {
      return java.util.OptionalLong.empty();
    }
    return java.util.OptionalLong.of(
        namedAnnual.amount().divide(tokenPrice.perUnit(), 0, RoundingMode.CEILING).longValueExact());
  }
}
