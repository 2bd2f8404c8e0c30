package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Allocation;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An evaluated plan's cost lines charged to users, so that the users' costs and what nobody is
 * charged ({@code unallocated}) sum exactly to the plan's total:
 *
 * <ul>
 *   <li>a seat holding's line is split equally among its assignees (users listed once, in user
 *       order); a holding without assignees is unallocated;
 *   <li>a token lot's line is split among the users whose windows drew on it, in proportion to the
 *       tokens each drew (so a user pays for the lots their windows drew, including their share of
 *       the lot's tokens that expire unused); a lot nobody drew on is unallocated;
 *   <li>a network holding's line is unallocated (it is shared by concurrency, not held by users).
 * </ul>
 *
 * <p>Every split is by largest remainder ({@link Allocation}): each share is within a cent of its
 * exact value and the shares sum exactly to the line. Immutable; nothing is null.
 */
public record UserCosts(Map<UserId, Money> byUser, Money unallocated) {
  public UserCosts {
    byUser = java.util.Collections.unmodifiableMap(new TreeMap<>(byUser));
    checkNotNull(unallocated, "unallocated");
  }

  /** A user's cost (zero when the plan charges them nothing). */
  public Money of(UserId user) {
    return byUser.getOrDefault(user, Money.zero(unallocated.currency()));
  }

  /** The cost lines of {@code e} charged to users by the rules above. */
  public static UserCosts of(PlanEvaluation e) {
    Map<UserId, Money> out = new TreeMap<>();
    Money none = Money.zero(e.plan().currency());
    Map<String, SeatHolding> seats = new HashMap<>();
    for (SeatHolding h : e.plan().seats()) {
      seats.put(h.id(), h);
    }
    // tokens drawn from each lot, per user
    Map<String, Map<UserId, Long>> drawn = e.drawnByLotAndUser();
    for (CostLine line : e.lines()) {
      if (line.amount().isZero()) {
        continue;
      }
      Map<UserId, Long> weights = new LinkedHashMap<>();
      switch (line.kind()) {
        case SEATS -> {
          for (Assignee a : seats.get(line.holding()).assignees()) {
            weights.put(a.user(), 1L);
          }
          weights = new LinkedHashMap<>(new TreeMap<>(weights));
        }
        case TOKEN_LOT -> weights.putAll(drawn.getOrDefault(line.holding(), Map.of()));
        default -> {}
      }
      weights.values().removeIf(w -> w == 0);
      if (weights.isEmpty()) {
        none = none.plus(line.amount());
        continue;
      }
      Allocation.byLargestRemainder(line.amount(), weights)
          .forEach((u, m) -> out.merge(u, m, Money::plus));
    }
    return new UserCosts(out, none);
  }
}
