package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.usage.UsageSpan;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "what would each model have cost us": scenario totals, each user's optimal
 * assignment with its reason, the import report and notes (e.g. scenarios the data cannot
 * support), the chargeback when the query asked for one, and the days the usage data span
 * ({@code usageData}, empty when unknown). The figures are as of {@link #asOf()}, the day after the
 * period. Immutable.
 */
public record Comparison(
    Currency currency,
    AnalysisPeriod period,
    String catalog,
    ImportReport importReport,
    List<Scenario> scenarios,
    List<UserComparison> users,
    List<String> notes,
    Optional<Chargeback> chargeback,
    Optional<UsageSpan> usageData) {
  public Comparison {
    requireNonNull(currency, "currency");
    requireNonNull(period, "period");
    requireNonNull(catalog, "catalog");
    requireNonNull(importReport, "importReport");
    scenarios = List.copyOf(scenarios);
    users = List.copyOf(users);
    notes = List.copyOf(notes);
    requireNonNull(chargeback, "chargeback");
    requireNonNull(usageData, "usageData");
  }

  /** A comparison without a chargeback, whose usage data span is not known. */
  public Comparison(
      Currency currency,
      AnalysisPeriod period,
      String catalog,
      ImportReport importReport,
      List<Scenario> scenarios,
      List<UserComparison> users,
      List<String> notes) {
    this(currency, period, catalog, importReport, scenarios, users, notes, Optional.empty(), Optional.empty());
  }

  /** The same comparison with another import report and notes (front ends add what they read). */
  public Comparison withImport(ImportReport report, List<String> allNotes) {
    return new Comparison(
        currency, period, catalog, report, scenarios, users, allNotes, chargeback, usageData);
  }

  /** The day the figures are as of: the day after the period. */
  public java.time.LocalDate asOf() {
    return period.to();
  }

  public Optional<Scenario> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
