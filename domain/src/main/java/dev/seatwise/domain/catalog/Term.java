package dev.seatwise.domain.catalog;

/** A subscription term and its length in months. */
public enum Term {
  MONTHLY(1),
  ANNUAL(12),
  THREE_YEAR(36);

  private final int months;

  Term(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }
}
