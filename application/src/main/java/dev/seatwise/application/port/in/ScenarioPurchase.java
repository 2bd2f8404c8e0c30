package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPurchase;
import java.time.LocalDate;

/**
 * Token packs a scenario buys on {@code date}. Immutable and thread-safe; nothing is null.
 */
public record ScenarioPurchase(LocalDate date, PackPurchase packs) {
  public ScenarioPurchase {
    checkNotNull(date, "date");
    checkNotNull(packs, "packs");
  }

  /** Tokens bought (at least the demand the packs cover). */
  public long tokens() {
    return packs.tokensBought().count();
  }

  /** The cost, rounded once. */
  public Money cost() {
    return packs.cost();
  }
}
