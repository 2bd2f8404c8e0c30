package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which products' use another product already covers: AutoCAD covers AutoCAD LT (whatever LT does,
 * AutoCAD does), so a user who holds AutoCAD needs no AutoCAD LT at the same time. {@code direct}
 * holds the pairs the catalog states; {@link #covers} is their transitive closure (Civil 3D covers
 * AutoCAD and AutoCAD covers AutoCAD LT, so Civil 3D covers AutoCAD LT). No product covers itself,
 * directly or through others. Unrelated products (AutoCAD and Revit) cover nothing of each other.
 * Immutable and thread-safe; nothing is null.
 */
public record Covers(Map<ProductId, Set<ProductId>> direct) {
  /** No product covers another. */
  public static final Covers NONE = new Covers(Map.of());

  public Covers {
    checkNotNull(direct, "direct");
    Map<ProductId, Set<ProductId>> copy = new TreeMap<>();
    direct.forEach(
        (by, covered) -> {
          checkNotNull(by, "product");
          Set<ProductId> set = new TreeSet<>(checkNotNull(covered, "covered by %s", by));
          if (!set.isEmpty()) {
            copy.put(by, Collections.unmodifiableSet(set));
          }
        });
    direct = Collections.unmodifiableMap(copy);
    for (ProductId p : direct.keySet()) {
      checkArgument(!closure(direct, p).contains(p), "%s covers itself (a cycle of covers)", p);
    }
  }

  /** {@code by} covers each of {@code covered}; used by builders and tests. */
  public static Covers of(Map<ProductId, Set<ProductId>> direct) {
    return new Covers(direct);
  }

  /** {@code true} when {@code by} covers {@code covered}, directly or through other products. */
  public boolean covers(ProductId by, ProductId covered) {
    return coveredBy(by).contains(covered);
  }

  /** Every product that {@code by} covers, directly or not; empty when it covers none. */
  public Set<ProductId> coveredBy(ProductId by) {
    return Collections.unmodifiableSet(closure(direct, by));
  }

  /** {@code true} when no product covers another. */
  public boolean isEmpty() {
    return direct.isEmpty();
  }

  /** Every product named in a pair (on either side). */
  public Set<ProductId> products() {
    Set<ProductId> all = new TreeSet<>(direct.keySet());
    direct.values().forEach(all::addAll);
    return all;
  }

  private static Set<ProductId> closure(Map<ProductId, Set<ProductId>> direct, ProductId from) {
    Set<ProductId> seen = new TreeSet<>();
    Deque<ProductId> todo = new ArrayDeque<>(direct.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      ProductId p = todo.pop();
      if (seen.add(p)) {
        todo.addAll(direct.getOrDefault(p, Set.of()));
      }
    }
    return seen;
  }
}
