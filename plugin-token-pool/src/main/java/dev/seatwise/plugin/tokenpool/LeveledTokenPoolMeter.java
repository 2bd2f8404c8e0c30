package dev.seatwise.plugin.tokenpool;

import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.UsageLog;

/**
 * The leveled pool ({@value ConcurrentTokenPoolMeter#LEVELED}) as a service-loadable class: a user
 * holds the largest rate among their running sessions. Stateless and thread-safe.
 */
public final class LeveledTokenPoolMeter implements Meter {
  private final ConcurrentTokenPoolMeter delegate = ConcurrentTokenPoolMeter.leveled();

  @Override
  public String kind() {
    return delegate.kind();
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    return delegate.meter(usage, context);
  }
}
