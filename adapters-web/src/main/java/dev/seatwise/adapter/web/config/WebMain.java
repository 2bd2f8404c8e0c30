package dev.seatwise.adapter.web.config;

import dev.seatwise.adapter.json.JsonMapperFactory;
import dev.seatwise.adapter.web.ExampleData;
import dev.seatwise.adapter.web.WebServer;
import dev.seatwise.adapter.web.WebSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the web front end: {@code java -jar seatwise-web.jar [--host H] [--port P] [--token T]
 * [--max-upload-mb N] [--timeout-seconds S] [--workers N] [--data-dir DIR] [--data-max-mb N]
 * [--datasets-in-memory N] [--queue N] [--max-analyses-per-client N]}. The token may also come from the
 * {@code SEATWISE_TOKEN} environment variable; off loopback it is required.
 */
public final class WebMain {
  private static final Logger LOG = LoggerFactory.getLogger(WebMain.class);
  static final String USAGE =
      "usage: java -jar seatwise-web.jar [--host 127.0.0.1] [--port 8080] [--token TOKEN]"
          + " [--max-upload-mb 50] [--timeout-seconds 60] [--workers N]\n"
          + "  [--data-dir DIR] [--data-max-mb 1024] [--datasets-in-memory 4] [--queue 256]"
          + " [--max-analyses-per-client 8]\n"
          + "  --data-dir keeps stored datasets across restarts (default: a temporary folder);\n"
          + "  --token may also be given as the SEATWISE_TOKEN environment variable;"
          + " it is required when --host is not a loopback address.";

  private WebMain() {}

  public static void main(String[] args) throws InterruptedException {
    WebSettings settings;
    try {
      settings = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("{}\n{}", e.getMessage(), USAGE);
      System.exit(2);
      return;
    }
    WebServer server;
    try {
      server = start(settings, bundledExamples());
    } catch (RuntimeException e) {
      LOG.error("cannot start: {}", startFailure(settings, e));
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "seatwise-web-shutdown"));
    stopped.await();
  }

  /** Why a server did not start, in a line: a taken port says so and names --port. */
  static String startFailure(WebSettings settings, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return "cannot listen on " + settings.host() + ":" + settings.port() + " ("
            + t.getMessage() + "); another program is probably using that port: stop it or"
            + " choose another with --port";
      }
    }
    return String.valueOf(e.getMessage());
  }

  /** Builds and starts a server; the caller closes it. On failure the upload folder is removed. */
  public static WebServer start(WebSettings settings, List<ExampleData> examples) {
    return new WebServer(settings, new WebComposition(examples), JsonMapperFactory.create())
        .start();
  }

  /** Settings from the command line and the environment. */
  static WebSettings parse(String[] args, Map<String, String> env) {
    String host = WebSettings.DEFAULT_HOST;
    int port = WebSettings.DEFAULT_PORT;
    Optional<String> token = Optional.ofNullable(env.get("SEATWISE_TOKEN"));
    long maxUpload = WebSettings.DEFAULT_MAX_UPLOAD_BYTES;
    Duration timeout = WebSettings.DEFAULT_REQUEST_TIMEOUT;
    int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
    Optional<Path> dataDir = Optional.empty();
    long dataMax = WebSettings.DEFAULT_DATA_MAX_BYTES;
    int inMemory = WebSettings.DEFAULT_DATASETS_IN_MEMORY;
    int queue = WebSettings.DEFAULT_QUEUE;
    int perClient = WebSettings.DEFAULT_MAX_ANALYSES_PER_CLIENT;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        throw new IllegalArgumentException("seatwise web front end");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--host" -> host = v;
        case "--port" -> port = number(a, v);
        case "--token" -> token = Optional.of(v);
        case "--max-upload-mb" -> maxUpload = number(a, v) * 1024L * 1024L;
        case "--timeout-seconds" -> timeout = Duration.ofSeconds(number(a, v));
        case "--workers" -> workers = number(a, v);
        case "--data-dir" -> dataDir = Optional.of(Path.of(v));
        case "--data-max-mb" -> dataMax = number(a, v) * 1024L * 1024L;
        case "--datasets-in-memory" -> inMemory = number(a, v);
        case "--queue" -> queue = number(a, v);
        case "--max-analyses-per-client" -> perClient = number(a, v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    Path uploads;
    try {
      uploads = Files.createTempDirectory("seatwise-web-");
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot create a temporary folder: " + e.getMessage(), e);
    }
    try {
      return new WebSettings(
          host, port, token, maxUpload, timeout, workers, queue, uploads, dataDir, dataMax, inMemory,
          perClient);
    } catch (IllegalArgumentException e) {
      dev.seatwise.adapter.web.RequestUploads.deleteTree(uploads);
      throw e;
    }
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'", e);
    }
  }

  /** The example data sets bundled in the jar (those whose files are present). */
  public static List<ExampleData> bundledExamples() {
    List<ExampleData> found = new ArrayList<>();
    for (ExampleData e : BundledExamples.ALL) {
      boolean present =
          e.usageResources().stream().allMatch(r -> WebMain.class.getResource(r) != null);
      if (present) {
        found.add(e);
      }
    }
    return found;
  }
}
