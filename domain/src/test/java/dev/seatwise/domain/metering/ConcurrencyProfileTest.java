package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencyProfileTest {
  private static final long MINUTE = 60_000_000_000L;

  private static long[] minutes(long... m) {
    long[] nanos = new long[m.length];
    for (int i = 0; i < m.length; i++) {
      nanos[i] = m[i] * MINUTE;
    }
    return nanos;
  }

  @Test
  void aWeightedPoolCanRefuseMoreWhenBiggerAndTheSmallestPoolMeetingTheRateIsStillFound() {
    // A [0,10) holds 2; L1 [1,2), L2 [2,3), L3 [3,4) hold 1 each; E [20,30) holds 5.
    // pool 1: A and E refused, L1-L3 run one after another -> 2 refusals
    // pool 2: A runs and blocks L1-L3, E refused            -> 4 refusals
    // pool 3: A and each L fit, E refused                   -> 1 refusal
    ConcurrencyProfile profile =
        ConcurrencyProfile.ofNanos(
            minutes(0, 1, 2, 3, 20), minutes(10, 2, 3, 4, 30), new long[] {2, 1, 1, 1, 5});

    assertThat(profile.peak()).isEqualTo(5);
    assertThat(profile.refusalsWithCapacity(1)).isEqualTo(2);
    assertThat(profile.refusalsWithCapacity(2)).isEqualTo(4);
    assertThat(profile.refusalsWithCapacity(3)).isEqualTo(1);
    // at most 40% of 5 intervals refused: pool 1 already meets it
    assertThat(profile.capacityForRefusalRate(0.4)).isEqualTo(1);
  }

  @Test
  void seatsNeededForNoRefusalIsThePeak() {
    ConcurrencyProfile profile =
        ConcurrencyProfile.ofNanos(minutes(0, 5, 9, 20), minutes(10, 15, 12, 30));

    assertThat(profile.peak()).isEqualTo(3);
    assertThat(profile.capacityForRefusalRate(0)).isEqualTo(3);
    assertThat(profile.capacityForRefusalRate(1)).isZero();
  }
}
