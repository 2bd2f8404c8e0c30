package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One what-if scenario's total over the period; {@code tokens} when it buys Flex tokens, {@code
 * seats} when it holds network seats, {@code lines} explaining how the total was made.
 */
public record Scenario(
    String name, Money total, OptionalLong tokens, Map<String, Long> seats, List<String> lines) {
  public static final String ALL_NAMED = "all-named";
  public static final String ALL_FLEX = "all-flex";
  public static final String NETWORK = "network";
  public static final String CURRENT = "current";
  public static final String OPTIMAL = "optimal";

  public Scenario {
    requireNonNull(name, "name");
    requireNonNull(total, "total");
    requireNonNull(tokens, "tokens");
    seats = new TreeMap<>(seats);
    lines = List.copyOf(lines);
  }
}
