package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Token packs a scenario buys on {@code date}: the packs, the tokens bought and their cost. */
public record PurchaseDto(LocalDate date, List<PackCountDto> packs, long tokens, BigDecimal cost) {
  public PurchaseDto {
    packs = List.copyOf(packs);
  }
}
