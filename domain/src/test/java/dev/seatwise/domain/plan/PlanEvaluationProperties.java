package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingGens.ORIGIN;
import static dev.seatwise.domain.testkit.LicensingGens.USERS;
import static dev.seatwise.domain.testkit.LicensingGens.tokenLotLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of evaluating a plan against usage over a period. */
class PlanEvaluationProperties {
  private static final List<ProductId> PRODUCTS = List.of(AUTOCAD, REVIT);
  private static final LocalDate START = LocalDate.ofInstant(ORIGIN, ZoneOffset.UTC); // 2024-01-01
  private static final PlanPeriod TWO_YEARS =
      new PlanPeriod(START, START.plusYears(2), ZoneOffset.UTC);
  private static final CatalogHistory FIXTURE =
      CatalogHistory.of(LicensingFixtures.autodeskLikeCatalog());

  /** Windows on whole hours within three years of the origin (some outside the period). */
  private static Gen<List<Charge>> windows(int max) {
    Gen<Charge> one =
        integers()
            .between(0, 3 * 365 * 24)
            .zip(
                Generate.pick(USERS),
                Generate.pick(PRODUCTS),
                (h, u, p) -> {
                  Instant open = ORIGIN.plus(Duration.ofHours(h));
                  return new Charge(u, p, open, open.plus(Duration.ofHours(24)), 1);
                });
    return lists().of(one).ofSizeBetween(0, max);
  }

  /** 0 to 3 holdings of 0 to 3 seats, annual or monthly, with 0 to 4 assignees over days. */
  private static Gen<List<SeatHolding>> holdings() {
    Gen<Assignee> assignee =
        Generate.pick(USERS)
            .zip(
                integers().between(-30, 400),
                integers().between(1, 400),
                (u, from, len) ->
                    new Assignee(u, START.plusDays(from), START.plusDays(from + len)));
    Gen<SeatHolding> one =
        integers()
            .between(-200, 700)
            .zip(
                Generate.pick(List.of(Term.MONTHLY, Term.ANNUAL, Term.THREE_YEAR)),
                integers().between(0, 3),
                Generate.pick(List.of(AUTOCAD, REVIT, LicensingFixtures.AEC_COLLECTION)),
                lists().of(assignee).ofSizeBetween(0, 4),
                (startDay, term, seats, offering, assignees) -> {
                  LocalDate s = START.plusDays(startDay);
                  return new SeatHolding(
                      "h", offering, term, s, s.plusMonths(term.months()), seats,
                      Money.of(BigDecimal.valueOf(3_700 + 21_100L * seats + Math.floorMod(startDay * 13, 9_973), 2), USD),
                      assignees);
                });
    return lists()
        .of(one)
        .ofSizeBetween(0, 3)
        .map(
            hs -> {
              List<SeatHolding> out = new ArrayList<>();
              for (int i = 0; i < hs.size(); i++) {
                SeatHolding h = hs.get(i);
                out.add(
                    new SeatHolding(
                        "seat-" + i, h.offering(), h.term(), h.start(), h.end(), h.seats(),
                        h.pricePerSeat(), h.assignees()));
              }
              return out;
            });
  }

  @Test
  void noTokenIsDrawnOutsideItsLotsLife() {
    qt().withExamples(300)
        .forAll(tokenLotLists(4), windows(40))
        .checkAssert(
            (lots, windows) -> {
              PlanEvaluation e =
                  PlanEvaluation.of(Plan.empty(USD).withLots(lots), windows, TWO_YEARS, FIXTURE);
              LedgerReplay ledger = e.ledger();
              for (int i = 0; i < ledger.lots().size(); i++) {
                TokenLot lot = ledger.lots().get(i);
                for (LedgerReplay.Draw d : ledger.drawsFrom(i)) {
                  assertThat(d.at()).isBefore(lot.expires());
                  assertThat(d.at()).isAfterOrEqualTo(lot.purchased());
                }
              }
              long drawn = 0;
              for (int i = 0; i < ledger.lots().size(); i++) {
                for (LedgerReplay.Draw d : ledger.drawsFrom(i)) {
                  drawn += d.tokens();
                }
              }
              assertThat(drawn).isEqualTo(e.tokensDrawn());
            });
  }

  @Test
  void aWindowIsChargedAtTheRateInForceWhenItOpens() {
    // AutoCAD's rate changes from {@code before} to {@code after} on a random day
    qt().withExamples(200)
        .forAll(
            windows(30),
            integers().between(1, 700),
            integers().between(0, 20),
            integers().between(0, 20))
        .checkAssert(
            (windows, changeDay, before, after) -> {
              LocalDate change = START.plusDays(changeDay);
              CatalogHistory history =
                  CatalogHistory.of(
                      withAutocadRate(START.minusYears(1), before),
                      withAutocadRate(change, after));
              PlanEvaluation e = PlanEvaluation.of(Plan.empty(USD), windows, TWO_YEARS, history);
              for (WindowOutcome o : e.outcomes()) {
                LocalDate opened = LocalDate.ofInstant(o.window().start(), ZoneOffset.UTC);
                long expected =
                    o.window().product().equals(AUTOCAD)
                        ? (opened.isBefore(change) ? before : after)
                        : LicensingFixtures.REVIT_TOKENS_PER_WINDOW;
                assertThat(o.tokens()).isEqualTo(expected);
              }
            });
  }

  private static Catalog withAutocadRate(LocalDate effective, long rate) {
    Catalog c = LicensingFixtures.autodeskLikeCatalog();
    List<dev.seatwise.domain.catalog.Product> products = new ArrayList<>();
    for (dev.seatwise.domain.catalog.Product p : c.products()) {
      products.add(
          p.id().equals(AUTOCAD)
              ? new dev.seatwise.domain.catalog.Product(
                  p.id(), p.name(), p.namedUser(), java.util.Optional.of(rate), p.networkSeat())
              : p);
    }
    return new Catalog(
        c.vendor(), c.currency(), effective, c.meter(), c.metering(), c.tokenExpiry(), c.packs(),
        products, c.bundles());
  }

  @Test
  void theTotalIsTheSumOfLinesEachRoundedOnceFromTheTermPrice() {
    qt().withExamples(300)
        .forAll(holdings(), tokenLotLists(3), windows(30))
        .checkAssert(
            (seats, lots, windows) -> {
              PlanEvaluation e =
                  PlanEvaluation.of(
                      Plan.empty(USD).withSeats(seats).withLots(lots), windows, TWO_YEARS, FIXTURE);
              Money sum = Money.zero(USD);
              for (CostLine l : e.lines()) {
                sum = sum.plus(l.amount());
              }
              assertThat(e.total()).isEqualTo(sum);
              for (SeatHolding h : seats) {
                long termDays = ChronoUnit.DAYS.between(h.start(), h.termEnd());
                long in = TWO_YEARS.overlapDays(h.start(), h.termEnd());
                BigDecimal exact =
                    h.pricePerSeat().amount().multiply(BigDecimal.valueOf(h.seats() * in))
                        .divide(BigDecimal.valueOf(termDays), 10, RoundingMode.HALF_EVEN);
                Money once = Money.rounded(exact.setScale(2, RoundingMode.HALF_EVEN), USD, RoundingMode.UNNECESSARY);
                if (in == 0) {
                  assertThat(e.lines()).noneMatch(l -> l.holding().equals(h.id()));
                } else {
                  CostLine line =
                      e.lines().stream().filter(l -> l.holding().equals(h.id())).findFirst().orElseThrow();
                  assertThat(line.amount()).isEqualTo(once);
                  assertThat(line.proRata()).isEqualTo(in < termDays);
                }
              }
            });
  }

  @Test
  void aSeatCoversOnlyItsSeatedUserWhileItRuns() {
    qt().withExamples(300)
        .forAll(holdings(), windows(40))
        .checkAssert(
            (seats, windows) -> {
              PlanEvaluation e =
                  PlanEvaluation.of(Plan.empty(USD).withSeats(seats), windows, TWO_YEARS, FIXTURE);
              for (WindowOutcome o : e.outcomes()) {
                if (o.outcome() != Outcome.SEAT) {
                  continue;
                }
                LocalDate day = LocalDate.ofInstant(o.window().start(), ZoneOffset.UTC);
                SeatHolding h =
                    seats.stream().filter(s -> s.id().equals(o.holding())).findFirst().orElseThrow();
                assertThat(h.isActiveOn(day)).isTrue();
                assertThat(h.seats()).isPositive();
                UserId user = o.window().user();
                // seats are pooled per offering: the user is assigned to the offering that day
                assertThat(seats)
                    .filteredOn(x -> x.offering().equals(h.offering()))
                    .flatExtracting(SeatHolding::assignees)
                    .anyMatch(a -> a.user().equals(user) && a.isAssignedOn(day));
              }
              // no holding seats more users on a day than it has seats
              java.util.Map<String, java.util.Set<UserId>> seatedByHoldingAndDay = new java.util.HashMap<>();
              for (WindowOutcome o : e.outcomes()) {
                if (o.outcome() == Outcome.SEAT) {
                  seatedByHoldingAndDay
                      .computeIfAbsent(
                          o.holding() + "@" + LocalDate.ofInstant(o.window().start(), ZoneOffset.UTC),
                          k -> new java.util.HashSet<>())
                      .add(o.window().user());
                }
              }
              seatedByHoldingAndDay.forEach(
                  (key, users) -> {
                    String id = key.substring(0, key.indexOf('@'));
                    long held = seats.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().seats();
                    assertThat((long) users.size()).isLessThanOrEqualTo(held);
                  });
              // with no lots and no network, every window without a seat is uncovered
              assertThat(e.outcomes())
                  .allMatch(o -> o.outcome() == Outcome.SEAT || !o.isCovered());
            });
  }

  @Test
  void aPlanOfTheScheduledLotsCoversEveryFlexWindowAtTheSchedulesCost() {
    // the fixture's packs cost whole cents (100 x 3.00, 1000 x 2.90, 5000 x 2.60), so lot lines
    // and purchase lines round alike
    qt().withExamples(200)
        .forAll(windows(60))
        .checkAssert(
            windows -> {
              List<dev.seatwise.domain.tokens.TokenCharge> flex = new ArrayList<>();
              for (Charge w : windows) {
                if (TWO_YEARS.contains(w.start())) {
                  long rate =
                      w.product().equals(AUTOCAD)
                          ? LicensingFixtures.AUTOCAD_TOKENS_PER_WINDOW
                          : LicensingFixtures.REVIT_TOKENS_PER_WINDOW;
                  flex.add(new dev.seatwise.domain.tokens.TokenCharge(w.start(), rate, "w"));
                }
              }
              TokenPurchaseSchedule schedule =
                  TokenPurchaseSchedule.cheapest(
                      flex, FIXTURE, ZoneOffset.UTC, FIXTURE.latest().tokenExpiry(), TWO_YEARS.from());
              PlanEvaluation e =
                  PlanEvaluation.of(
                      Plan.empty(USD).withLots(schedule.lots("buy")), windows, TWO_YEARS, FIXTURE);
              assertThat(e.uncovered()).isEmpty();
              assertThat(e.total()).isEqualTo(schedule.total());
            });
  }
}
