package dev.seatwise.domain.money;

import static dev.seatwise.domain.testkit.LicensingFixtures.EUR;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.eur;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amountsAddExactly() {
    assertThat(usd("12.34").plus(usd("0.66"))).isEqualTo(usd("13.00"));
    assertThat(usd("0.10").multipliedBy(3)).isEqualTo(usd("0.30"));
  }

  @Test
  void oneAndAHalfDollarsEqualsOneFifty() {
    assertThat(usd("1.5")).isEqualTo(usd("1.50"));
    assertThat(usd("1.5").amount()).isEqualByComparingTo("1.50");
    assertThat(usd("1.5").amount().scale()).isEqualTo(2);
    assertThat(usd("1.5")).hasToString("USD 1.50");
  }

  @Test
  void yenHaveNoDecimals() {
    assertThat(Money.of("1500", "JPY").amount().scale()).isZero();
    assertThatThrownBy(() -> Money.of("1500.5", "JPY"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addingDifferentCurrenciesIsRejectedNamingBoth() {
    assertThatThrownBy(() -> usd("1.00").plus(eur("1.00")))
        .isInstanceOfSatisfying(
            CurrencyMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(USD);
              assertThat(e.actual()).isEqualTo(EUR);
              assertThat(e).hasMessageContaining("USD").hasMessageContaining("EUR");
            });
  }

  @Test
  void roundingHappensOnceHalfEven() {
    assertThat(Money.rounded(new BigDecimal("2.345"), USD, RoundingMode.HALF_EVEN))
        .isEqualTo(usd("2.34"));
    assertThat(Money.rounded(new BigDecimal("2.355"), USD, RoundingMode.HALF_EVEN))
        .isEqualTo(usd("2.36"));
    assertThat(Money.rounded(new BigDecimal("2.3450001"), USD, RoundingMode.HALF_EVEN))
        .isEqualTo(usd("2.35"));
  }

  @Test
  void aSubCentUnitPriceIsRoundedOnlyAtTheEndOfTheCostLine() {
    UnitPrice perToken = UnitPrice.of("2.695", "USD");
    // 3 x 2.695 = 8.085 -> 8.08 (half-even); rounding the price first would give 3 x 2.70 = 8.10
    assertThat(perToken.costOf(3, RoundingMode.HALF_EVEN)).isEqualTo(usd("8.08"));
    assertThat(perToken.exactCostOf(3)).isEqualByComparingTo("8.085");
  }

  @Test
  void unitPricesAreNormalisedAndNeverNegative() {
    assertThat(UnitPrice.of("2.50", "USD")).isEqualTo(UnitPrice.of("2.5", "USD"));
    assertThat(UnitPrice.of("0.000", "USD")).isEqualTo(UnitPrice.of("0", "USD"));
    assertThatThrownBy(() -> UnitPrice.of("-0.01", "USD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitPrice.of("1", "USD").compareTo(UnitPrice.of("1", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class);
  }
}
