package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.usage.UserId;
import dev.seatwise.application.port.out.GroupBy;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What to compare: the period, and the constraints of the optimal scenario (users pinned to named
 * or Flex, products excluded from Flex, a cap on Flex tokens), network seat counts to use
 * instead of peak concurrency, and, optionally, the grouping of a chargeback ({@code breakdown}:
 * every scenario's cost split by team or cost centre). Immutable.
 */
public record CompareScenariosQuery(
    PeriodSpec period,
    Map<UserId, Pin> pins,
    Set<ProductId> flexExcluded,
    OptionalLong tokenCap,
    Map<ProductId, Long> networkSeats,
    Optional<GroupBy> breakdown) {
  public CompareScenariosQuery {
    requireNonNull(period, "period");
    requireNonNull(tokenCap, "tokenCap");
    pins = Map.copyOf(pins);
    flexExcluded = Set.copyOf(flexExcluded);
    networkSeats = Map.copyOf(networkSeats);
    requireNonNull(breakdown, "breakdown");
  }

  /** A query without a chargeback breakdown. */
  public CompareScenariosQuery(
      PeriodSpec period,
      Map<UserId, Pin> pins,
      Set<ProductId> flexExcluded,
      OptionalLong tokenCap,
      Map<ProductId, Long> networkSeats) {
    this(period, pins, flexExcluded, tokenCap, networkSeats, Optional.empty());
  }

  /** The same query with every scenario's cost split by {@code by}. */
  public CompareScenariosQuery withBreakdown(GroupBy by) {
    return new CompareScenariosQuery(
        period, pins, flexExcluded, tokenCap, networkSeats, Optional.of(by));
  }

  public static CompareScenariosQuery of(PeriodSpec period) {
    return new CompareScenariosQuery(period, Map.of(), Set.of(), OptionalLong.empty(), Map.of());
  }
}
