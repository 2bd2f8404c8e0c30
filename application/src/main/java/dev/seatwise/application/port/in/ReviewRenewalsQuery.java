package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What to review: the plan as of {@code asOf}, judged on the usage of {@code history} (a history
 * without an end ends at {@code asOf}; without a start, it starts at the data's first day; it must
 * end on or before {@code asOf}). A named seat is idle when its user has not used any product it
 * covers for {@code idleDays} days or more; lots expiring within {@code expiryWindowDays} days are
 * checked for waste. Immutable and thread-safe; no component is null.
 */
public record ReviewRenewalsQuery(
    LocalDate asOf, PeriodSpec history, int idleDays, int expiryWindowDays) {
  public static final int DEFAULT_IDLE_DAYS = 30;
  public static final int DEFAULT_EXPIRY_WINDOW_DAYS = 90;

  public ReviewRenewalsQuery {
    checkNotNull(asOf, "asOf");
    checkNotNull(history, "history");
    checkArgument(idleDays >= 1, "idle days must be >= 1 but was %s", idleDays);
    checkArgument(
        expiryWindowDays >= 1, "expiry window must be >= 1 day but was %s", expiryWindowDays);
    if (history.to().isEmpty()) {
      history = new PeriodSpec(history.from(), Optional.of(asOf), history.zone());
    }
    checkArgument(
        !history.to().get().isAfter(asOf),
        "history must end on or before the review date %s but ends %s",
        asOf,
        history.to().get());
  }

  /** Defaults: all data up to {@code asOf} in UTC, idle from 30 days, lots expiring within 90. */
  public static ReviewRenewalsQuery of(LocalDate asOf) {
    return of(asOf, ZoneId.of("UTC"));
  }

  public static ReviewRenewalsQuery of(LocalDate asOf, ZoneId zone) {
    return new ReviewRenewalsQuery(
        asOf,
        new PeriodSpec(Optional.empty(), Optional.of(asOf), zone),
        DEFAULT_IDLE_DAYS,
        DEFAULT_EXPIRY_WINDOW_DAYS);
  }

  public ReviewRenewalsQuery withHistory(PeriodSpec h) {
    return new ReviewRenewalsQuery(asOf, h, idleDays, expiryWindowDays);
  }

  public ReviewRenewalsQuery withIdleDays(int days) {
    return new ReviewRenewalsQuery(asOf, history, days, expiryWindowDays);
  }

  public ReviewRenewalsQuery withExpiryWindowDays(int days) {
    return new ReviewRenewalsQuery(asOf, history, idleDays, days);
  }
}
