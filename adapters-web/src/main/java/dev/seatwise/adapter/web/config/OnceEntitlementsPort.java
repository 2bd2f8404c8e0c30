package dev.seatwise.adapter.web.config;

import dev.seatwise.adapter.files.FileEntitlements;
import dev.seatwise.adapter.files.FileEntitlementsAdapter;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.entitlement.Entitlements;

/**
 * Reads the entitlements files once and answers every later call from memory (the file adapter
 * reads them again on each call), keeping what the files gave (rows read, accepted, rejected) for
 * the answer's import report. A failure is not remembered. Thread-safe.
 */
final class OnceEntitlementsPort implements EntitlementsPort {
  private final FileEntitlementsAdapter files;
  private FileEntitlements read;

  OnceEntitlementsPort(FileEntitlementsAdapter files) {
    this.files = files;
  }

  @Override
  public synchronized Entitlements entitlements() {
    return files().entitlements();
  }

  /** The files' rows read, accepted and rejected (reading them if not yet). */
  synchronized ImportReport report() {
    return files().report();
  }

  private FileEntitlements files() {
    if (read == null) {
      read = files.read();
    }
    return read;
  }
}
