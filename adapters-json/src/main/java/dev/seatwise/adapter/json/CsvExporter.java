package dev.seatwise.adapter.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes RFC 4180 CSV (comma, CRLF, double quotes) that is safe to open in a spreadsheet: a text
 * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets
 * a leading {@code '} so that it cannot run as a formula (OWASP "CSV injection"). Numbers are
 * written as plain numbers ({@code -12.50} is a number, not a formula): money ({@link BigDecimal})
 * at two decimals, counts as integers, statistics ({@link Double}) without trailing zeros.
 * Stateless and thread-safe.
 */
public final class CsvExporter {
  private static final String EOL = "\r\n";

  /** Writes the header and every row of {@code table} to {@code out}. */
  public void write(CsvTable table, Appendable out) {
    try {
      writeRow(table.header(), out);
      for (List<Object> row : table.rows()) {
        writeRow(row, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table as one string. */
  public String toCsv(CsvTable table) {
    StringBuilder sb = new StringBuilder();
    write(table, sb);
    return sb.toString();
  }

  private static void writeRow(List<?> cells, Appendable out) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append(EOL);
  }

  /** One cell as CSV text: defused when it is text, quoted when it needs to be. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return Amounts.atTwoDecimals(d).toPlainString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return quote(defuse(value.toString()));
  }

  /** {@code text} with a leading {@code '} when a spreadsheet could read it as a formula. */
  public static String defuse(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text
        : text;
  }

  private static String quote(String text) {
    boolean needs =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || (!text.isEmpty()
                && (Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1))));
    return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
