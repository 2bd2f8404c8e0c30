package dev.seatwise.domain.tradein;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;

/**
 * One way to go with legacy network seats, its yearly total (the sum of its cost lines, each
 * rounded once) and the reason in numbers. Immutable and thread-safe; nothing is null.
 */
public record TradeInOffer(Way way, Money annualTotal, String reason) {
  /** The ways to go; on equal totals the earlier one is preferred (less change). */
  public enum Way {
    /** Keep the network seats on maintenance. */
    KEEP,
    /** Trade N network seats for 2N named seats; users beyond 2N go on Flex. */
    TRADE_IN,
    /** Retire the network seats; every user of the product goes on Flex. */
    RETIRE
  }

  public TradeInOffer {
    checkNotNull(way, "way");
    checkNotNull(annualTotal, "annualTotal");
    checkNotNull(reason, "reason");
  }
}
