package dev.seatwise.adapter.files;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses cell values. Each parser throws {@link BadValue} with a reason fit for a rejection. Dates
 * accept ISO {@code 2024-03-15} (a time part is ignored), {@code 2024/03/15} and the US form
 * {@code 3/15/2024}; a day-first {@code 15/3/2024} is refused rather than guessed.
 */
final class Values {
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ].*)?");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: .*)?");
  private static final Pattern WHOLE = Pattern.compile("[0-9][0-9,]*(\\.0+)?");
  private static final Pattern MASKED = Pattern.compile("\\*+");

  /** A value that cannot be used, with the reason. */
  static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadValue(String reason) {
      super(reason, null, false, false);
    }
  }

  private Values() {}

  /**
   * An ISO-8601 date-time: with {@code Z} or an offset (or a [zone]) it is an instant; without, it
   * is a local time in {@code zone}. A space may stand for the {@code T}.
   */
  static Instant instant(String raw, ZoneId zone) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    String s = raw.length() > 10 && raw.charAt(10) == ' '
        ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
    try {
      return plausible(parseInstant(s, zone), raw);
    } catch (DateTimeException | ArithmeticException e) {
      throw new BadValue("not an ISO-8601 date-time: '" + Limits.quote(raw) + "'");
    }
  }

  private static Instant parseInstant(String s, ZoneId zone) {
    Instant fast = canonicalUtc(s);
    if (fast != null) {
      return fast;
    }
    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
    if (t.isSupported(ChronoField.OFFSET_SECONDS) || t.query(java.time.temporal.TemporalQueries.zoneId()) != null) {
      return ZonedDateTime.from(t).toInstant();
    }
    return LocalDateTime.from(t).atZone(zone).toInstant();
  }

  /** {@code t} if it lies within {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}. */
  static Instant plausible(Instant t, String raw) {
    if (!Limits.plausible(t)) {
      throw new BadValue("'" + Limits.quote(raw) + "' is outside the plausible dates "
          + Limits.dateRange());
    }
    return t;
  }

  /** {@code d} if it lies within {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}. */
  static LocalDate plausible(LocalDate d, String raw) {
    if (!Limits.plausible(d)) {
      throw new BadValue("'" + Limits.quote(raw) + "' is outside the plausible dates "
          + Limits.dateRange());
    }
    return d;
  }

  /**
   * The instant of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form {@link SessionsCsvWriter}
   * writes, parsed without the formatter machinery (about 20 times faster); null for any other
   * form, which then goes through {@link DateTimeFormatter#ISO_DATE_TIME}.
   *
   * @throws DateTimeException when the form matches but a field is out of range
   */
  static Instant canonicalUtc(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nano = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n == 21) {
        return null;
      }
      int f = digits(s, 20, n - 1);
      if (f < 0) {
        return null;
      }
      nano = f;
      for (int i = n - 1 - 20; i < 9; i++) {
        nano *= 10;
      }
    } else if (s.charAt(19) != 'Z') {
      return null;
    }
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    int secondOfDay = java.time.LocalTime.of(hour, minute, second).toSecondOfDay();
    return Instant.ofEpochSecond(days * 86_400L + secondOfDay, nano);
  }

  /** The decimal number in {@code s[from, to)}, or -1 if a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  static LocalDate date(String raw) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    // YYYY-MM-DD in ASCII digits, the usual form (a row of a day-by-day export): read without the
    // patterns, to the same date or the same error
    if (raw.length() == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
      int year = digits(raw, 0, 4);
      int month = digits(raw, 5, 7);
      int day = digits(raw, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return plausible(LocalDate.of(year, month, day), raw);
        } catch (DateTimeException e) {
          throw new BadValue("not a valid date: '" + Limits.quote(raw) + "' (" + e.getMessage() + ")");
        }
      }
    }
    return byPattern(raw);
  }

  /** {@link #date} read by its patterns only (every form; the fast path's oracle in the tests). */
  static LocalDate byPattern(String raw) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    try {
      Matcher m = ISO_DATE.matcher(raw);
      if (m.matches()) {
        return plausible(LocalDate.of(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
            raw);
      }
      m = US_DATE.matcher(raw);
      if (m.matches()) {
        return plausible(LocalDate.of(
            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
            raw);
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new BadValue("not a valid date: '" + Limits.quote(raw) + "' (" + e.getMessage() + ")");
    }
    throw new BadValue("not a date: '" + Limits.quote(raw) + "' (expected YYYY-MM-DD or M/D/YYYY)");
  }

  /** A date, or empty for blank, "-", "never", "n/a". */
  static Optional<LocalDate> optionalDate(String raw) {
    String s = raw.strip();
    if (s.isEmpty() || s.equals("-") || s.equalsIgnoreCase("never") || s.equalsIgnoreCase("n/a")) {
      return Optional.empty();
    }
    return Optional.of(date(s));
  }

  /**
   * A whole number from 0 to {@code max}; thousands separators and a {@code .0} fraction are
   * accepted.
   */
  static long count(String raw, long max) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    // up to 18 ASCII digits, the usual form (a tokens cell on every row of an export): read
    // without the pattern or a BigDecimal, to the same value or the same error
    if (raw.length() <= 18) {
      long whole = 0;
      boolean digitsOnly = true;
      for (int i = 0; digitsOnly && i < raw.length(); i++) {
        int d = raw.charAt(i) - '0';
        digitsOnly = d >= 0 && d <= 9;
        whole = whole * 10 + d;
      }
      if (digitsOnly) {
        if (whole > max) {
          throw new BadValue(Limits.quote(raw) + " is above the plausible maximum of " + max);
        }
        return whole;
      }
    }
    return countByPattern(raw, max);
  }

  /** {@link #count} read by its pattern only (every form; the fast path's oracle in the tests). */
  static long countByPattern(String raw, long max) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    if (raw.startsWith("-")) {
      throw new BadValue("must be >= 0 but was " + Limits.quote(raw));
    }
    if (!WHOLE.matcher(raw).matches()) {
      throw new BadValue("not a whole number: '" + Limits.quote(raw) + "'");
    }
    BigDecimal v;
    try {
      v = new BigDecimal(raw.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new BadValue("not a whole number: '" + Limits.quote(raw) + "'");
    }
    if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new BadValue(Limits.quote(raw) + " is above the plausible maximum of " + max);
    }
    return v.longValue();
  }

  /** A count from 0 to {@code max}, or zero when blank. */
  static long countOrZero(String raw, long max) {
    return raw.isEmpty() || raw.equals("-") ? 0 : count(raw, max);
  }

  /**
   * A whole number of digits only, from 0 to {@code max}, as found by a reader's own pattern (no
   * sign, no separators): never a {@link NumberFormatException}, however many digits.
   */
  static long digits(String raw, long max) {
    if (raw.isEmpty() || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadValue("not a whole number: '" + Limits.quote(raw) + "'");
    }
    BigDecimal v = new BigDecimal(raw);
    if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new BadValue(Limits.quote(raw) + " is above the plausible maximum of " + max);
    }
    return v.longValue();
  }


  /** An identifier cell: empty when blank or masked ({@code *****}, Autodesk's PII-off value). */
  static Optional<String> identifier(String raw) {
    if (raw.isEmpty() || MASKED.matcher(raw).matches()) {
      return Optional.empty();
    }
    return Optional.of(raw);
  }
}
