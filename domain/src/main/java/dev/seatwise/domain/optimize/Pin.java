package dev.seatwise.domain.optimize;

/** A constraint on one user's assignment. */
public enum Pin {
  /** The optimiser chooses. */
  NONE,
  /** Only subscriptions (single products or bundles); no Flex. */
  NAMED,
  /** Flex for every product offered on Flex; named only for products that are not. */
  FLEX
}
