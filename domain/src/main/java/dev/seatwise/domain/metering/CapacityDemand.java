package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A capacity that a pool must hold: the peak number of seats (or tokens held) in {@code pool} at
 * {@code peakAt}. Immutable; nothing is null.
 */
public record CapacityDemand(String pool, long peak, Instant peakAt, ConcurrencyProfile profile) {
  public CapacityDemand {
    checkNotNull(pool, "pool");
    checkNotNull(peakAt, "peakAt");
    checkNotNull(profile, "profile");
    checkArgument(peak >= 0, "peak must be >= 0 but was %s", peak);
  }
}
