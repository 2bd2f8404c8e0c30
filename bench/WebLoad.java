// Load client for bench/web: a single-file Java program (run with `java bench/WebLoad.java ...`,
// no build step). It talks to a seatwise web server on the loopback interface only and stops by
// itself: the single-request series is sequential, the load phase issues requests for --seconds
// and then waits at most --drain-seconds for the requests in flight.
//
//   java bench/WebLoad.java --base http://127.0.0.1:8080 --usage year.csv --mode dataset \
//        [--query 'from=2025-01-01&to=2026-01-01'] [--warmup 2] [--single 20] [--clients 50] \
//        [--seconds 60] [--drain-seconds 300]
//
// --mode oneshot: every request uploads the file to POST /api/comparisons.
// --mode dataset: the file is stored once (POST /api/datasets), then every request is
//                 POST /api/datasets/{id}/comparisons with no body.
// Prints "name: value" lines with the mode as a suffix (web_single_ms_p50_dataset, ...).

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class WebLoad {
  private static final String BOUNDARY = "----seatwiseWebLoad7f3a";

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    URI base = URI.create(a.getOrDefault("--base", "http://127.0.0.1:8080"));
    if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      System.err.println("WebLoad talks to a loopback address only, not " + base.getHost());
      System.exit(2);
    }
    Path usage = Path.of(a.get("--usage"));
    String mode = a.getOrDefault("--mode", "dataset");
    String query = a.getOrDefault("--query", "");
    int warmup = Integer.parseInt(a.getOrDefault("--warmup", "2"));
    int single = Integer.parseInt(a.getOrDefault("--single", "20"));
    int clients = Integer.parseInt(a.getOrDefault("--clients", "50"));
    int seconds = Integer.parseInt(a.getOrDefault("--seconds", "60"));
    int drain = Integer.parseInt(a.getOrDefault("--drain-seconds", "300"));
    if (!mode.equals("dataset") && !mode.equals("oneshot")) {
      throw new IllegalArgumentException("--mode dataset or oneshot");
    }
    byte[] body = multipart(usage);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    String q = query.isEmpty() ? "" : "?" + query;
    HttpRequest request;
    if (mode.equals("dataset")) {
      long t = System.nanoTime();
      HttpResponse<String> stored = http.send(upload(base.resolve("/api/datasets"), body), HttpResponse.BodyHandlers.ofString());
      if (stored.statusCode() / 100 != 2) {
        throw new IllegalStateException("storing the dataset failed: " + stored.statusCode() + " " + stored.body());
      }
      print("web_dataset_store_ms", (System.nanoTime() - t) / 1e6);
      Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(stored.body());
      if (!m.find()) {
        throw new IllegalStateException("no dataset id in " + stored.body());
      }
      request =
          HttpRequest.newBuilder(base.resolve("/api/datasets/" + m.group(1) + "/comparisons" + q))
              .timeout(Duration.ofSeconds(drain))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
    } else {
      request = upload(base.resolve("/api/comparisons" + q), body);
    }

    // ---- one client on an idle server
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < warmup + single; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - t) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("single request failed: " + r.statusCode() + " " + r.body());
      }
      if (i >= warmup) {
        times.add(ms);
      }
    }
    Collections.sort(times);
    print("web_single_requests_" + mode, single);
    print("web_single_ms_p50_" + mode, pct(times, 50));
    print("web_single_ms_min_" + mode, times.get(0));
    print("web_single_ms_max_" + mode, times.get(times.size() - 1));

    // ---- many clients for a while
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    AtomicLong ok = new AtomicLong();
    long start = System.nanoTime();
    long stopIssuing = start + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong lastDone = new AtomicLong(start);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < stopIssuing) {
              long t = System.nanoTime();
              String outcome;
              try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                outcome = r.statusCode() == 200 ? null : "http_" + r.statusCode();
              } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
              }
              long now = System.nanoTime();
              lastDone.accumulateAndGet(now, Math::max);
              if (outcome == null) {
                ok.incrementAndGet();
                latencies.add((now - t) / 1e6);
              } else {
                errors.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    boolean drained = pool.awaitTermination(seconds + drain, TimeUnit.SECONDS);
    if (!drained) {
      pool.shutdownNow();
    }
    double wall = (lastDone.get() - start) / 1e9;
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
    print("web_clients_" + mode, clients);
    print("web_load_seconds_" + mode, wall);
    print("web_load_requests_ok_" + mode, ok.get());
    print("web_50_clients_p50_ms_" + mode, sorted.isEmpty() ? Double.NaN : pct(sorted, 50));
    print("web_50_clients_p99_ms_" + mode, sorted.isEmpty() ? Double.NaN : pct(sorted, 99));
    print("web_50_clients_max_ms_" + mode, sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
    print("web_throughput_per_s_" + mode, ok.get() / wall);
    print("web_errors_" + mode, errorCount + (errors.isEmpty() ? "" : " " + errors));
    print("web_load_drained_" + mode, drained);
    System.exit(0);
  }

  private static HttpRequest upload(URI uri, byte[] body) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(600))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static byte[] multipart(Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"usage\"; filename=\""
        + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(Files.readAllBytes(file));
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Nearest-rank percentile of sorted values. */
  private static double pct(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static void print(String name, Object value) {
    String v = value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
    System.out.println(name + ": " + v);
  }
}
