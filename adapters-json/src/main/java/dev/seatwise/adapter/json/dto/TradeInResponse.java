package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code trade-in} answer: N network seats of {@code product} kept, traded for 2N named seats,
 * or retired to Flex, with yearly totals; {@code users} who used the product without a named seat,
 * their peak concurrency when the data has clock times, and the {@code cheapest} choice; {@code
 * asOf}, the day the choice is made, and {@code eligibility}, the catalog's network-retirement and
 * trade-in dates and what they allow that day (keep and trade in are offered only while they can
 * be bought).
 */
public record TradeInResponse(
    String currency,
    String product,
    PeriodDto period,
    long networkSeats,
    long namedSeats,
    long users,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long peakConcurrency,
    List<TradeInOptionDto> options,
    String cheapest,
    @JsonProperty("import") ImportDto importReport,
    List<String> notes,
    java.time.LocalDate asOf,
    String eligibility) {
  public TradeInResponse {
    options = List.copyOf(options);
    notes = List.copyOf(notes);
  }
}
