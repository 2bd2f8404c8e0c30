package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;

/**
 * How close the optimal scenario is to the optimum: {@code proven} when its total equals {@code
 * lowerBound} (no plan of named seats and Flex tokens costs less), else it is at most {@code gap}
 * above the optimum; {@code schedulesEvaluated} token purchase schedules were tried to improve it.
 */
public record OptimalityDto(boolean proven, BigDecimal lowerBound, BigDecimal gap, int schedulesEvaluated) {}
