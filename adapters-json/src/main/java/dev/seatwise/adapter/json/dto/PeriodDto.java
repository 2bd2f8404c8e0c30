package dev.seatwise.adapter.json.dto;

import java.time.LocalDate;

/** The analysed period {@code [from, to)}: {@code days} calendar days in {@code zone}. */
public record PeriodDto(LocalDate from, LocalDate to, long days, String zone) {}
