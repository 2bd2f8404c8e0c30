package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * What to vary: the comparison to run ({@code compare}: period, pins, exclusions, cap, network
 * seats), and the percentage changes to apply, one at a time, to the token price ({@code
 * tokenPriceChanges}, e.g. {@code -10} for 10 % cheaper tokens), to the named prices ({@code
 * namedPriceChanges}) and to the usage ({@code usageChanges}). Each change must lie in {@code
 * (-100, 1000]}. Immutable and thread-safe; no component is null.
 */
public record AnalyzeSensitivityQuery(
    CompareScenariosQuery compare,
    List<BigDecimal> tokenPriceChanges,
    List<BigDecimal> namedPriceChanges,
    List<BigDecimal> usageChanges) {
  /** The changes {@link #of(PeriodSpec)} applies to each dimension: -20, -10, +10, +20 %. */
  public static final List<BigDecimal> DEFAULT_CHANGES =
      List.of(BigDecimal.valueOf(-20), BigDecimal.valueOf(-10), BigDecimal.TEN, BigDecimal.valueOf(20));

  private static final BigDecimal MIN = BigDecimal.valueOf(-100);
  private static final BigDecimal MAX = BigDecimal.valueOf(1000);

  public AnalyzeSensitivityQuery {
    checkNotNull(compare, "compare");
    tokenPriceChanges = checked(tokenPriceChanges, "token price");
    namedPriceChanges = checked(namedPriceChanges, "named price");
    usageChanges = checked(usageChanges, "usage");
  }

  private static List<BigDecimal> checked(List<BigDecimal> changes, String what) {
    List<BigDecimal> copy = List.copyOf(checkNotNull(changes, what));
    for (BigDecimal p : copy) {
      checkArgument(
          p.compareTo(MIN) > 0 && p.compareTo(MAX) <= 0,
          "%s change must be in (-100, 1000] % but was %s", // Guava: only %s is substituted
          what,
          p);
    }
    return copy;
  }

  /** The default changes on every dimension, for the comparison over {@code period}. */
  public static AnalyzeSensitivityQuery of(PeriodSpec period) {
    return new AnalyzeSensitivityQuery(
        CompareScenariosQuery.of(period), DEFAULT_CHANGES, DEFAULT_CHANGES, DEFAULT_CHANGES);
  }
}
