package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code forecast} answer: monthly burn of the history, projection of the lots held, run-out
 * date (omitted when the lots last), tokens expiring unused, expected / P50 / P90 burn over the
 * horizon and the purchase plan. {@code meanDailyBurn} is tokens a day (a statistic, not money).
 * {@code burnByProduct} and {@code burnByPool} break down the Enterprise Token Flex pool
 * consumption of the history (empty lists without a token consumption export). {@code burnPlan}
 * is whose burn was forecast: {@code unassigned} (the default, as before: users no held
 * subscription assigns), {@code all-flex}, {@code current} or {@code optimal} (the Flex windows
 * that plan's seats do not cover); {@code plan} is the purchase plan.
 */
public record ForecastResponse(
    String currency,
    LocalDate asOf,
    LocalDate horizonEnd,
    PeriodDto history,
    List<MonthlyBurnDto> monthlyBurn,
    long historyTokens,
    double meanDailyBurn,
    long openingBalance,
    List<ProjectedMonthDto> projection,
    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate runOut,
    long expiringUnused,
    long expectedBurn,
    long p50Burn,
    long p90Burn,
    int simulations,
    long seed,
    PurchasePlanDto plan,
    @JsonProperty("import") ImportDto importReport,
    List<String> notes,
    List<ProductLineBurnDto> burnByProduct,
    List<PoolBurnDto> burnByPool,
    String burnPlan) {
  public ForecastResponse {
    monthlyBurn = List.copyOf(monthlyBurn);
    projection = List.copyOf(projection);
    notes = List.copyOf(notes);
    burnByProduct = burnByProduct == null ? List.of() : List.copyOf(burnByProduct);
    burnByPool = burnByPool == null ? List.of() : List.copyOf(burnByPool);
  }
}
