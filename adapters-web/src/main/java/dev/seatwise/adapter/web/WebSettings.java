package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the web server runs: where it listens, the API token (required off loopback), the upload
 * cap, the time one analysis may take, how many analyses run at once and how many may wait, and
 * the folder under which each request gets its own temporary upload folder, and the stored
 * datasets: their folder (empty: a temporary folder removed at stop), the cap on their total size
 * (least recently used ones are evicted beyond it) and how many are kept parsed in memory.
 * Immutable; nothing is null.
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
    int datasetsInMemory) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_DATA_MAX_BYTES = 1024L * 1024 * 1024;
  public static final int DEFAULT_DATASETS_IN_MEMORY = 4;

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
    if (!isLoopback(host) && token.isEmpty()) {
      throw new IllegalArgumentException(
          "listening on "
              + host
              + " (not loopback) needs an API token: pass --token or set SEATWISE_TOKEN");
    }
  }

  /** Loopback defaults with the given port and upload root. */
  public static WebSettings loopback(int port, Path uploadRoot) {
    return new WebSettings(
        DEFAULT_HOST,
        port,
        Optional.empty(),
        DEFAULT_MAX_UPLOAD_BYTES,
        DEFAULT_REQUEST_TIMEOUT,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        256,
        uploadRoot);
  }

  public WebSettings withToken(String value) {
    return new WebSettings(host, port, Optional.of(value), maxUploadBytes, requestTimeout, workers,
        queue, uploadRoot, dataDir, dataMaxBytes, datasetsInMemory);
  }

  public WebSettings withHost(String value) {
    return new WebSettings(value, port, token, maxUploadBytes, requestTimeout, workers, queue,
        uploadRoot, dataDir, dataMaxBytes, datasetsInMemory);
  }

  public WebSettings withMaxUploadBytes(long value) {
    return new WebSettings(host, port, token, value, requestTimeout, workers, queue, uploadRoot,
        dataDir, dataMaxBytes, datasetsInMemory);
  }

  public WebSettings withRequestTimeout(Duration value) {
    return new WebSettings(host, port, token, maxUploadBytes, value, workers, queue, uploadRoot,
        dataDir, dataMaxBytes, datasetsInMemory);
  }

  /** Keeps datasets under {@code value} (they survive a restart). */
  public WebSettings withDataDir(Path value) {
    return new WebSettings(host, port, token, maxUploadBytes, requestTimeout, workers, queue,
        uploadRoot, Optional.of(value), dataMaxBytes, datasetsInMemory);
  }

  public WebSettings withDataMaxBytes(long value) {
    return new WebSettings(host, port, token, maxUploadBytes, requestTimeout, workers, queue,
        uploadRoot, dataDir, value, datasetsInMemory);
  }

  public WebSettings withWorkers(int value) {
    return new WebSettings(host, port, token, maxUploadBytes, requestTimeout, value, queue,
        uploadRoot, dataDir, dataMaxBytes, datasetsInMemory);
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
