package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingGens.tokenCounts;
import static dev.seatwise.domain.testkit.LicensingGens.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Tokens are never negative and never wrap: overflow throws. */
class TokensProperties {
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  @Test
  void aNegativeCountIsRejected() {
    qt().forAll(longs().between(Long.MIN_VALUE, -1))
        .checkAssert(
            n ->
                assertThatThrownBy(() -> Tokens.of(n))
                    .isInstanceOf(IllegalArgumentException.class));
  }

  @Test
  void additionIsExactOrThrowsOnOverflow() {
    qt().forAll(tokens(), tokens())
        .checkAssert(
            (a, b) -> {
              BigInteger exact = BigInteger.valueOf(a.count()).add(BigInteger.valueOf(b.count()));
              if (exact.compareTo(MAX) > 0) {
                assertThatThrownBy(() -> a.plus(b)).isInstanceOf(ArithmeticException.class);
              } else {
                assertThat(a.plus(b).count()).isEqualTo(exact.longValueExact());
              }
            });
  }

  @Test
  void multiplicationIsExactOrThrowsOnOverflow() {
    qt().forAll(tokens(), tokenCounts())
        .checkAssert(
            (a, factor) -> {
              BigInteger exact = BigInteger.valueOf(a.count()).multiply(BigInteger.valueOf(factor));
              if (exact.compareTo(MAX) > 0) {
                assertThatThrownBy(() -> a.times(factor)).isInstanceOf(ArithmeticException.class);
              } else {
                assertThat(a.times(factor).count()).isEqualTo(exact.longValueExact());
              }
            });
  }

  @Test
  void subtractionNeverGoesBelowZero() {
    qt().forAll(tokens(), tokens())
        .checkAssert(
            (a, b) -> {
              if (b.count() > a.count()) {
                assertThatThrownBy(() -> a.minus(b)).isInstanceOf(IllegalArgumentException.class);
              } else {
                assertThat(a.minus(b).count()).isEqualTo(a.count() - b.count());
                assertThat(a.minus(b).plus(b)).isEqualTo(a);
              }
            });
  }

  @Test
  void aNegativeFactorIsRejected() {
    qt().forAll(tokens(), longs().between(Long.MIN_VALUE, -1))
        .checkAssert(
            (a, factor) ->
                assertThatThrownBy(() -> a.times(factor))
                    .isInstanceOf(IllegalArgumentException.class));
  }
}
