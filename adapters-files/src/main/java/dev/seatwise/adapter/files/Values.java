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
      if (s.endsWith("Z") && s.indexOf('[') < 0) {
        return Instant.parse(s);
      }
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
      if (t.isSupported(ChronoField.OFFSET_SECONDS) || t.query(java.time.temporal.TemporalQueries.zoneId()) != null) {
        return ZonedDateTime.from(t).toInstant();
      }
      return LocalDateTime.from(t).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new BadValue("not an ISO-8601 date-time: '" + raw + "'");
    }
  }

  static LocalDate date(String raw) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    try {
      Matcher m = ISO_DATE.matcher(raw);
      if (m.matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = US_DATE.matcher(raw);
      if (m.matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    } catch (DateTimeException e) {
      throw new BadValue("not a valid date: '" + raw + "' (" + e.getMessage() + ")");
    }
    throw new BadValue("not a date: '" + raw + "' (expected YYYY-MM-DD or M/D/YYYY)");
  }

  /** A date, or empty for blank, "-", "never", "n/a". */
  static Optional<LocalDate> optionalDate(String raw) {
    String s = raw.strip();
    if (s.isEmpty() || s.equals("-") || s.equalsIgnoreCase("never") || s.equalsIgnoreCase("n/a")) {
      return Optional.empty();
    }
    return Optional.of(date(s));
  }

  /** A whole number >= 0; thousands separators and a {@code .0} fraction are accepted. */
  static long count(String raw) {
    if (raw.isEmpty()) {
      throw new BadValue("missing value");
    }
    if (raw.startsWith("-")) {
      throw new BadValue("must be >= 0 but was " + raw);
    }
    if (!WHOLE.matcher(raw).matches()) {
      throw new BadValue("not a whole number: '" + raw + "'");
    }
    try {
      return new BigDecimal(raw.replace(",", "")).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new BadValue("not a whole number: '" + raw + "'");
    }
  }

  /** A count, or zero when blank. */
  static long countOrZero(String raw) {
    return raw.isEmpty() || raw.equals("-") ? 0 : count(raw);
  }

  /** An identifier cell: empty when blank or masked ({@code *****}, Autodesk's PII-off value). */
  static Optional<String> identifier(String raw) {
    if (raw.isEmpty() || MASKED.matcher(raw).matches()) {
      return Optional.empty();
    }
    return Optional.of(raw);
  }
}
