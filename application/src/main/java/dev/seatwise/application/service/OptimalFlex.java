package dev.seatwise.application.service;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compare optimiser's plan over an analysed period (the {@code optimal} scenario of {@code
 * compare} with no pins, exclusions or token cap): it <em>is</em> {@code compare}'s optimal
 * scenario, computed by {@link CompareScenariosService} on the same analysis, so its mix and its
 * figure are compare's (seats priced by their terms at the price in force on each term's start,
 * tokens by the cheapest purchase schedule, evaluated by {@code PlanEvaluation}; for aggregated
 * usage, compare's single-purchase rule). Orchestration only.
 */
final class OptimalFlex {
  private OptimalFlex() {}

  /** The optimal plan's Flex products per user and its total over the period. */
  record Mix(Map<UserId, Set<ProductId>> onFlex, Money total) {}

  /**
   * Compare's optimal plan over {@code analysis}; empty when compare has none ({@code why[0]} says
   * why, in compare's words).
   */
  static Optional<Mix> of(
      ImportedUsage imported,
      UsageAnalysis analysis,
      CatalogHistory catalogs,
      MeterRegistry meters,
      String[] why) {
    if (analysis.isCapacityMetered()) {
      why[0] = "the catalog's meter sizes a pool: there is no per-user optimum";
      return Optional.empty();
    }
    AnalysisPeriod p = analysis.period();
    // today's plan plays no part in the optimum: compare is asked without it (no current scenario)
    Comparison c =
        new CompareScenariosService(() -> imported, catalogs, () -> Entitlements.NONE, meters)
            .compare(
                CompareScenariosQuery.of(PeriodSpec.of(p.from(), p.to(), p.zone())),
                imported,
                analysis,
                Entitlements.NONE);
    Optional<Scenario> optimal =
        c.scenarios().stream().filter(s -> s.name().equals(Scenario.OPTIMAL)).findFirst();
    if (optimal.isEmpty()) {
      List<String> reasons =
          c.notes().stream()
              .filter(n -> n.contains("optimal") || n.contains("no scenario") || n.contains("packs"))
              .toList();
      why[0] =
          reasons.isEmpty()
              ? "compare finds no optimal plan"
              : "compare finds no optimal plan (" + String.join("; ", reasons) + ")";
      return Optional.empty();
    }
    Map<UserId, Set<ProductId>> flex = new HashMap<>();
    for (UserComparison u : c.users()) {
      flex.put(u.user(), Set.copyOf(u.flex()));
    }
    return Optional.of(new Mix(flex, optimal.get().total()));
  }
}
