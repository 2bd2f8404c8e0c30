package dev.seatwise.adapter.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes small .xlsx workbooks with Apache POI for the tests: each sheet a list of rows, each cell
 * a String, a Number, a LocalDate or LocalDateTime (a real Excel date cell with a date format), or
 * null (no cell). Also makes a zip bomb of a workbook.
 */
final class Workbooks {
  private Workbooks() {}

  /** A sheet's name and rows, for {@link #write}. */
  static Map<String, List<List<Object>>> sheets() {
    return new LinkedHashMap<>();
  }

  static Path write(Path file, Map<String, List<List<Object>>> sheets) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy h:mm"));
      for (Map.Entry<String, List<List<Object>>> s : sheets.entrySet()) {
        Sheet sheet = wb.createSheet(s.getKey());
        int r = 0;
        for (List<Object> values : s.getValue()) {
          Row row = sheet.createRow(r++);
          int c = 0;
          for (Object v : values) {
            int col = c++;
            if (v == null) {
              continue;
            }
            Cell cell = row.createCell(col);
            if (v instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
              cell.setCellValue(d);
              cell.setCellStyle(date);
            } else if (v instanceof LocalDateTime t) {
              cell.setCellValue(t);
              cell.setCellStyle(dateTime);
            } else {
              cell.setCellValue(v.toString());
            }
          }
        }
      }
      wb.write(out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of {@code workbook} whose first sheet's XML is padded with {@code megabytes} MB of
   * spaces after its XML declaration: still well-formed, but it inflates about 1000-fold.
   */
  static Path bomb(Path workbook, Path out, int megabytes) {
    try (ZipFile in = new ZipFile(workbook.toFile());
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        zip.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
          byte[] bytes = data.readAllBytes();
          if (e.getName().equals("xl/worksheets/sheet1.xml")) {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            int afterDecl = xml.indexOf("?>") + 2;
            zip.write(xml.substring(0, afterDecl).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < megabytes; i++) {
              zip.write(spaces);
            }
            zip.write(xml.substring(afterDecl).getBytes(StandardCharsets.UTF_8));
          } else {
            zip.write(bytes);
          }
        }
        zip.closeEntry();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
