package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.seatwise.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Pro-rating of annual prices to a period of {@code days}: {@code annual x days / daysPerYear},
 * rounded once, half-even, to the currency's scale. Immutable and thread-safe.
 */
public record Proration(long days, long daysPerYear) {
  public Proration {
    checkArgument(days >= 0, "days must be >= 0 but was %s", days);
    checkArgument(daysPerYear > 0, "days per year must be > 0 but was %s", daysPerYear);
  }

  public static Proration ofDays(long days) {
    return new Proration(days, 365);
  }

  public static final Proration FULL_YEAR = new Proration(365, 365);

  /** The pro-rated cost of one seat: the single rounding point of that cost line. */
  public Money apply(Money annual) {
    // divide straight to the currency's scale: one correctly rounded step (an intermediate
    // scale would round twice)
    return Money.of(
        annual
            .amount()
            .multiply(BigDecimal.valueOf(days))
            .divide(
                BigDecimal.valueOf(daysPerYear),
                annual.currency().getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN),
        annual.currency());
  }

  /** The pro-rated cost of {@code seats} seats, rounded once for the whole line. */
  public Money apply(Money annual, long seats) {
    return apply(annual.multipliedBy(seats));
  }
}
