package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.time.LocalDate;

/**
 * One line of a plan's cost over a period: the holding it prices, the dates it covers, the quantity
 * (seats or tokens), the amount (rounded once, here) and the rule that produced it, in words.
 * {@code proRata} says that the holding runs past the period and only the period's share is
 * attributed to it. Immutable and thread-safe; nothing is null.
 */
public record CostLine(
    String holding,
    Kind kind,
    LocalDate from,
    LocalDate to,
    long quantity,
    Money amount,
    boolean proRata,
    String rule) {

  /** What a line prices. */
  public enum Kind {
    /** A term of named-user seats. */
    SEATS,
    /** Legacy network seats. */
    NETWORK,
    /** A token lot (a pack purchase). */
    TOKEN_LOT
  }

  public CostLine {
    checkNotNull(holding, "holding");
    checkNotNull(kind, "kind");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(amount, "amount");
    checkNotNull(rule, "rule");
    checkArgument(quantity >= 0, "quantity must be >= 0 but was %s", quantity);
  }
}
