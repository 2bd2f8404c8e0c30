package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * One month {@code [from, to)} of the expected projection of the lots held (no purchases): the
 * expected burn, what the lots gave ({@code consumed}), what they could not cover ({@code
 * refused}), lots bought in it ({@code purchased}, lots already known), tokens that expired unused
 * in it, and the balance at its end. Conservation: {@code opening + purchased - consumed - expired
 * = closing}, and {@code consumed + refused = burn}. {@code p50Burn} and {@code p90Burn}: the
 * percentiles of the month's burn from {@link dev.seatwise.domain.forecast.BurnForecast} (a seeded
 * block bootstrap of whole weeks from the same season); both equal {@code burn} when no simulation
 * ran (a history without a whole Monday-to-Sunday week). Immutable and thread-safe; nothing is null.
 */
public record ProjectedMonth(
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
  public ProjectedMonth {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(to.isAfter(from), "month must end after it starts: [%s, %s)", from, to);
    checkArgument(
        opening + purchased - consumed - expired == closing,
        "tokens not conserved in [%s, %s): %s + %s - %s - %s != %s",
        from, to, opening, purchased, consumed, expired, closing);
    checkArgument(
        consumed + refused == burn,
        "burn %s != consumed %s + refused %s in [%s, %s)", burn, consumed, refused, from, to);
    checkArgument(p50Burn <= p90Burn, "P50 %s above P90 %s in [%s, %s)", p50Burn, p90Burn, from, to);
  }

  /** A month without a simulated band: P50 and P90 are the expected burn. */
  public ProjectedMonth(
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

  /** This month with the simulated P50 and P90 of its burn. */
  public ProjectedMonth withBand(long p50, long p90) {
    return new ProjectedMonth(
        from, to, opening, burn, consumed, refused, purchased, expired, closing, p50, p90);
  }
}
