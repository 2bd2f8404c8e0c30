package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.Rejection;
import dev.seatwise.application.port.out.UsageImportException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the rows of one file as they are read: every row is either accepted or rejected (with
 * file, 1-based line, field and reason), so rows read = accepted + rejected by construction. In
 * strict mode the first rejection throws. Not thread-safe: one ledger per file read.
 */
final class RowLedger {
  private final String file;
  private final boolean strict;
  private long accepted;
  private final List<Rejection> rejections = new ArrayList<>();

  RowLedger(String file, boolean strict) {
    this.file = file;
    this.strict = strict;
  }

  String file() {
    return file;
  }

  void accept() {
    if ((++accepted & 4095) == 0) {
      checkInterrupted();
    }
  }

  /**
   * Stops the read when its thread was interrupted (a web analysis past its timeout), checked
   * every 4096 rows (and by {@link StatusSnapshots#read} every 4096 lines).
   */
  void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new java.util.concurrent.CancellationException(file + ": reading was cancelled");
    }
  }

  /**
   * Records a rejected row.
   *
   * @throws UsageImportException in strict mode
   */
  void reject(long line, String field, String reason) {
    Rejection r = new Rejection(file, line, field, reason);
    if (strict) {
      throw new UsageImportException(r.toString() + " (strict mode stops at the first bad row)");
    }
    rejections.add(r);
    if ((rejections.size() & 4095) == 0) {
      checkInterrupted();
    }
  }

  long rowsRead() {
    return accepted + rejections.size();
  }

  FileReport report(ImportFormat format) {
    return new FileReport(file, format.label(), accepted + rejections.size(), accepted, rejections);
  }
}
