package dev.seatwise.adapter.json.dto;

import java.time.LocalDate;

/**
 * One month {@code [from, to)} of the projection of the lots held: opening + purchased - consumed -
 * expired = closing, and consumed + refused = burn. {@code p50Burn} and {@code p90Burn}: the
 * month's burn percentiles from the block bootstrap of whole weeks (equal to {@code burn} when no
 * simulation ran).
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
    long closing,
    long p50Burn,
    long p90Burn) {
  /** A month without a band: P50 and P90 are the expected burn. */
  public ProjectedMonthDto(
      LocalDate from,
      LocalDate to,
      long opening,
      long burn,
      long consumed,
      long refused,
      long purchased,
      long expired,
      long closing) {
    this(from, to, opening, burn, consumed, refused, purchased, expired, closing, burn, burn);
  }
}
