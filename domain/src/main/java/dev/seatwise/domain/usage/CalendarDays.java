package dev.seatwise.domain.usage;

import java.time.Instant;
import java.time.zone.ZoneRules;

/**
 * Calendar days as epoch days: the arithmetic behind "days used", shared by the object and the
 * columnar replays so that both count the same days. Faster than {@code
 * t.atZone(zone).toLocalDate().toEpochDay()}, and equal to it.
 */
public final class CalendarDays {
  private static final long SECONDS_PER_DAY = 86_400L;

  private CalendarDays() {}

  /** The calendar day of {@code t} in the zone of {@code rules} (its offset at {@code t}). */
  public static long epochDay(Instant t, ZoneRules rules) {
    return Math.floorDiv(t.getEpochSecond() + rules.getOffset(t).getTotalSeconds(), SECONDS_PER_DAY);
  }
}
