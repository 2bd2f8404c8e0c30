package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group's (team's or cost centre's) share of each scenario's total: {@code totals} maps each
 * scenario name, in the order of {@code scenarios}, to an amount in the response's currency.
 */
public record GroupCostDto(String group, Map<String, BigDecimal> totals) {
  public GroupCostDto {
    totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
  }
}
