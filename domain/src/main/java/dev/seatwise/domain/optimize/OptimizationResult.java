package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.MixPlan;
import dev.seatwise.domain.plan.Plan;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.usage.UserId;
import java.util.Map;
import java.util.Set;
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

    /** The holders of each offering (bundle or single product) the mix buys seats of. */
    public Map<ProductId, List<UserId>> seatsByOffering() {
      return Mixes.seatsByOffering(assignments);
    }

    /** The products each user is on Flex for (users on Flex for nothing are left out). */
    public Map<UserId, Set<ProductId>> onFlex() {
      return Mixes.onFlex(assignments);
    }

    /**
     * This mix as a plan over {@code period} ({@link MixPlan#of}): its seats, one holding per
     * offering and annual term, and the lots of {@code schedule} (normally {@link
     * MixPlan#schedule} of {@link #onFlex()}).
     */
    public Plan plan(PlanPeriod period, CatalogHistory catalogs, TokenPurchaseSchedule schedule) {
      return MixPlan.of(seatsByOffering(), period, catalogs, schedule);
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
