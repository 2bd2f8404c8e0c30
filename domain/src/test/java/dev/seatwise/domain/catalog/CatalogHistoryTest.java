package dev.seatwise.domain.catalog;

import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog version in force on a day, and what a lot bought that day lasts (F11). */
class CatalogHistoryTest {
  private static Catalog version(String effective, Period expiry) {
    return new Catalog(
        "Autodesk", USD, LocalDate.parse(effective), Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS, expiry, List.of(pack(500, "3.00")),
        List.of(Product.of("ACD", "AutoCAD", usd("2030.00"), 7)), List.of());
  }

  @Test
  void aLotLastsTheTokenValidityOfTheVersionInForceOnItsPurchaseDayElseTheFirstVersions() {
    CatalogHistory h =
        CatalogHistory.of(version("2025-01-01", Period.ofMonths(12)), version("2025-07-01", Period.ofMonths(6)));

    // before the first version: the first version's 12 months
    assertThat(h.tokenExpiryOn(LocalDate.parse("2024-11-30"))).isEqualTo(Period.ofMonths(12));
    assertThat(h.tokenExpiryOn(LocalDate.parse("2025-06-30"))).isEqualTo(Period.ofMonths(12));
    // from the day the second version takes effect: its 6 months
    assertThat(h.tokenExpiryOn(LocalDate.parse("2025-07-01"))).isEqualTo(Period.ofMonths(6));
    assertThat(h.tokenExpiryOn(LocalDate.parse("2030-01-01"))).isEqualTo(Period.ofMonths(6));
  }
}
