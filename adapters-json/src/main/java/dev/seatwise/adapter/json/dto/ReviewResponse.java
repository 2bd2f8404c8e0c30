package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code review} answer: actions ordered by saving (largest first), judged on the history's
 * usage scaled to a year, Flex priced at {@code tokenPrice} a token (omitted when the catalog sells
 * no packs). Savings of actions about one user can be alternatives, so they do not add up.
 */
public record ReviewResponse(
    String currency,
    LocalDate asOf,
    PeriodDto history,
    int idleDays,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal tokenPrice,
    List<RenewalActionDto> actions,
    @JsonProperty("import") ImportDto importReport,
    List<String> notes) {
  public ReviewResponse {
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
  }
}
