package dev.seatwise.adapter.json.dto;

import java.time.LocalDate;

/**
 * The days the usage data span, {@code [from, to)}, {@code days} long, and how many of them lie in
 * the analysed period ({@code daysInPeriod}).
 */
public record UsageDataDto(LocalDate from, LocalDate to, long days, long daysInPeriod) {}
