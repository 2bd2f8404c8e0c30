package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.LocalDate;

/**
 * A user used a product on a calendar day (sources without clock times, e.g. Autodesk usage
 * exports). Immutable and thread-safe; nothing is null.
 */
public record DailyUsage(UserId user, ProductId product, LocalDate day) {
  public DailyUsage {
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    checkNotNull(day, "day");
  }

  public static DailyUsage of(String user, String product, LocalDate day) {
    return new DailyUsage(UserId.of(user), ProductId.of(product), day);
  }
}
