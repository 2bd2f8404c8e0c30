package dev.seatwise.adapter.files;

import dev.seatwise.application.port.in.PlausibleDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The plausible ranges of the values the readers accept, in one place (docs/reliability.md lists
 * them). A value outside is a rejection naming file, line and field, never an internal error and
 * never an allocation the value dictates: a 152-byte line must not be able to ask for ten million
 * sessions. Constants only.
 */
public final class Limits {
  /** Licences one check-out line may hold ({@code (N licenses)}, {@code , N licenses}). */
  public static final int MAX_LICENSES_PER_CHECKOUT = 10_000;

  /** Seats a count may state: lmstat's issued and in-use totals, a subscription's quantity. */
  public static final long MAX_SEATS = 1_000_000;

  /**
   * What one count of a licence-server status output (RLM, LM-X, DSLS, {@code lstc_qrun}, {@code
   * olixtool}) may state: issued, in use, or one check-out (at least 1). These counts are weights,
   * Altair units, DSLS tokens, cores, that run past {@link #MAX_SEATS} (an LM-X sample issues
   * 1,000,003 units and checks out 25,000 at once).
   */
  public static final long MAX_STATUS_COUNT = 100_000_000;

  /**
   * The issued count a licence server prints for "no limit": 2,147,483,647, the largest signed
   * 32-bit integer (LM-X prints {@code 0 of 2147483647 license(s) used} for a feature licensed
   * without a count). As an issued count of a status output it is read as unlimited, kept as it
   * is and named in a note; anywhere else, and as an in-use or check-out count, it is above {@link
   * #MAX_STATUS_COUNT} and rejected like any other.
   */
  public static final long UNLIMITED_ISSUED = Integer.MAX_VALUE;

  /** Days used one Usage Report row may state (ten years of days). */
  public static final long MAX_DAYS_USED = 3_660;

  /** Tokens one export row may state. */
  public static final long MAX_TOKENS_PER_ROW = 100_000_000;

  /** The earliest date usage, entitlements and catalogs may carry. */
  public static final LocalDate EARLIEST_DATE = PlausibleDates.EARLIEST;

  /** The latest date usage, entitlements and catalogs may carry. */
  public static final LocalDate LATEST_DATE = PlausibleDates.LATEST;

  /** Instants are checked in UTC with a day's margin either side, for every time zone. */
  static final Instant EARLIEST_INSTANT =
      EARLIEST_DATE.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

  static final Instant LATEST_INSTANT =
      LATEST_DATE.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);

  /**
   * How long after the newest check-out start a status snapshot dated by its file's last-modified
   * time may be before that time earns a warning ({@link FileTimeDating#suspect}): a month with no
   * new check-out on a monitored server says the file time is the copy's, not the snapshot's.
   */
  public static final java.time.Duration MAX_FILE_TIME_AFTER_CHECKOUTS = java.time.Duration.ofDays(30);

  /**
   * How far before the newest check-out start a snapshot's file time may be (clocks and a wrong
   * import zone, up to a day) before that time earns a warning.
   */
  public static final java.time.Duration FILE_TIME_SKEW = java.time.Duration.ofDays(1);

  /** The largest price or unit price a catalog may state, in its currency. */
  public static final java.math.BigDecimal MAX_PRICE = new java.math.BigDecimal("100000000");

  /** Decimal places a catalog price may have. */
  public static final int MAX_PRICE_SCALE = 6;

  /** The most Flex tokens a product may cost per day. */
  public static final long MAX_TOKENS_PER_DAY = 100_000;

  /** The largest token pack a catalog may sell. */
  public static final long MAX_PACK_SIZE = 1_000_000_000;

  /** The longest Flex access window (and minimum billable time) a catalog may state. */
  public static final java.time.Duration MAX_WINDOW = java.time.Duration.ofDays(366);

  /** The longest token expiry a catalog may state. */
  public static final java.time.Period MAX_TOKEN_EXPIRY = java.time.Period.ofYears(10);

  /** Characters of input an error text quotes at most. */
  public static final int MAX_QUOTED_CHARS = 200;

  /** Identical sessions (same user, product, start, end) that earn an import note. */
  static final int DUPLICATE_NOTE_THRESHOLD = 2;

  private Limits() {}

  /** The range as text, for rejections: {@code 1990-01-01 to 2100-12-31}. */
  static String dateRange() {
    return EARLIEST_DATE + " to " + LATEST_DATE;
  }

  static boolean plausible(LocalDate d) {
    return !d.isBefore(EARLIEST_DATE) && !d.isAfter(LATEST_DATE);
  }

  static boolean plausible(Instant t) {
    return !t.isBefore(EARLIEST_INSTANT) && t.isBefore(LATEST_INSTANT);
  }

  /**
   * {@code raw} as it may be quoted in an error text: at most {@value #MAX_QUOTED_CHARS}
   * characters, then {@code ... (N characters)}.
   */
  public static String quote(String raw) {
    if (raw.length() <= MAX_QUOTED_CHARS) {
      return raw;
    }
    return raw.substring(0, MAX_QUOTED_CHARS) + "... (" + raw.length() + " characters)";
  }
}
