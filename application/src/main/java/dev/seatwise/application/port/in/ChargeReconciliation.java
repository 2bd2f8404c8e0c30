package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.reconcile.Reconciliation;
import java.util.List;

/**
 * The answer of {@link ReconcileChargesUseCase}: the period, the catalog's vendor, what was read,
 * the reconciliation (every user x product x day, totals, differences) and notes. Immutable.
 */
public record ChargeReconciliation(
    AnalysisPeriod period,
    String vendor,
    ImportReport importReport,
    Reconciliation reconciliation,
    List<String> notes) {
  public ChargeReconciliation {
    requireNonNull(period, "period");
    requireNonNull(vendor, "vendor");
    requireNonNull(importReport, "importReport");
    requireNonNull(reconciliation, "reconciliation");
    notes = List.copyOf(notes);
  }
}
