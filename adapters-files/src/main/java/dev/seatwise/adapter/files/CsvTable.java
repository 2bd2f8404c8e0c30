package dev.seatwise.adapter.files;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.seatwise.application.port.out.UsageImportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Streams a CSV file with FastCSV: the first non-blank record is the header, bound to a {@link
 * HeaderSpec}; then each data record is handed over with its 1-based starting line. Records whose
 * fields are all blank (Excel's trailing {@code ,,,} lines) are skipped and not counted as rows. A
 * file with a header and no data rows fails with a clear message.
 */
final class CsvTable {
  /** Receives each data row. */
  interface RowHandler {
    void row(long line, List<String> fields, HeaderSpec.Header header);

    /** A record that is not a row: {@link #swallowedLines} says why. */
    default void unreadable(long line, String reason) {
      throw new UsageImportException(reason);
    }
  }

  private CsvTable() {}

  static CsvReader<CsvRecord> reader(BufferedReader in) {
    return CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true)
        .detectBomHeader(false)
        .ofCsvRecord(in);
  }

  /**
   * Reads the file as {@link #read(Path, String, HeaderSpec, RowHandler)}; a record that is not a
   * row (a stray quote swallowing the next lines) is rejected in {@code ledger}.
   */
  static HeaderSpec.Header read(
      Path file, String name, HeaderSpec spec, RowLedger ledger, RowHandler handler) {
    return read(file, name, spec, new RowHandler() {
      @Override
      public void row(long line, List<String> fields, HeaderSpec.Header header) {
        handler.row(line, fields, header);
      }

      @Override
      public void unreadable(long line, String reason) {
        ledger.reject(line, "", reason);
      }
    });
  }

  /** Reads the file, binding the header to {@code spec}; returns the header that was found. */
  static HeaderSpec.Header read(Path file, String name, HeaderSpec spec, RowHandler handler) {
    try (BufferedReader in = TextInput.open(file, name);
        CsvReader<CsvRecord> csv = reader(in)) {
      Iterator<CsvRecord> it = csv.iterator();
      HeaderSpec.Header header = null;
      long dataRows = 0;
      while (it.hasNext()) {
        CsvRecord rec = it.next();
        List<String> fields = rec.getFields();
        if (allBlank(fields)) {
          continue;
        }
        if (header == null) {
          header = spec.bind(fields, name);
          continue;
        }
        dataRows++;
        String swallowed = swallowedLines(fields, rec.getStartingLineNumber());
        if (swallowed != null) {
          handler.unreadable(rec.getStartingLineNumber(), swallowed);
          continue;
        }
        handler.row(rec.getStartingLineNumber(), fields, header);
      }
      if (header == null) {
        throw new UsageImportException(name + ": the file is empty (no header row)");
      }
      if (dataRows == 0) {
        throw new UsageImportException(
            name + ": the file has a header " + Limits.quote(header.found().toString())
                + " but no data rows");
      }
      return header;
    } catch (CsvParseException e) {
      throw new UsageImportException(name + ": malformed CSV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first non-blank record of a file, for format detection; empty list when none. */
  static List<String> firstRecord(Path file, String name) {
    try (BufferedReader in = TextInput.open(file, name);
        CsvReader<CsvRecord> csv = reader(in)) {
      for (CsvRecord rec : csv) {
        if (!allBlank(rec.getFields())) {
          return rec.getFields();
        }
      }
      return List.of();
    } catch (CsvParseException e) {
      throw new UsageImportException(name + ": malformed CSV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Null, or the reason to reject a record one of whose quoted fields spans lines that hold the
   * separator: a quote opened and never closed swallows the following rows into one field, and
   * they must not vanish unreported.
   */
  static String swallowedLines(List<String> fields, long line) {
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      int nl = f.indexOf('\n') >= 0 ? f.indexOf('\n') : f.indexOf('\r');
      if (nl >= 0 && f.indexOf(',', nl) >= 0) {
        long breaks = f.chars().filter(c -> c == '\n').count() - (f.endsWith("\n") ? 1 : 0);
        return "a quote in field " + (i + 1) + " is not closed at the end of line " + line
            + ": lines " + line + " to " + (line + breaks) + " were read as one field"
            + " (fix or remove the stray quote)";
      }
    }
    return null;
  }

  static boolean allBlank(List<String> fields) {
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
