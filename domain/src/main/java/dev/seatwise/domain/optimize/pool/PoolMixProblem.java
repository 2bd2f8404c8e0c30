package dev.seatwise.domain.optimize.pool;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.plan.Proration;
import dev.seatwise.domain.tokens.PackPricing;
import java.util.List;

/**
 * A pool-aware optimisation: the users, how pool capacity is sold ({@code packs}, annual prices,
 * pro-rated by {@code proration} as the named seats are), the service level ({@code
 * toleratedRefusalRate}: the share of the pool's intervals it may refuse, 0 for none) and the
 * vendor's name for a unit of the pool ({@code unit}, e.g. "tokens"), used in the explanations.
 * Immutable.
 */
public record PoolMixProblem(
    List<PoolUser> users, PackPricing packs, Proration proration, double toleratedRefusalRate, String unit) {
  public PoolMixProblem {
    users = List.copyOf(users);
    checkNotNull(packs, "packs");
    checkNotNull(proration, "proration");
    checkNotNull(unit, "unit");
    checkArgument(toleratedRefusalRate >= 0 && toleratedRefusalRate < 1,
        "tolerated refusal rate must be in [0, 1) but was %s", toleratedRefusalRate);
  }
}
