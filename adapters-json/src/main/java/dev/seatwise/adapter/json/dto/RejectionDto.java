package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A rejected input row: file, 1-based line, why, and the field at fault (omitted when none). */
public record RejectionDto(
    String file,
    long line,
    String reason,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String field) {}
