package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of the bundled catalog (adapters-files/src/main/resources/catalogs/autodesk.yaml,
 * version effective 2025-01-01) that the plan examples use: AutoCAD 255.00 monthly, 2,030.00
 * annual, 5,480.00 for three years, 7 tokens a window; packs of 500 at 3.00 and 5,000 at 2.70 per
 * token; tokens valid 12 months. The domain cannot read the YAML (no I/O), so they are copied here.
 */
final class BundledCatalogPrices {
  private BundledCatalogPrices() {}

  static final ProductId ACD = ProductId.of("ACD");

  static Product autocad(long rate) {
    return new Product(
        ACD,
        "AutoCAD",
        Optional.of(
            new Prices(
                Map.of(
                    Term.MONTHLY, usd("255.00"),
                    Term.ANNUAL, usd("2030.00"),
                    Term.THREE_YEAR, usd("5480.00")))),
        Optional.of(rate),
        Optional.empty());
  }

  static Catalog version(LocalDate effective, long autocadRate) {
    return new Catalog(
        "Autodesk",
        USD,
        effective,
        Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofMonths(12),
        List.of(pack(500, "3.00"), pack(5000, "2.70")),
        List.of(autocad(autocadRate)),
        List.of());
  }

  static Catalog bundled() {
    return version(LocalDate.of(2025, 1, 1), 7);
  }
}
