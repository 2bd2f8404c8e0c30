package dev.seatwise.domain.metering;

import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingFixtures.session;
import static dev.seatwise.domain.testkit.LicensingFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentSeatMeterTest {
  private final ConcurrentSeatMeter meter = new ConcurrentSeatMeter();

  @Test
  void thePeakOfEachProductIsTheMostSessionsOpenAtOnce() {
    // ann 08-12 and bob 10-14 overlap on AutoCAD from 10:00; cy starts at 12:00, the instant ann
    // leaves (half-open), so AutoCAD peaks at 2 from 10:00. Revit has one session.
    UsageLog usage =
        UsageLog.ofSessions(
            List.of(
                session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T12:00"),
                session("bob", AUTOCAD, "2024-03-04T10:00", "2024-03-04T14:00"),
                session("cy", AUTOCAD, "2024-03-04T12:00", "2024-03-04T13:00"),
                session("ann", REVIT, "2024-03-04T09:00", "2024-03-04T10:00")));

    Metering metering = meter.meter(usage, flexContext());

    assertThat(metering.charges()).isEmpty();
    assertThat(metering.demands()).hasSize(2);
    CapacityDemand autocad = metering.demands().get(0);
    assertThat(autocad.pool()).isEqualTo("ACD");
    assertThat(autocad.peak()).isEqualTo(2);
    assertThat(autocad.peakAt()).isEqualTo(utc("2024-03-04T10:00"));
    assertThat(autocad.profile().timeAtOrAbove(2)).isEqualTo(Duration.ofHours(3));
    assertThat(autocad.profile().refusalsWithCapacity(1)).isEqualTo(1);
    CapacityDemand revit = metering.demands().get(1);
    assertThat(revit.pool()).isEqualTo("RVT");
    assertThat(revit.peak()).isEqualTo(1);
  }

  @Test
  void aProductUsedOnlyByEmptyLaunchesIsDatedAtItsFirstLaunchWhateverTheOrder() {
    Session later = session("ann", AUTOCAD, "2024-03-05T09:00", "2024-03-05T09:00");
    Session earlier = session("bob", AUTOCAD, "2024-03-04T09:00", "2024-03-04T09:00");

    CapacityDemand oneWay =
        meter.meter(UsageLog.ofSessions(List.of(later, earlier)), flexContext()).demands().get(0);
    CapacityDemand otherWay =
        meter.meter(UsageLog.ofSessions(List.of(earlier, later)), flexContext()).demands().get(0);

    assertThat(oneWay.peak()).isZero();
    assertThat(oneWay.peakAt()).isEqualTo(utc("2024-03-04T09:00"));
    assertThat(oneWay).isEqualTo(otherWay);
  }

  @Test
  void profilesOfTheSameSessionsInAnotherOrderAreEqual() {
    Session a = session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T12:00");
    Session b = session("bob", AUTOCAD, "2024-03-04T08:00", "2024-03-04T10:00");

    Metering ab = meter.meter(UsageLog.ofSessions(List.of(a, b)), flexContext());
    Metering ba = meter.meter(UsageLog.ofSessions(List.of(b, a)), flexContext());

    assertThat(ab).isEqualTo(ba);
    assertThat(ab.hashCode()).isEqualTo(ba.hashCode());
  }
}
