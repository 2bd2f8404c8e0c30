package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which users hold a subscription (single product or via a bundle) for which products. A covered
 * user is never charged tokens for that product (rule F9: subscription first). Immutable and
 * thread-safe; nothing is null.
 */
public record Coverage(Map<UserId, Set<ProductId>> covered) {
  public static final Coverage NONE = new Coverage(Map.of());

  public Coverage {
    Map<UserId, Set<ProductId>> copy = new HashMap<>();
    checkNotNull(covered, "covered").forEach((u, ps) -> copy.put(u, Set.copyOf(ps)));
    covered = Map.copyOf(copy);
  }

  public boolean covers(UserId user, ProductId product) {
    Set<ProductId> ps = covered.get(user);
    return ps != null && ps.contains(product);
  }
}
