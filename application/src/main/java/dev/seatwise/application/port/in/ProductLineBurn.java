package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.util.Optional;

/**
 * Tokens that Enterprise Token Flex pools consumed for one product line over a forecast's history
 * (from a token consumption export): the line's own code and name, the catalog product when the
 * catalog knows the line, the tokens and the days with any consumption. Immutable and thread-safe;
 * nothing is null.
 */
public record ProductLineBurn(
    String productLine, String productName, Optional<ProductId> product, long tokens, long days) {
  public ProductLineBurn {
    checkNotNull(productLine, "productLine");
    checkNotNull(productName, "productName");
    checkNotNull(product, "product");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
    checkArgument(days >= 0, "days must be >= 0 but was %s", days);
  }
}
