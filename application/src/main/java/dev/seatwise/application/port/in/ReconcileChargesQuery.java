package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

/**
 * The period to reconcile ({@code [from, to)} in a zone; by default the span of the charges and the
 * usage together). Immutable; nothing is null.
 */
public record ReconcileChargesQuery(PeriodSpec period) {
  public ReconcileChargesQuery {
    requireNonNull(period, "period");
  }
}
