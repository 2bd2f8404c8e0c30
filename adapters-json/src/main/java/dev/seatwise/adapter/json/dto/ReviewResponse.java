package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code review} answer: the path from today's plan to the best plan reachable from it, over
 * the review period {@code period} (the history's usage replayed from the review date). {@code
 * actions} are in the order they are made (by date), each saving net, so they add up to {@code
 * current - target} exactly; {@code optimum} is the cheapest mix with every change made on the
 * review date and {@code timingGap = target - optimum} what the dates cost. Flex is priced at
 * {@code tokenPrice} a token in the reasons (omitted when the catalog sells no packs).
 */
public record ReviewResponse(
    String currency,
    LocalDate asOf,
    PeriodDto history,
    int idleDays,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal tokenPrice,
    List<RenewalActionDto> actions,
    @JsonProperty("import") ImportDto importReport,
    List<String> notes,
    PeriodDto period,
    BigDecimal current,
    BigDecimal target,
    BigDecimal optimum,
    BigDecimal timingGap,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IdleSeatDto> idleSeats) {
  public ReviewResponse {
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
    idleSeats = idleSeats == null ? List.of() : List.copyOf(idleSeats);
  }
}
