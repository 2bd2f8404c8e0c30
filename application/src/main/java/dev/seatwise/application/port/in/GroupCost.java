package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.money.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group's (team's or cost centre's) share of each scenario's total, in the comparison's
 * scenario order. Immutable and thread-safe; nothing is null.
 */
public record GroupCost(String group, Map<String, Money> totals) {
  public GroupCost {
    requireNonNull(group, "group");
    totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
  }
}
