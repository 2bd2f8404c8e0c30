package dev.seatwise.application.port.out;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Tokens an Enterprise Token Flex (EBA) pool consumed on one day for one product line, with no user
 * (Autodesk's token consumption export): the {@code pool} ({@code CY}, {@code MY}, ...), the usage
 * {@code category} ({@code DESKTOP_PRODUCT}, {@code CLOUD_PRODUCT}), the export's own {@code
 * productLine} code and {@code productName}, and the catalog {@code product} when the catalog knows
 * the line (empty otherwise: the tokens are kept under the line's own code, never dropped).
 * Immutable and thread-safe; nothing is null.
 */
public record PoolConsumption(
    LocalDate day,
    String pool,
    String category,
    String productLine,
    String productName,
    Optional<ProductId> product,
    long tokens) {
  public PoolConsumption {
    requireNonNull(day, "day");
    requireNonNull(pool, "pool");
    requireNonNull(category, "category");
    requireNonNull(productLine, "productLine");
    requireNonNull(productName, "productName");
    requireNonNull(product, "product");
    checkArgument(!productLine.isBlank(), "product line must not be blank");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }
}
