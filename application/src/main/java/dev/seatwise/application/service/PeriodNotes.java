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

  /** Why a pool-metered vendor's scenarios are not evaluated as dated plans (licensing-model.md). */
  static final String POOL_NOT_A_PLAN =
      "the catalog's meter sizes a pool, so its scenarios are not evaluated as dated plans: the"
          + " usage is capacity held at once, not access windows a holding covers, and a pool costs"
          + " by its size (the cheapest pack cover of the size, per year x the period's days/365),"
          + " which the plan engine does not decide; seats are priced per seat for the period";

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

  /**
   * What a comparison says when aggregated usage reports (no dates) contributed: that no dated plan
   * can be evaluated against them and which rule prices the scenarios instead, and that their use
   * is taken as it is (neither extrapolated nor pro-rated to the period). Empty without reports.
   */
  static List<String> dateless(UsageAnalysis analysis, boolean currentGiven) {
    if (!analysis.hasSummaries()) {
      return List.of();
    }
    long days = 0;
    long tokens = 0;
    long rows = 0;
    for (var byProduct : analysis.summaryUsage().values()) {
      for (var u : byProduct.values()) {
        days += u.daysUsed();
        tokens = Math.addExact(tokens, u.tokens());
        rows++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "aggregated usage reports carry no dates: each day used counts as one window at the rate of"
            + " the period's first catalog version, whatever the period");
    notes.add(
        "aggregated usage reports carry no dates, so no dated plan can be evaluated against them:"
            + " all-named, all-flex and optimal are priced by the single-purchase rule (each seat"
            + " for the period as the optimiser prices it, rounded once per offering line; all the"
            + " period's Flex tokens bought at once on its first day as the cheapest pack cover at"
            + " the lowest pack prices of any catalog version), so token expiry within the period"
            + " and later price versions of packs are not applied"
            + (currentGiven
                ? "; current evaluates today's plan against the dated usage only, so the reports' "
                    + Figures.tokens(tokens) + " tokens are not in its total"
                : ""));
    notes.add(
        String.format(
            "the aggregated usage reports' %s days used (%s tokens, %d user-product rows) are counted"
                + " in the period as they are, whatever span the reports cover: nothing of them is"
                + " extrapolated or pro-rated to the period's %d days (a note on how much of the"
                + " period has data counts only their last-access days)",
            Figures.tokens(days), Figures.tokens(tokens), rows, analysis.period().days()));
    return notes;
  }

  private static String percent(long part, long whole) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
