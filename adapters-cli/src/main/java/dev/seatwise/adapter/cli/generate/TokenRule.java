package dev.seatwise.adapter.cli.generate;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Map;

/**
 * What a generated Token Usage export charges by: the access window's length, the shortest billable
 * launch and each product's tokens per window (by the catalog id the generator names products by;
 * a product missing here is not charged). The command takes them from a catalog version.
 */
public record TokenRule(Duration window, Duration minimumBillable, Map<String, Long> rates) {
  public TokenRule {
    checkArgument(window.compareTo(Duration.ZERO) > 0, "window must be positive but was %s", window);
    checkArgument(!minimumBillable.isNegative(), "minimum must be >= 0 but was %s", minimumBillable);
    rates = Map.copyOf(rates);
  }

  long windowNanos() {
    return window.toNanos();
  }

  long minimumNanos() {
    return minimumBillable.toNanos();
  }

  /** Tokens one window of {@code product} costs; 0 when it has no rate. */
  long rate(String product) {
    return rates.getOrDefault(product, 0L);
  }
}
