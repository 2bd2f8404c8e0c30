package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportReport;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "what would each model have cost us": scenario totals, each user's optimal
 * assignment with its reason, the import report and notes (e.g. scenarios the data cannot
 * support). Immutable.
 */
public record Comparison(
    Currency currency,
    AnalysisPeriod period,
    String catalog,
    ImportReport importReport,
    List<Scenario> scenarios,
    List<UserComparison> users,
    List<String> notes) {
  public Comparison {
    requireNonNull(currency, "currency");
    requireNonNull(period, "period");
    requireNonNull(catalog, "catalog");
    requireNonNull(importReport, "importReport");
    scenarios = List.copyOf(scenarios);
    users = List.copyOf(users);
    notes = List.copyOf(notes);
  }

  public Optional<Scenario> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
