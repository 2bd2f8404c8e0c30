package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.money.Money;

/**
 * How close a scenario (the optimal one) is to the optimum: {@code proven} when its total is the
 * {@code lowerBound} no plan of named seats and Flex tokens beats, else it is at most {@code gap}
 * above the optimum; {@code schedulesEvaluated} purchase schedules were tried to improve it
 * (docs/adr/0006). Immutable; nothing is null.
 */
public record Optimality(boolean proven, Money lowerBound, Money gap, int schedulesEvaluated) {
  public Optimality {
    requireNonNull(lowerBound, "lowerBound");
    requireNonNull(gap, "gap");
  }
}
