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

  @Test
  void oneDenialAtAPeakOfTwoMeansThreeWereWanted() {
    // The defect: [0,10) and [5,15) in use, so 2 at once from minute 5 to 10; at minute 7
    // a third request was denied. Demand at minute 7 = 2 in use + 1 denied = 3, and with 3 seats
    // nobody would have been refused; with 2 the denied request is refused again.
    ConcurrencyProfile profile =
        ConcurrencyProfile.ofNanos(minutes(0, 5), minutes(10, 15)).withDenialsAtNanos(minutes(7));

    assertThat(profile.peak()).isEqualTo(2);
    assertThat(profile.demandAt(java.time.Instant.ofEpochSecond(7 * 60))).isEqualTo(3);
    assertThat(profile.demandAt(java.time.Instant.ofEpochSecond(8 * 60))).isEqualTo(2);
    assertThat(profile.peakDemand()).isEqualTo(3);
    assertThat(profile.refusalsWithCapacity(2)).isEqualTo(1);
    assertThat(profile.refusalsWithCapacity(3)).isZero();
    assertThat(profile.capacityForRefusalRate(0)).isEqualTo(3);
    // 1 refusal of 3 requests (2 sessions + 1 denial) is 33%: tolerating 34%, 2 seats do
    assertThat(profile.capacityForRefusalRate(0.34)).isEqualTo(2);
  }

  @Test
  void denialsAtOneInstantAddUpAndADenialWhenTheLevelIsLowerIsNotThePeak() {
    // [0,10) in use; two denials at minute 3 (1 + 2 = 3) and one at minute 20 (0 + 1 = 1).
    ConcurrencyProfile profile =
        ConcurrencyProfile.ofNanos(minutes(0), minutes(10)).withDenialsAtNanos(minutes(3, 3, 20));

    assertThat(profile.denials()).isEqualTo(3);
    assertThat(profile.peakDemand()).isEqualTo(3);
    assertThat(profile.capacityForRefusalRate(0)).isEqualTo(3);
    // capacity 1: the session holds it, both denials at 3 are refused, the one at 20 is admitted
    assertThat(profile.refusalsWithCapacity(1)).isEqualTo(2);
  }
}
