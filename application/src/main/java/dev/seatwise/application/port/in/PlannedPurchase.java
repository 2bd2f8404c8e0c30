package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPurchase;
import java.time.LocalDate;

/**
 * One purchase of the plan: the packs to buy on {@code date} (the day the schedule buys them; for a
 * history without a whole week, the day the balance would first fall
 * short of the P90 burn), the tokens they must supply before they expire ({@code shortfall}), and
 * when they expire. Immutable and thread-safe; nothing is null.
 */
public record PlannedPurchase(
    LocalDate date, PackPurchase packs, long shortfall, LocalDate expires, String reason) {
  public PlannedPurchase {
    checkNotNull(date, "date");
    checkNotNull(packs, "packs");
    checkNotNull(expires, "expires");
    checkNotNull(reason, "reason");
    checkArgument(
        packs.tokensBought().count() >= shortfall,
        "purchase %s does not cover shortfall %s", packs, shortfall);
  }

  /** The cost of this purchase, rounded once. */
  public Money cost() {
    return packs.cost();
  }

  public long tokens() {
    return packs.tokensBought().count();
  }
}
