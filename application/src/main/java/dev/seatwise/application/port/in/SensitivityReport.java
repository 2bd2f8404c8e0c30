package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Scenario totals under each change, beside the {@code baseline}, all over one {@code period} (the
 * baseline's, so a change of usage never moves the period). {@code cases} come in the query's order:
 * token price changes, then named price changes, then usage changes. Immutable and thread-safe;
 * nothing is null.
 */
public record SensitivityReport(
    AnalysisPeriod period, SensitivityCase baseline, List<SensitivityCase> cases, List<String> notes) {
  public SensitivityReport {
    checkNotNull(period, "period");
    checkNotNull(baseline, "baseline");
    cases = List.copyOf(cases);
    notes = List.copyOf(notes);
  }

  public List<SensitivityCase> casesOf(SensitivityCase.Dimension dimension) {
    return cases.stream().filter(c -> c.dimension() == dimension).toList();
  }
}
