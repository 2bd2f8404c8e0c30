package dev.seatwise.adapter.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an amount option ({@code trade-in --named-price}, {@code --maintenance}): a plain decimal
 * from 0 to 100,000,000, the range a catalog's prices have, else wrong usage (exit 2) saying so.
 * {@code --maintenance 1e999999999} was an internal error (exit 3: BigInteger overflow), and {@code
 * abc} was reported with Java class names.
 */
public final class AmountConverter implements ITypeConverter<BigDecimal> {
  /** The largest amount an option may give (a catalog's prices have the same bound). */
  static final BigDecimal MAX = new BigDecimal("100000000");

  @Override
  public BigDecimal convert(String value) {
    String s = value.strip();
    if (!s.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
      throw new TypeConversionException(
          "'" + Text.fit(value, 200) + "' is not an amount (write it plainly: 1800 or 1800.50)");
    }
    BigDecimal amount = new BigDecimal(s);
    if (amount.abs().compareTo(MAX) > 0) {
      throw new TypeConversionException(
          "'" + Text.fit(value, 200) + "' is not a plausible amount (at most "
              + MAX.toPlainString() + ")");
    }
    return amount;
  }
}
