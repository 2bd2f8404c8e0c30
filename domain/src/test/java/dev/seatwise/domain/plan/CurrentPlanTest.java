package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.SeatMiss.Reason;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Today's plan evaluated, worked by hand. The catalog ({@code autodeskLikeCatalog}): AutoCAD
 * 2030.00 a year and 7 tokens a window, Revit 2985.00 and 10, the AEC Collection 3675.00; packs of
 * 100 at 3.00, 1000 at 2.90 and 5000 at 2.60 a token, valid 12 months.
 */
class CurrentPlanTest {
  static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);
  static final LocalDate JUL1 = LocalDate.of(2025, 7, 1);
  static final LocalDate NEXT_JAN1 = LocalDate.of(2026, 1, 1);
  static final PlanPeriod YEAR_2025 = new PlanPeriod(JAN1, NEXT_JAN1, ZoneOffset.UTC);
  static final CatalogHistory HISTORY = CatalogHistory.of(autodeskLikeCatalog());

  static Subscription annual(String id, ProductId offering, long seats, LocalDate start, LocalDate end) {
    return new Subscription(id, offering, seats, Term.ANNUAL, start, end, Optional.empty());
  }

  static SeatAssignment seat(String who, ProductId offering) {
    return new SeatAssignment(user(who), offering);
  }

  /** One window at 09:00 UTC on each of {@code days} days from {@code first}. */
  static List<Charge> daily(String who, ProductId product, LocalDate first, int days, long tokens) {
    List<Charge> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      Instant open = first.plusDays(d).atTime(9, 0).toInstant(ZoneOffset.UTC);
      out.add(new Charge(user(who), product, open, open.plusSeconds(24 * 3600), tokens));
    }
    return out;
  }

  static CurrentPlan evaluate(Entitlements held, List<Charge> windows) {
    return CurrentPlan.evaluate(HeldPlan.of(held, HISTORY, YEAR_2025, windows), windows, HISTORY);
  }

  @Test
  void aSubscriptionEndingMidPeriodCoversNoUseAfterItsEnd() {
    // bob's one AutoCAD seat runs 2024-07-01 to 2025-07-01 (one annual term): 181 of its 365 days
    // fall in 2025, 2030.00 x 181/365 = 1006.657.. -> 1006.66. bob uses AutoCAD every day of 2025:
    // the 181 windows to 30 June sit on the seat; the 184 from 1 July (31+31+30+31+30+31) are after
    // the end: 184 x 7 = 1288 tokens, bought as one purchase on 1 July: 1 x 1000 @ 2.90 + 3 x 100 @
    // 3.00 = 2900 + 900 = 3800.00 (< 2 x 1000 = 5800). Total 1006.66 + 3800.00 = 4806.66.
    Entitlements held =
        new Entitlements(
            List.of(annual("S1", AUTOCAD, 1, LocalDate.of(2024, 7, 1), JUL1)), List.of(seat("bob", AUTOCAD)), List.of());

    CurrentPlan c = evaluate(held, daily("bob", AUTOCAD, JAN1, 365, 7));

    assertThat(c.evaluation().outcomes()).filteredOn(o -> o.outcome() == Outcome.SEAT).hasSize(181);
    assertThat(c.evaluation().uncovered()).hasSize(184);
    assertThat(c.seatMisses()).hasSize(184).allSatisfy(m -> {
      assertThat(m.reason()).isEqualTo(Reason.AFTER_END);
      assertThat(m.offering()).isEqualTo(AUTOCAD);
      assertThat(m.date()).isEqualTo(JUL1);
    });
    assertThat(c.shortfallTokens()).isEqualTo(1288);
    assertThat(c.purchases()).singleElement().satisfies(p -> {
      assertThat(p.date()).isEqualTo(JUL1);
      assertThat(p.cost()).isEqualTo(usd("3800.00"));
    });
    assertThat(c.evaluation().total()).isEqualTo(usd("1006.66"));
    assertThat(c.total()).isEqualTo(usd("4806.66"));
  }

  @Test
  void threeUsersOnTwoSeatsLeaveTheLastListedUnseatedAndReported() {
    // 2 AutoCAD seats for 2025, assigned ann, bob, cat in that order: ann and bob sit, cat is
    // unseated every day. Each uses AutoCAD on 10 days: cat's 10 x 7 = 70 tokens are uncovered,
    // one 100-pack = 300.00. Seats 2 x 2030.00 = 4060.00; total 4360.00.
    Entitlements held =
        new Entitlements(
            List.of(annual("S1", AUTOCAD, 2, JAN1, NEXT_JAN1)),
            List.of(seat("ann", AUTOCAD), seat("bob", AUTOCAD), seat("cat", AUTOCAD)),
            List.of());
    List<Charge> windows = new ArrayList<>();
    for (String who : List.of("ann", "bob", "cat")) {
      windows.addAll(daily(who, AUTOCAD, JAN1, 10, 7));
    }

    CurrentPlan c = evaluate(held, windows);

    assertThat(c.evaluation().offeringSeats()).containsExactly(new OfferingSeatCount(AUTOCAD, 2, 3));
    assertThat(c.evaluation().excessAssignees())
        .containsExactly(new ExcessAssignee(AUTOCAD, user("cat"), JAN1, LocalDate.of(2025, 12, 31), 365));
    assertThat(c.seatMisses()).hasSize(10).allSatisfy(m -> {
      assertThat(m.reason()).isEqualTo(Reason.UNSEATED);
      assertThat(m.window().window().user()).isEqualTo(user("cat"));
    });
    assertThat(c.evaluation().seatHolders()).containsEntry("S1", List.of(user("ann"), user("bob")));
    assertThat(c.total()).isEqualTo(usd("4360.00"));
  }

  @Test
  void withOnlyTheUsersExportTheSeatsAreAssumedAndEveryoneIsCovered() {
    // ann and bob assigned AutoCAD, cat the AEC Collection, no Subscriptions export: assumed
    // (assumed) ACD 2 seats x 2030.00 + (assumed) AECCOL 1 x 3675.00 = 7735.00 for the year; cat's
    // Revit and AutoCAD use sits on the collection, nothing is bought.
    Entitlements held =
        new Entitlements(
            List.of(), List.of(seat("ann", AUTOCAD), seat("bob", AUTOCAD), seat("cat", AEC_COLLECTION)), List.of());
    List<Charge> windows = new ArrayList<>();
    windows.addAll(daily("ann", AUTOCAD, JAN1, 5, 7));
    windows.addAll(daily("cat", REVIT, JAN1, 5, 10));
    windows.addAll(daily("cat", AUTOCAD, JUL1, 5, 7));

    CurrentPlan c = evaluate(held, windows);

    assertThat(c.held().assumptions()).singleElement().asString().startsWith("no Subscriptions export");
    assertThat(c.evaluation().uncovered()).isEmpty();
    assertThat(c.seatMisses()).isEmpty();
    assertThat(c.purchases()).isEmpty();
    assertThat(c.total()).isEqualTo(usd("7735.00"));
  }

  @Test
  void lotsExpiringMidPeriodAreDrawnEarliestExpiryFirst() {
    // L-old: 100 tokens bought 2024-06-01 (before the period: not charged), expiring 2025-06-01.
    // L-new: 100 tokens bought 2025-02-01 at 2.50 = 250.00, expiring 2026-02-01.
    // ann uses AutoCAD on 20 days from 2025-05-20 (7 tokens each, 140 tokens): the 12 windows to 31
    // May draw L-old first (its expiry is earlier): 84 tokens, leaving 16 that expire unused on
    // 1 June; from 1 June L-old is gone and the 8 windows (56 tokens) draw L-new, leaving 44.
    // Nothing is uncovered: total 250.00.
    TokenLot old =
        new TokenLot("L-old", Instant.parse("2024-06-01T00:00:00Z"), 100, UnitPrice.of("2.40", "USD"),
            Instant.parse("2025-06-01T00:00:00Z"));
    TokenLot fresh =
        new TokenLot("L-new", Instant.parse("2025-02-01T00:00:00Z"), 100, UnitPrice.of("2.50", "USD"),
            Instant.parse("2026-02-01T00:00:00Z"));
    Entitlements held = new Entitlements(List.of(), List.of(), List.of(fresh, old));

    CurrentPlan c = evaluate(held, daily("ann", AUTOCAD, LocalDate.of(2025, 5, 20), 20, 7));

    assertThat(c.evaluation().tokensDrawn()).isEqualTo(140);
    assertThat(c.evaluation().unusedTokens())
        .containsExactlyInAnyOrder(
            new UnusedTokens("L-old", old.expires(), 16, true), new UnusedTokens("L-new", fresh.expires(), 44, false));
    assertThat(c.evaluation().tokensExpiredUnused()).isEqualTo(16);
    assertThat(c.evaluation().uncovered()).isEmpty();
    assertThat(c.seatMisses()).hasSize(20).allSatisfy(m -> assertThat(m.reason()).isEqualTo(Reason.NOT_ASSIGNED));
    assertThat(c.total()).isEqualTo(usd("250.00"));
  }

  @Test
  void useBeforeTheStartAndAnAssignmentWithoutASubscriptionAreToldApart() {
    // S1: one AutoCAD seat from 1 July 2025; ann uses AutoCAD on 3 days in June (before the start)
    // and Revit on 2 days, which her AEC Collection assignment would cover, but no subscription
    // holds the collection. 3 x 7 + 2 x 10 = 41 tokens -> one 100-pack, 300.00, bought 2025-06-01.
    // S1: 2030.00 x 184/365 days of its term in 2025 = 1023.34; total 1323.34.
    Entitlements held =
        new Entitlements(
            List.of(annual("S1", AUTOCAD, 1, JUL1, LocalDate.of(2026, 7, 1))),
            List.of(seat("ann", AUTOCAD), seat("ann", AEC_COLLECTION)),
            List.of());
    List<Charge> windows = new ArrayList<>(daily("ann", AUTOCAD, LocalDate.of(2025, 6, 1), 3, 7));
    windows.addAll(daily("ann", REVIT, LocalDate.of(2025, 6, 10), 2, 10));

    CurrentPlan c = evaluate(held, windows);

    assertThat(c.seatMisses()).extracting(m -> m.reason() + " " + m.offering() + " " + m.date())
        .containsExactly(
            "BEFORE_START ACD 2025-07-01", "BEFORE_START ACD 2025-07-01", "BEFORE_START ACD 2025-07-01",
            "NO_SUBSCRIPTION AECCOL 2025-06-10", "NO_SUBSCRIPTION AECCOL 2025-06-11");
    assertThat(c.shortfallTokens()).isEqualTo(41);
    assertThat(c.purchases()).singleElement().satisfies(p -> assertThat(p.date()).isEqualTo(LocalDate.of(2025, 6, 1)));
    assertThat(c.total()).isEqualTo(usd("1323.34"));
  }

  @Test
  void aCollectionCheckoutIsChargedItsOwnWindowTokensNotLeftUncovered() {
    // a checkout of the AEC Collection itself (the member that ran is not recorded): the meter
    // priced the window at 10 tokens (CollectionPricing); with no seat it draws those 10 from the
    // lot (before, PlanEvaluation found no product rate for AECCOL and left it uncovered)
    TokenLot lot =
        new TokenLot("L", Instant.parse("2025-01-01T00:00:00Z"), 100, UnitPrice.of("2.50", "USD"),
            Instant.parse("2026-01-01T00:00:00Z"));
    Entitlements held = new Entitlements(List.of(), List.of(), List.of(lot));

    CurrentPlan c = evaluate(held, daily("ann", AEC_COLLECTION, JAN1, 1, 10));

    assertThat(c.evaluation().outcomes()).singleElement().satisfies(o -> {
      assertThat(o.outcome()).isEqualTo(Outcome.TOKENS);
      assertThat(o.tokens()).isEqualTo(10);
    });
    assertThat(c.total()).isEqualTo(usd("250.00"));
  }

  @Test
  void useSpreadOverMoreThanAValidityIsBoughtInSeveralPurchases() {
    // nothing held but a subscription of Revit nobody uses; ann's AutoCAD use is 60 windows from
    // 2025-01-01 and 60 from 2026-03-01 over the period 2025-01-01..2026-05-01: 420 tokens each
    // burst. At once: 840 tokens = 9 x 100 = 2700.00, but a lot bought on 2025-01-01 expires
    // 2026-01-01: two purchases of 5 x 100 = 1500.00 each, 3000.00.
    PlanPeriod longer = new PlanPeriod(JAN1, LocalDate.of(2026, 5, 1), ZoneOffset.UTC);
    Entitlements held =
        new Entitlements(List.of(annual("R1", REVIT, 1, JAN1, NEXT_JAN1)), List.of(seat("bob", REVIT)), List.of());
    List<Charge> windows = new ArrayList<>(daily("ann", AUTOCAD, JAN1, 60, 7));
    windows.addAll(daily("ann", AUTOCAD, LocalDate.of(2026, 3, 1), 60, 7));

    CurrentPlan c = CurrentPlan.evaluate(HeldPlan.of(held, HISTORY, longer, windows), windows, HISTORY);

    assertThat(c.scheduled()).isTrue();
    assertThat(c.purchases()).extracting(p -> p.date() + " " + p.cost().amount())
        .containsExactly("2025-01-01 1500.00", "2026-03-01 1500.00");
    // R1: 2985.00 for its whole term in the period; idle seat reported by the evaluation
    assertThat(c.evaluation().seatGaps()).extracting(SeatGap::gap).containsExactly(SeatGap.Gap.IDLE);
    assertThat(c.total()).isEqualTo(usd("5985.00"));
  }
}
