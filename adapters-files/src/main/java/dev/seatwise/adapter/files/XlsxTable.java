package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsageImportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel {@code .xlsx} workbooks as Autodesk Account downloads them, read with Apache POI into the
 * same rows as a CSV: each sheet's first non-blank row is its header, and a reader takes the first
 * sheet whose header fits its {@link HeaderSpec} (the users of a Usage Report workbook are on its
 * second sheet). A row's line is its 1-based row number in that sheet. Date cells become ISO dates
 * ({@code 2026-03-02}, or {@code 2026-03-02T08:15} with a time), numbers their plain decimal value
 * ({@code 12}, {@code 2.5}), formulas their cached value.
 *
 * <p><b>Limits.</b> A workbook over {@link #MAX_BYTES} is refused before it is opened, and POI's
 * zip-bomb guards are set once ({@link ZipSecureFile}): an entry that inflates more than 100 times
 * ({@code MIN_INFLATE_RATIO} 0.01) or beyond {@link #MAX_ENTRY_BYTES}, more than 1,000 entries, or
 * more than 64 M characters of text is refused. Every such refusal is a {@link
 * UsageImportException} naming the file.
 */
final class XlsxTable {
  /** The largest workbook file read: 32 MiB (an Autodesk export of a large firm is a few MiB). */
  static final long MAX_BYTES = 32L << 20;

  /** The largest inflated entry (one sheet's XML): 512 MiB. */
  static final long MAX_ENTRY_BYTES = 512L << 20;

  static {
    // POI logs through the Log4j API; without a provider the API prints an error on every run.
    // Unless the embedding application chose one, use the API's own simple logger (errors only).
    if (System.getProperty("log4j.provider") == null
        && System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
    }
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxFileCount(1_000);
    ZipSecureFile.setMaxTextSize(64L << 20);
  }

  private XlsxTable() {}

  /** One sheet: its name, its header (first non-blank row, 1-based line) and its rows. */
  record SheetRows(String name, long headerLine, List<String> header, Sheet sheet) {}

  /** The header (first non-blank row) of each sheet that has one, in workbook order. */
  static List<List<String>> headers(Path file, String name) {
    try (XSSFWorkbook wb = open(file, name)) {
      List<List<String>> out = new ArrayList<>();
      for (SheetRows s : sheets(wb)) {
        out.add(s.header());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the first sheet whose header fits {@code spec}, handing each non-blank data row over with
   * its row number.
   *
   * @throws UsageImportException when no sheet fits (naming each sheet's header), or the workbook
   *     has no data rows, or cannot be opened
   */
  static HeaderSpec.Header read(Path file, String name, HeaderSpec spec, CsvTable.RowHandler handler) {
    try (XSSFWorkbook wb = open(file, name)) {
      List<SheetRows> sheets = sheets(wb);
      if (sheets.isEmpty()) {
        throw new UsageImportException(name + ": the workbook is empty (no sheet has a header row)");
      }
      SheetRows chosen = null;
      for (SheetRows s : sheets) {
        if (spec.matches(s.header())) {
          chosen = s;
          break;
        }
      }
      if (chosen == null) {
        StringBuilder found = new StringBuilder();
        for (SheetRows s : sheets) {
          found.append(found.length() == 0 ? "" : "; ").append("sheet '").append(s.name())
              .append("' ").append(s.header());
        }
        spec.bind(sheets.get(0).header(), name + " (no sheet fits; " + found + ")");
        throw new IllegalStateException("unreachable: the header did not bind");
      }
      HeaderSpec.Header header = spec.bind(chosen.header(), name);
      long dataRows = 0;
      Sheet sheet = chosen.sheet();
      for (int r = (int) chosen.headerLine(); r <= sheet.getLastRowNum(); r++) {
        List<String> fields = cells(sheet.getRow(r));
        if (CsvTable.allBlank(fields)) {
          continue;
        }
        dataRows++;
        handler.row(r + 1L, fields, header);
      }
      if (dataRows == 0) {
        throw new UsageImportException(
            name + ": sheet '" + chosen.name() + "' has a header " + header.found()
                + " but no data rows");
      }
      return header;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XSSFWorkbook open(Path file, String name) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UsageImportException(name + ": file not found or unreadable", e);
    }
    if (size > MAX_BYTES) {
      throw new UsageImportException(
          name + ": the workbook is " + (size >> 20) + " MiB; workbooks over "
              + (MAX_BYTES >> 20) + " MiB are refused; export the data as CSV instead");
    }
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      return new XSSFWorkbook(pkg);
    } catch (InvalidFormatException | IOException | RuntimeException e) {
      // POI reports a corrupt archive, a zip bomb or a non-workbook zip with runtime exceptions of
      // its own (NotOfficeXmlFileException, POIXMLException, OpenXML4JRuntimeException, ...)
      if (pkg != null) {
        pkg.revert();
      }
      throw new UsageImportException(
          name + ": this looks like a binary file, not text (it contains NUL bytes), and it is not"
              + " a readable Excel .xlsx workbook (" + reason(e) + "); export the data as CSV or"
              + " download the export again",
          e);
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    m = m.strip().replaceAll("\\s+", " ");
    return m.length() > 160 ? m.substring(0, 160) + "..." : m;
  }

  private static List<SheetRows> sheets(XSSFWorkbook wb) {
    List<SheetRows> out = new ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      Sheet sheet = wb.getSheetAt(i);
      for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
        List<String> fields = cells(sheet.getRow(r));
        if (!CsvTable.allBlank(fields)) {
          out.add(new SheetRows(sheet.getSheetName(), r + 1L, fields, sheet));
          break;
        }
      }
    }
    return out;
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    if (row == null) {
      return out;
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      out.add(cell == null ? "" : text(cell));
    }
    return out;
  }

  /** A cell's value as the text a CSV export would hold. */
  static String text(Cell cell) {
    CellType type =
        cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    switch (type) {
      case STRING:
        return cell.getStringCellValue();
      case NUMERIC:
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDateTime t = cell.getLocalDateTimeCellValue();
          return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case BOOLEAN:
        return Boolean.toString(cell.getBooleanCellValue());
      case ERROR:
        return FormulaError.forInt(cell.getErrorCellValue()).getString();
      default:
        return "";
    }
  }
}
