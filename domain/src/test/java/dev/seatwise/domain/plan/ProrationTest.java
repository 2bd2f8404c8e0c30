package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProrationTest {

  @Test
  void aHundredDaysOfAutocad() {
    // 2030.00 x 100 / 365 = 556.1643... -> 556.16
    assertThat(Proration.ofDays(100).apply(usd("2030.00"))).isEqualTo(usd("556.16"));
  }

  @Test
  void exactHalvesRoundToEven() {
    // 0.09 x 180 / 360 = 0.045 -> 0.04; 0.03 x 180 / 360 = 0.015 -> 0.02
    assertThat(new Proration(180, 360).apply(usd("0.09"))).isEqualTo(usd("0.04"));
    assertThat(new Proration(180, 360).apply(usd("0.03"))).isEqualTo(usd("0.02"));
  }

  @Test
  void aValueJustAboveHalfACentRoundsUpEvenWhenTheRatioIsTiny() {
    // 0.01 x 10,000,000,001 / 20,000,000,001 = 0.0050000000002499... -> 0.01
    assertThat(new Proration(10_000_000_001L, 20_000_000_001L).apply(usd("0.01")))
        .isEqualTo(usd("0.01"));
  }

  @Test
  void aLineOfSeatsIsRoundedOnceForTheWholeLine() {
    // 10 x 2030.00 x 91 / 365 = 5061.0958... -> 5061.10
    assertThat(Proration.ofDays(91).apply(usd("2030.00"), 10)).isEqualTo(usd("5061.10"));
    // 10 x 0.07 x 5 / 365 = 0.00958... -> 0.01, where rounding per seat would give 10 x 0.00
    assertThat(Proration.ofDays(5).apply(usd("0.07"), 10)).isEqualTo(usd("0.01"));
  }

  @Test
  void negativeDaysAndEmptyYearsAreRejected() {
    assertThatThrownBy(() -> Proration.ofDays(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Proration(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
