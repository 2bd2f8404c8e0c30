package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * One user in the optimal plan: usage per product, assignment, its cost over the period, what
 * all-named would cost them, the saving ({@code allNamedCost - cost}) and the reason in numbers.
 */
public record UserDto(
    String user,
    List<UsageDto> usage,
    AssignmentDto assignment,
    BigDecimal cost,
    BigDecimal allNamedCost,
    BigDecimal savings,
    String reason) {
  public UserDto {
    usage = List.copyOf(usage);
  }
}
