package dev.seatwise.application.service;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.PackPurchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How figures are written in reasons: money with thousands separators, unit prices to the cent. */
final class Figures {
  private Figures() {}

  /** {@code 2030} in USD: {@code 2,030.00}. */
  static String money(Money m) {
    return m.grouped();
  }

  /** {@code 2.7} USD per token: {@code 2.70}; {@code 2.695}: {@code 2.695}. */
  static String price(UnitPrice p) {
    BigDecimal v = p.perUnit();
    int digits = Math.max(p.currency().getDefaultFractionDigits(), Math.max(0, v.scale()));
    return String.format(Locale.ROOT, "%,." + digits + "f", v);
  }

  static String tokens(long t) {
    return String.format(Locale.ROOT, "%,d", t);
  }

  /** {@code numerator / denominator} to {@code digits} decimals, half-even. */
  static BigDecimal ratio(long numerator, long denominator, int digits) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), digits, RoundingMode.HALF_EVEN);
  }

  /** {@code 1 x 100 + 5 x 500 = 7,050.00}, or {@code no packs = 0.00}. */
  static String packs(PackPurchase purchase) {
    return purchase.summary();
  }
}
