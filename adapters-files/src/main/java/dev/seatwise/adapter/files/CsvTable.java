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
   * Reads the file, binding the header to {@code spec}; returns the header that was found. An
   * Excel workbook ({@link XlsxTable}) or a JSON array of records ({@link JsonTable}) is read as
   * the same rows.
   */
  static HeaderSpec.Header read(Path file, String name, HeaderSpec spec, RowHandler handler) {
    if (TextInput.isZip(file)) {
      return XlsxTable.read(file, name, spec, handler);
    }
    if (JsonTable.isJson(file, name)) {
      return JsonTable.read(file, name, spec, handler);
    }
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
        handler.row(rec.getStartingLineNumber(), fields, header);
      }
      if (header == null) {
        throw new UsageImportException(name + ": the file is empty (no header row)");
      }
      if (dataRows == 0) {
        throw new UsageImportException(
            name + ": the file has a header " + header.found() + " but no data rows");
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

  static boolean allBlank(List<String> fields) {
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
