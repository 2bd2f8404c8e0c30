package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Aggregated usage of one user and product over an export's period (Autodesk Usage Report export):
 * days used, last access, tokens used. Carries no dates per day, so it is metered as one window per
 * day used.
 */
public record UsageSummary(
    UserId user, ProductId product, long daysUsed, Optional<LocalDate> lastAccessed, long tokensUsed) {
  public UsageSummary {
    requireNonNull(user, "user");
    requireNonNull(product, "product");
    requireNonNull(lastAccessed, "lastAccessed");
  }
}
