package dev.seatwise.domain.entitlement;

import dev.seatwise.domain.tokens.TokenLot;
import java.util.List;

/**
 * What an organisation holds today, as exported: subscriptions, who is assigned which offering,
 * and token lots. It holds no coverage rule: what a seat covers, on which days and for whom, is
 * {@link dev.seatwise.domain.plan.HeldPlan}'s plan evaluated by {@link
 * dev.seatwise.domain.plan.PlanEvaluation} (or {@link dev.seatwise.domain.plan.SeatCover}).
 * Immutable; nothing is null.
 */
public record Entitlements(
    List<Subscription> subscriptions, List<SeatAssignment> assignments, List<TokenLot> lots) {
  public static final Entitlements NONE = new Entitlements(List.of(), List.of(), List.of());

  public Entitlements {
    subscriptions = List.copyOf(subscriptions);
    assignments = List.copyOf(assignments);
    lots = List.copyOf(lots);
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && assignments.isEmpty() && lots.isEmpty();
  }
}
