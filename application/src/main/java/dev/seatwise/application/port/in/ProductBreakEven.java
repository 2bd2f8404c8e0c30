package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The break-even of one product: the access windows a year at which Flex at {@code tokenPrice}
 * (the best price per token of any pack) costs what a named seat ({@code namedAnnual}) costs ({@code
 * windowsPerYear}, 4 decimals), and the fewest windows a year from which named is no dearer ({@code
 * namedPaysFrom}); both empty for a product whose rate is zero. Immutable and thread-safe; nothing is
 * null.
 */
public record ProductBreakEven(
    ProductId product,
    Money namedAnnual,
    long tokensPerWindow,
    UnitPrice tokenPrice,
    Optional<BigDecimal> windowsPerYear,
    OptionalLong namedPaysFrom) {
  public ProductBreakEven {
    checkNotNull(product, "product");
    checkNotNull(namedAnnual, "namedAnnual");
    checkNotNull(tokenPrice, "tokenPrice");
    checkNotNull(windowsPerYear, "windowsPerYear");
    checkNotNull(namedPaysFrom, "namedPaysFrom");
  }
}
