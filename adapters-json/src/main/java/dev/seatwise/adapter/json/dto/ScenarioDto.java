package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One scenario's total. {@code tokens} (Flex tokens bought or left uncovered) and {@code seats}
 * (network seats per product) are omitted when the scenario has none; {@code lines} say how the
 * total was made.
 */
public record ScenarioDto(
    String name,
    BigDecimal total,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long tokens,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> seats,
    List<String> lines) {
  public ScenarioDto {
    seats = seats == null ? Map.of() : new java.util.TreeMap<>(seats);
    lines = List.copyOf(lines);
  }
}
