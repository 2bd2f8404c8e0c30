package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;

/** Tokens Flex charged one user for one product on one day. Immutable; nothing is null. */
public record ChargedDay(LocalDate day, UserId user, ProductId product, long tokens) {
  public ChargedDay {
    checkNotNull(day, "day");
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }
}
