package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A bundle that can be bought for the period at {@code cost}. Immutable; nothing is null. */
public record BundleOffer(ProductId id, Set<ProductId> includes, Money cost) {
  public BundleOffer {
    checkNotNull(id, "id");
    checkNotNull(cost, "cost");
    checkArgument(!cost.isNegative(), "cost must be >= 0");
    includes = Collections.unmodifiableSet(new TreeSet<>(includes));
  }
}
