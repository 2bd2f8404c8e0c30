package dev.seatwise.domain.forecast;

import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.tokens.TokenPack;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked by hand on ten paths whose every day is known. */
class BurnCoverPlanTest {
  static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
  static final Period TWO_MONTHS = Period.ofMonths(2);

  static CatalogHistory catalog(Period validity, List<TokenPack> packs) {
    return CatalogHistory.of(
        new Catalog(
            "Test", LicensingFixtures.USD, LocalDate.of(2024, 1, 1), Catalog.FLEX_WINDOW,
            MeteringParameters.FLEX_DEFAULTS, validity, packs, List.of(), List.of()));
  }

  /** 9 runs burn 100 on Jan 1 and 100 on Feb 1; the 10th burns 400 on each. 120 days long. */
  static long[][] tenRuns() {
    long[][] paths = new long[10][120];
    for (int r = 0; r < 10; r++) {
      long t = r < 9 ? 100 : 400;
      paths[r][0] = t;
      paths[r][31] = t;
    }
    return paths;
  }

  @Test
  void smallerPurchasesCloserToTheBurnWinWhenTheBigPackWouldMostlyExpire() {
    // Packs: 100 tokens at 1.00 (100.00) and 1,000 at 0.18 (180.00); lots valid 2 months.
    // P90 (9th of 10 runs) of the cumulative burn: 100 through Jan 1..31, 200 from Feb 1: the P90
    // path burns 100 on Jan 1 and 100 on Feb 1 (59 days: January and February 2026).
    CatalogHistory c = catalog(TWO_MONTHS, List.of(pack(100, "1.00"), pack(1000, "0.18")));
    BurnCoverPlan plan = BurnCoverPlan.plan(tenRuns(), JAN1, 59, List.of(), c, TWO_MONTHS);

    assertThat(plan.p90Total()).isEqualTo(200);
    assertThat(plan.p90Path()[0]).isEqualTo(100);
    assertThat(plan.p90Path()[31]).isEqualTo(100);

    // Least pack cost (lots last 2 months): one 1,000-pack on Jan 1, 180.00 (2 x 100 = 200.00).
    // It pays the P90 path; 9 runs burn 200 of it (800 expire on Mar 1), the 10th 800 (200
    // expire): expected waste (9 x 800 + 200) / 10 = 740 tokens x 0.18 = 133.20; score 313.20.
    BurnCoverPlan.Candidate least = plan.candidates().get(0);
    assertThat(least.span()).isEqualTo(TWO_MONTHS);
    assertThat(least.purchases()).hasSize(1);
    assertThat(least.packCost()).isEqualByComparingTo("180.00");
    assertThat(least.expectedWasteTokens()).isEqualByComparingTo("740");
    assertThat(least.expectedWasteValue()).isEqualByComparingTo("133.20");

    // As if lots lasted 1 month: a 100-pack on Jan 1 and one on Feb 1, 200.00. The January lot is
    // spent on Jan 1 in every run, the February lot on Feb 1: nothing expires. Score 200.00 wins.
    assertThat(plan.chosen().span()).isEqualTo(Period.ofMonths(1));
    assertThat(plan.purchases()).hasSize(2);
    assertThat(plan.purchases().get(0).date()).isEqualTo(JAN1);
    assertThat(plan.purchases().get(0).expires()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(plan.purchases().get(0).tokens()).isEqualTo(100);
    assertThat(plan.purchases().get(1).date()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(plan.purchases().get(1).expires()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(plan.cost()).isEqualTo(usd("200.00"));
    assertThat(plan.expectedWasteTokens()).isZero();
    assertThat(plan.expectedWasteCost()).isEqualTo(usd("0.00"));
    assertThat(plan.expectedSurplusAtHorizon()).isZero();
    // the optimum scores at least 180.00 (the least pack cost); 200.00 is within 133.20 of it
    assertThat(plan.gapBound()).isEqualTo(usd("133.20"));
  }

  @Test
  void tokensHeldPayFirstAndOnlyTheResidualIsBought() {
    // 150 tokens held until Mar 1 pay the P90 path's 100 on Jan 1 and 50 of Feb 1: 50 are left to
    // buy on Feb 1, whose cheapest cover is one 100-pack (100.00); the 9 quiet runs leave 50 of it
    // to expire on Apr 1, the busy one none: expected waste 45 tokens x 1.00 = 45.00. As if lots
    // lasted 1 month, the same purchase: the first candidate stays chosen (ties keep it).
    CatalogHistory c = catalog(TWO_MONTHS, List.of(pack(100, "1.00"), pack(1000, "0.18")));
    BurnCoverPlan plan =
        BurnCoverPlan.plan(
            tenRuns(), JAN1, 59,
            List.of(new BurnCoverPlan.HeldTokens("held", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 1), 150)),
            c, TWO_MONTHS);

    assertThat(plan.residualTotal()).isEqualTo(50);
    assertThat(plan.residual()[31]).isEqualTo(50);
    assertThat(plan.purchases()).hasSize(1);
    assertThat(plan.purchases().get(0).date()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(plan.cost()).isEqualTo(usd("100.00"));
    assertThat(plan.chosen().expectedWasteValue()).isEqualByComparingTo(new BigDecimal("45"));
    assertThat(plan.chosen().span()).isEqualTo(TWO_MONTHS);
    // at the horizon (Mar 1) the 9 quiet runs still hold 50 of the lot: 450 / 10 = 45
    assertThat(plan.expectedSurplusAtHorizon()).isEqualTo(45);
  }

  @Test
  void nothingToBuyWhenTheLotsHeldPayTheP90Path() {
    CatalogHistory c = catalog(TWO_MONTHS, List.of(pack(100, "1.00")));
    BurnCoverPlan plan =
        BurnCoverPlan.plan(
            tenRuns(), JAN1, 59,
            List.of(new BurnCoverPlan.HeldTokens("held", JAN1, LocalDate.of(2026, 6, 1), 200)),
            c, TWO_MONTHS);

    assertThat(plan.purchases()).isEmpty();
    assertThat(plan.cost()).isEqualTo(usd("0.00"));
    assertThat(plan.gapBound()).isEqualTo(usd("0.00"));
  }
}
