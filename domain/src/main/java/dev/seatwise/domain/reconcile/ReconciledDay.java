package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One user x product x day: tokens Flex {@code charged}, tokens the replay charges ({@code
 * replayed}), and, when they differ, the kind of difference and the likely rule. Immutable; nothing
 * is null.
 */
public record ReconciledDay(
    LocalDate day,
    UserId user,
    ProductId product,
    long charged,
    long replayed,
    Optional<Discrepancy> discrepancy,
    LikelyRule rule) {
  public ReconciledDay {
    checkNotNull(day, "day");
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    checkNotNull(discrepancy, "discrepancy");
    checkNotNull(rule, "rule");
  }

  /** Charged minus replayed: above 0 when Flex charged more than the rules say. */
  public long difference() {
    return charged - replayed;
  }

  /** The reason in words, e.g. "usage seen and not charged: likely the idle pause (...)"; empty when equal. */
  public String reason() {
    if (discrepancy.isEmpty()) {
      return "";
    }
    if (rule != LikelyRule.NONE) {
      return discrepancy.get().description() + ": likely " + rule.description();
    }
    return discrepancy.get().description()
        + (discrepancy.get() == Discrepancy.DIFFERENT_AMOUNT ? ": " + rule.description() : "");
  }
}
