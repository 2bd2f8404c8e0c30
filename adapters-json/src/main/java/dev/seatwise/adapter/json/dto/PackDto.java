package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;

/** A token pack on sale: its size, price per token and price. */
public record PackDto(long size, BigDecimal unitPrice, BigDecimal price) {}
