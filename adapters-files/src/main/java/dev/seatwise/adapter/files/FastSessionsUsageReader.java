package dev.seatwise.adapter.files;

import dev.seatwise.domain.usage.SessionTable;
import java.nio.file.Path;

/**
 * The sessions CSV as {@link FileUsageAdapter} reads it: parsed by {@link FastSessionsCsvReader}
 * (the same sessions, report and errors as {@link SessionsCsvReader}, which its properties check,
 * several times faster and on two threads for large files), then one session object per row, in
 * file order, for the use cases.
 */
final class FastSessionsUsageReader implements UsageReader {
  private final FastSessionsCsvReader reader = new FastSessionsCsvReader();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    SessionTable table = reader.read(file, name, ctx, ledger);
    out.sessions.addAll(table.sessions());
  }
}
