package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * The purchases that cover the P90 burn at the least cost, and the waste they are expected to
 * leave.
 */
public record PurchasePlanDto(
    List<PlannedPurchaseDto> purchases,
    long tokens,
    BigDecimal cost,
    long surplusAtHorizon,
    long expectedWaste,
    BigDecimal expectedWasteCost,
    String reason) {
  public PurchasePlanDto {
    purchases = List.copyOf(purchases);
  }
}
