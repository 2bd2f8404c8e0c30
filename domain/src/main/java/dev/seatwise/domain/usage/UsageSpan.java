package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The calendar days a usage history spans, {@code first} to {@code last} inclusive, and the rule
 * for the period a comparison is made over when none is given: never shorter than a year, so that
 * a short history is not priced as a subscription for a few days. Immutable and thread-safe;
 * nothing is null.
 */
public record UsageSpan(LocalDate first, LocalDate last) {
  /** The shortest default period: one year of 365 days. */
  public static final long YEAR_DAYS = 365;

  public UsageSpan {
    checkNotNull(first, "first");
    checkNotNull(last, "last");
    checkArgument(!last.isBefore(first), "usage span ends %s before it starts %s", last, first);
  }

  /** Days from {@code first} to {@code last}, both counted. */
  public long days() {
    return ChronoUnit.DAYS.between(first, last) + 1;
  }

  /**
   * The period {@code [from, to)} to analyse. Bounds given are kept as given. A missing {@code to}
   * is the day after the last day with data, or {@code from + 365 days} when that is later; a
   * missing {@code from} is the earlier of the first day with data and {@code to - 365 days}. So a
   * default period is never shorter than a year, and with neither bound it is the 365 days that end
   * on the last day with data (longer when the data span more).
   *
   * @return {@code [from, to)}; {@code to} is after {@code from} unless both were given otherwise
   */
  public LocalDate[] period(Optional<LocalDate> from, Optional<LocalDate> to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    LocalDate end =
        to.orElseGet(
            () -> {
              LocalDate afterData = last.plusDays(1);
              return from.map(f -> f.plusDays(YEAR_DAYS))
                  .filter(y -> y.isAfter(afterData))
                  .orElse(afterData);
            });
    LocalDate start =
        from.orElseGet(
            () -> {
              LocalDate yearBefore = end.minusDays(YEAR_DAYS);
              return first.isBefore(yearBefore) ? first : yearBefore;
            });
    return new LocalDate[] {start, end};
  }

  /** Days of {@code [from, to)} that lie within this span. */
  public long daysWithin(LocalDate from, LocalDate to) {
    LocalDate s = first.isAfter(from) ? first : from;
    LocalDate e = last.plusDays(1).isBefore(to) ? last.plusDays(1) : to;
    return Math.max(0, ChronoUnit.DAYS.between(s, e));
  }
}
