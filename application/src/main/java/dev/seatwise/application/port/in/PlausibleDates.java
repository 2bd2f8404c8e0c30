package dev.seatwise.application.port.in;

import java.time.LocalDate;

/**
 * The dates seatwise accepts anywhere: in the files it reads (adapters-files' {@code Limits}) and in
 * the dates a request names (a period's {@code from} and {@code to}, an {@code as-of} date). A date
 * outside is wrong input, never a period of millions of days to walk (a forecast learnt from year 1,
 * a review dated 9999 whose shift overflows nanoseconds in a {@code long}). Constants only.
 */
public final class PlausibleDates {
  /** The earliest date usage, entitlements, catalogs and requests may carry. */
  public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  /**
   * The latest date usage, entitlements, catalogs and requests may carry; a period's {@code to}
   * (the day after its last day) may be the day after.
   */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private PlausibleDates() {}

  /**
   * Why {@code date} is not plausible, or {@code null} when it is: {@code '9999-01-01' is outside
   * the plausible dates 1990-01-01 to 2100-12-31}. The day after {@link #LATEST} is accepted, as the
   * exclusive end of a period that runs to the last plausible day.
   */
  public static String problem(LocalDate date) {
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST.plusDays(1))) {
      return "'" + date + "' is outside the plausible dates " + EARLIEST + " to " + LATEST;
    }
    return null;
  }
}
