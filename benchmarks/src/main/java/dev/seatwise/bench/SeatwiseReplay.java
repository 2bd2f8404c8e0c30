package dev.seatwise.bench;

import dev.seatwise.adapter.files.FastSessionsCsvReader;
import dev.seatwise.adapter.files.ImportOptions;
import dev.seatwise.adapter.files.SessionTableImport;
import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.UserDemand;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * seatwise's side of the replay benchmark, end to end: read the sessions CSV into a columnar table,
 * replay it (windows, tokens and days used per user x product), build each user's demand and solve
 * the three scenarios (all named, all Flex, optimal) with the exact optimiser, for one year at the
 * catalog's annual prices. Like DuckDB, it uses both cores: the reader splits large files in two
 * halves, and the two pinned scenarios are solved on a second thread beside the exact search.
 */
final class SeatwiseReplay {
  /** What a replay produced (kept small so the JIT cannot skip the work). */
  record Totals(
      int sessions,
      int users,
      int groups,
      long windows,
      long tokens,
      long daysUsed,
      Money allNamed,
      Money allFlex,
      String optimal,
      int candidates) {}

  private static final Executor SCENARIOS = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "seatwise-scenarios");
    t.setDaemon(true);
    return t;
  });

  /** Threads for the replay: every core, as DuckDB uses. */
  static final int THREADS = Runtime.getRuntime().availableProcessors();

  private SeatwiseReplay() {}

  static LoadedCatalog autodesk() {
    return new YamlCatalogAdapter().load("autodesk").orElseThrow();
  }

  static Catalog catalogOf(LoadedCatalog loaded) {
    return loaded.history().versions().get(0);
  }

  static ColumnarFlexReplay replay(Path csv, LoadedCatalog loaded) {
    SessionTableImport read =
        new FastSessionsCsvReader().read(csv, loaded.resolver(), ImportOptions.defaults());
    return ColumnarFlexReplay.of(read.sessions(), MeterContext.of(catalogOf(loaded)), THREADS);
  }

  /** Read, replay, and the three scenario totals. */
  static Totals run(Path csv, LoadedCatalog loaded) {
    return totals(replay(csv, loaded), loaded);
  }

  /** Demands and the three scenario totals of a replay. */
  static Totals totals(ColumnarFlexReplay replay, LoadedCatalog loaded) {
    Catalog catalog = catalogOf(loaded);
    HybridProblem base = HybridProblem.atAnnualPrices(
        catalog, catalog.bundles(), catalog.packs(), UserDemand.perUser(replay));
    // the scenarios are independent: the two pinned ones run beside the exact search
    CompletableFuture<OptimizationResult.Solved[]> pinned = CompletableFuture.supplyAsync(
        () -> new OptimizationResult.Solved[] {
            HybridOptimizer.solve(base.withAllPinned(Pin.NAMED)).orElseThrow(),
            HybridOptimizer.solve(base.withAllPinned(Pin.FLEX)).orElseThrow()},
        SCENARIOS);
    String optimal;
    int candidates = -1;
    try {
      OptimizationResult.Solved solved = HybridOptimizer.solve(base).orElseThrow();
      optimal = solved.total().amount().toPlainString();
      candidates = solved.candidates();
    } catch (IllegalArgumentException e) {
      // the exact search refuses instances beyond HybridOptimizer.MAX_CELLS
      optimal = "refused (" + e.getMessage() + ")";
    }
    OptimizationResult.Solved named = pinned.join()[0];
    OptimizationResult.Solved flex = pinned.join()[1];
    long days = 0;
    for (int g = 0; g < replay.groups(); g++) {
      days += replay.daysUsed(g);
    }
    return new Totals(replay.sessions(), replay.users().size(), replay.groups(),
        replay.totalWindows(), replay.totalTokens(), days, named.total(), flex.total(),
        optimal, candidates);
  }
}
