package dev.seatwise.adapter.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Caps the connections one remote client address holds open at once: the connection past the cap
 * is closed as soon as it opens, so that a few hundred slow uploads from one client cannot take
 * every server thread. Loopback clients are not capped (they are the local user, whose page and
 * API calls share one address); {@link UploadLimit} bounds their uploads instead. Thread-safe.
 */
final class ClientConnectionLimit implements Connection.Listener {
  private final int max;
  private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();

  ClientConnectionLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1 but was " + max);
    }
    this.max = max;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress client = client(connection);
    if (client == null || client.isLoopbackAddress()) {
      return;
    }
    int n = open.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet();
    if (n > max) {
      refused.incrementAndGet();
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress client = client(connection);
    if (client == null || client.isLoopbackAddress()) {
      return;
    }
    open.computeIfPresent(client, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  /** Connections closed because their client already held the maximum. */
  int refused() {
    return refused.get();
  }

  /** Connections open now from {@code client}. */
  int openFrom(InetAddress client) {
    AtomicInteger n = open.get(client);
    return n == null ? 0 : n.get();
  }

  private static InetAddress client(Connection connection) {
    SocketAddress a = connection.getEndPoint().getRemoteSocketAddress();
    return a instanceof InetSocketAddress i ? i.getAddress() : null;
  }
}
