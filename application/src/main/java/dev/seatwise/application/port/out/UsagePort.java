package dev.seatwise.application.port.out;

/**
 * Where usage comes from. An adapter is configured with its sources (files, a database, a SAM
 * tool's records) and returns everything they held, with an import report.
 */
public interface UsagePort {
  /**
   * Reads all configured sources.
   *
   * @throws UsageImportException when a source cannot be read at all, or in strict mode at the
   *     first bad row
   */
  ImportedUsage usage();
}
