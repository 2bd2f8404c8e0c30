package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the web server runs: where it listens, the API token (required off loopback), the upload
 * cap, the time one analysis may take, how many analyses run at once and how many may wait, and
 * the folder under which each request gets its own temporary upload folder, and the stored
 * datasets: their folder (empty: a temporary folder removed at stop), the cap on their total size
 * (least recently used ones are evicted beyond it) and how many are kept parsed in memory, and
 * how many analyses one client address may have in flight (queued or running). Immutable; nothing
 * is null.
 */
public record WebSettings(
    String host,
    int port,
    Optional<String> token,
    long maxUploadBytes,
    Duration requestTimeout,
    int workers,
    int queue,
    Path uploadRoot,
    Optional<Path> dataDir,
    long dataMaxBytes,
    int datasetsInMemory,
    int maxAnalysesPerClient) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_DATA_MAX_BYTES = 1024L * 1024 * 1024;
  public static final int DEFAULT_DATASETS_IN_MEMORY = 4;
  /** Analyses one client address may have in flight (queued or running); the next is a 429. */
  public static final int DEFAULT_MAX_ANALYSES_PER_CLIENT = 8;
  /** Analyses that may wait for a worker; past that a request is answered 503 with Retry-After. */
  public static final int DEFAULT_QUEUE = 256;

  /** The settings at the default per-client limit. */
  public WebSettings(
      String host,
      int port,
      Optional<String> token,
      long maxUploadBytes,
      Duration requestTimeout,
      int workers,
      int queue,
      Path uploadRoot,
      Optional<Path> dataDir,
      long dataMaxBytes,
      int datasetsInMemory) {
    this(host, port, token, maxUploadBytes, requestTimeout, workers, queue, uploadRoot, dataDir,
        dataMaxBytes, datasetsInMemory, DEFAULT_MAX_ANALYSES_PER_CLIENT);
  }

  /** The settings without a dataset folder, at the default dataset cap and memory count. */
  public WebSettings(
      String host,
      int port,
      Optional<String> token,
      long maxUploadBytes,
      Duration requestTimeout,
      int workers,
      int queue,
      Path uploadRoot) {
    this(host, port, token, maxUploadBytes, requestTimeout, workers, queue, uploadRoot,
        Optional.empty(), DEFAULT_DATA_MAX_BYTES, DEFAULT_DATASETS_IN_MEMORY);
  }

  public WebSettings {
    requireNonNull(host, "host");
    requireNonNull(token, "token");
    requireNonNull(requestTimeout, "requestTimeout");
    requireNonNull(uploadRoot, "uploadRoot");
    requireNonNull(dataDir, "dataDir");
    if (maxAnalysesPerClient < 1) {
      throw new IllegalArgumentException(
          "the analyses per client must be positive but was " + maxAnalysesPerClient);
    }
    if (dataMaxBytes < 1 || datasetsInMemory < 1) {
      throw new IllegalArgumentException("the dataset cap and the datasets in memory must be positive");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535 but was " + port);
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("upload cap must be positive but was " + maxUploadBytes);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive but was " + requestTimeout);
    }
    if (workers < 1 || queue < 0) {
      throw new IllegalArgumentException("workers must be >= 1 and queue >= 0");
    }
    token = token.map(String::strip).filter(t -> !t.isEmpty());
    if (token.isPresent() && token.get().length() < MIN_TOKEN_CHARS) {
      throw new IllegalArgumentException("the API token must have at least " + MIN_TOKEN_CHARS
          + " characters but has " + token.get().length() + "; use a random one, e.g. the output"
          + " of 'openssl rand -hex 24'");
    }
    if (!isLoopback(host) && token.isEmpty()) {
      throw new IllegalArgumentException(
          "listening on "
              + host
              + " (not loopback) needs an API token: pass --token or set SEATWISE_TOKEN");
    }
  }

  /** The shortest API token accepted: a guessable token guards nothing. */
  public static final int MIN_TOKEN_CHARS = 16;

  /** Loopback defaults with the given port and upload root. */
  public static WebSettings loopback(int port, Path uploadRoot) {
    return new WebSettings(
        DEFAULT_HOST,
        port,
        Optional.empty(),
        DEFAULT_MAX_UPLOAD_BYTES,
        DEFAULT_REQUEST_TIMEOUT,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        DEFAULT_QUEUE,
        uploadRoot);
  }

  public WebSettings withToken(String value) {
    return with(s -> s.token = Optional.of(value));
  }

  public WebSettings withHost(String value) {
    return with(s -> s.host = value);
  }

  public WebSettings withMaxUploadBytes(long value) {
    return with(s -> s.maxUploadBytes = value);
  }

  public WebSettings withRequestTimeout(Duration value) {
    return with(s -> s.requestTimeout = value);
  }

  /** Keeps datasets under {@code value} (they survive a restart). */
  public WebSettings withDataDir(Path value) {
    return with(s -> s.dataDir = Optional.of(value));
  }

  public WebSettings withDataMaxBytes(long value) {
    return with(s -> s.dataMaxBytes = value);
  }

  public WebSettings withWorkers(int value) {
    return with(s -> s.workers = value);
  }

  public WebSettings withQueue(int value) {
    return with(s -> s.queue = value);
  }

  public WebSettings withMaxAnalysesPerClient(int value) {
    return with(s -> s.maxAnalysesPerClient = value);
  }

  /**
   * These settings with one component changed by {@code change}, checked by the canonical
   * constructor as any settings are (so each {@code withX} fails as soon as its value does).
   */
  private WebSettings with(Consumer<Copy> change) {
    Copy c = new Copy();
    change.accept(c);
    return c.settings();
  }

  /** A mutable copy of these settings' components, for {@link #with}. */
  private final class Copy {
    String host = WebSettings.this.host;
    int port = WebSettings.this.port;
    Optional<String> token = WebSettings.this.token;
    long maxUploadBytes = WebSettings.this.maxUploadBytes;
    Duration requestTimeout = WebSettings.this.requestTimeout;
    int workers = WebSettings.this.workers;
    int queue = WebSettings.this.queue;
    Path uploadRoot = WebSettings.this.uploadRoot;
    Optional<Path> dataDir = WebSettings.this.dataDir;
    long dataMaxBytes = WebSettings.this.dataMaxBytes;
    int datasetsInMemory = WebSettings.this.datasetsInMemory;
    int maxAnalysesPerClient = WebSettings.this.maxAnalysesPerClient;

    WebSettings settings() {
      return new WebSettings(host, port, token, maxUploadBytes, requestTimeout, workers, queue,
          uploadRoot, dataDir, dataMaxBytes, datasetsInMemory, maxAnalysesPerClient);
    }
  }

  /** True for 127.0.0.0/8, ::1 and {@code localhost}; an unresolvable host is not loopback. */
  public static boolean isLoopback(String host) {
    String h = host.strip();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
