package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Calendar days as epoch days: the arithmetic behind "days used", shared by the object and the
 * columnar replays and the reconciliation so that they all count the same days. Faster than {@code
 * t.atZone(zone).toLocalDate().toEpochDay()}, and equal to it.
 */
public final class CalendarDays {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  private CalendarDays() {}

  /** The calendar day of {@code t} in the zone of {@code rules} (its offset at {@code t}). */
  public static long epochDay(Instant t, ZoneRules rules) {
    return Math.floorDiv(t.getEpochSecond() + rules.getOffset(t).getTotalSeconds(), SECONDS_PER_DAY);
  }

  /** The calendar days of {@code zone} (not null), for times in epoch nanoseconds. */
  public static InZone in(ZoneId zone) {
    return new InZone(checkNotNull(zone, "zone"));
  }

  /**
   * The calendar days of one zone, for times in epoch nanoseconds (as {@link SessionTable} holds
   * them): {@link #epochDay(long)} is {@link CalendarDays#epochDay(Instant, ZoneRules)} of the
   * instant, with a zone of one fixed offset (UTC, {@code +09:00}) taken as that offset added,
   * without looking it up. Immutable and thread-safe; never null.
   */
  public static final class InZone {
    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixed;
    /** The zone's offset in seconds when it has one fixed offset, else 0 (unused). */
    private final long fixedOffset;

    private InZone(ZoneId zone) {
      this.zone = zone;
      this.rules = zone.getRules();
      this.fixed = rules.isFixedOffset();
      this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** The zone these are the days of. */
    public ZoneId zone() {
      return zone;
    }

    /**
     * Whether the zone has one fixed offset: then the day of a later time is never an earlier day
     * (in a zone whose offset changes, clocks set back across midnight would go back a day).
     */
    public boolean isFixedOffset() {
      return fixed;
    }

    /**
     * The calendar day in the zone of the time {@code nanos} epoch nanoseconds. (Kept under 35
     * bytes of bytecode, the fixed offset's path inline and the zone rules' one apart, so that the
     * C1 compiler the launcher stops at inlines it into the replay's loops.)
     */
    public long epochDay(long nanos) {
      return fixed
          ? Math.floorDiv(Math.floorDiv(nanos, NANOS_PER_SECOND) + fixedOffset, SECONDS_PER_DAY)
          : byRules(nanos);
    }

    private long byRules(long nanos) {
      long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
      return Math.floorDiv(
          seconds + rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds(),
          SECONDS_PER_DAY);
    }

    @Override
    public String toString() {
      return "CalendarDays.InZone[" + zone + "]";
    }
  }
}
