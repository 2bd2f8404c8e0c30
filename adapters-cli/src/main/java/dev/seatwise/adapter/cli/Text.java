package dev.seatwise.adapter.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formatting for tables: money and counts with thousands separators, padding, truncation, wrapping.
 */
final class Text {
  /** Tables never exceed this many columns. */
  static final int WIDTH = 100;

  private Text() {}

  static String money(BigDecimal amount) {
    return amount == null ? "-" : String.format(Locale.ROOT, "%,.2f", amount);
  }

  static String signedMoney(BigDecimal amount) {
    if (amount == null) {
      return "-";
    }
    return (amount.signum() > 0 ? "+" : "") + money(amount);
  }

  /**
   * A price per unit: at least two decimals, more only when it has them ({@code 2.70}, {@code
   * 2.675}).
   */
  static String unitPrice(BigDecimal price) {
    return dev.seatwise.adapter.json.Amounts.atTwoDecimals(price).toPlainString();
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code n} days, as a count: "1 day", "365 days". */
  static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }

  static String left(String s, int width) {
    String t = fit(s, width);
    return t + " ".repeat(width - t.length());
  }

  /**
   * {@code s} right-aligned in {@code width} columns. Right-aligned cells are figures (amounts,
   * counts, percentiles, durations) and their headings, so a value wider than its column is
   * written whole and the row grows: a peak of 40,000 Altair units printed as {@code 40...} was a
   * figure nobody could read back. Control characters are still escaped.
   */
  static String right(String s, int width) {
    String t = safe(s);
    return " ".repeat(Math.max(0, width - t.length())) + t;
  }

  /**
   * {@code s} with every control character (C0, DEL, C1, and the bidirectional overrides) written
   * as a visible escape such as {@code \u001b} or {@code \n}: names read from files cannot move
   * the cursor, ring the bell, recolour the terminal or start a fake table row.
   */
  static String safe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
      if (control && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (!control) {
          sb.append(c);
        } else if (c == '\n') {
          sb.append("\\n");
        } else if (c == '\r') {
          sb.append("\\r");
        } else if (c == '\t') {
          sb.append("\\t");
        } else {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** {@code s} made {@link #safe} and cut to {@code width}, ending in {@code ...} when cut. */
  static String fit(String raw, int width) {
    String s = safe(raw);
    if (s.length() <= width) {
      return s;
    }
    return width <= 3 ? s.substring(0, width) : s.substring(0, width - 3) + "...";
  }

  /**
   * {@code text} wrapped at spaces into lines of at most {@code width} columns: the first line
   * starts with {@code indent}, the others with {@code continuation}; a word longer than a line is
   * cut.
   */
  static List<String> wrap(String text, int width, String indent, String continuation) {
    List<String> lines = new ArrayList<>();
    String prefix = indent;
    StringBuilder line = new StringBuilder();
    for (String word : safe(text).strip().split(" +")) {
      if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > width) {
        lines.add(prefix + line);
        prefix = continuation;
        line.setLength(0);
      }
      while (line.length() == 0 && prefix.length() + word.length() > width) {
        int room = Math.max(1, width - prefix.length());
        lines.add(prefix + word.substring(0, room));
        prefix = continuation;
        word = word.substring(room);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(prefix + line);
    return lines;
  }

  /** Prints {@code text} wrapped to the table width, continuation lines indented by two. */
  static void sentence(java.io.PrintWriter out, String text) {
    for (String line : wrap(text, WIDTH, "", "  ")) {
      out.println(line);
    }
  }

  static String percent(BigDecimal part, BigDecimal whole) {
    if (whole == null || whole.signum() == 0 || part == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.1f%%",
        part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, java.math.RoundingMode.HALF_EVEN));
  }
}
