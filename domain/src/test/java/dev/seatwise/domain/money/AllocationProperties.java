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
    return lists()
        .of(longs().between(0, 5).mix(longs().between(0, 1_000_000_000L), 30))
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
}
