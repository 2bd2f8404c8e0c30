package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One purchase of a plan: the packs to buy on {@code date}, what they cost and cover, expiry. */
public record PlannedPurchaseDto(
    LocalDate date,
    List<PackCountDto> packs,
    long tokens,
    BigDecimal cost,
    long shortfall,
    LocalDate expires,
    String reason) {
  public PlannedPurchaseDto {
    packs = List.copyOf(packs);
  }
}
