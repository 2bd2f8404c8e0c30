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

    // ann and bob take the two seats (listed first); cy finds both taken, every day of 2025,
    // and holds no tokens
    assertThat(e.excessAssignees())
        .containsExactly(
            new ExcessAssignee(ACD, user("cy"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 365));
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

  @Test
  void aRateChangeMidPeriodChargesEachWindowAtTheRateInForceWhenItOpens() {
    // AutoCAD moves from 7 to 10 tokens a window on 2025-07-01
    CatalogHistory history =
        CatalogHistory.of(
            BundledCatalogPrices.bundled(), BundledCatalogPrices.version(LocalDate.of(2025, 7, 1), 10));
    Instant bought = LocalDate.of(2025, 1, 1).atStartOfDay(UTC).toInstant();
    TokenLot lot = TokenLot.bought("L1", bought, 500, usdPerUnit("3.00"), Period.ofMonths(12), UTC);
    List<Charge> windows = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      windows.add(window("ann", LocalDate.of(2025, 6, d)));
      windows.add(window("ann", LocalDate.of(2025, 7, d)));
    }

    PlanEvaluation e = PlanEvaluation.of(Plan.empty(USD).withLots(lot), windows, YEAR_2025, history);

    // 10 June windows x 7 + 10 July windows x 10 = 70 + 100 = 170 tokens (not 20 x 7 = 140)
    assertThat(e.tokensDrawn()).isEqualTo(170);
    assertThat(e.outcomes()).filteredOn(o -> o.window().start().isBefore(Instant.parse("2025-07-01T00:00:00Z")))
        .extracting(WindowOutcome::tokens).containsOnly(7L);
    assertThat(e.outcomes()).filteredOn(o -> !o.window().start().isBefore(Instant.parse("2025-07-01T00:00:00Z")))
        .extracting(WindowOutcome::tokens).containsOnly(10L);
    // 500 - 170 = 330 tokens left; the lot expires 2026-01-01, at the period's end: wasted
    assertThat(e.tokensExpiredUnused()).isEqualTo(330);
    assertThat(e.total()).isEqualTo(usd("1500.00"));
  }

  @Test
  void aSeatStartingMidWindowCoversTheContinuationWindowThatOpensOnItsFirstDay() {
    // F9 with F3/F5: ann opens AutoCAD on Flex Mon 2025-03-03 20:00 (no seat yet: 7 tokens from
    // the lot) and is still working when that window ends Tue 20:00; her seat starts Tue, so the
    // continuation window opening Tue 20:00 is the seat's, not the lot's
    SeatHolding fromTuesday =
        annual("S1", 1, LocalDate.of(2025, 3, 4), LocalDate.of(2026, 1, 1), "ann");
    Instant bought = LocalDate.of(2025, 1, 1).atStartOfDay(UTC).toInstant();
    TokenLot lot = TokenLot.bought("L1", bought, 500, usdPerUnit("3.00"), Period.ofMonths(12), UTC);
    Instant monday = Instant.parse("2025-03-03T20:00:00Z");
    Instant tuesday = monday.plusSeconds(24 * 3600);
    List<Charge> windows =
        List.of(
            new Charge(user("ann"), ACD, monday, tuesday, 7),
            new Charge(user("ann"), ACD, tuesday, tuesday.plusSeconds(24 * 3600), 7));

    PlanEvaluation e =
        PlanEvaluation.of(Plan.empty(USD).withSeats(fromTuesday).withLots(lot), windows, YEAR_2025, BUNDLED);

    assertThat(e.outcomes()).extracting(WindowOutcome::outcome)
        .containsExactly(Outcome.TOKENS, Outcome.SEAT);
    assertThat(e.tokensDrawn()).isEqualTo(7);
  }

  @Test
  void aZeroRateIsAFreeWindowButNoRateIsNotOnFlex() {
    // F1: a Flex offering's rate may be zero. From 2025-07-01 AutoCAD costs 0 tokens a window: with
    // no lot at all its July window is paid by Flex (0 tokens), its June window (7) is refused;
    // Navisworks has no rate in the catalog, so its window is not on Flex at all
    dev.seatwise.domain.catalog.ProductId nav = dev.seatwise.domain.catalog.ProductId.of("NAV");
    dev.seatwise.domain.catalog.Catalog july = BundledCatalogPrices.version(LocalDate.of(2025, 7, 1), 0);
    july =
        july.withOfferings(
            List.of(
                BundledCatalogPrices.autocad(0),
                new dev.seatwise.domain.catalog.Product(
                    nav, "Navisworks", java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty())),
            List.of());
    CatalogHistory history = CatalogHistory.of(BundledCatalogPrices.bundled(), july);
    Instant navOpens = Instant.parse("2025-07-02T09:00:00Z");
    List<Charge> windows =
        List.of(
            window("ann", LocalDate.of(2025, 6, 2)),
            window("ann", LocalDate.of(2025, 7, 1)),
            new Charge(user("ann"), nav, navOpens, navOpens.plusSeconds(24 * 3600), 0));

    PlanEvaluation e = PlanEvaluation.of(Plan.empty(USD), windows, YEAR_2025, history);

    assertThat(e.outcomes())
        .extracting(WindowOutcome::outcome, WindowOutcome::tokens)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(Outcome.UNCOVERED_NO_BALANCE, 7L),
            org.assertj.core.api.Assertions.tuple(Outcome.TOKENS, 0L),
            org.assertj.core.api.Assertions.tuple(Outcome.UNCOVERED_NOT_ON_FLEX, 0L));
    assertThat(e.tokensDrawn()).isZero();
  }

  @Test
  void seatsNobodyUsesAreReportedIdleOrUnassigned() {
    SeatHolding three =
        annual("S1", 3, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "ann", "bob");

    PlanEvaluation e =
        PlanEvaluation.of(
            Plan.empty(USD).withSeats(three), List.of(window("ann", LocalDate.of(2025, 5, 5))), YEAR_2025, BUNDLED);

    // seat 1: ann, used; seat 2: bob, never used; seat 3: nobody
    assertThat(e.seatGaps()).containsExactly(
        new SeatGap("S1", SeatGap.Gap.UNASSIGNED, 1, List.of()),
        new SeatGap("S1", SeatGap.Gap.IDLE, 1, List.of(user("bob"))));
  }

  @Test
  void aBundleSeatCoversTheProductsItIncludes() {
    dev.seatwise.domain.catalog.Catalog withBundle =
        new dev.seatwise.domain.catalog.Catalog(
            "Autodesk", USD, LocalDate.of(2025, 1, 1),
            dev.seatwise.domain.catalog.Catalog.FLEX_WINDOW,
            dev.seatwise.domain.catalog.MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
            BundledCatalogPrices.bundled().packs(),
            List.of(BundledCatalogPrices.autocad(7)),
            List.of(
                new dev.seatwise.domain.catalog.Bundle(
                    dev.seatwise.domain.catalog.ProductId.of("AECCOL"), "AEC Collection",
                    java.util.Set.of(ACD),
                    dev.seatwise.domain.catalog.Prices.annual(usd("3675.00")))));
    SeatHolding aec =
        new SeatHolding(
            "B1", dev.seatwise.domain.catalog.ProductId.of("AECCOL"), Term.ANNUAL,
            LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 1, usd("3675.00"),
            List.of(Assignee.throughout("ann")));

    PlanEvaluation e =
        PlanEvaluation.of(
            Plan.empty(USD).withSeats(aec), List.of(window("ann", LocalDate.of(2025, 5, 5))),
            YEAR_2025, CatalogHistory.of(withBundle));

    assertThat(e.outcomes()).extracting(WindowOutcome::outcome, WindowOutcome::holding)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.SEAT, "B1"));
  }

  @Test
  void renewalsArePricedAtTheVersionInForceOnEachRenewalDate() {
    // annual price 2,030.00 until 2025-06-30; the bundled AutoCAD at 2,400.00 from 2025-07-01
    dev.seatwise.domain.catalog.Catalog dearer =
        new dev.seatwise.domain.catalog.Catalog(
            "Autodesk", USD, LocalDate.of(2025, 7, 1),
            dev.seatwise.domain.catalog.Catalog.FLEX_WINDOW,
            dev.seatwise.domain.catalog.MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
            BundledCatalogPrices.bundled().packs(),
            List.of(
                new dev.seatwise.domain.catalog.Product(
                    ACD, "AutoCAD",
                    java.util.Optional.of(dev.seatwise.domain.catalog.Prices.annual(usd("2400.00"))),
                    java.util.Optional.of(7L), java.util.Optional.empty())),
            List.of());
    List<SeatHolding> terms =
        SeatHolding.renewals(
            "S", ACD, Term.ANNUAL, LocalDate.of(2025, 3, 1), LocalDate.of(2027, 3, 1), 2,
            List.of(), CatalogHistory.of(BundledCatalogPrices.bundled(), dearer));

    assertThat(terms).extracting(SeatHolding::id, SeatHolding::start, SeatHolding::pricePerSeat)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S", LocalDate.of(2025, 3, 1), usd("2030.00")),
            org.assertj.core.groups.Tuple.tuple("S#2", LocalDate.of(2026, 3, 1), usd("2400.00")));
  }

  @Test
  void seatsOfAnOfferingArePooledAcrossItsSubscriptions() {
    // two subscriptions of one AutoCAD seat each, the users listed on both: ann and bob share the
    // two seats (one on each); nobody is left over
    SeatHolding first = annual("S1", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "ann", "bob");
    SeatHolding second = annual("S2", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "ann", "bob");
    LocalDate day = LocalDate.of(2025, 3, 3);

    PlanEvaluation e =
        PlanEvaluation.of(
            Plan.empty(USD).withSeats(first, second),
            List.of(window("ann", day), window("bob", day)), YEAR_2025, BUNDLED);

    assertThat(e.outcomes()).extracting(WindowOutcome::holding).containsExactly("S1", "S2");
    assertThat(e.excessAssignees()).isEmpty();
    assertThat(e.seatGaps()).isEmpty();
  }

  @Test
  void anAssigneeIsSeatedOnceASeatFreesUp() {
    // one seat; ann assigned January to June, bob from March: bob is unseated March to June
    // (30 + 31 + 30 + 31 = 122 days), seated from 1 July
    SeatHolding one =
        new SeatHolding(
            "S1", ACD, Term.ANNUAL, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 1, usd("2030.00"),
            List.of(
                new Assignee(user("ann"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)),
                new Assignee(user("bob"), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 1, 1))));

    PlanEvaluation e =
        PlanEvaluation.of(
            Plan.empty(USD).withSeats(one),
            List.of(window("bob", LocalDate.of(2025, 6, 30)), window("bob", LocalDate.of(2025, 7, 1))),
            YEAR_2025, BUNDLED);

    assertThat(e.outcomes()).extracting(WindowOutcome::outcome)
        .containsExactly(Outcome.UNCOVERED_NO_BALANCE, Outcome.SEAT);
    assertThat(e.excessAssignees())
        .containsExactly(
            new ExcessAssignee(ACD, user("bob"), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30), 122));
  }

  /** The example of docs/embedding.md section 5, run. */
  @Test
  void embeddingGuidePlanExample() {
    dev.seatwise.domain.catalog.Catalog catalog = BundledCatalogPrices.bundled();
    CatalogHistory catalogs = CatalogHistory.of(catalog);
    PlanPeriod year = new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC);
    List<SeatHolding> acd =
        SeatHolding.renewals(
            "SUB-1", ACD, Term.ANNUAL, LocalDate.of(2024, 7, 1), LocalDate.of(2026, 7, 1), 2,
            List.of(Assignee.throughout("ann"), Assignee.throughout("bob")), catalogs);
    Instant mon8 = Instant.parse("2025-03-03T08:00:00Z");
    dev.seatwise.domain.usage.UsageLog usage =
        dev.seatwise.domain.usage.UsageLog.ofSessions(
            List.of(
                dev.seatwise.domain.usage.Session.of("ann", "ACD", mon8, mon8.plusSeconds(9 * 3600)),
                dev.seatwise.domain.usage.Session.of("cy", "ACD", mon8, mon8.plusSeconds(9 * 3600))));
    List<Charge> windows =
        new dev.seatwise.domain.metering.WindowedMeter()
            .meter(usage, dev.seatwise.domain.metering.MeterContext.of(catalog))
            .charges();
    TokenPurchaseSchedule buys =
        MixPlan.schedule(
            java.util.Map.of(user("cy"), java.util.Set.of(ACD)), windows, year, catalogs); // cy on Flex

    PlanEvaluation e =
        PlanEvaluation.of(
            Plan.empty(catalog.currency()).withSeats(acd).withLots(buys.lots("buy")), windows, year, catalogs);

    // two annual terms of 365 days, 2024-07-01 and 2025-07-01, at 2 seats x 2,030.00 = 4,060.00:
    // 181 days of the first fall in 2025 (4,060.00 x 181/365 = 2,013.315... -> 2,013.32) and 184
    // of the second (4,060.00 x 184/365 = 2,046.684... -> 2,046.68); cy's 7 tokens: one 500-pack
    // bought 2025-03-03, 1,500.00
    assertThat(e.lines()).extracting(CostLine::amount)
        .containsExactly(usd("2013.32"), usd("2046.68"), usd("1500.00"));
    assertThat(e.total()).isEqualTo(usd("5560.00"));
    assertThat(e.uncovered()).isEmpty();
    assertThat(e.seatGaps()).extracting(SeatGap::gap).containsExactly(SeatGap.Gap.IDLE, SeatGap.Gap.IDLE);
    assertThat(e.unusedTokens()).singleElement().satisfies(u -> assertThat(u.tokens()).isEqualTo(493));
  }
}
