package dev.seatwise.domain.money;

import static dev.seatwise.domain.testkit.LicensingGens.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the largest-remainder split, in currencies with 0, 2, 3 and 4 decimals. */
class AllocationProperties {

  /** 1 to 12 weights, small (ties and zeros common) or large; at least one positive. */
  private static Gen<Map<String, Long>> weights() {
    return weights(1_000_000_000L, 30);
  }

  /**
   * 1 to 12 weights keyed {@code g0, g1, ...}: 0 to 5 or, {@code percentLarge} percent of the
   * time, 0 to {@code max}; at least one positive.
   */
  private static Gen<Map<String, Long>> weights(long max, int percentLarge) {
    return lists()
        .of(longs().between(0, 5).mix(longs().between(0, max), percentLarge))
        .ofSizeBetween(1, 12)
        .assuming(ws -> ws.stream().anyMatch(w -> w > 0))
        .map(
            ws -> {
              Map<String, Long> m = new LinkedHashMap<>();
              for (int i = 0; i < ws.size(); i++) {
                m.put("g" + i, ws.get(i));
              }
              return m;
            });
  }

  @Test
  void thePartsSumExactlyToTheTotal() {
    qt().forAll(money(), weights())
        .checkAssert(
            (total, w) ->
                assertThat(Money.total(total.currency(), Allocation.byLargestRemainder(total, w).values()))
                    .isEqualTo(total));
  }

  @Test
  void eachPartIsWithinOneMinorUnitOfItsExactShare() {
    qt().forAll(money(), weights())
        .checkAssert(
            (total, w) -> {
              long sum = w.values().stream().mapToLong(Long::longValue).sum();
              BigDecimal unit = BigDecimal.ONE.movePointLeft(total.currency().getDefaultFractionDigits());
              Allocation.byLargestRemainder(total, w)
                  .forEach(
                      (k, part) -> {
                        BigDecimal exact =
                            total.amount().multiply(BigDecimal.valueOf(w.get(k)))
                                .divide(BigDecimal.valueOf(sum), 20, RoundingMode.HALF_EVEN);
                        assertThat(part.amount().subtract(exact).abs()).isLessThan(unit);
                      });
            });
  }

  @Test
  void aZeroWeightGetsNothingAndEveryKeyGetsAPart() {
    qt().forAll(money(), weights())
        .checkAssert(
            (total, w) -> {
              Map<String, Money> parts = Allocation.byLargestRemainder(total, w);
              assertThat(List.copyOf(parts.keySet())).isEqualTo(List.copyOf(w.keySet()));
              w.forEach(
                  (k, weight) -> {
                    if (weight == 0) {
                      assertThat(parts.get(k).isZero()).isTrue();
                    }
                  });
            });
  }

  @Test
  void splittingTheNegatedTotalNegatesEveryPart() {
    qt().forAll(money(), weights())
        .checkAssert(
            (total, w) -> {
              Map<String, Money> parts = Allocation.byLargestRemainder(total, w);
              Map<String, Money> negated = Allocation.byLargestRemainder(total.negated(), w);
              parts.forEach((k, p) -> assertThat(negated.get(k)).isEqualTo(p.negated()));
            });
  }

  /** Weights up to {@code Long.MAX_VALUE}, so that products overflow a {@code long} at times. */
  private static Gen<Map<String, Long>> hugeWeights() {
    return weights(Long.MAX_VALUE / 16, 50);
  }

  @Test
  void theSplitIsTheExactBigIntegerSplitWhetherOrNotLongsWouldOverflow() {
    qt().forAll(money(), weights().mix(hugeWeights(), 50))
        .checkAssert(
            (total, weights) ->
                assertThat(Allocation.byLargestRemainder(total, weights))
                    .containsExactlyEntriesOf(exactSplit(total, weights)));
  }

  /** The rule in {@link java.math.BigInteger}s, as the class comment states it (the oracle). */
  private static Map<String, Money> exactSplit(Money total, Map<String, Long> weights) {
    int digits = total.currency().getDefaultFractionDigits();
    java.math.BigInteger minor = total.amount().movePointRight(digits).toBigIntegerExact();
    java.math.BigInteger n = minor.abs();
    java.math.BigInteger sum = java.math.BigInteger.ZERO;
    for (long w : weights.values()) {
      sum = sum.add(java.math.BigInteger.valueOf(w));
    }
    List<String> keys = List.copyOf(weights.keySet());
    java.math.BigInteger[] parts = new java.math.BigInteger[keys.size()];
    java.math.BigInteger[] rem = new java.math.BigInteger[keys.size()];
    java.math.BigInteger given = java.math.BigInteger.ZERO;
    for (int i = 0; i < keys.size(); i++) {
      java.math.BigInteger[] qr =
          n.multiply(java.math.BigInteger.valueOf(weights.get(keys.get(i)))).divideAndRemainder(sum);
      parts[i] = qr[0];
      rem[i] = qr[1];
      given = given.add(qr[0]);
    }
    int left = n.subtract(given).intValueExact();
    for (int k = 0; k < left; k++) {
      int best = -1;
      for (int i = 0; i < keys.size(); i++) { // the largest remainder not yet topped up, first on ties
        if (rem[i] != null && (best < 0 || rem[i].compareTo(rem[best]) > 0)) {
          best = i;
        }
      }
      parts[best] = parts[best].add(java.math.BigInteger.ONE);
      rem[best] = null;
    }
    Map<String, Money> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      java.math.BigInteger p = minor.signum() < 0 ? parts[i].negate() : parts[i];
      out.put(keys.get(i), new Money(new BigDecimal(p, digits), total.currency()));
    }
    return out;
  }
}
