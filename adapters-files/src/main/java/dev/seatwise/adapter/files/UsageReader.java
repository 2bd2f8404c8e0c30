package dev.seatwise.adapter.files;

import java.nio.file.Path;

/** Reads one file of one format, streaming, into a collector; counts every row in the ledger. */
interface UsageReader {
  /**
   * @throws dev.seatwise.application.port.out.UsageImportException when the file cannot be read at
   *     all (empty, binary, header only, missing columns), or in strict mode at the first bad row
   */
  void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger);
}
