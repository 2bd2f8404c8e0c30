package dev.seatwise.adapter.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seatwise.adapter.json.dto.PeriodDto;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The token forecast: history burn per month, the projected ledger per month (opening, burn,
 * consumed, refused, purchased, expired, closing), run-out date, P50/P90 burn over the horizon and
 * the P90 purchase plan. Field names follow the application's {@code TokenForecast}; to move into
 * adapters-json once the CLI answers {@code forecast --output json}.
 */
public record ForecastResponse(
    LocalDate asOf,
    LocalDate horizonEnd,
    PeriodDto history,
    List<MonthDto> monthlyBurn,
    long historyTokens,
    BigDecimal meanDailyBurn,
    long openingBalance,
    List<ProjectedMonthDto> projection,
    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate runOut,
    long expiringUnused,
    long expectedBurn,
    long p50Burn,
    long p90Burn,
    int simulations,
    long seed,
    PlanDto plan,
    List<String> notes) {

  /** Tokens Flex charged in one month of the history, over the days observed. */
  public record MonthDto(String month, long daysObserved, long tokens) {}

  /** One projected month of the ledger; tokens are conserved: opening + purchased - consumed - expired = closing. */
  public record ProjectedMonthDto(
      LocalDate from,
      LocalDate to,
      long opening,
      long burn,
      long consumed,
      long refused,
      long purchased,
      long expired,
      long closing) {}

  /** The purchase plan that covers the P90 burn. */
  public record PlanDto(
      List<PurchaseDto> purchases,
      long tokens,
      BigDecimal cost,
      long surplusAtHorizon,
      long expectedWaste,
      BigDecimal expectedWasteCost,
      String reason) {}

  /** One planned purchase: when, how many tokens (as packs), for which shortfall, until when. */
  public record PurchaseDto(
      LocalDate date, long tokens, String packs, BigDecimal cost, long shortfall, LocalDate expires, String reason) {}
}
