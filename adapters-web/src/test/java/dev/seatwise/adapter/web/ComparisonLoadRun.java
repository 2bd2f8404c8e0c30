package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load run (not part of the build; tagged {@code load}): 50 concurrent clients on loopback each
 * upload a 1,000-user year of sessions and ask for the comparison, {@value #REQUESTS} requests in
 * all, stopping after {@value #MAX_MINUTES} minutes whatever happens. Reports p50 and p99 latency.
 *
 * <pre>./mvnw -B -pl adapters-web -am verify -Dweb.excludedGroups=none -Dgroups=load -Dtest=ComparisonLoadRun -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("load")
class ComparisonLoadRun {
  static final int CLIENTS = 50;
  static final int REQUESTS = 100;
  static final int MAX_MINUTES = 10;
  private static final Logger LOG = LoggerFactory.getLogger(ComparisonLoadRun.class);

  @TempDir Path tmp;

  @Test
  void compareAThousandUserYearAtFiftyConcurrentClients() throws Exception {
    Path usage =
        UsageFiles.sessions(
            tmp.resolve("year-1000.csv"), 1000, LocalDate.of(2025, 1, 1), 365, 42, List.of());
    Multipart body = new Multipart().file("usage", usage);
    byte[] bytes = body.bytes();
    try (TestServer server =
        new TestServer(tmp, s -> s.withRequestTimeout(Duration.ofMinutes(MAX_MINUTES)))) {
      // one warm-up request (class loading, JIT), not counted
      HttpResponse<String> warm = send(server, body, bytes);
      assertThat(warm.statusCode()).as(warm.body()).isEqualTo(200);
      int users = TestServer.json(warm).get("users").size();
      // service time without queueing: three requests one after another
      List<Long> alone = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        assertThat(send(server, body, bytes).statusCode()).isEqualTo(200);
        alone.add((System.nanoTime() - t0) / 1_000_000);
      }
      Collections.sort(alone);

      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MAX_MINUTES);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  while (next.getAndIncrement() < REQUESTS && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send(server, body, bytes);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (r.statusCode() == 200) {
                      latencies.add(ms);
                    } else {
                      failures.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(MAX_MINUTES + 1, TimeUnit.MINUTES)).isTrue();
      for (Future<?> f : running) {
        f.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      String report =
          String.format(
              Locale.ROOT,
              "load run: %d requests ok, %d failed, %d concurrent clients, %d users x 365 days"
                  + " (%.1f MB upload), %d workers: p50 %d ms, p99 %d ms, max %d ms, %.2f req/s"
                  + " over %.0f s; one client alone: median %d ms",
              sorted.size(),
              failures.get(),
              CLIENTS,
              users,
              bytes.length / 1e6,
              server.settings.workers(),
              percentile(sorted, 0.50),
              percentile(sorted, 0.99),
              sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
              sorted.size() / seconds,
              seconds,
              alone.get(1));
      LOG.info(report);
      java.nio.file.Files.writeString(
          Path.of("target", "load-run.txt"), report + System.lineSeparator());
      assertThat(failures.get()).isZero();
      assertThat(server.leftovers()).isEmpty();
    }
  }

  private static HttpResponse<String> send(TestServer server, Multipart body, byte[] bytes) {
    return server.send(
        server.request("/api/comparisons?from=2025-01-01&to=2026-01-01")
            .timeout(Duration.ofMinutes(MAX_MINUTES))
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  static long percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
