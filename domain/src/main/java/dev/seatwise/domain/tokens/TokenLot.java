package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.UnitPrice;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * A purchased token lot: {@code size} tokens bought at {@code purchased}, usable in the half-open
 * interval {@code [purchased, expires)}. Immutable and thread-safe; nothing is null.
 */
public record TokenLot(String id, Instant purchased, long size, UnitPrice unitPrice, Instant expires) {
  public TokenLot {
    checkNotNull(id, "id");
    checkNotNull(purchased, "purchased");
    checkNotNull(unitPrice, "unitPrice");
    checkNotNull(expires, "expires");
    checkArgument(size > 0, "lot size must be > 0 but was %s", size);
    checkArgument(expires.isAfter(purchased), "lot %s expires %s before purchase %s", id, expires, purchased);
  }

  /** A lot that expires {@code validity} after purchase, calendar arithmetic done in {@code zone}. */
  public static TokenLot bought(
      String id, Instant purchased, long size, UnitPrice unitPrice, Period validity, ZoneId zone) {
    Instant expires = purchased.atZone(zone).plus(validity).toInstant();
    return new TokenLot(id, purchased, size, unitPrice, expires);
  }

  /** Whether tokens of this lot may be drawn at {@code t}. */
  public boolean isActiveAt(Instant t) {
    return !t.isBefore(purchased) && t.isBefore(expires);
  }
}
