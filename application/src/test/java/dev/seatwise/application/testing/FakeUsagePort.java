package dev.seatwise.application.testing;

import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;

/** An in-memory usage source for service tests. */
public record FakeUsagePort(ImportedUsage imported) implements UsagePort {
  @Override
  public ImportedUsage usage() {
    return imported;
  }
}
