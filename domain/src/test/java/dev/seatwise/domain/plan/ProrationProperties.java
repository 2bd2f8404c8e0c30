package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingGens.currencies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Pro-rating rounds once, half-even, and a whole year costs the annual price. */
class ProrationProperties {

  /** Annual prices from zero to ten million in currencies with 0 to 4 decimals. */
  private static Gen<Money> annualPrices() {
    return currencies()
        .zip(
            longs().between(0, 10_000_000_000L),
            (c, minor) -> new Money(BigDecimal.valueOf(minor, c.getDefaultFractionDigits()), c));
  }

  /**
   * {days, daysPerYear}: everyday periods, any ratio, and ratios a hair away from half a minor
   * unit.
   */
  private static Gen<long[]> periods() {
    Gen<long[]> everyday =
        integers()
            .between(0, 3 * 366)
            .zip(integers().between(360, 366), (d, y) -> new long[] {d, y});
    Gen<long[]> any =
        longs()
            .between(0, 1_000_000_000_000L)
            .zip(longs().between(1, 1_000_000_000_000L), (d, y) -> new long[] {d, y});
    return everyday.mix(any, 40);
  }

  /** The exact {@code minor x days / daysPerYear} rounded once, half-even, in BigInteger. */
  private static BigInteger roundedOnce(BigInteger minor, long days, long daysPerYear) {
    BigInteger[] qr =
        minor
            .multiply(BigInteger.valueOf(days))
            .divideAndRemainder(BigInteger.valueOf(daysPerYear));
    int half = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(daysPerYear));
    boolean up = half > 0 || (half == 0 && qr[0].testBit(0));
    return up ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  private static void assertRoundedOnce(Money annual, long days, long daysPerYear) {
    Currency c = annual.currency();
    BigInteger minor = annual.amount().unscaledValue();
    Money expected =
        new Money(
            new BigDecimal(roundedOnce(minor, days, daysPerYear), c.getDefaultFractionDigits()), c);
    assertThat(new Proration(days, daysPerYear).apply(annual)).isEqualTo(expected);
  }

  @Test
  void proratingRoundsOnceHalfEven() {
    qt().forAll(annualPrices(), periods())
        .checkAssert((annual, p) -> assertRoundedOnce(annual, p[0], p[1]));
  }

  @Test
  void aShareJustAboveOrBelowHalfAMinorUnitRoundsTheWayTheExactValueLies() {
    // minor x days / daysPerYear = q + 1/2 +- 1/(2 daysPerYear): a second rounding to 12 decimals
    // would land exactly on the half and then round to even instead
    qt().forAll(
            longs().between(5_000_000_000L, 500_000_000_000L),
            integers().between(0, 1),
            annualPrices())
        .checkAssert(
            (n, below, annual) -> {
              long daysPerYear = 2 * n + 1;
              long days = below == 1 ? n : n + 1;
              Money oneMinorUnit =
                  new Money(
                      BigDecimal.ONE.movePointLeft(annual.currency().getDefaultFractionDigits()),
                      annual.currency());
              assertRoundedOnce(oneMinorUnit, days, daysPerYear);
            });
  }

  @Test
  void aWholeYearCostsTheAnnualPrice() {
    qt().forAll(annualPrices(), longs().between(1, 1_000_000))
        .checkAssert(
            (annual, year) -> {
              assertThat(new Proration(year, year).apply(annual)).isEqualTo(annual);
              assertThat(Proration.FULL_YEAR.apply(annual)).isEqualTo(annual);
              assertThat(Proration.ofDays(365).apply(annual)).isEqualTo(annual);
            });
  }

  @Test
  void moreDaysNeverCostLess() {
    qt().forAll(annualPrices(), integers().between(0, 3 * 366))
        .checkAssert(
            (annual, days) ->
                assertThat(Proration.ofDays(days + 1).apply(annual))
                    .isGreaterThanOrEqualTo(Proration.ofDays(days).apply(annual)));
  }

  @Test
  void aLineOfSeatsIsRoundedOnceNotPerSeat() {
    qt().forAll(annualPrices(), integers().between(0, 3 * 366), integers().between(0, 500))
        .checkAssert(
            (annual, days, seats) -> {
              Currency c = annual.currency();
              BigInteger minor =
                  annual.amount().unscaledValue().multiply(BigInteger.valueOf(seats));
              Money expected =
                  new Money(
                      new BigDecimal(roundedOnce(minor, days, 365), c.getDefaultFractionDigits()),
                      c);
              assertThat(Proration.ofDays(days).apply(annual, seats)).isEqualTo(expected);
            });
  }
}
