package dev.seatwise.plugin.dailyusage;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;

/**
 * A small Bentley-like vendor (the shape of the bundled bentley-e365 catalog, estimated prices):
 * MicroStation USD 25 a usage day or 2070.00 a year named, OpenRoads 70 a day or 6160.00; one token
 * is one dollar.
 */
final class DailyFixtures {
  private DailyFixtures() {}

  static Catalog catalog() {
    return new Catalog(
        "Bentley-like",
        Currency.getInstance("USD"),
        LocalDate.of(2025, 1, 1),
        DailyUsageMeter.KIND,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofMonths(12),
        List.of(new TokenPack(1, UnitPrice.of("1.00", "USD"))),
        List.of(
            Product.of("MSTN", "MicroStation", Money.of("2070.00", "USD"), 25),
            Product.of("ORD", "OpenRoads Designer", Money.of("6160.00", "USD"), 70)),
        List.of());
  }

  static Session session(String user, String product, String start, String end) {
    return Session.of(user, product, Instant.parse(start), Instant.parse(end));
  }
}
