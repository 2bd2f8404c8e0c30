package dev.seatwise.adapter.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the analysis requests one client address has in flight (one-shot uploads, dataset uploads,
 * dataset analyses and their jobs until they end): past the cap the request is answered 429
 * (with {@code Retry-After}) before its body is read, so slow or endless uploads from one client hold at most
 * that many server threads, and the health check and other clients keep being served. A client's
 * count changes atomically: a refused request never counts, even for a moment (so a request that
 * comes just as another ends is not refused because a third was being refused at that instant),
 * and a permit gives its place back once however often it is closed. Thread-safe.
 */
final class UploadLimit {
  private final int max;
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  UploadLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1 but was " + max);
    }
    this.max = max;
  }

  /** A permit to close when the request is done. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes a permit for {@code client}.
   *
   * @throws ApiProblem 429 when the client already has {@code max} requests in flight
   */
  Permit acquire(String client) {
    boolean[] taken = {false};
    inFlight.compute(
        client,
        (k, n) -> {
          int now = n == null ? 0 : n;
          if (now >= max) {
            return n;
          }
          taken[0] = true;
          return now + 1;
        });
    if (!taken[0]) {
      throw new ApiProblem(429, "Too many requests",
              "this client already has " + max + " analyses in progress; wait for one to finish")
          .retryAfter(1);
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        release(client);
      }
    };
  }

  int inFlight(String client) {
    Integer n = inFlight.get(client);
    return n == null ? 0 : n;
  }

  private void release(String client) {
    inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }
}
