package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;

/** {@code count} packs of {@code size} tokens at {@code unitPrice} a token. */
public record PackCountDto(long size, long count, BigDecimal unitPrice) {}
