package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * One month {@code [from, to)} of the expected projection of the lots held (no purchases): the
 * expected burn, what the lots gave ({@code consumed}), what they could not cover ({@code
 * refused}), lots bought in it ({@code purchased}, lots already known), tokens that expired unused
 * in it, and the balance at its end. Conservation: {@code opening + purchased - consumed - expired
 * = closing}, and {@code consumed + refused = burn}. Immutable and thread-safe; nothing is null.
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
    long closing) {
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
  }
}
