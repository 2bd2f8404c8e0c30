package dev.seatwise.adapter.web.config;

import dev.seatwise.adapter.files.FileImport;
import dev.seatwise.adapter.files.FileUsageAdapter;
import dev.seatwise.adapter.files.ImportNote;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import java.util.List;

/**
 * Reads the files once and answers every later call from memory, so that one request's use cases
 * and charts share a single import; keeps the import's notes. A failure is not remembered.
 * Thread-safe.
 */
final class OnceUsagePort implements UsagePort {
  private final FileUsageAdapter files;
  private FileImport read;

  OnceUsagePort(FileUsageAdapter files) {
    this.files = files;
  }

  @Override
  public ImportedUsage usage() {
    return read().usage();
  }

  List<String> notes() {
    return read().notes().stream().map(ImportNote::toString).toList();
  }

  private synchronized FileImport read() {
    if (read == null) {
      read = files.read();
    }
    return read;
  }
}
