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
 * namedPaysFrom}); both empty for a product whose rate is zero. For a pool vendor ({@code unit} =
 * {@link #POOL_TOKENS}) both count the tokens of pool need a named seat must free instead. Immutable and thread-safe; nothing is
 * null.
 */
public record ProductBreakEven(
    ProductId product,
    Money namedAnnual,
    long tokensPerWindow,
    UnitPrice tokenPrice,
    Optional<BigDecimal> windowsPerYear,
    OptionalLong namedPaysFrom,
    String unit) {
  /** What the break-even counts for a consumptive (Flex-like) vendor. */
  public static final String WINDOWS = "windows a year";

  /** What it counts for a pool vendor: tokens of the pool's need that a named seat must free. */
  public static final String POOL_TOKENS = "pool tokens freed";

  /** A break-even counted in access windows a year. */
  public ProductBreakEven(ProductId product, Money namedAnnual, long tokensPerWindow, UnitPrice tokenPrice,
      Optional<BigDecimal> windowsPerYear, OptionalLong namedPaysFrom) {
    this(product, namedAnnual, tokensPerWindow, tokenPrice, windowsPerYear, namedPaysFrom, WINDOWS);
  }

  public ProductBreakEven {
    checkNotNull(unit, "unit");
    checkNotNull(product, "product");
    checkNotNull(namedAnnual, "namedAnnual");
    checkNotNull(tokenPrice, "tokenPrice");
    checkNotNull(windowsPerYear, "windowsPerYear");
    checkNotNull(namedPaysFrom, "namedPaysFrom");
  }
}
