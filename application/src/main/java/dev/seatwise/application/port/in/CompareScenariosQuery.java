package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.usage.UserId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What to compare: the period, and the constraints of the optimal scenario (users pinned to named
 * or Flex, products excluded from Flex, a cap on Flex tokens), and network seat counts to use
 * instead of peak concurrency. Immutable.
 */
public record CompareScenariosQuery(
    PeriodSpec period,
    Map<UserId, Pin> pins,
    Set<ProductId> flexExcluded,
    OptionalLong tokenCap,
    Map<ProductId, Long> networkSeats) {
  public CompareScenariosQuery {
    requireNonNull(period, "period");
    requireNonNull(tokenCap, "tokenCap");
    pins = Map.copyOf(pins);
    flexExcluded = Set.copyOf(flexExcluded);
    networkSeats = Map.copyOf(networkSeats);
  }

  public static CompareScenariosQuery of(PeriodSpec period) {
    return new CompareScenariosQuery(period, Map.of(), Set.of(), OptionalLong.empty(), Map.of());
  }
}
