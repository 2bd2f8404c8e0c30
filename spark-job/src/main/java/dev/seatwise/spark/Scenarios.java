package dev.seatwise.spark;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.UserDemand;
import java.util.List;

/**
 * The three scenarios of the replay benchmark ({@code SeatwiseReplay.totals} and {@code problem} in
 * the {@code benchmarks} module, which this module cannot depend on): every user on named-user
 * subscriptions, every user on Flex, and the exact optimal mix, at the catalog's annual prices with
 * all its bundles and token packs. Both the Spark job and its single-machine check call this, so the
 * two answers differ only if the replays do.
 */
final class Scenarios {
  /** The three totals, as plain decimal amounts. */
  record Totals(String allNamed, String allFlex, String optimal) {}

  private Scenarios() {}

  static Totals solve(Catalog catalog, List<UserDemand> demands) {
    HybridProblem base =
        HybridProblem.atAnnualPrices(catalog, catalog.bundles(), catalog.packs(), demands);
    OptimizationResult.Solved named = HybridOptimizer.solve(base.withAllPinned(Pin.NAMED)).orElseThrow();
    OptimizationResult.Solved flex = HybridOptimizer.solve(base.withAllPinned(Pin.FLEX)).orElseThrow();
    String optimal;
    try {
      optimal = plain(HybridOptimizer.solve(base).orElseThrow().total());
    } catch (IllegalArgumentException e) {
      // the exact search refuses instances beyond HybridOptimizer.MAX_CELLS
      optimal = "refused (" + e.getMessage() + ")";
    }
    return new Totals(plain(named.total()), plain(flex.total()), optimal);
  }

  private static String plain(Money m) {
    return m.amount().toPlainString();
  }
}
