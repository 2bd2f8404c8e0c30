package dev.seatwise.adapter.web.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * Web-only additions to the JSON contract, for the page's charts. Records here are DTOs: plain
 * data, no behaviour.
 */
public final class ChartExtrasDto {
  private ChartExtrasDto() {}

  /**
   * One product's break-even over a year: the named subscription's annual price, Flex's cost per
   * day used (tokens per window × the best pack's price per token), and the days per year at which
   * they cost the same ({@code null} when Flex costs nothing per day).
   */
  public record BreakEvenDto(
      String product,
      String name,
      BigDecimal namedAnnual,
      long tokensPerDay,
      BigDecimal tokenPrice,
      BigDecimal flexPerDay,
      BigDecimal breakEvenDays) {}

  /**
   * Concurrency over time for one product: the peak of each day from {@code firstDay}, and the
   * mean hourly peak per weekday (Monday first) × hour of day, in the analysis zone.
   */
  public record TimelineDto(
      String product, String firstDay, List<Long> dailyPeaks, List<List<Double>> weekdayHour) {}
}
