package dev.seatwise.adapter.json.dto;

import java.util.List;

/** What the optimal plan gives a user: bundle subscriptions, named products, Flex products. */
public record AssignmentDto(List<String> bundles, List<String> named, List<String> flex) {
  public AssignmentDto {
    bundles = List.copyOf(bundles);
    named = List.copyOf(named);
    flex = List.copyOf(flex);
  }
}
