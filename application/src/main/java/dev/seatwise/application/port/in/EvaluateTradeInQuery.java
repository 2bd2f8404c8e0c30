package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What to evaluate: {@code networkSeats} network seats of {@code product}, traded for twice as
 * many named seats at {@code namedPricePerSeat} a year each, kept at {@code maintenancePerSeat} a
 * year each, or retired; judged on the usage of {@code period}. Both prices are annual, in one
 * currency, and not negative. {@code asOf} is the day the choice is made: keeping is offered only
 * while network seats can still be renewed on it and the trade-in only while its window is open
 * (the catalog's dates); empty means the end of the period analysed. Immutable and thread-safe; no
 * component is null.
 */
public record EvaluateTradeInQuery(
    PeriodSpec period,
    ProductId product,
    long networkSeats,
    Money namedPricePerSeat,
    Money maintenancePerSeat,
    Optional<LocalDate> asOf) {
  public EvaluateTradeInQuery {
    checkNotNull(asOf, "asOf");
    checkNotNull(period, "period");
    checkNotNull(product, "product");
    checkNotNull(namedPricePerSeat, "namedPricePerSeat");
    checkNotNull(maintenancePerSeat, "maintenancePerSeat");
    checkArgument(networkSeats >= 1, "network seats must be >= 1 but was %s", networkSeats);
    checkArgument(
        networkSeats <= Long.MAX_VALUE / 2, "network seats too many: %s", networkSeats);
    checkArgument(
        namedPricePerSeat.currency().equals(maintenancePerSeat.currency()),
        "named price %s and maintenance %s must be in one currency",
        namedPricePerSeat,
        maintenancePerSeat);
    checkArgument(!namedPricePerSeat.isNegative(), "named price must be >= 0: %s", namedPricePerSeat);
    checkArgument(!maintenancePerSeat.isNegative(), "maintenance must be >= 0: %s", maintenancePerSeat);
  }

  /** A query decided at the end of the period analysed. */
  public EvaluateTradeInQuery(
      PeriodSpec period,
      ProductId product,
      long networkSeats,
      Money namedPricePerSeat,
      Money maintenancePerSeat) {
    this(period, product, networkSeats, namedPricePerSeat, maintenancePerSeat, Optional.empty());
  }

  /** This query decided on {@code day}. */
  public EvaluateTradeInQuery withAsOf(LocalDate day) {
    return new EvaluateTradeInQuery(
        period, product, networkSeats, namedPricePerSeat, maintenancePerSeat, Optional.of(day));
  }

  /** The named seats the trade-in gives: two per network seat. */
  public long namedSeats() {
    return 2 * networkSeats;
  }
}
