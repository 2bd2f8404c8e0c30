package dev.seatwise.application.service;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.domain.usage.UsageSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a comparison says about its period: how much of it has data, and when a figure extrapolates
 * from part of a year. Stateless.
 */
final class PeriodNotes {
  private PeriodNotes() {}

  static List<String> of(AnalysisPeriod period, Optional<UsageSpan> data) {
    List<String> notes = new ArrayList<>();
    long days = period.days();
    data.ifPresent(
        span -> {
          long covered = span.daysWithin(period.from(), period.to());
          if (covered < days) {
            notes.add(
                String.format(
                    "usage data covers %d of the period's %d days (%s to %s, %s); subscriptions are"
                        + " priced for the whole period, Flex only for the use seen: nothing is"
                        + " extrapolated to the days without data",
                    covered, days, span.first(), span.last(), percent(covered, days)));
          }
        });
    if (days < UsageSpan.YEAR_DAYS) {
      notes.add(
          String.format(
              "the period is %d days, shorter than a year: annual prices are pro-rated to %d/365"
                  + " of a year, as if a seat could be held for part of a year",
              days, days));
    }
    return notes;
  }

  private static String percent(long part, long whole) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
