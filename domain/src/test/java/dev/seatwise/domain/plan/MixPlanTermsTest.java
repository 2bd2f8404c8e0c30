package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mix whose holders' seats are held on the terms chosen for them ({@link TermChoice}). */
class MixPlanTermsTest {
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final PlanPeriod YEAR =
      new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC);

  private static Charge window(String who, String day) {
    Instant open = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);
    return new Charge(user(who), ACD, open, open.plusSeconds(24 * 3600), 7);
  }

  @Test
  void eachHolderHoldsTheTermsChosenForThemAndThePlanCostsTheirSum() {
    // ann uses AutoCAD all year: the common annual seat, 2,030.00. cat and dan from 4 March to 20
    // May: three monthly terms from 1 March each, 3 x 255.00 = 765.00, a seat of their own per
    // term. ed from 20 November to 31 December: two monthly terms from 1 November, 2 x 255.00.
    // Total 2,030.00 + 2 x 765.00 + 510.00 = 4,070.00.
    List<Charge> windows = new ArrayList<>();
    for (String d : List.of("2025-01-02", "2025-06-15", "2025-12-30")) {
      windows.add(window("ann", d));
    }
    for (String who : List.of("cat", "dan")) {
      windows.add(window(who, "2025-03-04"));
      windows.add(window(who, "2025-05-20"));
    }
    windows.add(window("ed", "2025-11-20"));
    windows.add(window("ed", "2025-12-31"));
    Map<UserId, Map<ProductId, TermChoice>> terms =
        TermChoice.byUser(windows, Map.of(), YEAR, BUNDLED);
    List<UserId> holders = List.of(user("ann"), user("cat"), user("dan"), user("ed"));

    Plan plan =
        MixPlan.of(
            Map.of(ACD, holders), terms, YEAR, BUNDLED,
            TokenPurchaseSchedule.cheapest(List.of(), BUNDLED, ZoneOffset.UTC));
    PlanEvaluation e = PlanEvaluation.of(plan, windows, YEAR, BUNDLED);

    assertThat(terms.get(user("ann")).get(ACD).common()).isTrue();
    assertThat(plan.seats())
        .extracting(SeatHolding::id, SeatHolding::term, SeatHolding::start, SeatHolding::seats)
        .containsExactly(
            tuple("ACD", Term.ANNUAL, LocalDate.of(2025, 1, 1), 1L),
            tuple("ACD~1#1", Term.MONTHLY, LocalDate.of(2025, 3, 1), 1L),
            tuple("ACD~1#2", Term.MONTHLY, LocalDate.of(2025, 4, 1), 1L),
            tuple("ACD~1#3", Term.MONTHLY, LocalDate.of(2025, 5, 1), 1L),
            tuple("ACD~2#1", Term.MONTHLY, LocalDate.of(2025, 3, 1), 1L),
            tuple("ACD~2#2", Term.MONTHLY, LocalDate.of(2025, 4, 1), 1L),
            tuple("ACD~2#3", Term.MONTHLY, LocalDate.of(2025, 5, 1), 1L),
            tuple("ACD~3#1", Term.MONTHLY, LocalDate.of(2025, 11, 1), 1L),
            tuple("ACD~3#2", Term.MONTHLY, LocalDate.of(2025, 12, 1), 1L));
    assertThat(e.uncovered()).isEmpty();
    assertThat(e.excessAssignees()).isEmpty();
    assertThat(e.lines()).extracting(CostLine::amount)
        .containsExactly(
            usd("2030.00"), usd("255.00"), usd("255.00"), usd("255.00"), usd("255.00"),
            usd("255.00"), usd("255.00"), usd("255.00"), usd("255.00"));
    assertThat(e.total()).isEqualTo(usd("4070.00"));
    // each user costs what the optimiser was told: their choice's share of the period
    UserCosts costs = UserCosts.of(e);
    for (UserId u : holders) {
      assertThat(costs.of(u)).isEqualTo(terms.get(u).get(ACD).attributed());
    }
    assertThat(costs.of(user("cat"))).isEqualTo(usd("765.00"));
    assertThat(costs.of(user("ed"))).isEqualTo(usd("510.00"));
  }
}
