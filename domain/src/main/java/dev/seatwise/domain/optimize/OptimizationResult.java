package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPurchase;
import java.util.List;
import java.util.function.Function;

/** The outcome of optimising: a proven-optimal {@link Solved} plan, or {@link Infeasible} with why. */
public sealed interface OptimizationResult
    permits OptimizationResult.Solved, OptimizationResult.Infeasible {

  /**
   * A plan and its cost. {@code lowerBound} is the Lagrangian bound the search started from and
   * {@code candidates} the users whose choice it examined exactly in its last round (the search
   * widens a slack above the bound until the plan it finds is proven optimal; each round examines
   * only the users with an alternative within that slack).
   */
  record Solved(
      List<Assignment> assignments,
      PackPurchase purchase,
      Money subscriptions,
      Money total,
      Money lowerBound,
      int candidates)
      implements OptimizationResult {
    public Solved {
      assignments = List.copyOf(assignments);
      checkNotNull(purchase, "purchase");
      checkNotNull(total, "total");
    }

    public long tokens() {
      return purchase.demand().count();
    }
  }

  /** No plan satisfies the constraints. */
  record Infeasible(String reason) implements OptimizationResult {
    public Infeasible {
      checkNotNull(reason, "reason");
    }
  }

  default <R> R fold(Function<Solved, R> onSolved, Function<Infeasible, R> onInfeasible) {
    return this instanceof Solved s ? onSolved.apply(s) : onInfeasible.apply((Infeasible) this);
  }

  /** The solution, or an {@link IllegalStateException} naming why there is none. */
  default Solved orElseThrow() {
    return fold(s -> s, i -> {
      throw new IllegalStateException("infeasible: " + i.reason());
    });
  }
}
