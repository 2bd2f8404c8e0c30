package dev.seatwise.adapter.json.dto;

import java.time.YearMonth;

/** Flex tokens charged in one month of the history ({@code month} as {@code "2025-03"}). */
public record MonthlyBurnDto(YearMonth month, long daysObserved, long tokens) {}
