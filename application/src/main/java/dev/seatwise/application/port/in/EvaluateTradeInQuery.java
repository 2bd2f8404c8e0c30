package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;

/**
 * What to evaluate: {@code networkSeats} network seats of {@code product}, traded for twice as
 * many named seats at {@code namedPricePerSeat} a year each, kept at {@code maintenancePerSeat} a
 * year each, or retired; judged on the usage of {@code period}. Both prices are annual, in one
 * currency, and not negative. Immutable and thread-safe; no component is null.
 */
public record EvaluateTradeInQuery(
    PeriodSpec period,
    ProductId product,
    long networkSeats,
    Money namedPricePerSeat,
    Money maintenancePerSeat) {
  public EvaluateTradeInQuery {
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

  /** The named seats the trade-in gives: two per network seat. */
  public long namedSeats() {
    return 2 * networkSeats;
  }
}
