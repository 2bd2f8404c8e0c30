package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.seatwise.domain.usage.Session;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes sessions in the seatwise sessions CSV format: header {@code user,product,start,end},
 * product ids, instants in UTC ISO-8601 ({@code 2026-03-02T08:15:00Z}), fields quoted only when
 * needed, LF line ends. What it writes the sessions reader reads back unchanged. Streams; not
 * thread-safe. Close it to flush.
 */
public final class SessionsCsvWriter implements Closeable {
  private final CsvWriter csv;

  private SessionsCsvWriter(CsvWriter csv) {
    this.csv = csv;
    csv.writeRecord("user", "product", "start", "end");
  }

  /** A writer to a new file (replaced if it exists), UTF-8. */
  public static SessionsCsvWriter to(Path file) {
    requireNonNull(file, "file");
    try {
      return new SessionsCsvWriter(
          CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer to {@code out}; closing this writer closes {@code out}. */
  public static SessionsCsvWriter to(Writer out) {
    requireNonNull(out, "out");
    return new SessionsCsvWriter(CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out));
  }

  public SessionsCsvWriter write(Session s) {
    requireNonNull(s, "session");
    csv.writeRecord(s.user().value(), s.product().value(), s.start().toString(), s.end().toString());
    return this;
  }

  public SessionsCsvWriter writeAll(Iterable<Session> sessions) {
    for (Session s : sessions) {
      write(s);
    }
    return this;
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
