package dev.seatwise.domain.metering.hourly;

import static dev.seatwise.domain.metering.hourly.HourlyMeterFixtures.FLUENT;
import static dev.seatwise.domain.metering.hourly.HourlyMeterFixtures.FLUENT_PER_HOUR;
import static dev.seatwise.domain.metering.hourly.HourlyMeterFixtures.MECHANICAL;
import static dev.seatwise.domain.metering.hourly.HourlyMeterFixtures.MECHANICAL_PER_HOUR;
import static dev.seatwise.domain.metering.hourly.HourlyMeterFixtures.elasticCatalog;
import static dev.seatwise.domain.metering.hourly.HourlyMeterFixtures.elasticContext;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.session;
import static dev.seatwise.domain.testkit.LicensingFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.usage.UsageLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new kind of metering, added without touching main code, selected by the catalog's meter name.
 */
class HourlyMeterTest {
  private final HourlyMeter meter = new HourlyMeter();

  @Test
  void everyStartedHourOfASessionChargesTheRate() {
    Metering metering =
        meter.meter(
            UsageLog.ofSessions(
                List.of(
                    session("ann", MECHANICAL, "2024-03-04T08:00", "2024-03-04T10:30"),
                    session("bob", FLUENT, "2024-03-04T08:00", "2024-03-04T10:00"),
                    session("cy", FLUENT, "2024-03-04T08:00", "2024-03-04T08:00"))),
            elasticContext());

    // 2 h 30 min = 3 started hours; exactly 2 h = 2; an empty session none
    assertThat(metering.charges())
        .extracting(Charge::product, Charge::start)
        .containsExactly(
            tuple(MECHANICAL, utc("2024-03-04T08:00")),
            tuple(MECHANICAL, utc("2024-03-04T09:00")),
            tuple(MECHANICAL, utc("2024-03-04T10:00")),
            tuple(FLUENT, utc("2024-03-04T08:00")),
            tuple(FLUENT, utc("2024-03-04T09:00")));
    assertThat(metering.totalTokens()).isEqualTo(3 * MECHANICAL_PER_HOUR + 2 * FLUENT_PER_HOUR);
  }

  @Test
  void theRegistryTakesTheNewKindBesideTheStandardOnes() {
    MeterRegistry registry = MeterRegistry.standard().with(meter);

    assertThat(registry.forKind(elasticCatalog().meter())).containsSame(meter);
    assertThat(registry.forKind(autodeskLikeCatalog().meter()).map(Meter::getClass))
        .contains(WindowedMeter.class);
    assertThat(registry.forKind(ConcurrentSeatMeter.KIND).map(Meter::getClass))
        .contains(ConcurrentSeatMeter.class);
    assertThat(MeterRegistry.standard().forKind(HourlyMeter.KIND)).isEmpty();
  }

  @Test
  void twoMetersOfOneKindAreRejected() {
    assertThatThrownBy(() -> MeterRegistry.standard().with(meter).with(new HourlyMeter()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
