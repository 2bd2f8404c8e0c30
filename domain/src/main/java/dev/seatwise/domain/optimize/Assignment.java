package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One user's assignment: an optional bundle, products on single named subscriptions, products on
 * Flex, the subscription cost and the Flex tokens. Immutable; nothing is null.
 */
public record Assignment(
    UserId user,
    Optional<ProductId> bundle,
    SortedSet<ProductId> named,
    SortedSet<ProductId> flex,
    Money subscriptions,
    long tokens) {
  public Assignment {
    checkNotNull(user, "user");
    checkNotNull(bundle, "bundle");
    checkNotNull(subscriptions, "subscriptions");
    named = ImmutableSortedSet.copyOf(named);
    flex = ImmutableSortedSet.copyOf(flex);
  }
}
