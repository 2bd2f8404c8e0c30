package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;

/** One way to go with the network seats ({@code keep}, {@code trade-in}, {@code retire}) a year. */
public record TradeInOptionDto(String choice, BigDecimal annualTotal, String reason) {}
