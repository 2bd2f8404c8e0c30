package dev.seatwise.adapter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the compare works out two plans at once (two threads) and when one after the other. */
class WiringHeapTest {
  private static final long MB = 1024L * 1024;

  @Test
  void theHundredThousandUserYearUnderAOneGigabyteHeapIsWorkedOutOnePlanAtATime() {
    // 1,269 MB of sessions: the heap must hold twice that for two plans at once
    assertThat(Wiring.roomForTwoPlans(1024 * MB, 1269 * MB)).isFalse();
    assertThat(Wiring.roomForTwoPlans(1500 * MB, 1269 * MB)).isFalse();
    assertThat(Wiring.roomForTwoPlans(2538 * MB, 1269 * MB)).isTrue();
    assertThat(Wiring.roomForTwoPlans(3072 * MB, 1269 * MB)).isTrue();
  }

  @Test
  void theTenThousandUserYearAndAnUnboundedHeapKeepTwoThreads() {
    assertThat(Wiring.roomForTwoPlans(1024 * MB, 127 * MB)).isTrue();
    assertThat(Wiring.roomForTwoPlans(Long.MAX_VALUE, 1L << 40)).isTrue();
    assertThat(Wiring.roomForTwoPlans(1024 * MB, 0)).isTrue();
  }
}
