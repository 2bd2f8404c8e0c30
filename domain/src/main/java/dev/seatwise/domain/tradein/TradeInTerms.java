package dev.seatwise.domain.tradein;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.time.LocalDate;

/**
 * The offer weighed: N network seats, the price of a named seat they would be traded for, their
 * yearly maintenance if kept, and the day the decision is taken (which ways are open then).
 * Immutable and thread-safe.
 */
public record TradeInTerms(
    long networkSeats, Money namedPricePerSeat, Money maintenancePerSeat, LocalDate asOf) {
  public TradeInTerms {
    checkArgument(networkSeats >= 1, "network seats must be >= 1 but was %s", networkSeats);
    checkArgument(networkSeats <= Long.MAX_VALUE / 2, "network seats too many: %s", networkSeats);
    checkNotNull(namedPricePerSeat, "namedPricePerSeat");
    checkNotNull(maintenancePerSeat, "maintenancePerSeat");
    checkNotNull(asOf, "asOf");
    checkArgument(
        namedPricePerSeat.currency().equals(maintenancePerSeat.currency()),
        "named price %s and maintenance %s must be in one currency",
        namedPricePerSeat,
        maintenancePerSeat);
  }

  /** The named seats the trade-in gives: two per network seat. */
  public long namedSeats() {
    return 2 * networkSeats;
  }
}
