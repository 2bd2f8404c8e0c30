package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open access window {@code [start, start + length)} of absolute time: a daylight-saving
 * change never moves its end. Immutable and thread-safe; nothing is null.
 */
public record AccessWindow(Instant start, Duration length) {
  /** Autodesk Flex's window (rule F2). */
  public static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

  public AccessWindow {
    checkNotNull(start, "start");
    checkNotNull(length, "length");
    checkArgument(!length.isNegative() && !length.isZero(), "length must be > 0: %s", length);
  }

  public static AccessWindow of(Instant start) {
    return new AccessWindow(start, DEFAULT_LENGTH);
  }

  public Instant end() {
    return start.plus(length);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end());
  }

  public AccessWindow next() {
    return new AccessWindow(end(), length);
  }
}
