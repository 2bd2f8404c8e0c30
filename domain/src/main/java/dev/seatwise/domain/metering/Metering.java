package dev.seatwise.domain.metering;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a meter produced: consumptive charges and capacity demands. Immutable; nothing is null.
 */
public record Metering(List<Charge> charges, List<CapacityDemand> demands) {
  public Metering {
    // a replay's charges are made when read: held as they are, not copied into objects
    charges = charges instanceof FlexReplay.Charges ? charges : List.copyOf(charges);
    demands = List.copyOf(demands);
  }

  /** Total tokens charged. */
  public long totalTokens() {
    long sum = 0;
    for (Charge c : charges) {
      sum = Math.addExact(sum, c.tokens());
    }
    return sum;
  }

  /** Charges per user and product, in a stable order. */
  public Map<UserId, Map<ProductId, List<Charge>>> chargesByUserAndProduct() {
    Map<UserId, Map<ProductId, List<Charge>>> out = new TreeMap<>();
    for (Charge c : charges) {
      out.computeIfAbsent(c.user(), u -> new TreeMap<>())
          .computeIfAbsent(c.product(), p -> new java.util.ArrayList<>())
          .add(c);
    }
    return out;
  }
}
