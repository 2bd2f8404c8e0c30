package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One scenario's total. {@code tokens} (Flex tokens bought or left uncovered) and {@code seats}
 * (network seats per product) are omitted when the scenario has none; {@code lines} say how the
 * total was made. The plan behind it: {@code holdings} (seats and lots held), {@code purchases}
 * (token packs bought, omitted when none), and for {@code current} only, the use it leaves {@code
 * uncovered} and its {@code unassignedSeats}; for {@code optimal} only, its {@code optimality}
 * (proven, or the gap to a lower bound).
 */
public record ScenarioDto(
    String name,
    BigDecimal total,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long tokens,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> seats,
    List<String> lines,
    List<HoldingDto> holdings,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PurchaseDto> purchases,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<UncoveredDto> uncovered,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<UnassignedSeatsDto> unassignedSeats,
    @JsonInclude(JsonInclude.Include.NON_NULL) OptimalityDto optimality) {
  public ScenarioDto {
    seats = seats == null ? Map.of() : new java.util.TreeMap<>(seats);
    lines = List.copyOf(lines);
    holdings = holdings == null ? List.of() : List.copyOf(holdings);
    purchases = purchases == null ? List.of() : List.copyOf(purchases);
    uncovered = uncovered == null ? null : List.copyOf(uncovered);
    unassignedSeats = unassignedSeats == null ? null : List.copyOf(unassignedSeats);
  }
}
