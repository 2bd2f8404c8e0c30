package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The comparison with one change: {@code dimension} (baseline, token-price, named-price, usage)
 * changed by {@code percent}, its scenarios, the cheapest purchasable one, the access windows
 * compared, break-evens at the changed prices, and notes.
 */
public record SensitivityCaseDto(
    String dimension,
    double percent,
    List<ScenarioDto> scenarios,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cheapest,
    long windows,
    List<BreakEvenDto> breakEvens,
    List<String> notes) {
  public SensitivityCaseDto {
    scenarios = List.copyOf(scenarios);
    breakEvens = List.copyOf(breakEvens);
    notes = List.copyOf(notes);
  }
}
