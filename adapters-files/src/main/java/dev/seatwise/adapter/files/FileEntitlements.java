package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.entitlement.Entitlements;

/** Entitlements read from Autodesk exports, with the row report. Immutable; nothing is null. */
public record FileEntitlements(Entitlements entitlements, ImportReport report) {
  public FileEntitlements {
    requireNonNull(entitlements, "entitlements");
    requireNonNull(report, "report");
  }
}
