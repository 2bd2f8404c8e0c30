package dev.seatwise.domain.metering;

import java.time.Duration;
import java.time.Instant;

/** Exact conversions between {@link Instant} and epoch nanoseconds (years 1678 to 2261). */
final class Instants {
  private Instants() {}

  static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  static long toNanos(Duration d) {
    return d.toNanos();
  }
}
