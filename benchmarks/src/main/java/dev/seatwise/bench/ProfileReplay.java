package dev.seatwise.bench;

import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import java.nio.file.Path;

/**
 * Runs the replay stages in a loop with timings per stage, for profiling (start it with {@code
 * -XX:StartFlightRecording=...}): {@code ProfileReplay <csv> [iterations]}.
 */
public final class ProfileReplay {
  private ProfileReplay() {}

  public static void main(String[] args) {
    Path csv = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    LoadedCatalog catalog = SeatwiseReplay.autodesk();
    for (int i = 0; i < n; i++) {
      java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      var read = new dev.seatwise.adapter.files.FastSessionsCsvReader()
          .read(csv, catalog.resolver(), dev.seatwise.adapter.files.ImportOptions.defaults());
      long t1 = System.nanoTime();
      long c1 = cpu.getCurrentThreadCpuTime();
      ColumnarFlexReplay replay = ColumnarFlexReplay.of(read.sessions(),
          dev.seatwise.domain.metering.MeterContext.of(SeatwiseReplay.catalogOf(catalog)),
          SeatwiseReplay.THREADS);
      long t2 = System.nanoTime();
      long c2 = cpu.getCurrentThreadCpuTime();
      SeatwiseReplay.Totals t = SeatwiseReplay.totals(replay, catalog);
      long t3 = System.nanoTime();
      long c3 = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          "wall: read %.2f s, meter %.2f s, scenarios %.2f s; cpu: read %.2f s, meter %.2f s,"
              + " scenarios %.2f s (%d tokens)%n",
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (c1 - c0) / 1e9, (c2 - c1) / 1e9,
          (c3 - c2) / 1e9, t.tokens());
    }
  }
}
