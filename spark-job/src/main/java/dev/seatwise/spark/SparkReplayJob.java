package dev.seatwise.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * {@code SparkReplayJob <sessions.csv> [--master local[2]] [--partitions N] [--batch-rows N]
 * [--catalog autodesk] [--no-check]}: replays a seatwise sessions CSV as a Spark job ({@link
 * SparkReplay}), then the same file on one machine ({@link SingleMachineReplay}), and prints one
 * {@code name: value} line per figure, ending with whether the two agree. Spark's own logging goes
 * to standard error at WARN (the bundled {@code log4j2.properties}).
 *
 * <p>{@code spark_startup_seconds} is the SparkSession's start-up; {@code spark_seconds} is the
 * job from the read to the three totals on the driver (the single-machine check is not in it). Of
 * that, {@code spark_map_stage_seconds} is the wall time of the stages that write the shuffle (CSV
 * scan, row rules, shuffle write), {@code spark_reduce_stage_seconds} that of the others (shuffle
 * read, sort, replay) and {@code spark_driver_scenarios_seconds} the driver's demands and
 * scenarios; the rest is planning, scheduling and the collect.
 */
public final class SparkReplayJob {
  private SparkReplayJob() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Path csv = null;
    String master = "local[2]";
    int partitions = -1;
    int batchRows = SparkReplay.DEFAULT_BATCH_ROWS;
    String catalog = "autodesk";
    boolean check = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = value(args, ++i);
        case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
        case "--batch-rows" -> batchRows = Integer.parseInt(value(args, ++i));
        case "--catalog" -> catalog = value(args, ++i);
        case "--no-check" -> check = false;
        default -> {
          if (args[i].startsWith("--") || csv != null) {
            usage();
          }
          csv = Path.of(args[i]);
        }
      }
    }
    if (csv == null) {
      usage();
    }
    if (!Files.isRegularFile(csv)) {
      System.err.println("no such file: " + csv);
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder()
        .appName("seatwise-replay")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      if (partitions < 1) {
        // two partitions of users per core
        partitions = 2 * spark.sparkContext().defaultParallelism();
      }
      StageTimes stages = new StageTimes();
      spark.sparkContext().addSparkListener(stages);
      long t1 = System.nanoTime();
      SparkReplay.Result result = SparkReplay.run(spark, csv, catalog, partitions, batchRows);
      long t2 = System.nanoTime();
      stages.awaitQuiet(10_000);
      Figures f = result.figures();
      line("spark_version", spark.version());
      line("spark_master", spark.sparkContext().master());
      line("spark_partitions", result.partitions());
      line("spark_sessions", f.sessions());
      line("spark_rejected", f.rejected());
      line("spark_users", f.users());
      line("spark_groups", f.groups());
      line("spark_windows", f.windows());
      line("spark_tokens", f.tokens());
      line("spark_days_used", f.daysUsed());
      line("spark_all_named_usd", f.allNamedUsd());
      line("spark_all_flex_usd", f.allFlexUsd());
      line("spark_optimal_usd", f.optimalUsd());
      line("spark_startup_seconds", seconds(t1 - t0));
      line("spark_seconds", seconds(t2 - t1));
      line("spark_map_stage_seconds", seconds(stages.mapNanos()));
      line("spark_reduce_stage_seconds", seconds(stages.reduceNanos()));
      line("spark_driver_scenarios_seconds", seconds(result.driverNanos()));
      line("spark_shuffle_write_mb",
          String.format(Locale.ROOT, "%.1f", stages.shuffleWriteBytes() / 1e6));
      System.out.flush();
      if (check) {
        long t3 = System.nanoTime();
        Figures single = SingleMachineReplay.run(csv, catalog);
        long t4 = System.nanoTime();
        line("single_machine_seconds", seconds(t4 - t3));
        List<String> differences = f.differences(single);
        line("spark_matches_single_machine",
            differences.isEmpty() ? "yes" : "no: " + String.join(", ", differences));
      }
    } finally {
      spark.stop();
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage();
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("usage: SparkReplayJob <sessions.csv> [--master local[2]] [--partitions N]"
        + " [--batch-rows N] [--catalog autodesk] [--no-check]");
    System.exit(2);
  }

  private static void line(String name, Object value) {
    System.out.println(name + ": " + value);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
