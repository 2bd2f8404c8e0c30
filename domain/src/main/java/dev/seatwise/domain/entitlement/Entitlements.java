package dev.seatwise.domain.entitlement;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Today's plan: subscriptions, who is assigned which seat, and token lots held. Immutable; nothing
 * is null.
 */
public record Entitlements(
    List<Subscription> subscriptions, List<SeatAssignment> assignments, List<TokenLot> lots) {
  public static final Entitlements NONE = new Entitlements(List.of(), List.of(), List.of());

  public Entitlements {
    subscriptions = List.copyOf(subscriptions);
    assignments = List.copyOf(assignments);
    lots = List.copyOf(lots);
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && assignments.isEmpty() && lots.isEmpty();
  }

  /** Products each assigned user is covered for, expanding bundles through the catalog. */
  public Coverage coverage(Catalog catalog) {
    Map<UserId, Set<ProductId>> covered = new HashMap<>();
    for (SeatAssignment a : assignments) {
      Set<ProductId> set = covered.computeIfAbsent(a.user(), u -> new HashSet<>());
      catalog
          .bundle(a.offering())
          .ifPresentOrElse(b -> set.addAll(b.coverage()), () -> set.add(a.offering()));
    }
    return new Coverage(covered);
  }
}
