package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * How usage is metered: the access-window length (Autodesk Flex: 24 h, rule F2) and the minimum
 * billable duration below which a launch is free (F7: 5 min). Immutable; nothing is null.
 */
public record MeteringParameters(Duration window, Duration minimumBillable) {
  public static final MeteringParameters FLEX_DEFAULTS =
      new MeteringParameters(Duration.ofHours(24), Duration.ofMinutes(5));

  public MeteringParameters {
    checkNotNull(window, "window");
    checkNotNull(minimumBillable, "minimumBillable");
    checkArgument(!window.isNegative() && !window.isZero(), "window must be > 0: %s", window);
    checkArgument(!minimumBillable.isNegative(), "minimum billable must be >= 0: %s", minimumBillable);
  }
}
