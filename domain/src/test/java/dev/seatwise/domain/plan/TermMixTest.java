package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.Term;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Monthly, annual and 3-year terms at the bundled AutoCAD prices: 255.00, 2,030.00, 5,480.00. */
class TermMixTest {
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

  @Test
  void threeMonthsOfUseAreCheapestOnThreeMonthlyTerms() {
    TermMix mix = TermMix.cheapest(ACD, JAN, LocalDate.of(2025, 4, 1), BUNDLED);

    // 3 x 255.00 = 765.00 < 2,030.00 for an annual term
    assertThat(mix.spans()).extracting(TermSpan::term)
        .containsExactly(Term.MONTHLY, Term.MONTHLY, Term.MONTHLY);
    assertThat(mix.total()).isEqualTo(usd("765.00"));
  }

  @Test
  void sevenMonthsStayMonthlyButEightMonthsBuyTheYear() {
    // 7 x 255.00 = 1,785.00 < 2,030.00; 8 x 255.00 = 2,040.00 > 2,030.00
    assertThat(TermMix.cheapest(ACD, JAN, LocalDate.of(2025, 8, 1), BUNDLED).total())
        .isEqualTo(usd("1785.00"));
    TermMix eight = TermMix.cheapest(ACD, JAN, LocalDate.of(2025, 9, 1), BUNDLED);
    assertThat(eight.spans()).extracting(TermSpan::term).containsExactly(Term.ANNUAL);
    assertThat(eight.total()).isEqualTo(usd("2030.00"));
  }

  @Test
  void thirtyMonthsTakeTheThreeYearTermAndTwentySixDoNot() {
    // 30 months: 5,480.00 (3-year) < 2 x 2,030.00 + 6 x 255.00 = 5,590.00 < 3 x 2,030.00
    TermMix thirty = TermMix.cheapest(ACD, JAN, LocalDate.of(2027, 7, 1), BUNDLED);
    assertThat(thirty.spans()).extracting(TermSpan::term).containsExactly(Term.THREE_YEAR);
    assertThat(thirty.total()).isEqualTo(usd("5480.00"));
    // 26 months: 2 x 2,030.00 + 2 x 255.00 = 4,570.00 < 5,480.00
    TermMix twentySix = TermMix.cheapest(ACD, JAN, LocalDate.of(2027, 3, 1), BUNDLED);
    assertThat(twentySix.total()).isEqualTo(usd("4570.00"));
    assertThat(twentySix.spans()).extracting(TermSpan::term)
        .containsExactly(Term.ANNUAL, Term.ANNUAL, Term.MONTHLY, Term.MONTHLY);
  }

  @Test
  void eachTermIsPricedAtTheVersionInForceOnItsStart() {
    // the annual price rises to 2,400.00 on 2025-07-01 (monthly stays 255.00): two years of use
    // from 2025-01-01 cost 2,030.00 (bought 2025-01-01) + 2,400.00 (renewed 2026-01-01)
    Catalog dearer =
        new Catalog(
            "Autodesk", USD, LocalDate.of(2025, 7, 1), Catalog.FLEX_WINDOW,
            MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
            BundledCatalogPrices.bundled().packs(),
            List.of(
                new Product(
                    ACD, "AutoCAD",
                    Optional.of(new Prices(Map.of(Term.MONTHLY, usd("255.00"), Term.ANNUAL, usd("2400.00")))),
                    Optional.of(7L), Optional.empty())),
            List.of());
    TermMix mix =
        TermMix.cheapest(
            ACD, JAN, LocalDate.of(2027, 1, 1), CatalogHistory.of(BundledCatalogPrices.bundled(), dearer));

    // the first version's 3-year term (5,480.00 from 2025-01-01) is dearer than
    // 2,030.00 + 2,400.00 = 4,430.00, and monthly terms (24 x 255.00 = 6,120.00) dearer still
    assertThat(mix.spans()).extracting(TermSpan::term).containsExactly(Term.ANNUAL, Term.ANNUAL);
    assertThat(mix.spans()).extracting(TermSpan::price)
        .containsExactly(usd("2030.00"), usd("2400.00"));
    assertThat(mix.total()).isEqualTo(usd("4430.00"));
  }

  @Test
  void aMonthlyHoldingCostsItsMonthlyPriceNotAProRatedAnnualOne() {
    // January 2025 on a monthly term: 255.00, whole term in the period. Pro-rating the annual
    // price instead would give 2,030.00 x 31/365 = 172.41.
    PlanPeriod january = new PlanPeriod(JAN, LocalDate.of(2025, 2, 1), ZoneOffset.UTC);
    TermMix mix = TermMix.cheapest(ACD, JAN, LocalDate.of(2025, 2, 1), BUNDLED);
    assertThat(mix.attributedTo(january)).isEqualTo(usd("255.00"));

    // an annual term over that month is attributed pro rata, and its line says so
    SeatHolding annual =
        new SeatHolding("A", ACD, Term.ANNUAL, JAN, LocalDate.of(2026, 1, 1), 1, usd("2030.00"), List.of());
    CostLine line = PlanEvaluation.seatLine(annual, january).orElseThrow();
    assertThat(line.amount()).isEqualTo(usd("172.41"));
    assertThat(line.proRata()).isTrue();
    assertThat(line.rule()).contains("pro rata 31/365");
  }
}
