package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.in.PlausibleDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every date option ({@code --from}, {@code --to}, {@code --as-of}, {@code --start}): an
 * ISO date within {@link PlausibleDates}, else wrong usage (exit 2) saying why, with no Java class
 * names. A date such as 9999-01-01 made {@code review} overflow (exit 3) and {@code forecast} walk
 * millions of days.
 */
public final class DateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      // "Text '2025-13-01' could not be parsed: Invalid value for MonthOfYear ...": keep the why
      String message = String.valueOf(e.getMessage());
      int why = message.indexOf("could not be parsed: ");
      throw new TypeConversionException(
          "'" + Text.fit(value, 200) + "' is not a date (YYYY-MM-DD)"
              + (why < 0 ? "" : ": " + message.substring(why + "could not be parsed: ".length())));
    }
    String problem = PlausibleDates.problem(date);
    if (problem != null) {
      throw new TypeConversionException(problem);
    }
    return date;
  }

  /**
   * Reads {@code --zone}: a region such as {@code Europe/Berlin} or an offset such as {@code
   * +01:00}, else wrong usage saying so, with no Java class names.
   */
  public static final class Zone implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "'" + Text.fit(value, 200) + "' is not a time zone (e.g. UTC, Europe/Berlin or +01:00)");
      }
    }
  }
}
