package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A token forecast from {@code asOf} to {@code horizonEnd} (exclusive).
 *
 * <ul>
 *   <li>{@code monthlyBurn}: tokens charged per calendar month of the {@code history} to users no
 *       subscription covers; {@code historyTokens} their sum, {@code meanDailyBurn} that sum over
 *       the history's days (4 decimals).
 *   <li>{@code openingBalance}: tokens of the lots held usable at the start of {@code asOf}, after
 *       replaying the history's charges; {@code projection}: the expected burn (the mean daily
 *       burn, spread evenly) replayed month by month through the ledger of the lots held, with no
 *       purchases; {@code runOut}: the first day whose expected burn they cannot cover; {@code
 *       expiringUnused}: tokens of lots held that expire unused within the horizon.
 *   <li>{@code expectedBurn}: the mean burn over the horizon; {@code p50Burn} and {@code p90Burn}:
 *       percentiles (nearest rank) of the horizon burn over {@code simulations} runs of the
 *       seeded block bootstrap of whole weeks ({@link dev.seatwise.domain.forecast.BurnForecast});
 *       when the history holds no whole week, of runs resampling its daily burns with replacement
 *       ({@code seed} fixes the runs).
 *   <li>{@code plan}: the purchases that cover the P90 path of the same runs within lot expiry at
 *       the least pack cost plus expected waste ({@link
 *       dev.seatwise.domain.forecast.BurnCoverPlan}); without a whole week, the even spread of the
 *       horizon's P90.
 *   <li>{@code burnByProduct} and {@code burnByPool}: the history's Enterprise Token Flex pool
 *       consumption (token consumption exports, no users) per product line, dearest first, and
 *       per pool; empty without such an export. Its tokens are part of {@code monthlyBurn} and
 *       {@code historyTokens}.
 *   <li>{@code burnPlan}: whose burn this is ({@link BurnPlan}: the Flex windows that plan's seats
 *       do not cover).
 * </ul>
 *
 * Immutable and thread-safe; nothing is null.
 */
public record TokenForecast(
    LocalDate asOf,
    LocalDate horizonEnd,
    AnalysisPeriod history,
    List<MonthlyBurn> monthlyBurn,
    long historyTokens,
    BigDecimal meanDailyBurn,
    long openingBalance,
    List<ProjectedMonth> projection,
    Optional<LocalDate> runOut,
    long expiringUnused,
    long expectedBurn,
    long p50Burn,
    long p90Burn,
    int simulations,
    long seed,
    PurchasePlan plan,
    List<String> notes,
    List<ProductLineBurn> burnByProduct,
    List<PoolBurn> burnByPool,
    BurnPlan burnPlan) {
  public TokenForecast {
    checkNotNull(burnPlan, "burnPlan");
    checkNotNull(asOf, "asOf");
    checkNotNull(horizonEnd, "horizonEnd");
    checkNotNull(history, "history");
    monthlyBurn = List.copyOf(monthlyBurn);
    checkNotNull(meanDailyBurn, "meanDailyBurn");
    projection = List.copyOf(projection);
    checkNotNull(runOut, "runOut");
    checkNotNull(plan, "plan");
    notes = List.copyOf(notes);
    burnByProduct = List.copyOf(burnByProduct);
    burnByPool = List.copyOf(burnByPool);
    checkArgument(p50Burn <= p90Burn, "P50 %s above P90 %s", p50Burn, p90Burn);
  }

  /** A forecast without pool consumption. */
  public TokenForecast(
      LocalDate asOf,
      LocalDate horizonEnd,
      AnalysisPeriod history,
      List<MonthlyBurn> monthlyBurn,
      long historyTokens,
      BigDecimal meanDailyBurn,
      long openingBalance,
      List<ProjectedMonth> projection,
      Optional<LocalDate> runOut,
      long expiringUnused,
      long expectedBurn,
      long p50Burn,
      long p90Burn,
      int simulations,
      long seed,
      PurchasePlan plan,
      List<String> notes) {
    this(asOf, horizonEnd, history, monthlyBurn, historyTokens, meanDailyBurn, openingBalance,
        projection, runOut, expiringUnused, expectedBurn, p50Burn, p90Burn, simulations, seed, plan,
        notes, List.of(), List.of(), BurnPlan.UNASSIGNED);
  }

  /** A forecast of the default plan's burn ({@link BurnPlan#UNASSIGNED}). */
  public TokenForecast(
      LocalDate asOf,
      LocalDate horizonEnd,
      AnalysisPeriod history,
      List<MonthlyBurn> monthlyBurn,
      long historyTokens,
      BigDecimal meanDailyBurn,
      long openingBalance,
      List<ProjectedMonth> projection,
      Optional<LocalDate> runOut,
      long expiringUnused,
      long expectedBurn,
      long p50Burn,
      long p90Burn,
      int simulations,
      long seed,
      PurchasePlan plan,
      List<String> notes,
      List<ProductLineBurn> burnByProduct,
      List<PoolBurn> burnByPool) {
    this(asOf, horizonEnd, history, monthlyBurn, historyTokens, meanDailyBurn, openingBalance,
        projection, runOut, expiringUnused, expectedBurn, p50Burn, p90Burn, simulations, seed, plan,
        notes, burnByProduct, burnByPool, BurnPlan.UNASSIGNED);
  }
}
