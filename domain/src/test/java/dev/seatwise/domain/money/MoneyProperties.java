package dev.seatwise.domain.money;

import static dev.seatwise.domain.testkit.LicensingGens.currencies;
import static dev.seatwise.domain.testkit.LicensingGens.money;
import static dev.seatwise.domain.testkit.LicensingGens.moneyIn;
import static dev.seatwise.domain.testkit.LicensingGens.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Money laws (STYLE.md §6), in currencies with 0, 2, 3 and 4 decimals. */
class MoneyProperties {

  /** {@code n} amounts in one currency. */
  private static Gen<List<Money>> sameCurrency(int n) {
    return currencies().flatMap(c -> lists().of(moneyIn(c)).ofSize(n));
  }

  @Test
  void additionIsCommutative() {
    qt().forAll(sameCurrency(2))
        .checkAssert(m -> assertThat(m.get(0).plus(m.get(1))).isEqualTo(m.get(1).plus(m.get(0))));
  }

  @Test
  void additionIsAssociative() {
    qt().forAll(sameCurrency(3))
        .checkAssert(
            m ->
                assertThat(m.get(0).plus(m.get(1)).plus(m.get(2)))
                    .isEqualTo(m.get(0).plus(m.get(1).plus(m.get(2)))));
  }

  @Test
  void zeroIsTheIdentity() {
    qt().forAll(money())
        .checkAssert(
            a -> {
              Money zero = Money.zero(a.currency());
              assertThat(a.plus(zero)).isEqualTo(a);
              assertThat(zero.plus(a)).isEqualTo(a);
              assertThat(a.minus(zero)).isEqualTo(a);
            });
  }

  @Test
  void addingThenSubtractingTheSameAmountGivesBackTheOriginal() {
    qt().forAll(sameCurrency(2))
        .checkAssert(m -> assertThat(m.get(0).plus(m.get(1)).minus(m.get(1))).isEqualTo(m.get(0)));
  }

  @Test
  void anAmountMinusItselfIsZeroAndNegatingTwiceGivesItBack() {
    qt().forAll(money())
        .checkAssert(
            a -> {
              assertThat(a.minus(a).isZero()).isTrue();
              assertThat(a.plus(a.negated())).isEqualTo(Money.zero(a.currency()));
              assertThat(a.negated().negated()).isEqualTo(a);
            });
  }

  @Test
  void mixingCurrenciesAlwaysThrowsAndNamesBoth() {
    qt().forAll(money(), money())
        .assuming((a, b) -> !a.currency().equals(b.currency()))
        .checkAssert(
            (a, b) -> {
              for (Runnable mix :
                  List.<Runnable>of(
                      () -> a.plus(b),
                      () -> a.minus(b),
                      () -> a.compareTo(b),
                      () -> a.isGreaterThan(b),
                      () -> a.max(b))) {
                assertThatThrownBy(mix::run)
                    .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> {
                          assertThat(e.expected()).isEqualTo(a.currency());
                          assertThat(e.actual()).isEqualTo(b.currency());
                        });
              }
              assertThatThrownBy(() -> Money.total(a.currency(), List.of(a, b)))
                  .isInstanceOf(CurrencyMismatchException.class);
            });
  }

  @Test
  void theScaleIsNormalisedSoEqualsIsNumericEquality() {
    qt().forAll(money(), integers().between(0, 6))
        .checkAssert(
            (a, extra) -> {
              Money widened =
                  new Money(a.amount().setScale(a.amount().scale() + extra), a.currency());
              Money stripped = new Money(a.amount().stripTrailingZeros(), a.currency());
              for (Money same : List.of(widened, stripped)) {
                assertThat(same).isEqualTo(a);
                assertThat(same.hashCode()).isEqualTo(a.hashCode());
                assertThat(same.amount().scale())
                    .isEqualTo(a.currency().getDefaultFractionDigits());
                assertThat(same.toString()).isEqualTo(a.toString());
              }
            });
  }

  @Test
  void anAmountWithMoreDecimalsThanTheCurrencyHasIsRejected() {
    qt().forAll(currencies(), longs().between(-1_000_000, 1_000_000), integers().between(1, 9))
        .checkAssert(
            (currency, units, lastDigit) -> {
              BigDecimal tooPrecise =
                  BigDecimal.valueOf(
                      units * 10 + lastDigit, currency.getDefaultFractionDigits() + 1);
              assertThatThrownBy(() -> new Money(tooPrecise, currency))
                  .isInstanceOf(IllegalArgumentException.class);
            });
  }

  @Test
  void compareToAgreesWithEquals() {
    qt().forAll(sameCurrency(2))
        .checkAssert(
            m -> {
              Money a = m.get(0);
              Money b = m.get(1);
              assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
              assertThat(Integer.signum(a.compareTo(b)))
                  .isEqualTo(a.amount().compareTo(b.amount()));
              assertThat(a.max(b).isGreaterThan(a.min(b)) || a.equals(b)).isTrue();
            });
  }

  @Test
  void aTotalIsTheSumInAnyOrderAndZeroForNothing() {
    qt().forAll(
            currencies().flatMap(c -> lists().of(moneyIn(c)).ofSizeBetween(0, 10)), longs().all())
        .assuming((amounts, seed) -> !amounts.isEmpty())
        .checkAssert(
            (amounts, seed) -> {
              var currency = amounts.get(0).currency();
              BigDecimal sum = BigDecimal.ZERO;
              for (Money m : amounts) {
                sum = sum.add(m.amount());
              }
              List<Money> shuffled = new ArrayList<>(amounts);
              Collections.shuffle(shuffled, new Random(seed));
              assertThat(Money.total(currency, amounts)).isEqualTo(new Money(sum, currency));
              assertThat(Money.total(currency, shuffled)).isEqualTo(new Money(sum, currency));
              assertThat(Money.total(currency, List.of())).isEqualTo(Money.zero(currency));
            });
  }

  @Test
  void multiplyingByACountIsRepeatedAddition() {
    qt().forAll(usd(), integers().between(0, 30))
        .checkAssert(
            (a, n) -> {
              Money sum = Money.zero(a.currency());
              for (int i = 0; i < n; i++) {
                sum = sum.plus(a);
              }
              assertThat(a.multipliedBy(n)).isEqualTo(sum);
            });
  }
}
