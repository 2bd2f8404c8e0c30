package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Concurrency analysis over a period; {@code toleratedRefusalRate} (0..1) sizes the seats needed.
 */
public record ConcurrencyQuery(PeriodSpec period, double toleratedRefusalRate) {
  public ConcurrencyQuery {
    requireNonNull(period, "period");
    checkArgument(
        toleratedRefusalRate >= 0 && toleratedRefusalRate <= 1,
        "tolerated refusal rate must be in [0, 1] but was %s", toleratedRefusalRate);
  }
}
