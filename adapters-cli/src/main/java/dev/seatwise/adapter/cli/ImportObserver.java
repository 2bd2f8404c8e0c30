package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.out.ImportReport;

/** Hears how an import goes, so that a command can show progress and report everything read. */
public interface ImportObserver {
  /** Reading of {@code file} ({@code bytes} long) starts. */
  void reading(String file, long bytes);

  /** Reading of {@code file} is done. */
  void read(String file);

  /** Something the import did that rejected no row but deserves a look. */
  void note(String message);

  /** The report of files read besides usage (subscriptions and users exports). */
  void otherFiles(ImportReport report);

  /** The report of the usage files, once they are all read. */
  void usageRead(ImportReport report);

  /** An observer that ignores everything. */
  ImportObserver NONE =
      new ImportObserver() {
        @Override
        public void reading(String file, long bytes) {}

        @Override
        public void read(String file) {}

        @Override
        public void note(String message) {}

        @Override
        public void otherFiles(ImportReport report) {}

        @Override
        public void usageRead(ImportReport report) {}
      };
}
