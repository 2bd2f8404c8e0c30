package dev.seatwise.domain.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A span of time in which the period's local day ({@link PlanPeriod#dayOf}) and the zone's offset
 * hold: from an instant to the end of its day or the zone's next offset change, whichever comes
 * first. Walks of windows in time order compute a day once per span instead of once per window.
 *
 * @param from the instant the span was made for (inclusive)
 * @param until the epoch second at which the span ends (exclusive)
 * @param day the local day of every instant in the span
 */
record DaySpan(Instant from, long until, LocalDate day) {

  /** The span of {@code t} in {@code period}. */
  static DaySpan of(PlanPeriod period, Instant t) {
    ZoneRules rules = period.zone().getRules();
    LocalDate d = period.dayOf(t);
    long end = (d.toEpochDay() + 1) * 86_400L - rules.getOffset(t).getTotalSeconds();
    ZoneOffsetTransition next = rules.nextTransition(t);
    if (next != null) {
      end = Math.min(end, next.getInstant().getEpochSecond());
    }
    return new DaySpan(t, end, d);
  }

  /** Whether {@code t} falls in this span (so its day is {@link #day}). */
  boolean holds(Instant t) {
    return !t.isBefore(from) && t.getEpochSecond() < until;
  }

  /** {@code span} when it holds {@code t}, else the span of {@code t}. */
  static DaySpan at(DaySpan span, PlanPeriod period, Instant t) {
    return span != null && span.holds(t) ? span : of(period, t);
  }
}
