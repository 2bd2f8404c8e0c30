package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code concurrency} answer: per product, peak and sizing; the period when one was given. */
public record ConcurrencyResponse(
    @JsonInclude(JsonInclude.Include.NON_NULL) PeriodDto period,
    @JsonProperty("import") ImportDto importReport,
    List<ProductConcurrencyDto> products,
    List<String> notes) {
  public ConcurrencyResponse {
    products = List.copyOf(products);
    notes = List.copyOf(notes);
  }
}
