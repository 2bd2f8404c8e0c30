package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static dev.seatwise.domain.testkit.LicensingFixtures.usdPerUnit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanEvaluationTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final PlanPeriod YEAR_2025 =
      new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), UTC);

  private static Charge window(String who, LocalDate day) {
    Instant open = day.atStartOfDay(UTC).toInstant().plusSeconds(9 * 3600);
    return new Charge(user(who), ACD, open, open.plusSeconds(24 * 3600), 7);
  }

  private static SeatHolding annual(String id, long seats, LocalDate start, LocalDate end, String... users) {
    List<Assignee> assignees = new ArrayList<>();
    for (String u : users) {
      assignees.add(Assignee.throughout(u));
    }
    return new SeatHolding(id, ACD, Term.ANNUAL, start, end, seats, usd("2030.00"), assignees);
  }

  @Test
  void threeUsersOnTwoSeatsLeaveOneUncovered() {
    SeatHolding twoSeats =
        annual("S1", 2, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "ann", "bob", "cy");
    Plan plan = Plan.empty(USD).withSeats(twoSeats);
    LocalDate day = LocalDate.of(2025, 3, 3);

    PlanEvaluation e =
        PlanEvaluation.of(
            plan, List.of(window("ann", day), window("bob", day), window("cy", day)), YEAR_2025, BUNDLED);

    // ann and bob take the two seats (listed first); cy finds both taken and holds no tokens
    assertThat(e.excessAssignees()).extracting(x -> x.assignee().user()).containsExactly(user("cy"));
    assertThat(e.uncovered()).hasSize(1);
    assertThat(e.uncovered().get(0).window().user()).isEqualTo(user("cy"));
    assertThat(e.uncovered().get(0).outcome()).isEqualTo(Outcome.UNCOVERED_NO_BALANCE);
    assertThat(e.uncovered().get(0).tokens()).isEqualTo(7);
    // 2 seats x 2,030.00, the whole annual term in the period
    assertThat(e.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("4060.00"));
      assertThat(l.proRata()).isFalse();
    });
    assertThat(e.total()).isEqualTo(usd("4060.00"));
  }

  @Test
  void aSubscriptionEndingMidPeriodLeavesLaterUseUncovered() {
    // Annual term from 2024-07-01 to 2025-07-01: 181 of its 365 days fall in 2025.
    SeatHolding ended = annual("S1", 1, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1), "ann");
    Plan plan = Plan.empty(USD).withSeats(ended);

    PlanEvaluation e =
        PlanEvaluation.of(
            plan,
            List.of(window("ann", LocalDate.of(2025, 6, 30)), window("ann", LocalDate.of(2025, 7, 1))),
            YEAR_2025,
            BUNDLED);

    assertThat(e.outcomes()).extracting(WindowOutcome::outcome)
        .containsExactly(Outcome.SEAT, Outcome.UNCOVERED_NO_BALANCE);
    // 2,030.00 x 181 / 365 = 1,006.6575... -> 1,006.66, and the line says it is pro rata
    CostLine line = e.lines().get(0);
    assertThat(line.amount()).isEqualTo(usd("1006.66"));
    assertThat(line.proRata()).isTrue();
    assertThat(line.rule()).contains("pro rata 181/365");
  }

  @Test
  void windowsDrawFromLotsUnexpiredWhenTheyOpenAndUnusedTokensAreReported() {
    Instant bought = LocalDate.of(2025, 1, 1).atStartOfDay(UTC).toInstant();
    TokenLot lot = TokenLot.bought("L1", bought, 10, usdPerUnit("3.00"), Period.ofMonths(6), UTC);
    Plan plan = Plan.empty(USD).withLots(lot);

    PlanEvaluation e =
        PlanEvaluation.of(
            plan,
            List.of(window("ann", LocalDate.of(2025, 2, 1)), window("ann", LocalDate.of(2025, 8, 1))),
            YEAR_2025,
            BUNDLED);

    // February draws 7 of 10; by August the lot (valid to 2025-07-01) has expired with 3 unused
    assertThat(e.outcomes()).extracting(WindowOutcome::outcome)
        .containsExactly(Outcome.TOKENS, Outcome.UNCOVERED_NO_BALANCE);
    assertThat(e.tokensDrawn()).isEqualTo(7);
    assertThat(e.tokensExpiredUnused()).isEqualTo(3);
    // 10 tokens x 3.00, bought within the period
    assertThat(e.total()).isEqualTo(usd("30.00"));
  }
}
