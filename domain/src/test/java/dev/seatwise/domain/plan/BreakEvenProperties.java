package dev.seatwise.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class BreakEvenProperties {
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void namedPaysFromTheFirstWindowCountAtWhichFlexCostsAtLeastTheAnnualPrice() {
    qt().forAll(
            longs().between(0, 1_000_000_000L),
            integers().between(1, 50),
            integers().between(1, 5_000))
        .checkAssert(
            (annualCents, rate, priceMillis) -> {
              Money annual = new Money(BigDecimal.valueOf(annualCents, 2), USD);
              UnitPrice perToken = new UnitPrice(BigDecimal.valueOf(priceMillis, 3), USD);
              BreakEven breakEven = new BreakEven(annual, rate, perToken);
              BigDecimal perWindow = perToken.exactCostOf(rate);
              long n = breakEven.namedPaysFrom().getAsLong();
              assertThat(perWindow.multiply(BigDecimal.valueOf(n)))
                  .isGreaterThanOrEqualTo(annual.amount());
              if (n > 0) {
                assertThat(perWindow.multiply(BigDecimal.valueOf(n - 1)))
                    .isLessThan(annual.amount());
              }
            });
  }
}
