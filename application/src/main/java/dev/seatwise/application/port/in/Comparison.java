package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportReport;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "what would each model have cost us": scenario totals, each user's optimal
 * assignment with its reason, the import report and notes (e.g. scenarios the data cannot
 * support), and the chargeback when the query asked for one. Immutable.
 */
public record Comparison(
    Currency currency,
    AnalysisPeriod period,
    String catalog,
    ImportReport importReport,
    List<Scenario> scenarios,
    List<UserComparison> users,
    List<String> notes,
    Optional<Chargeback> chargeback) {
  public Comparison {
    requireNonNull(currency, "currency");
    requireNonNull(period, "period");
    requireNonNull(catalog, "catalog");
    requireNonNull(importReport, "importReport");
    scenarios = List.copyOf(scenarios);
    users = List.copyOf(users);
    notes = List.copyOf(notes);
    requireNonNull(chargeback, "chargeback");
  }

  /** A comparison without a chargeback. */
  public Comparison(
      Currency currency,
      AnalysisPeriod period,
      String catalog,
      ImportReport importReport,
      List<Scenario> scenarios,
      List<UserComparison> users,
      List<String> notes) {
    this(currency, period, catalog, importReport, scenarios, users, notes, Optional.empty());
  }

  /** The same comparison with another import report and notes (front ends add what they read). */
  public Comparison withImport(ImportReport report, List<String> allNotes) {
    return new Comparison(currency, period, catalog, report, scenarios, users, allNotes, chargeback);
  }

  public Optional<Scenario> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
