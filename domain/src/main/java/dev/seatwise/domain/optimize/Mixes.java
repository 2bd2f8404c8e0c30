package dev.seatwise.domain.optimize;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A mix of assignments read as seats held and Flex use. Stateless. */
final class Mixes {
  private Mixes() {}

  /** The holders of each offering (bundle or single product) the assignments buy seats of. */
  static Map<ProductId, List<UserId>> seatsByOffering(List<Assignment> assignments) {
    Map<ProductId, List<UserId>> out = new TreeMap<>();
    for (Assignment a : assignments) {
      a.bundle().ifPresent(b -> out.computeIfAbsent(b, k -> new ArrayList<>()).add(a.user()));
      for (ProductId p : a.named()) {
        out.computeIfAbsent(p, k -> new ArrayList<>()).add(a.user());
      }
    }
    return out;
  }

  /** The products each user is on Flex for (users on Flex for nothing are left out). */
  static Map<UserId, Set<ProductId>> onFlex(List<Assignment> assignments) {
    Map<UserId, Set<ProductId>> out = new TreeMap<>();
    for (Assignment a : assignments) {
      if (!a.flex().isEmpty()) {
        out.put(a.user(), a.flex());
      }
    }
    return out;
  }
}
