package dev.seatwise.adapter.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seatwise.adapter.json.dto.PeriodDto;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The renewal review: actions ordered by saving, each with what it saves, from when and why.
 * Field names follow the application's {@code RenewalReview}; to move into adapters-json once the
 * CLI answers {@code review --output json}.
 */
public record ReviewResponse(
    LocalDate asOf,
    PeriodDto history,
    int idleDays,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal tokenPrice,
    String currency,
    List<ActionDto> actions,
    List<String> notes) {

  /** One recommended action; user, offering and lot are omitted when they do not apply. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ActionDto(
      String kind,
      String user,
      String offering,
      String lot,
      BigDecimal saving,
      LocalDate actionableOn,
      String reason) {}
}
