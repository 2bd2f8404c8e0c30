package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Something a scenario's plan holds over {@code [from, to)}: {@code quantity} seats of an offering
 * ({@code kind} {@code named}) or of a product ({@code network}), or the tokens of a lot ({@code
 * tokens}); {@code what} names the offering, product or lot; {@code term} the named seats' term
 * ({@code monthly}, {@code annual}, {@code three-year}; added, left out when not known).
 */
public record HoldingDto(
    String kind,
    String what,
    long quantity,
    LocalDate from,
    LocalDate to,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String term) {}
