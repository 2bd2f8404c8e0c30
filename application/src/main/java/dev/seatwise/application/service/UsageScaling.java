package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkArgument;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.metering.WindowScaling;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Imported usage multiplied by a factor for what-if runs: the sessions and days by {@link
 * WindowScaling} (whole visits dropped or repeated so that the windows they replay to move by the
 * factor, one rounding down over the whole usage), aggregated summaries by their days and tokens
 * times the factor, rounded down. Everything else (unmapped sessions, token usage, denials,
 * snapshots, the import report, the consumption export, the units status check-outs held) is carried
 * unchanged.
 */
final class UsageScaling {
  private UsageScaling() {}

  /** The scaled usage and what the scaling did to the windows. */
  record Scaled(ImportedUsage usage, WindowScaling.Scaled windows) {
    long unplaced() {
      return windows.unplaced();
    }
  }

  static Scaled scale(
      ImportedUsage in, BigDecimal factor, AnalysisPeriod period, MeteringParameters metering) {
    checkArgument(factor.signum() >= 0, "factor must be >= 0 but was %s", factor);
    WindowScaling.Scaled w =
        WindowScaling.scale(
            in.log(), factor, period.startInstant(), period.endInstant(), period.from(), period.to(),
            metering);
    List<UsageSummary> summaries = new ArrayList<>();
    for (UsageSummary s : in.summaries()) {
      summaries.add(
          new UsageSummary(
              s.user(), s.product(), WindowScaling.floor(s.daysUsed(), factor), s.lastAccessed(),
              WindowScaling.floor(s.tokensUsed(), factor)));
    }
    ImportedUsage out =
        new ImportedUsage(
            w.usage(),
            in.unmapped(),
            summaries,
            in.tokenUsage(),
            in.denials(),
            in.snapshots(),
            in.report(),
            in.consumption(),
            in.heldUnits());
    return new Scaled(out, w);
  }
}
