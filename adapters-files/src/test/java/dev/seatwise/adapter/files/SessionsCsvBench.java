package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Throughput of the sessions CSV reader: writes {@code N} (default 1,000,000) sessions to a temp
 * file, reads them back through {@link FileUsageAdapter} (detection, parsing, product resolution,
 * identity, report) and prints rows/s and MB/s (wall clock) of the best of three reads, and rows
 * per CPU-second of the reading thread, which a busy machine distorts less. Not a Surefire test.
 *
 * <pre>
 * ./mvnw -q -pl adapters-files -am test-compile
 * ./mvnw -q -pl adapters-files dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp adapters-files/target/test-classes:adapters-files/target/classes:domain/target/classes:\
 *     application/target/classes:$(cat /tmp/cp.txt) \
 *     dev.seatwise.adapter.files.SessionsCsvBench 1000000
 * </pre>
 */
public final class SessionsCsvBench {
  private SessionsCsvBench() {}

  @SuppressWarnings("SystemOut")
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path file = Files.createTempFile("seatwise-bench", ".csv");
    try {
      List<String> products = SessionGens.PRODUCTS;
      SplittableRandom random = new SplittableRandom(42);
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      long writeStart = System.nanoTime();
      try (SessionsCsvWriter w = SessionsCsvWriter.to(file)) {
        for (int i = 0; i < n; i++) {
          Instant start = t0.plusSeconds(random.nextLong(365L * 24 * 3600));
          w.write(new Session(UserId.of("user" + random.nextInt(5000) + "@example.com"),
              ProductId.of(products.get(random.nextInt(products.size()))), start,
              start.plusSeconds(random.nextLong(12 * 3600))));
        }
      }
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
      double mb = Files.size(file) / 1e6;
      System.out.printf("file: %,d rows, %.1f MB, written in %.2f s%n", n, mb, writeSeconds);

      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      double best = Double.MAX_VALUE;
      double bestCpu = Double.MAX_VALUE;
      for (int round = 0; round < 3; round++) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        FileImport read = FileUsageAdapter.readFile(file, Fixtures.resolver());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        bestCpu = Math.min(bestCpu, cpu);
        FileReport r = read.usage().report().files().get(0);
        if (r.accepted() != n) {
          throw new IllegalStateException("read " + r.accepted() + " of " + n + " rows");
        }
        System.out.printf("read %d: %.2f s wall, %.2f s CPU of the reading thread%n", round + 1, seconds, cpu);
        best = Math.min(best, seconds);
      }
      System.out.printf("sessions_csv_rows_per_s: %.0f%n", n / best);
      System.out.printf("sessions_csv_mb_per_s: %.1f%n", mb / best);
      System.out.printf("sessions_csv_rows_per_cpu_s: %.0f (reading thread only; the machine may be shared)%n",
          n / bestCpu);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
