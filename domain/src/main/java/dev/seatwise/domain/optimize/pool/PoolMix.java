package dev.seatwise.domain.optimize.pool;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.usage.UserId;
import java.util.List;
import java.util.Set;

/**
 * The pool-aware optimum: the users on named seats, the pool size for the rest ({@code poolTokens},
 * bought as {@code purchase}), the pro-rated costs, and {@code lowerBound}: no mix costs less. When
 * {@code proven}, {@code total} is the optimum (the search completed, or the bound meets it);
 * otherwise the optimum lies in {@code [lowerBound, total]}. Immutable.
 */
public record PoolMix(
    Set<UserId> named,
    long poolTokens,
    PackPurchase purchase,
    Money namedCost,
    Money poolCost,
    Money total,
    Money lowerBound,
    boolean proven,
    long nodes,
    List<PoolChoice> choices) {
  public PoolMix {
    named = Set.copyOf(named);
    checkNotNull(purchase, "purchase");
    checkNotNull(namedCost, "namedCost");
    checkNotNull(poolCost, "poolCost");
    checkNotNull(total, "total");
    checkNotNull(lowerBound, "lowerBound");
    choices = List.copyOf(choices);
  }
}
