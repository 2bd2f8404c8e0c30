package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;

/**
 * One user's use of one product in the period: distinct days used (in the period's zone), Flex
 * access windows, and the tokens those windows cost at the product's rate.
 */
public record ProductUsage(ProductId product, long daysUsed, long windows, long tokens) {
  public ProductUsage {
    requireNonNull(product, "product");
  }
}
