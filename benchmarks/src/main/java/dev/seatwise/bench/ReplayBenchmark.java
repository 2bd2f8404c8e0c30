package dev.seatwise.bench;

import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replay of one sessions CSV, end to end, by seatwise and by DuckDB. Single-shot: each invocation
 * reads the whole file; {@link BenchMain} takes the median of the measured invocations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplayBenchmark {
  @Param("")
  public String file;

  private LoadedCatalog catalog;
  private Connection duck;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    catalog = SeatwiseReplay.autodesk();
    duck = DuckDbDaysUsed.connect();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
  }

  /** Read, replay, demands and the three scenario totals. */
  @Benchmark
  public Object seatwise() {
    return SeatwiseReplay.run(Path.of(file), catalog);
  }

  /** Read and replay only (no scenarios). */
  @Benchmark
  public Object seatwiseReplayOnly() {
    return SeatwiseReplay.replay(Path.of(file), catalog).totalTokens();
  }

  /** Read and group distinct days used per user x product. */
  @Benchmark
  public Object duckdb() throws SQLException {
    return DuckDbDaysUsed.run(duck, Path.of(file));
  }
}
