package dev.seatwise.adapter.web.config;

import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;

/**
 * Reads the underlying usage once and answers every later call from memory, so that one request's
 * use cases and charts share a single import. A failure is not remembered. Thread-safe.
 */
final class OnceUsagePort implements UsagePort {
  private final UsagePort delegate;
  private ImportedUsage read;

  OnceUsagePort(UsagePort delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized ImportedUsage usage() {
    if (read == null) {
      read = delegate.usage();
    }
    return read;
  }
}
