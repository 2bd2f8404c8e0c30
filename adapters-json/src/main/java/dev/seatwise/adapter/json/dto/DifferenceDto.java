package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One user x product x day where what Flex charged differs from the replay: {@code difference} is
 * charged minus replayed; {@code kind} is {@code charged-without-usage}, {@code usage-not-charged}
 * or {@code different-amount}; {@code rule} the likely Flex rule ({@code continuation-past-24h},
 * {@code idle-pause}, {@code under-5-minutes}), left out when none was identified; {@code reason}
 * says both in words.
 */
public record DifferenceDto(
    LocalDate day,
    String user,
    String product,
    long charged,
    long replayed,
    long difference,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) String rule,
    String reason) {}
