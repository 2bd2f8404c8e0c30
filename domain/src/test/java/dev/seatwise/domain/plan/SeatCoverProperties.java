package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The seat cover found by binary search among the evaluation's windows, against the rule written
 * plainly (every outcome of the evaluation in a map by value, the last of equal windows winning),
 * on random plans and windows: repeated windows, windows outside the period, users assigned
 * nothing. A plan with no seat covers nothing.
 */
class SeatCoverProperties {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final PlanPeriod PERIOD = new PlanPeriod(FROM, LocalDate.of(2025, 3, 1), UTC);
  private static final List<String> PEOPLE = List.of("ann", "bob", "cy", "eve");

  /** Windows {user, day from 2024-12-25 (some outside the period), hour, tokens}. */
  private static Gen<List<Charge>> windows() {
    Gen<Charge> one =
        integers()
            .between(0, PEOPLE.size() - 1)
            .zip(integers().between(-7, 70), integers().between(0, 2), integers().between(0, 3),
                (u, day, hour, tokens) -> {
                  Instant open = FROM.plusDays(day).atStartOfDay(UTC).toInstant().plusSeconds(hour * 8 * 3600L);
                  return new Charge(user(PEOPLE.get(u)), ACD, open, open.plusSeconds(24 * 3600), 5 + tokens % 2);
                });
    return lists().of(one).ofSizeBetween(0, 40);
  }

  /** Up to three ACD holdings {seats, start day, length in days, who: a bit per person}. */
  private static Gen<Plan> plans() {
    Gen<SeatHolding> holding =
        integers()
            .between(0, 3)
            .zip(integers().between(-30, 50), integers().between(1, 60), integers().between(0, 15),
                (seats, start, days, who) -> {
                  List<Assignee> assignees = new ArrayList<>();
                  for (int k = 0; k < PEOPLE.size(); k++) {
                    if ((who >> k & 1) == 1) {
                      assignees.add(Assignee.throughout(PEOPLE.get(k)));
                    }
                  }
                  LocalDate s = FROM.plusDays(start);
                  return new SeatHolding(
                      "S" + (start + 100) + "-" + days, ACD, Term.ANNUAL, s, s.plusDays(days), seats,
                      usd("2030.00"), assignees);
                });
    return lists()
        .of(holding)
        .ofSizeBetween(0, 3)
        .map(hs -> {
          List<SeatHolding> seats = new ArrayList<>();
          for (int i = 0; i < hs.size(); i++) {
            SeatHolding h = hs.get(i);
            seats.add(new SeatHolding(
                "S" + i, h.offering(), h.term(), h.start(), h.end(), h.seats(), h.pricePerSeat(),
                h.assignees()));
          }
          return new Plan(USD, seats, List.of(), List.of());
        });
  }

  /** Whether each window is covered, by the rule written plainly. */
  private static boolean[] coveredPlainly(Plan plan, List<Charge> windows) {
    Plan seatsOnly = new Plan(plan.currency(), plan.seats(), plan.network(), List.of());
    PlanEvaluation e = PlanEvaluation.of(seatsOnly, windows, PERIOD, BUNDLED);
    Map<Charge, Outcome> by = new HashMap<>();
    for (WindowOutcome o : e.outcomes()) {
      by.put(o.window(), o.outcome());
    }
    boolean[] covered = new boolean[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      Outcome o = by.get(windows.get(i));
      covered[i] = o == Outcome.SEAT || o == Outcome.NETWORK;
    }
    return covered;
  }

  @Test
  void eachWindowIsCoveredAsTheEvaluationByValueSays() {
    qt().forAll(plans(), windows())
        .checkAssert(
            (plan, windows) -> {
              SeatCover cover = SeatCover.of(plan, windows, PERIOD, BUNDLED);
              boolean[] expected = coveredPlainly(plan, windows);
              for (int i = 0; i < windows.size(); i++) {
                assertThat(cover.covers(i)).as("window %s: %s", i, windows.get(i)).isEqualTo(expected[i]);
              }
            });
  }

  @Test
  void sessionsAndDatelessUseAreCoveredAsTheEvaluationSaysAlsoWithoutSeats() {
    qt().forAll(plans(), windows())
        .checkAssert(
            (plan, windows) -> {
              for (Plan p : List.of(plan, Plan.empty(USD))) {
                List<Session> sessions = new ArrayList<>();
                List<Charge> probes = new ArrayList<>();
                for (Charge w : windows) {
                  sessions.add(new Session(w.user(), w.product(), w.start(), w.end()));
                  probes.add(new Charge(w.user(), w.product(), w.start(), w.start(), 0));
                }
                boolean[] covered = coveredPlainly(p, probes);
                List<Session> uncovered = new ArrayList<>();
                for (int i = 0; i < sessions.size(); i++) {
                  if (!covered[i]) {
                    uncovered.add(sessions.get(i));
                  }
                }
                assertThat(SeatCover.uncoveredSessions(p, sessions, PERIOD, BUNDLED)).isEqualTo(uncovered);
                // the same sessions as a table's view (what the trade-in passes)
                assertThat(SeatCover.uncoveredSessions(p, SessionTable.of(sessions).asSessions(), PERIOD, BUNDLED))
                    .isEqualTo(uncovered);

                List<UserId> who = new ArrayList<>();
                PEOPLE.forEach(n -> who.add(user(n)));
                List<Charge> daily = new ArrayList<>();
                for (UserId u : who) {
                  for (LocalDate d = PERIOD.from(); d.isBefore(PERIOD.to()); d = d.plusDays(1)) {
                    Instant at = d.atStartOfDay(UTC).toInstant();
                    daily.add(new Charge(u, ACD, at, at, 0));
                  }
                }
                boolean[] dayCovered = coveredPlainly(p, daily);
                int days = Math.toIntExact(PERIOD.days());
                Set<UserId> everyDay = new LinkedHashSet<>();
                for (int k = 0; k < who.size(); k++) {
                  boolean all = true;
                  for (int d = 0; d < days; d++) {
                    all &= dayCovered[k * days + d];
                  }
                  if (all) {
                    everyDay.add(who.get(k));
                  }
                }
                assertThat(SeatCover.coveredEveryDay(p, ACD, who, PERIOD, BUNDLED)).isEqualTo(everyDay);
              }
            });
  }

  @Test
  void theCoverOfATableIsTheCoverOfItsWindowsAsAList() {
    qt().forAll(plans(), windows())
        .checkAssert(
            (plan, windows) -> {
              WindowTable table = WindowTable.of(windows);
              SeatCover byTable = SeatCover.of(plan, table, PERIOD, BUNDLED);
              SeatCover byList = SeatCover.of(plan, table.charges(), PERIOD, BUNDLED);
              for (int i = 0; i < table.size(); i++) {
                assertThat(byTable.covers(i)).as("window %s", i).isEqualTo(byList.covers(i));
              }
              assertThat(byTable.coveredCount()).isEqualTo(byList.coveredCount());
              assertThat(byTable.uncovered()).isEqualTo(byList.uncovered());
              assertThat(byTable.seatMisses()).isEqualTo(byList.seatMisses());
            });
  }
}
