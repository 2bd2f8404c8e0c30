package dev.seatwise.application.port.out;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units each session of an import held ({@link ImportedUsage#heldUnits()}), looked up by the
 * session itself: user, product (or feature), start and end, matched exactly. A session with no
 * record holds 1 unit. Equal sessions are told apart by count only: each lookup takes one of the
 * records left for that session, so two equal sessions of 3 and 5 units get 3 and 5 between them
 * (which gets which does not matter: they are the same interval). A sessions CSV has no records,
 * and then {@link #isEmpty()} says no lookup is needed. Not thread-safe: one per analysis;
 * arguments not null.
 */
public final class SessionUnits {
  private record Key(UserId user, ProductId product, long startNanos, long endNanos) {}

  private final Map<Key, ArrayDeque<Long>> left = new HashMap<>();
  private final Set<String> products = new HashSet<>();

  private SessionUnits(List<HeldUnits> held) {
    for (HeldUnits h : held) {
      Session s = h.session();
      left.computeIfAbsent(key(s.user(), s.product(), SessionTable.toNanos(s.start()),
          SessionTable.toNanos(s.end())), k -> new ArrayDeque<>()).add(h.units());
      products.add(s.product().value());
    }
  }

  /** A lookup of {@code held}'s units (a sessions' import's {@link ImportedUsage#heldUnits()}). */
  public static SessionUnits of(List<HeldUnits> held) {
    return new SessionUnits(List.copyOf(held));
  }

  private static Key key(UserId user, ProductId product, long startNanos, long endNanos) {
    return new Key(user, product, startNanos, endNanos);
  }

  /** Whether no session holds other than 1 unit. */
  public boolean isEmpty() {
    return left.isEmpty();
  }

  /** Whether some session of the product (or feature) named {@code product} has a record. */
  public boolean holdsAny(String product) {
    return products.contains(product);
  }

  /**
   * The units of the session of {@code user} and {@code product} from {@code startNanos} to
   * {@code endNanos} (epoch nanoseconds): one record left for it, taken, or 1 when none is left.
   */
  public long take(UserId user, ProductId product, long startNanos, long endNanos) {
    ArrayDeque<Long> units = left.get(key(user, product, startNanos, endNanos));
    return units == null || units.isEmpty() ? 1 : units.poll();
  }

  /** The units of {@code session}, as {@link #take(UserId, ProductId, long, long)}. */
  public long take(Session session) {
    return take(session.user(), session.product(), SessionTable.toNanos(session.start()),
        SessionTable.toNanos(session.end()));
  }
}
