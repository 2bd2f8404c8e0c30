package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A named seat unused for the review's {@code idleDays} or more: its user, the offering, the last
 * day of use in the history (absent when none) and the whole days unused before the history's end.
 */
public record IdleSeatDto(
    String user,
    String offering,
    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate lastUse,
    long unusedDays) {}
