package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What to forecast: from {@code asOf} (the first forecast day; time is always an argument) over
 * {@code horizonMonths} calendar months, learning the burn from {@code history}, with {@code
 * simulations} resampling runs seeded by {@code seed} (same seed, same forecast).
 *
 * <p>A history without an end ends at {@code asOf}; a history without a start starts at the first
 * day of the data. The history must end on or before {@code asOf}. Immutable and thread-safe; no
 * component is null.
 */
public record ForecastTokensQuery(
    LocalDate asOf,
    PeriodSpec history,
    int horizonMonths,
    int simulations,
    long seed,
    BurnPlan plan) {
  public static final int DEFAULT_HORIZON_MONTHS = 12;
  public static final int DEFAULT_SIMULATIONS = 1000;
  public static final long DEFAULT_SEED = 20_261_128L;
  /** Upper bounds that keep one forecast cheap (ten years; 100,000 runs). */
  public static final int MAX_HORIZON_MONTHS = 120;

  public static final int MAX_SIMULATIONS = 100_000;

  public ForecastTokensQuery {
    checkNotNull(asOf, "asOf");
    checkNotNull(plan, "plan");
    checkNotNull(history, "history");
    checkArgument(
        horizonMonths >= 1 && horizonMonths <= MAX_HORIZON_MONTHS,
        "horizon must be 1..%s months but was %s",
        MAX_HORIZON_MONTHS,
        horizonMonths);
    checkArgument(
        simulations >= 1 && simulations <= MAX_SIMULATIONS,
        "simulations must be 1..%s but was %s",
        MAX_SIMULATIONS,
        simulations);
    if (history.to().isEmpty()) {
      history = new PeriodSpec(history.from(), Optional.of(asOf), history.zone());
    }
    checkArgument(
        !history.to().get().isAfter(asOf),
        "history must end on or before the forecast date %s but ends %s",
        asOf,
        history.to().get());
  }

  /** The burn of the windows no held seat covers ({@link BurnPlan#UNASSIGNED}, the default). */
  public ForecastTokensQuery(
      LocalDate asOf, PeriodSpec history, int horizonMonths, int simulations, long seed) {
    this(asOf, history, horizonMonths, simulations, seed, BurnPlan.UNASSIGNED);
  }

  /** Defaults: history = data up to {@code asOf} in UTC, 12 months, 1000 runs, fixed seed. */
  public static ForecastTokensQuery of(LocalDate asOf) {
    return of(asOf, ZoneId.of("UTC"));
  }

  public static ForecastTokensQuery of(LocalDate asOf, ZoneId zone) {
    return new ForecastTokensQuery(
        asOf,
        new PeriodSpec(Optional.empty(), Optional.of(asOf), zone),
        DEFAULT_HORIZON_MONTHS,
        DEFAULT_SIMULATIONS,
        DEFAULT_SEED,
        BurnPlan.UNASSIGNED);
  }

  public ForecastTokensQuery withHistory(PeriodSpec h) {
    return new ForecastTokensQuery(asOf, h, horizonMonths, simulations, seed, plan);
  }

  public ForecastTokensQuery withHorizonMonths(int months) {
    return new ForecastTokensQuery(asOf, history, months, simulations, seed, plan);
  }

  public ForecastTokensQuery withSimulations(int n) {
    return new ForecastTokensQuery(asOf, history, horizonMonths, n, seed, plan);
  }

  public ForecastTokensQuery withSeed(long s) {
    return new ForecastTokensQuery(asOf, history, horizonMonths, simulations, s, plan);
  }

  public ForecastTokensQuery withPlan(BurnPlan p) {
    return new ForecastTokensQuery(asOf, history, horizonMonths, simulations, seed, p);
  }

  /** The first day after the horizon: {@code asOf + horizonMonths}. */
  public LocalDate horizonEnd() {
    return asOf.plusMonths(horizonMonths);
  }
}
