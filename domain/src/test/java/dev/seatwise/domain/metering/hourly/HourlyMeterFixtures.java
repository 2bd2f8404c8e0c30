package dev.seatwise.domain.metering.hourly;

import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.MeterContext;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** An illustrative hourly-elastic catalog: the rates and prices are test data only. */
final class HourlyMeterFixtures {
  private HourlyMeterFixtures() {}

  static final ProductId MECHANICAL = ProductId.of("MECH");
  static final ProductId FLUENT = ProductId.of("FLU");
  static final long MECHANICAL_PER_HOUR = 4;
  static final long FLUENT_PER_HOUR = 6;

  static Catalog elasticCatalog() {
    return new Catalog(
        "Elastic-like",
        USD,
        LocalDate.of(2024, 1, 1),
        HourlyMeter.KIND,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofYears(1),
        List.of(),
        List.of(
            Product.of(MECHANICAL.value(), "Mechanical", usd("9000.00"), MECHANICAL_PER_HOUR),
            Product.of(FLUENT.value(), "Fluent", usd("12000.00"), FLUENT_PER_HOUR)),
        List.of());
  }

  static MeterContext elasticContext() {
    return MeterContext.of(elasticCatalog());
  }
}
