package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static dev.seatwise.domain.testkit.LicensingFixtures.usdPerUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seat rule the forecast and the trade-in share with compare's current plan, by hand. */
class SeatCoverTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final PlanPeriod Q1_2025 =
      new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1), UTC);

  private static Charge window(String who, String day) {
    Instant open = LocalDate.parse(day).atStartOfDay(UTC).toInstant().plusSeconds(9 * 3600);
    return new Charge(user(who), ACD, open, open.plusSeconds(24 * 3600), 7);
  }

  private static SeatHolding acd(String id, long seats, String start, String end, String... users) {
    List<Assignee> assignees = new ArrayList<>();
    for (String u : users) {
      assignees.add(Assignee.throughout(u));
    }
    return new SeatHolding(
        id, ACD, Term.ANNUAL, LocalDate.parse(start), LocalDate.parse(end), seats, usd("2030.00"),
        assignees);
  }

  @Test
  void aSeatCoversItsSeatedUserOnlyWhileItsSubscriptionRuns() {
    // S1: two seats to 1 February 2025 (exclusive) for ann, bob and cy, listed in that order: ann
    // and bob are seated, cy is not. A lot is held too: lots play no part in seat cover.
    Plan plan =
        Plan.empty(USD)
            .withSeats(acd("S1", 2, "2024-02-01", "2025-02-01", "ann", "bob", "cy"))
            .withLots(
                new TokenLot(
                    "L1", Instant.parse("2025-01-01T00:00:00Z"), 1000, usdPerUnit("3.00"),
                    Instant.parse("2026-01-01T00:00:00Z")));
    List<Charge> windows =
        List.of(
            window("ann", "2025-01-31"), // covered: the last day of S1
            window("ann", "2025-02-01"), // S1 has ended
            window("bob", "2025-01-31"), // seated (second of three)
            window("cy", "2025-01-31"), // unseated: both seats taken
            window("eve", "2025-01-31"), // assigned nothing
            window("ann", "2025-04-01")); // outside the period: not evaluated

    SeatCover cover = SeatCover.of(plan, windows, Q1_2025, BUNDLED);

    assertThat(cover.coveredCount()).isEqualTo(2);
    assertThat(cover.covers(0)).isTrue();
    assertThat(cover.covers(1)).isFalse();
    assertThat(cover.covers(2)).isTrue();
    assertThat(cover.uncovered())
        .extracting(c -> c.user().value())
        .containsExactly("ann", "cy", "eve", "ann");
    assertThat(cover.seatMisses())
        .extracting(m -> m.window().window().user().value(), SeatMiss::reason)
        .containsExactlyInAnyOrder(
            tuple("ann", SeatMiss.Reason.AFTER_END),
            tuple("cy", SeatMiss.Reason.UNSEATED),
            tuple("eve", SeatMiss.Reason.NOT_ASSIGNED));
    // the evaluation is of the seats alone: no lot, no token drawn
    assertThat(cover.evaluation().plan().lots()).isEmpty();
    assertThat(cover.evaluation().tokensDrawn()).isZero();

    // the same windows as a table (sorted by start, user, product): the same cover, by index
    WindowTable table = WindowTable.of(windows);
    SeatCover byIndex = SeatCover.of(plan, table, Q1_2025, BUNDLED);
    assertThat(byIndex.coveredCount()).isEqualTo(2);
    for (int i = 0; i < table.size(); i++) {
      assertThat(byIndex.covers(i)).isEqualTo(cover.covers(windows.indexOf(table.charge(i))));
    }
    assertThat(byIndex.seatMisses()).isEqualTo(cover.seatMisses());
  }

  @Test
  void aSessionIsCoveredWhenASeatCoversItsUserAtItsStart() {
    Plan plan = Plan.empty(USD).withSeats(acd("S1", 1, "2024-02-01", "2025-02-01", "ann"));
    Session lateEvening =
        new Session(
            user("ann"), ACD, Instant.parse("2025-01-31T22:00:00Z"), Instant.parse("2025-02-01T03:00:00Z"));
    Session nextMorning =
        new Session(
            user("ann"), ACD, Instant.parse("2025-02-01T09:00:00Z"), Instant.parse("2025-02-01T17:00:00Z"));

    // the evening session starts on S1's last day (and runs past its end): covered; the next
    // morning's starts after S1 ended
    assertThat(SeatCover.uncoveredSessions(plan, List.of(lateEvening, nextMorning), Q1_2025, BUNDLED))
        .containsExactly(nextMorning);
  }

  @Test
  void datelessUseIsCoveredOnlyForAUserSeatedEveryDayOfThePeriod() {
    // ACD's seats are pooled across holdings: to 1 March S1 holds 2 seats for ann, bob and cy
    // (listed in that order): ann and bob are seated; from 1 March the renewal S2 holds 1 seat:
    // ann's. So only ann is seated on every day of the quarter; bob is not in March, cy never, eve
    // is assigned nothing.
    Plan plan =
        Plan.empty(USD)
            .withSeats(
                acd("S1", 2, "2024-03-01", "2025-03-01", "ann", "bob", "cy"),
                acd("S2", 1, "2025-03-01", "2026-03-01", "ann", "bob", "cy"));

    assertThat(
            SeatCover.coveredEveryDay(
                plan, ACD, List.of(user("eve"), user("cy"), user("bob"), user("ann")), Q1_2025, BUNDLED))
        .containsExactly(user("ann"));
  }
}
