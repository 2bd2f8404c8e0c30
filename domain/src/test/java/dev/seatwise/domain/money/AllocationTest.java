package dev.seatwise.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {
  @Test
  void tenDollarsInThreeEqualPartsGivesTheLeftoverCentToTheFirst() {
    // 1000 cents / 3 = 333 each, remainder 1 each (a tie): the first key gets the cent
    Map<String, Long> w = new LinkedHashMap<>();
    w.put("a", 1L);
    w.put("b", 1L);
    w.put("c", 1L);

    assertThat(Allocation.byLargestRemainder(Money.of("10.00", "USD"), w))
        .containsExactly(
            Map.entry("a", Money.of("3.34", "USD")),
            Map.entry("b", Money.of("3.33", "USD")),
            Map.entry("c", Money.of("3.33", "USD")));
  }

  @Test
  void theLargestRemainderGetsTheLeftoverCent() {
    // 100 cents by 1:2:4 (sum 7): 100/7 = 14 r2, 200/7 = 28 r4, 400/7 = 57 r1; 14+28+57 = 99,
    // so one cent is left and goes to b (remainder 4)
    Map<String, Long> w = new LinkedHashMap<>();
    w.put("a", 1L);
    w.put("b", 2L);
    w.put("c", 4L);

    assertThat(Allocation.byLargestRemainder(Money.of("1.00", "USD"), w))
        .containsExactly(
            Map.entry("a", Money.of("0.14", "USD")),
            Map.entry("b", Money.of("0.29", "USD")),
            Map.entry("c", Money.of("0.57", "USD")));
  }

  @Test
  void allZeroWeightsAreRejected() {
    assertThatThrownBy(() -> Allocation.byLargestRemainder(Money.of("1.00", "USD"), Map.of("a", 0L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all zero");
  }
}
