package dev.seatwise.bench;

import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.tokens.TokenPack;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the peer benchmarks and prints one {@code name: value} line per figure: the replay against
 * DuckDB (JMH, single-shot, medians) and the optimiser against OR-Tools (same instance). The memory
 * figure comes from {@link MemoryProbe}, in its own JVM. JMH's own output goes to {@code
 * <out>/jmh-replay.log}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    Path out = Path.of(arg(args, "--out", "bench/out"));
    int users = Integer.parseInt(arg(args, "--users", quick ? "10000" : "100000"));
    int runs = Integer.parseInt(arg(args, "--runs", "5"));
    int warmups = Integer.parseInt(arg(args, "--warmups", quick ? "4" : "2"));
    int optimizerUsers = Integer.parseInt(arg(args, "--optimizer-users", quick ? "10000" : "100000"));
    double ortoolsLimit = Double.parseDouble(arg(args, "--ortools-limit", quick ? "30" : "120"));
    Files.createDirectories(out);

    // ---- workload
    Path csv = Workload.file(out, users);
    long t0 = System.nanoTime();
    long generated = Workload.ensure(csv, users);
    if (generated >= 0) {
      print("generate_seconds", (System.nanoTime() - t0) / 1e9);
    }
    print("replay_users", users);
    print("workload_csv_mb", Files.size(csv) / 1e6);

    // ---- replay vs DuckDB (JMH, single shot, forked JVM)
    Options opt = new OptionsBuilder()
        .include(ReplayBenchmark.class.getName() + "\\.(seatwise|seatwiseReplayOnly|duckdb)$")
        .param("file", csv.toAbsolutePath().toString())
        .warmupIterations(warmups)
        .measurementIterations(runs)
        .forks(1)
        .jvmArgsAppend("-Xmx4g")
        .output(out.resolve("jmh-replay.log").toString())
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(opt).run();
    double seatwise = Double.NaN;
    double replayOnly = Double.NaN;
    double duck = Double.NaN;
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      double medianSeconds = r.getPrimaryResult().getStatistics().getPercentile(50) / 1000.0;
      if (name.endsWith(".seatwise")) {
        seatwise = medianSeconds;
      } else if (name.endsWith(".seatwiseReplayOnly")) {
        replayOnly = medianSeconds;
      } else if (name.endsWith(".duckdb")) {
        duck = medianSeconds;
      }
    }
    print("replay_runs", runs);
    print("replay_warmup_runs", warmups);
    print("replay_seconds", seatwise);
    print("replay_read_and_meter_seconds", replayOnly);
    print("duckdb_seconds", duck);
    print("replay_vs_duckdb_ratio", seatwise / duck);

    // ---- what each side produced (one more run, in this JVM)
    LoadedCatalog loaded = SeatwiseReplay.autodesk();
    SeatwiseReplay.Totals totals = SeatwiseReplay.run(csv, loaded);
    print("replay_sessions", totals.sessions());
    print("replay_groups", totals.groups());
    print("replay_windows", totals.windows());
    print("replay_tokens", totals.tokens());
    print("scenario_all_named_usd", totals.allNamed().amount());
    print("scenario_all_flex_usd", totals.allFlex().amount());
    print("scenario_optimal_usd", totals.optimal());
    try (Connection c = DuckDbDaysUsed.connect()) {
      DuckDbDaysUsed.Result d = DuckDbDaysUsed.run(c, csv);
      print("duckdb_groups", d.groups());
      print("duckdb_days_used_by_start", d.days());
    }

    // ---- optimiser vs OR-Tools, same instance
    Path optCsv = Workload.file(out, optimizerUsers);
    if (optimizerUsers != users) {
      Workload.ensure(optCsv, optimizerUsers);
    }
    HybridProblem full = optimizerInstance(optCsv, loaded);
    HybridProblem problem = full;
    OptimizationResult.Solved solved = null;
    while (solved == null) {
      try {
        solved = HybridOptimizer.solve(problem).orElseThrow();
      } catch (IllegalArgumentException e) {
        print("optimizer_seatwise_refused_at_users", problem.users().size() + " (" + e.getMessage() + ")");
        problem = problem.withUsers(problem.users().subList(0, problem.users().size() / 2));
      }
    }
    int scale = problem.packs().costScale();
    print("optimizer_users", problem.users().size());
    print("optimizer_products", problem.namedCost().size());
    print("optimizer_bundles", problem.bundles().size());
    print("optimizer_pack_sizes", problem.packs().packs().size());
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 1 + runs; i++) {
      long s = System.nanoTime();
      solved = HybridOptimizer.solve(problem).orElseThrow();
      if (i >= 1) {
        times.add((System.nanoTime() - s) / 1e9);
      }
    }
    double seatwiseOpt = median(times);
    print("optimizer_candidates", solved.candidates());
    print("optimizer_seatwise_seconds", seatwiseOpt);
    print("optimizer_seatwise_total_usd", solved.total().amount());
    OrToolsHybrid.Result or = OrToolsHybrid.solve(problem, scale, ortoolsLimit, "SCIP");
    print("ortools_solver", "SCIP");
    print("ortools_variables", or.variables());
    print("ortools_constraints", or.constraints());
    print("ortools_status", or.status());
    print("ortools_time_limit_seconds", ortoolsLimit);
    print("ortools_time_limit_hit", or.timeLimitHit());
    print("optimizer_ortools_seconds", or.seconds());
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    if (!Double.isNaN(or.objective())) {
      BigDecimal orTotal = BigDecimal.valueOf(Math.round(or.objective())).multiply(unit);
      print("optimizer_ortools_total_usd", orTotal);
      print("optimizer_gap", solved.total().amount().subtract(orTotal));
    } else {
      print("optimizer_gap", "n/a (no OR-Tools solution)");
    }
    print("ortools_best_bound_usd", BigDecimal.valueOf(Math.round(or.bound())).multiply(unit));
    print("optimizer_vs_ortools_speedup", or.seconds() / seatwiseOpt);
  }

  /** The OR-Tools instance: the catalog's products, its first two bundles and three pack sizes. */
  static HybridProblem optimizerInstance(Path csv, LoadedCatalog loaded) {
    Catalog catalog = SeatwiseReplay.catalogOf(loaded);
    ColumnarFlexReplay replay = SeatwiseReplay.replay(csv, loaded);
    List<Bundle> bundles = catalog.bundles().subList(0, Math.min(2, catalog.bundles().size()));
    List<TokenPack> packs = new ArrayList<>(catalog.packs());
    if (packs.size() < 3) {
      // the bundled catalog sells 500 and 5000; a 1000-pack between them makes three sizes
      packs.add(new TokenPack(1000, UnitPrice.of("2.85", catalog.currency().getCurrencyCode())));
    }
    return HybridProblem.atAnnualPrices(catalog, bundles, packs, UserDemand.perUser(replay));
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static void print(String name, Object value) {
    String v = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    System.out.println(name + ": " + v);
    System.out.flush();
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
