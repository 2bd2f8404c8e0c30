package dev.seatwise.adapter.web.config;

import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.domain.entitlement.Entitlements;

/**
 * Reads the entitlements files once and answers every later call from memory (the file adapter
 * reads them again on each call). A failure is not remembered. Thread-safe.
 */
final class OnceEntitlementsPort implements EntitlementsPort {
  private final EntitlementsPort files;
  private Entitlements read;

  OnceEntitlementsPort(EntitlementsPort files) {
    this.files = files;
  }

  @Override
  public synchronized Entitlements entitlements() {
    if (read == null) {
      read = files.entitlements();
    }
    return read;
  }
}
