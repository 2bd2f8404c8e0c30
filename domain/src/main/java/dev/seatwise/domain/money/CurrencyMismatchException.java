package dev.seatwise.domain.money;

import java.util.Currency;

/** Thrown when amounts in two different currencies are combined. */
public final class CurrencyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final Currency expected;
  private final Currency actual;

  public CurrencyMismatchException(Currency expected, Currency actual) {
    super("currency mismatch: " + expected + " vs " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public Currency expected() {
    return expected;
  }

  public Currency actual() {
    return actual;
  }
}
