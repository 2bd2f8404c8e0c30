package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;

/**
 * What Flex actually charged on a day (Autodesk Token Usage export), to set beside the replay;
 * tokens are 0 or more.
 */
public record TokenUsage(LocalDate day, UserId user, ProductId product, long tokens) {
  public TokenUsage {
    requireNonNull(day, "day");
    requireNonNull(user, "user");
    requireNonNull(product, "product");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be >= 0 but was " + tokens);
    }
  }
}
