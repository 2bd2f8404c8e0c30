package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.UnitPrice;
import java.math.BigDecimal;

/**
 * A pack that can be bought any number of times: {@code size} tokens at {@code unitPrice} per token.
 * Immutable and thread-safe; nothing is null.
 */
public record TokenPack(long size, UnitPrice unitPrice) {
  public TokenPack {
    checkArgument(size > 0, "pack size must be > 0 but was %s", size);
    checkNotNull(unitPrice, "unitPrice");
  }

  /** The exact price of one pack (size x unit price), unrounded. */
  public BigDecimal exactPrice() {
    return unitPrice.exactCostOf(size);
  }
}
