package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code compare} answer: currency, period, the day the figures are as of ({@code asOf}, the
 * day after the period), the days the usage data span ({@code usageData}, omitted when unknown),
 * import report, scenario totals (names {@code
 * all-named}, {@code all-flex}, {@code network}, {@code current}, {@code optimal}; a scenario the
 * data cannot support is left out with a note), users ordered by savings, and notes. With a
 * chargeback ({@code compare --by team|cost-centre}): {@code breakdownBy} ({@code team} or {@code
 * cost-centre}), {@code breakdownRule} (the allocation rule in words) and {@code breakdown}, one
 * entry per group whose amounts sum, per scenario, exactly to its total; the three are omitted
 * without one.
 */
public record ComparisonResponse(
    String currency,
    PeriodDto period,
    String catalog,
    @JsonProperty("import") ImportDto importReport,
    List<ScenarioDto> scenarios,
    List<UserDto> users,
    List<String> notes,
    LocalDate asOf,
    @JsonInclude(JsonInclude.Include.NON_NULL) UsageDataDto usageData,
    @JsonInclude(JsonInclude.Include.NON_NULL) String breakdownBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String breakdownRule,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupCostDto> breakdown) {
  public ComparisonResponse {
    scenarios = List.copyOf(scenarios);
    users = List.copyOf(users);
    notes = List.copyOf(notes);
    breakdown = breakdown == null ? null : List.copyOf(breakdown);
  }
}
