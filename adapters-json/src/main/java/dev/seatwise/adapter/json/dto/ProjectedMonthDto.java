package dev.seatwise.adapter.json.dto;

import java.time.LocalDate;

/**
 * One month {@code [from, to)} of the projection of the lots held: opening + purchased - consumed -
 * expired = closing, and consumed + refused = burn.
 */
public record ProjectedMonthDto(
    LocalDate from,
    LocalDate to,
    long opening,
    long burn,
    long consumed,
    long refused,
    long purchased,
    long expired,
    long closing) {}
