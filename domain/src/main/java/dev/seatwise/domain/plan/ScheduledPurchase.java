package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPurchase;
import java.time.LocalDate;

/**
 * Packs bought on one day (at the start of that day in the schedule's zone) at the price version
 * in force that day; they expire on {@code expires} (the purchase day plus the catalog's token
 * validity). {@code packs.demand()} is the tokens the schedule draws from them. Its cost is one
 * cost line: rounded once. Immutable and thread-safe; nothing is null.
 */
public record ScheduledPurchase(LocalDate date, LocalDate expires, PackPurchase packs) {
  public ScheduledPurchase {
    checkNotNull(date, "date");
    checkNotNull(expires, "expires");
    checkNotNull(packs, "packs");
  }

  public Money cost() {
    return packs.cost();
  }

  /** Tokens bought. */
  public long tokens() {
    return packs.tokensBought().count();
  }
}
