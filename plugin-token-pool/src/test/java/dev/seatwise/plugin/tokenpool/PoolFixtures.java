package dev.seatwise.plugin.tokenpool;

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

/** A small units-style vendor: HyperMesh holds 21 units, OptiStruct 25, pool sold in 10s. */
final class PoolFixtures {
  private PoolFixtures() {}

  static Catalog catalog(String meter) {
    return new Catalog(
        "Units Vendor",
        Currency.getInstance("USD"),
        LocalDate.of(2024, 1, 1),
        meter,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofMonths(12),
        List.of(new TokenPack(10, UnitPrice.of("100.00", "USD"))),
        List.of(
            Product.of("HM", "HyperMesh", Money.of("3000.00", "USD"), 21),
            Product.of("OS", "OptiStruct", Money.of("4000.00", "USD"), 25)),
        List.of());
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static Session session(String user, String product, String start, String end) {
    return Session.of(user, product, at(start), at(end));
  }
}
