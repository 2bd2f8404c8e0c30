package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code sensitivity} answer: the baseline and each case, over the baseline's period. */
public record SensitivityResponse(
    String currency,
    PeriodDto period,
    SensitivityCaseDto baseline,
    List<SensitivityCaseDto> cases,
    @JsonProperty("import") ImportDto importReport,
    List<String> notes) {
  public SensitivityResponse {
    cases = List.copyOf(cases);
    notes = List.copyOf(notes);
  }
}
