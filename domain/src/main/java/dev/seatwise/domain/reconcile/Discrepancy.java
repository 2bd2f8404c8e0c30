package dev.seatwise.domain.reconcile;

/** How a day's charge differs from the replay's. */
public enum Discrepancy {
  /** Flex charged tokens, and no use of the product by the user touches that day. */
  CHARGED_WITHOUT_USAGE("charged with no usage seen"),
  /** The replay charges tokens and Flex charged none. */
  USAGE_NOT_CHARGED("usage seen and not charged"),
  /** Both saw use that day and the amounts differ. */
  DIFFERENT_AMOUNT("different amount");

  private final String description;

  Discrepancy(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
