package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.domain.usage.SessionTable;

/**
 * What {@link FastSessionsCsvReader} read from one sessions CSV: the accepted sessions as a
 * columnar table and the row report (rows read = accepted + rejected). Immutable; nothing is null.
 */
public record SessionTableImport(SessionTable sessions, FileReport report) {
  public SessionTableImport {
    requireNonNull(sessions, "sessions");
    requireNonNull(report, "report");
  }
}
