package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * Something a scenario's plan holds over {@code [from, to)}: {@code quantity} named seats of an
 * offering ({@code kind} {@code named}) on {@code term}s ({@code monthly}, {@code annual}, {@code
 * three-year}), network seats of a product ({@code network}) or tokens of a lot ({@code tokens}),
 * {@code what} naming the offering, product or lot. {@code term} is empty when not known or not a
 * subscription's. Immutable and thread-safe; nothing is null.
 */
public record Holding(
    String kind, String what, long quantity, LocalDate from, LocalDate to, String term) {
  public static final String NAMED = "named";
  public static final String NETWORK = "network";
  public static final String TOKENS = "tokens";

  public Holding {
    checkNotNull(kind, "kind");
    checkNotNull(what, "what");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(term, "term");
    checkArgument(quantity >= 0, "quantity must be >= 0 but was %s", quantity);
  }

  /** A holding whose term is not known or not a subscription's. */
  public Holding(String kind, String what, long quantity, LocalDate from, LocalDate to) {
    this(kind, what, quantity, from, to, "");
  }
}
