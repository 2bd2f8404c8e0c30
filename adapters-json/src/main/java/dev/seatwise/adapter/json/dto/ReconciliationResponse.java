package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code reconcile} answer: the period, the catalog, what was read, tokens Flex {@code charged}
 * and the replay {@code replayed} in the period, {@code difference} (charged minus replayed), the
 * number of user x product x days compared and every one that differs, in day, user, product order.
 */
public record ReconciliationResponse(
    PeriodDto period,
    String catalog,
    @JsonProperty("import") ImportDto importReport,
    long charged,
    long replayed,
    long difference,
    long daysCompared,
    List<DifferenceDto> differences,
    List<String> notes) {
  public ReconciliationResponse {
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }
}
