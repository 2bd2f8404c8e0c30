package dev.seatwise.plugin.tokenpool;

import static dev.seatwise.plugin.tokenpool.PoolFixtures.catalog;
import static dev.seatwise.plugin.tokenpool.PoolFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConcurrentTokenPoolMeterTest {
  // ann: HM (21) 09-12 and OS (25) 10-11; bob: HM (21) 09:30-10:30
  static final UsageLog USAGE =
      UsageLog.ofSessions(
          List.of(
              session("ann", "HM", "2025-03-03T09:00:00Z", "2025-03-03T12:00:00Z"),
              session("ann", "OS", "2025-03-03T10:00:00Z", "2025-03-03T11:00:00Z"),
              session("bob", "HM", "2025-03-03T09:30:00Z", "2025-03-03T10:30:00Z")));

  static long peak(Meter meter, Coverage coverage) {
    Metering m = meter.meter(USAGE, new MeterContext(catalog(meter.kind()), coverage, ZoneOffset.UTC));
    assertThat(m.charges()).isEmpty();
    return m.demands().isEmpty() ? 0 : m.demands().get(0).peak();
  }

  @Test
  void summedPoolHoldsEveryRunningSession() {
    // 10:00-10:30: ann 21 + 25, bob 21 = 67
    assertThat(peak(new ConcurrentTokenPoolMeter(), Coverage.NONE)).isEqualTo(67);
  }

  @Test
  void leveledPoolHoldsTheLargestRateOfEachUser() {
    // 10:00-10:30: ann max(21, 25) = 25, bob 21 = 46
    assertThat(peak(ConcurrentTokenPoolMeter.leveled(), Coverage.NONE)).isEqualTo(46);
    Metering m =
        ConcurrentTokenPoolMeter.leveled()
            .meter(USAGE, new MeterContext(catalog(ConcurrentTokenPoolMeter.LEVELED), Coverage.NONE, ZoneOffset.UTC));
    assertThat(m.demands().get(0).peakAt()).isEqualTo(Instant.parse("2025-03-03T10:00:00Z"));
    // ann alone 11:00-12:00 holds 21
    assertThat(m.demands().get(0).profile().levelAt(Instant.parse("2025-03-03T11:30:00Z"))).isEqualTo(21);
  }

  @Test
  void aNamedSubscriptionTakesItsUserOutOfThePool() {
    Coverage annHasOs = new Coverage(Map.of(UserId.of("ann"), Set.of(ProductId.of("OS"))));
    // 10:00-10:30 summed: ann 21 (OS covered) + bob 21 = 42
    assertThat(peak(new ConcurrentTokenPoolMeter(), annHasOs)).isEqualTo(42);
  }

  @Test
  void bothKindsAreFoundByTheServiceLoaderWithoutTouchingTheDomain() {
    MeterRegistry registry = MeterRegistry.standard();
    for (Meter m : ServiceLoader.load(Meter.class)) {
      registry = registry.with(m);
    }
    assertThat(registry.forKind(ConcurrentTokenPoolMeter.SUMMED)).isPresent();
    assertThat(registry.forKind(ConcurrentTokenPoolMeter.LEVELED)).isPresent();
    assertThat(registry.forKind("flex-window")).isPresent();
  }
}
