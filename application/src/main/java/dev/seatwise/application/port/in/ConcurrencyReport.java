package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportReport;
import java.util.List;
import java.util.Optional;

/**
 * Concurrency per product and, where the catalog prices it, the cost of "named seats for the
 * heaviest users, Flex for the rest" from the same data.
 */
public record ConcurrencyReport(
    Optional<AnalysisPeriod> period,
    ImportReport importReport,
    List<ProductConcurrency> products,
    List<String> notes) {
  public ConcurrencyReport {
    requireNonNull(period, "period");
    requireNonNull(importReport, "importReport");
    products = List.copyOf(products);
    notes = List.copyOf(notes);
  }
}
