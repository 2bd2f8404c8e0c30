package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD_NAMED_ANNUAL;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD_TOKENS_PER_WINDOW;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static dev.seatwise.domain.testkit.LicensingFixtures.usdPerUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.money.CurrencyMismatchException;
import dev.seatwise.domain.money.UnitPrice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BreakEvenTest {

  @Test
  void autocadBreaksEvenAtNinetySixPointSevenWindowsAndNamedPaysFromNinetySeven() {
    // 2030 / (7 x 3.00) = 2030 / 21 = 96.666... -> 96.6667; 96 windows cost 2016 < 2030, 97 cost
    // 2037
    BreakEven breakEven =
        new BreakEven(usd(AUTOCAD_NAMED_ANNUAL), AUTOCAD_TOKENS_PER_WINDOW, usdPerUnit("3.00"));

    assertThat(breakEven.costPerWindow()).isEqualByComparingTo("21.00");
    assertThat(breakEven.windowsPerYear()).contains(new BigDecimal("96.6667"));
    assertThat(breakEven.namedPaysFrom()).hasValue(97);
  }

  @Test
  void whenTheDivisionIsExactNamedPaysFromThatWindowOn() {
    // 2100 / 21 = 100: at 100 windows both cost the same, so named is no dearer
    BreakEven breakEven = new BreakEven(usd("2100.00"), 7, usdPerUnit("3.00"));

    assertThat(breakEven.windowsPerYear()).contains(new BigDecimal("100.0000"));
    assertThat(breakEven.namedPaysFrom()).hasValue(100);
  }

  @Test
  void aZeroRateHasNoBreakEven() {
    BreakEven free = new BreakEven(usd("2030.00"), 0, usdPerUnit("3.00"));

    assertThat(free.windowsPerYear()).isEmpty();
    assertThat(free.namedPaysFrom()).isEmpty();
  }

  @Test
  void aNamedPriceAndATokenPriceInDifferentCurrenciesAreRejected() {
    assertThatThrownBy(() -> new BreakEven(usd("2030.00"), 7, UnitPrice.of("3.00", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class);
  }
}
