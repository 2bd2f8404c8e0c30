package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.util.List;

/**
 * Packs to buy, and when, so the lots cover the P90 burn over the horizon within lot expiry at the
 * least pack cost plus expected waste. {@code cost} is the sum of the purchases' costs. Because it
 * is sized for P90, most runs leave some of it unused: {@code surplusAtHorizon} tokens of the
 * planned lots are left at the horizon's end and {@code expectedWaste} of them expire unused (worth
 * {@code expectedWasteCost} at their pack prices), each the mean over the simulated runs (drawn on
 * until the planned lots expire); for a history without a whole week, at the mean burn.
 * Immutable and thread-safe; nothing is null.
 */
public record PurchasePlan(
    List<PlannedPurchase> purchases,
    long tokens,
    Money cost,
    long surplusAtHorizon,
    long expectedWaste,
    Money expectedWasteCost,
    String reason) {
  public PurchasePlan {
    purchases = List.copyOf(purchases);
    checkNotNull(cost, "cost");
    checkNotNull(expectedWasteCost, "expectedWasteCost");
    checkNotNull(reason, "reason");
    checkArgument(
        cost.equals(Money.total(cost.currency(), purchases.stream().map(PlannedPurchase::cost).toList())),
        "plan cost %s is not the sum of its purchases", cost);
    checkArgument(
        tokens == purchases.stream().mapToLong(PlannedPurchase::tokens).sum(),
        "plan tokens %s are not the sum of its purchases", tokens);
  }
}
