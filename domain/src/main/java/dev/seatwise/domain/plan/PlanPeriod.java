package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The period a plan is evaluated over: the calendar days {@code [from, to)} read in {@code zone}.
 * Immutable and thread-safe; nothing is null.
 */
public record PlanPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  public PlanPeriod {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(zone, "zone");
    checkArgument(from.isBefore(to), "period must end after it starts: %s..%s", from, to);
  }

  /** Days in the period. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }

  /** The first instant of the period (the start of {@code from} in the zone). */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period (the start of {@code to} in the zone). */
  public Instant end() {
    return to.atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && day.isBefore(to);
  }

  /** The calendar day of {@code t} in the period's zone. */
  public LocalDate dayOf(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }

  /** Days of {@code [start, end)} that fall within the period. */
  public long overlapDays(LocalDate start, LocalDate end) {
    LocalDate s = start.isAfter(from) ? start : from;
    LocalDate e = end.isBefore(to) ? end : to;
    return Math.max(0, ChronoUnit.DAYS.between(s, e));
  }
}
