package dev.seatwise.adapter.json;

import java.math.BigDecimal;

/**
 * How the contract writes an amount of money: at two decimals when that is exact, else unrounded
 * (a three-decimal currency); the contract never rounds money silently. Apart from the mapper's
 * configuration ({@link JsonMapperFactory}), so that the writers that only need this rule (text,
 * CSV, {@link ContractJson}) do not load Jackson's object mapper with it.
 */
public final class Amounts {
  private Amounts() {}

  /** {@code value} with scale 2 when that is exact; otherwise unchanged. */
  public static BigDecimal atTwoDecimals(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= 2 ? stripped.setScale(2) : stripped;
  }
}
