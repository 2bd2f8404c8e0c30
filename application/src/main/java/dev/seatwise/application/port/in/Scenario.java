package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One what-if scenario's total over the period; {@code tokens} when it buys Flex tokens, {@code
 * seats} when it holds network seats, {@code lines} explaining how the total was made. Its plan:
 * the {@code holdings} (seats and lots), the token {@code purchases}, and for today's plan the use
 * it leaves {@code uncovered} and the seats nobody is assigned ({@code unassignedSeats}).
 */
public record Scenario(
    String name,
    Money total,
    OptionalLong tokens,
    Map<String, Long> seats,
    List<String> lines,
    List<Holding> holdings,
    List<ScenarioPurchase> purchases,
    List<UncoveredUse> uncovered,
    List<UnassignedSeats> unassignedSeats,
    Optional<Optimality> optimality) {
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
    holdings = List.copyOf(holdings);
    purchases = List.copyOf(purchases);
    uncovered = List.copyOf(uncovered);
    unassignedSeats = List.copyOf(unassignedSeats);
    requireNonNull(optimality, "optimality");
  }

  /** A scenario with no optimality claim (every scenario but optimal). */
  public Scenario(
      String name,
      Money total,
      OptionalLong tokens,
      Map<String, Long> seats,
      List<String> lines,
      List<Holding> holdings,
      List<ScenarioPurchase> purchases,
      List<UncoveredUse> uncovered,
      List<UnassignedSeats> unassignedSeats) {
    this(name, total, tokens, seats, lines, holdings, purchases, uncovered, unassignedSeats, Optional.empty());
  }

  /** A scenario without a plan beyond its lines (as before plans were added). */
  public Scenario(
      String name, Money total, OptionalLong tokens, Map<String, Long> seats, List<String> lines) {
    this(name, total, tokens, seats, lines, List.of(), List.of(), List.of(), List.of());
  }

  /** This scenario with {@code more} lines at the end. */
  public Scenario withLines(List<String> more) {
    List<String> all = new java.util.ArrayList<>(lines);
    all.addAll(more);
    return new Scenario(name, total, tokens, seats, all, holdings, purchases, uncovered, unassignedSeats, optimality);
  }
}
