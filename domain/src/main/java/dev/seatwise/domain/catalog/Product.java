package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.util.Optional;

/**
 * A product of a catalog: its named-user prices, its metering rate (tokens per access window for
 * Flex, or tokens held while running for a concurrent pool; empty when the product is not offered
 * that way) and its legacy network-seat price, if any. Immutable and thread-safe; nothing is null.
 */
public record Product(
    ProductId id,
    String name,
    Optional<Prices> namedUser,
    Optional<Long> tokenRate,
    Optional<Prices> networkSeat) {

  public Product {
    checkNotNull(id, "id");
    checkNotNull(name, "name");
    checkNotNull(namedUser, "namedUser");
    checkNotNull(tokenRate, "tokenRate");
    checkNotNull(networkSeat, "networkSeat");
    tokenRate.ifPresent(r -> checkArgument(r >= 0, "token rate of %s must be >= 0 but was %s", id, r));
  }

  /** A product with an annual named price and a Flex rate. */
  public static Product of(String id, String name, Money namedAnnual, long tokenRate) {
    return new Product(
        ProductId.of(id),
        name,
        Optional.of(Prices.annual(namedAnnual)),
        Optional.of(tokenRate),
        Optional.empty());
  }

  public Product withNetworkSeat(Money annual) {
    return new Product(id, name, namedUser, tokenRate, Optional.of(Prices.annual(annual)));
  }

  public boolean isOnFlex() {
    return tokenRate.isPresent();
  }
}
