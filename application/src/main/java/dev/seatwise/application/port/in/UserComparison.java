package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.List;

/**
 * One user in the optimal plan: usage per product, the assignment (bundles, named products, Flex
 * products), its cost (subscriptions plus Flex tokens at the marginal pack price), what all-named
 * would cost them, the saving, and the reason in numbers.
 */
public record UserComparison(
    UserId user,
    List<ProductUsage> usage,
    List<ProductId> bundles,
    List<ProductId> named,
    List<ProductId> flex,
    Money cost,
    Money allNamedCost,
    Money savings,
    String reason) {
  public UserComparison {
    requireNonNull(user, "user");
    usage = List.copyOf(usage);
    bundles = List.copyOf(bundles);
    named = List.copyOf(named);
    flex = List.copyOf(flex);
    requireNonNull(cost, "cost");
    requireNonNull(allNamedCost, "allNamedCost");
    requireNonNull(savings, "savings");
    requireNonNull(reason, "reason");
  }
}
