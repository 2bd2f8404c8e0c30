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
 * every scenario's cost split by team or cost centre), and, for a token-pool vendor, the service
 * level of the pool-aware optimum ({@code poolRefusalRate}: the share of the pool's intervals it
 * may refuse, in [0, 1); 0, the default, refuses nobody). Immutable.
 */
public record CompareScenariosQuery(
    PeriodSpec period,
    Map<UserId, Pin> pins,
    Set<ProductId> flexExcluded,
    OptionalLong tokenCap,
    Map<ProductId, Long> networkSeats,
    Optional<GroupBy> breakdown,
    double poolRefusalRate) {
  public CompareScenariosQuery {
    requireNonNull(period, "period");
    requireNonNull(tokenCap, "tokenCap");
    pins = Map.copyOf(pins);
    flexExcluded = Set.copyOf(flexExcluded);
    networkSeats = Map.copyOf(networkSeats);
    requireNonNull(breakdown, "breakdown");
    if (!(poolRefusalRate >= 0 && poolRefusalRate < 1)) {
      throw new IllegalArgumentException(
          "pool refusal rate must be in [0, 1) but was " + poolRefusalRate);
    }
  }

  /** A query whose pool-aware optimum refuses nobody. */
  public CompareScenariosQuery(
      PeriodSpec period,
      Map<UserId, Pin> pins,
      Set<ProductId> flexExcluded,
      OptionalLong tokenCap,
      Map<ProductId, Long> networkSeats,
      Optional<GroupBy> breakdown) {
    this(period, pins, flexExcluded, tokenCap, networkSeats, breakdown, 0.0);
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
        period, pins, flexExcluded, tokenCap, networkSeats, Optional.of(by), poolRefusalRate);
  }

  /** The same query with the pool-aware optimum refusing at most {@code rate} of the intervals. */
  public CompareScenariosQuery withPoolRefusalRate(double rate) {
    return new CompareScenariosQuery(
        period, pins, flexExcluded, tokenCap, networkSeats, breakdown, rate);
  }

  public static CompareScenariosQuery of(PeriodSpec period) {
    return new CompareScenariosQuery(period, Map.of(), Set.of(), OptionalLong.empty(), Map.of());
  }
}
