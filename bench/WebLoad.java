// Load client for bench/web: a single-file Java program (run with `java bench/WebLoad.java ...`,
// no build step). It talks to a seatwise web server on the loopback interface only and stops by
// itself: the single-request series is sequential, the load phase issues requests for --seconds
// and then waits at most --drain-seconds for the requests in flight.
//
//   java bench/WebLoad.java --base http://127.0.0.1:8080 --usage year.csv --mode dataset \
//        [--query 'from=2025-01-01&to=2026-01-01'] [--warmup 2] [--single 20] [--clients 50] \
//        [--seconds 60] [--drain-seconds 300] [--trace FILE]
//
// --mode oneshot: every request uploads the file to POST /api/comparisons.
// --mode distinct: as oneshot, but every request's file is the file and one session row of its own
//   (a user webload-NNNNNNNNN@example.com with the product, start and end of the file's last row,
//   so rows in start order stay in order), so that no two uploads are equal and the server reads
//   and parses every one.
// --mode dataset: the file is stored once (POST /api/datasets), then every request is
//                 POST /api/datasets/{id}/comparisons with no body.
// --trace FILE: writes each load-phase request's start (ms from the phase's start), latency and outcome.
// Prints "name: value" lines with the mode as a suffix (web_single_ms_p50_dataset, ...).
//
// The client is cheap on purpose: it shares the server's cores, where real clients are on other
// machines. Each request, headers and multipart body, is built once into a direct buffer and
// written as is on a kept-alive HTTP/1.1 connection per client (a SocketChannel: no per-request
// copy or re-encoding of the 12.8 MB body in the client; the kernel copies it); the answer is read
// by Content-Length or chunked framing and discarded (kept for the dataset upload, whose id is
// needed, and for a failed single request, whose text is printed). The server sees ordinary
// HTTP/1.1 requests, the same bytes as before; nothing on it is relaxed. A request still
// unanswered after its timeout (600 s for an upload, --drain-seconds for a dataset analysis) has
// its connection closed and counts as an error.

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class WebLoad {
  private static final String BOUNDARY = "----seatwiseWebLoad7f3a";
  /** Connections open now, with the time each must be answered by (0 while idle). */
  private static final Set<Conn> OPEN = ConcurrentHashMap.newKeySet();

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
    InetSocketAddress server = new InetSocketAddress(base.getHost(), base.getPort());
    String host = base.getHost() + ":" + base.getPort();
    Path usage = Path.of(a.get("--usage"));
    String mode = a.getOrDefault("--mode", "dataset");
    String query = a.getOrDefault("--query", "");
    int warmup = Integer.parseInt(a.getOrDefault("--warmup", "2"));
    int single = Integer.parseInt(a.getOrDefault("--single", "20"));
    int clients = Integer.parseInt(a.getOrDefault("--clients", "50"));
    int seconds = Integer.parseInt(a.getOrDefault("--seconds", "60"));
    int drain = Integer.parseInt(a.getOrDefault("--drain-seconds", "300"));
    String trace = a.get("--trace");
    if (!mode.equals("dataset") && !mode.equals("oneshot") && !mode.equals("distinct")) {
      throw new IllegalArgumentException("--mode dataset, oneshot or distinct");
    }
    Thread watchdog =
        new Thread(
            () -> {
              while (true) {
                long now = System.nanoTime();
                for (Conn c : OPEN) {
                  c.closeIfLate(now);
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "webload-deadlines");
    watchdog.setDaemon(true);
    watchdog.start();
    byte[] body = multipart(usage);
    String q = query.isEmpty() ? "" : "?" + query;
    Request request;
    Requests requests;
    if (mode.equals("dataset")) {
      long t = System.nanoTime();
      Response stored;
      try (Conn c = new Conn(server)) {
        stored = c.exchange(upload("/api/datasets", host, body, 600), true);
      }
      if (stored.status() / 100 != 2) {
        throw new IllegalStateException("storing the dataset failed: " + stored.status() + " " + stored.text());
      }
      print("web_dataset_store_ms", (System.nanoTime() - t) / 1e6);
      Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(stored.text());
      if (!m.find()) {
        throw new IllegalStateException("no dataset id in " + stored.text());
      }
      request = post("/api/datasets/" + m.group(1) + "/comparisons" + q, host, "", new byte[0], drain);
    } else if (mode.equals("oneshot")) {
      request = upload("/api/comparisons" + q, host, body, 600);
    } else {
      request = null;
    }
    requests = request != null ? n -> request : distinct("/api/comparisons" + q, host, usage, 600);

    // ---- one client on an idle server
    List<Double> times = new ArrayList<>();
    try (Conn c = new Conn(server)) {
      for (int i = 0; i < warmup + single; i++) {
        long t = System.nanoTime();
        Response r = c.exchange(requests.next(i), false);
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.status() != 200) {
          throw new IllegalStateException("single request failed: " + r.status() + " " + r.text());
        }
        if (i >= warmup) {
          times.add(ms);
        }
      }
    }
    Collections.sort(times);
    print("web_single_requests_" + mode, single);
    print("web_single_ms_p50_" + mode, pct(times, 50));
    print("web_single_ms_min_" + mode, times.get(0));
    print("web_single_ms_max_" + mode, times.get(times.size() - 1));

    // ---- many clients for a while
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    List<String> traced = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    AtomicLong ok = new AtomicLong();
    long start = System.nanoTime();
    long stopIssuing = start + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong lastDone = new AtomicLong(start);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            Conn conn = null;
            try {
              while (System.nanoTime() < stopIssuing) {
                long t = System.nanoTime();
                String outcome;
                try {
                  if (conn == null) {
                    conn = new Conn(server);
                  }
                  Response r = conn.exchange(requests.next(SENT.incrementAndGet()), false);
                  outcome = r.status() == 200 ? null : "http_" + r.status();
                  if (!r.keepAlive()) {
                    conn.close();
                    conn = null;
                  }
                } catch (Exception e) {
                  outcome = e.getClass().getSimpleName();
                  if (conn != null) {
                    conn.close();
                    conn = null;
                  }
                }
                long now = System.nanoTime();
                lastDone.accumulateAndGet(now, Math::max);
                if (trace != null) {
                  traced.add(String.format(Locale.ROOT, "%.1f %.1f %s", (t - start) / 1e6, (now - t) / 1e6,
                      outcome == null ? "ok" : outcome));
                }
                if (outcome == null) {
                  ok.incrementAndGet();
                  latencies.add((now - t) / 1e6);
                } else {
                  errors.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                }
              }
            } finally {
              if (conn != null) {
                conn.close();
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
    if (trace != null) {
      List<String> lines = new ArrayList<>(traced);
      lines.add(0, "# start_ms latency_ms outcome (load phase, one line per request)");
      Files.write(Path.of(trace), lines);
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

  /** A request built once: its bytes (headers and body) in a read-only direct buffer, and its timeout. */
  private record Request(ByteBuffer bytes, ByteBuffer tail, long timeoutNanos) {
    Request(ByteBuffer bytes, long timeoutNanos) {
      this(bytes, null, timeoutNanos);
    }
  }

  /** The n-th request to send (the same one but in --mode distinct). */
  @FunctionalInterface
  private interface Requests {
    Request next(int n);
  }

  /** Requests of the load phase so far (numbers the distinct uploads after the single series). */
  private static final java.util.concurrent.atomic.AtomicInteger SENT = new java.util.concurrent.atomic.AtomicInteger(1_000_000);

  /**
   * One-shot uploads of {@code file} each with a session row of its own: the headers and the file
   * are one shared buffer, the row and the closing delimiter (of one length for every n) the
   * request's own small tail, so no upload is copied.
   */
  private static Requests distinct(String path, String host, Path file, int timeoutSeconds) throws Exception {
    byte[] csv = Files.readAllBytes(file);
    // the row of the request's own copies the last row's product, start and end: rows in start
    // order (as exports and the generator write them) stay in order
    String tailText =
        new String(csv, Math.max(0, csv.length - 4096), Math.min(csv.length, 4096), StandardCharsets.UTF_8).strip();
    String[] last = tailText.substring(tailText.lastIndexOf('\n') + 1).split(",");
    String product = last[1];
    String start = last[2];
    String end = last[3];
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"usage\"; filename=\""
        + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    head.writeBytes(csv);
    if (csv.length > 0 && csv[csv.length - 1] != '\n') {
      head.write('\n');
    }
    // numbered from a random start, so that a second run of this client (bench/web's warm-up, then
    // its measured run) repeats no upload of the first
    int base = new java.util.Random().nextInt(400_000_000);
    java.util.function.IntFunction<byte[]> tail =
        n -> String.format(Locale.ROOT, "webload-%09d@example.com,%s,%s,%s"
                + "\r\n--%s--\r\n", base + n, product, start, end, BOUNDARY).getBytes(StandardCharsets.UTF_8);
    byte[] body = head.toByteArray();
    Request shared = post(path, host, "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n", body,
        tail.apply(0).length, timeoutSeconds);
    return n -> new Request(shared.bytes(), ByteBuffer.wrap(tail.apply(n)).asReadOnlyBuffer(), shared.timeoutNanos());
  }

  /** An answer: its status, whether the connection stays open, and its body when it was kept. */
  private record Response(int status, boolean keepAlive, byte[] body) {
    String text() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
  }

  private static Request upload(String path, String host, byte[] body, int timeoutSeconds) {
    return post(path, host, "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n", body, timeoutSeconds);
  }

  private static Request post(String path, String host, String headers, byte[] body, int timeoutSeconds) {
    return post(path, host, headers, body, 0, timeoutSeconds);
  }

  /** A request whose body is {@code body} and then {@code tailLength} bytes sent after it. */
  private static Request post(
      String path, String host, String headers, byte[] body, int tailLength, int timeoutSeconds) {
    byte[] head =
        ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: seatwise-WebLoad\r\n" + headers
                + "Content-Length: " + (body.length + tailLength) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocateDirect(head.length + body.length);
    b.put(head).put(body).flip();
    return new Request(b.asReadOnlyBuffer(), TimeUnit.SECONDS.toNanos(timeoutSeconds));
  }

  /** One kept-alive HTTP/1.1 connection; one request at a time. */
  private static final class Conn implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private volatile long deadline;

    Conn(InetSocketAddress server) throws IOException {
      channel = SocketChannel.open(server);
      channel.socket().setTcpNoDelay(true);
      OPEN.add(this);
      in.flip();
    }

    void closeIfLate(long now) {
      long d = deadline;
      if (d != 0 && now - d > 0) {
        close();
      }
    }

    /** Sends the request and reads its answer; keeps the body when asked or when it is not a 200. */
    Response exchange(Request request, boolean keep) throws IOException {
      deadline = System.nanoTime() + request.timeoutNanos();
      try {
        ByteBuffer out = request.bytes().duplicate();
        while (out.hasRemaining()) {
          channel.write(out);
        }
        if (request.tail() != null) {
          ByteBuffer tail = request.tail().duplicate();
          while (tail.hasRemaining()) {
            channel.write(tail);
          }
        }
        return read(keep);
      } finally {
        deadline = 0;
      }
    }

    private Response read(boolean keep) throws IOException {
      String status = line();
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.x answer: " + status);
      }
      int code = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      boolean keepAlive = parts[0].equals("HTTP/1.1");
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> keepAlive = !value.contains("close") && (keepAlive || value.contains("keep-alive"));
          default -> { }
        }
      }
      ByteArrayOutputStream body = keep || code != 200 ? new ByteArrayOutputStream() : null;
      if (chunked) {
        while (true) {
          String size = line();
          int semi = size.indexOf(';');
          long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
          if (n == 0) {
            while (!line().isEmpty()) {
              // trailers
            }
            break;
          }
          take(n, body);
          if (!line().isEmpty()) {
            throw new IOException("bad chunk end");
          }
        }
      } else if (length >= 0) {
        take(length, body);
      } else {
        // to the end of the connection
        keepAlive = false;
        while (fill()) {
          take(in.remaining(), body);
        }
      }
      return new Response(code, keepAlive, body == null ? null : body.toByteArray());
    }

    /** Takes {@code n} bytes of the answer, copied into {@code body} when it is not null. */
    private void take(long n, ByteArrayOutputStream body) throws IOException {
      while (n > 0) {
        if (!in.hasRemaining() && !fill()) {
          throw new EOFException("the answer ended early");
        }
        int k = (int) Math.min(n, in.remaining());
        if (body != null) {
          body.write(in.array(), in.arrayOffset() + in.position(), k);
        }
        in.position(in.position() + k);
        n -= k;
      }
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      while (true) {
        if (!in.hasRemaining() && !fill()) {
          throw new EOFException("the answer ended early");
        }
        byte c = in.get();
        if (c == '\n') {
          int len = b.length();
          return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
        }
        b.append((char) (c & 0xFF));
        if (b.length() > 64 * 1024) {
          throw new IOException("header line too long");
        }
      }
    }

    /** Reads more of the answer into the (empty) buffer; false at the end of the connection. */
    private boolean fill() throws IOException {
      in.clear();
      int n = channel.read(in);
      in.flip();
      return n > 0;
    }

    @Override
    public void close() {
      OPEN.remove(this);
      try {
        channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
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
