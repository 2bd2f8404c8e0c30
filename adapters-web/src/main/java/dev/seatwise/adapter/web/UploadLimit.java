package dev.seatwise.adapter.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the analysis requests one client address has in flight (one-shot uploads, dataset uploads,
 * dataset analyses and their jobs until they end): past the cap the request is answered 429
 * (with {@code Retry-After}) before its body is read, so slow or endless uploads from one client hold at most
 * that many server threads, and the health check and other clients keep being served.
 * Thread-safe.
 */
final class UploadLimit {
  private final int max;
  private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

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
    AtomicInteger n = inFlight.computeIfAbsent(client, k -> new AtomicInteger());
    if (n.incrementAndGet() > max) {
      release(client);
      throw new ApiProblem(429, "Too many requests",
              "this client already has " + max + " analyses in progress; wait for one to finish")
          .retryAfter(1);
    }
    return () -> release(client);
  }

  int inFlight(String client) {
    AtomicInteger n = inFlight.get(client);
    return n == null ? 0 : n.get();
  }

  private void release(String client) {
    inFlight.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }
}
