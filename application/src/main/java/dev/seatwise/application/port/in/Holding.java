package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * Something a scenario's plan holds over {@code [from, to)}: {@code quantity} named seats of an
 * offering ({@code kind} {@code named}), network seats of a product ({@code network}) or tokens of a
 * lot ({@code tokens}), {@code what} naming the offering, product or lot. Immutable and
 * thread-safe; nothing is null.
 */
public record Holding(String kind, String what, long quantity, LocalDate from, LocalDate to) {
  public static final String NAMED = "named";
  public static final String NETWORK = "network";
  public static final String TOKENS = "tokens";

  public Holding {
    checkNotNull(kind, "kind");
    checkNotNull(what, "what");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(quantity >= 0, "quantity must be >= 0 but was %s", quantity);
  }
}
