package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Today's plan from the exports, worked by hand. */
class HeldPlanTest {
  static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);
  static final LocalDate NEXT_JAN1 = LocalDate.of(2026, 1, 1);
  static final PlanPeriod YEAR_2025 = new PlanPeriod(JAN1, NEXT_JAN1, ZoneOffset.UTC);
  static final Catalog CATALOG = autodeskLikeCatalog(); // ACD 2030, RVT 2985, AECCOL 3675 a year
  static final CatalogHistory HISTORY = CatalogHistory.of(CATALOG);

  static Subscription sub(String id, ProductId offering, long seats, Term term, LocalDate start, LocalDate end) {
    return new Subscription(id, offering, seats, term, start, end, Optional.empty());
  }

  static SeatAssignment seat(String who, ProductId offering) {
    return new SeatAssignment(user(who), offering);
  }

  static Charge window(String who, ProductId product, LocalDate day, long tokens) {
    Instant open = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    return new Charge(user(who), product, open, open.plusSeconds(24 * 3600), tokens);
  }

  @Test
  void aRenewedSubscriptionIsOneHoldingPerTermAtThePriceInForceOnEachStart() {
    // AutoCAD is 2030.00 a year until 2025-07-01 and 2100.00 from then. S1 holds 2 seats from
    // 2024-07-01 to 2026-07-01: two annual terms, the first at 2030.00 (in force on 2024-07-01: the
    // first version, before any), the renewal on 2025-07-01 at 2100.00. Over 2025:
    //   S1   2 x 2030.00 x 181/365 days of its term = 734,860 / 365 = 2013.315.. -> 2013.32
    //   S1#2 2 x 2100.00 x 184/365 days of its term = 772,800 / 365 = 2117.260.. -> 2117.26
    Catalog july =
        new Catalog(
            CATALOG.vendor(), USD, LocalDate.of(2025, 7, 1), CATALOG.meter(), CATALOG.metering(),
            CATALOG.tokenExpiry(), CATALOG.packs(),
            List.of(Product.of("ACD", "AutoCAD", usd("2100.00"), 7), CATALOG.product(REVIT).orElseThrow()),
            CATALOG.bundles());
    Catalog january =
        new Catalog(
            CATALOG.vendor(), USD, JAN1, CATALOG.meter(), CATALOG.metering(), CATALOG.tokenExpiry(),
            CATALOG.packs(), CATALOG.products(), CATALOG.bundles());
    Entitlements held =
        new Entitlements(
            List.of(sub("S1", AUTOCAD, 2, Term.ANNUAL, LocalDate.of(2024, 7, 1), LocalDate.of(2026, 7, 1))),
            List.of(seat("ann", AUTOCAD), seat("bob", AUTOCAD)),
            List.of());

    HeldPlan p = HeldPlan.of(held, CatalogHistory.of(january, july), YEAR_2025);

    assertThat(p.plan().seats())
        .extracting(h -> h.id() + " " + h.start() + ".." + h.end() + " " + h.pricePerSeat().amount())
        .containsExactly("S1 2024-07-01..2025-07-01 2030.00", "S1#2 2025-07-01..2026-07-01 2100.00");
    assertThat(p.plan().seats().get(1).assignees())
        .containsExactly(Assignee.throughout("ann"), Assignee.throughout("bob"));
    PlanEvaluation e = PlanEvaluation.of(p.plan(), List.of(), YEAR_2025, CatalogHistory.of(january, july));
    assertThat(e.lines()).extracting(l -> l.amount().amount().toPlainString())
        .containsExactly("2013.32", "2117.26");
    assertThat(p.assumptions()).isEmpty();
    assertThat(p.omissions()).isEmpty();
  }

  @Test
  void monthlyRenewalsRunFromEachRenewalDate() {
    // monthly from 2024-01-30 to 2024-04-30: 01-30 + 1 month = 02-29 (leap year), 02-29 + 1 month =
    // 03-29, 03-29 + 1 month = 04-29, then one day to 04-30, billed as a whole month
    Entitlements held =
        new Entitlements(
            List.of(sub("M", REVIT, 1, Term.MONTHLY, LocalDate.of(2024, 1, 30), LocalDate.of(2024, 4, 30))),
            List.of(),
            List.of());

    HeldPlan p = HeldPlan.of(held, HISTORY, new PlanPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), ZoneOffset.UTC));

    assertThat(p.plan().seats()).extracting(h -> h.id() + " " + h.start() + ".." + h.end())
        .containsExactly("M 2024-01-30..2024-02-29", "M#2 2024-02-29..2024-03-29", "M#3 2024-03-29..2024-04-29",
            "M#4 2024-04-29..2024-04-30");
  }

  @Test
  void aNegotiatedPriceIsKeptAndScaledToTheTerm() {
    // negotiated 1800.00 a year: the annual subscription holds at 1800.00; a monthly one at
    // 1800.00 x 1/12 = 150.00 per month, said in the assumptions
    Entitlements held =
        new Entitlements(
            List.of(
                new Subscription("N1", AUTOCAD, 1, Term.ANNUAL, JAN1, NEXT_JAN1, Optional.of(usd("1800.00"))),
                new Subscription("N2", REVIT, 1, Term.MONTHLY, JAN1, LocalDate.of(2025, 2, 1), Optional.of(usd("1800.00")))),
            List.of(seat("ann", AUTOCAD), seat("ann", REVIT)),
            List.of());

    HeldPlan p = HeldPlan.of(held, HISTORY, YEAR_2025);

    assertThat(p.plan().seats()).extracting(h -> h.pricePerSeat()).containsExactly(usd("1800.00"), usd("150.00"));
    assertThat(p.assumptions())
        .containsExactly("subscription N2: its negotiated annual price 1800.00 taken as 150.00 per monthly term (x 1/12)");
  }

  @Test
  void aMonthlyTermTheCatalogDoesNotSellIsPricedFromTheAnnualPrice() {
    // the test catalog sells Revit only annually: a monthly term is 2985.00 x 1/12 = 248.75
    Entitlements held =
        new Entitlements(
            List.of(sub("M1", REVIT, 1, Term.MONTHLY, JAN1, LocalDate.of(2025, 2, 1))),
            List.of(seat("ann", REVIT)),
            List.of());

    HeldPlan p = HeldPlan.of(held, HISTORY, YEAR_2025);

    assertThat(p.plan().seats()).singleElement().satisfies(h -> assertThat(h.pricePerSeat()).isEqualTo(usd("248.75")));
    assertThat(p.assumptions())
        .containsExactly("subscription M1: the catalog has no monthly price for RVT; priced at its annual price x 1/12");
  }

  @Test
  void withTheUsersExportAloneEachAssignmentIsAssumedASeatForThePeriod() {
    // ann and bob on ACD, cat on AECCOL: (assumed) ACD 2 seats x 2030.00 + (assumed) AECCOL 1 x
    // 3675.00 = 7735.00 for 2025
    Entitlements held =
        new Entitlements(
            List.of(), List.of(seat("ann", AUTOCAD), seat("bob", AUTOCAD), seat("cat", AEC_COLLECTION)), List.of());

    HeldPlan p = HeldPlan.of(held, HISTORY, YEAR_2025);

    assertThat(p.plan().seats())
        .extracting(h -> h.id() + " " + h.seats() + " " + h.start() + ".." + h.end())
        .containsExactly("(assumed) ACD 2 2025-01-01..2026-01-01", "(assumed) AECCOL 1 2025-01-01..2026-01-01");
    assertThat(PlanEvaluation.of(p.plan(), List.of(), YEAR_2025, HISTORY).total()).isEqualTo(usd("7735.00"));
    assertThat(p.assumptions()).singleElement().asString().startsWith("no Subscriptions export: assumed one seat");
    assertThat(p.unheld()).isEmpty();
  }

  @Test
  void withTheSubscriptionsExportAloneTheHeaviestUsersAreAssumedSeated() {
    // one AECCOL seat and one ACD seat. Tokens: cat 3 RVT windows (30) + 1 ACD (7) = 37 on the
    // collection's products, ann 4 ACD (28), bob 2 ACD (14). The collection goes first, to cat
    // (37 > 28 > 14); cat's ACD is then not ranked for the ACD seat, which goes to ann (28 > 14).
    Entitlements held =
        new Entitlements(
            List.of(sub("S1", AUTOCAD, 1, Term.ANNUAL, JAN1, NEXT_JAN1), sub("S2", AEC_COLLECTION, 1, Term.ANNUAL, JAN1, NEXT_JAN1)),
            List.of(),
            List.of());
    List<Charge> windows = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      windows.add(window("ann", AUTOCAD, JAN1.plusDays(d), 7));
    }
    for (int d = 0; d < 2; d++) {
      windows.add(window("bob", AUTOCAD, JAN1.plusDays(d), 7));
    }
    for (int d = 0; d < 3; d++) {
      windows.add(window("cat", REVIT, JAN1.plusDays(d), 10));
    }
    windows.add(window("cat", AUTOCAD, JAN1, 7));

    HeldPlan p = HeldPlan.of(held, HISTORY, YEAR_2025, windows);

    assertThat(p.plan().seats()).extracting(h -> h.id() + " " + h.assignees())
        .containsExactly(
            "S1 " + List.of(Assignee.throughout("ann")), "S2 " + List.of(Assignee.throughout("cat")));
    assertThat(p.assumptions()).singleElement().asString().startsWith("no Users export: assumed each offering's seats");
    // without usage to rank by, nobody is seated, and it says so
    HeldPlan blind = HeldPlan.of(held, HISTORY, YEAR_2025);
    assertThat(blind.plan().seats()).allSatisfy(h -> assertThat(h.assignees()).isEmpty());
    assertThat(blind.assumptions()).containsExactly("no Users export and no usage to rank users by: assumed every seat unassigned");
  }

  @Test
  void lotsInAnotherCurrencyAreLeftOutAndAssignmentsWithoutASubscriptionHoldNothing() {
    TokenLot usdLot =
        new TokenLot("S1", Instant.parse("2025-02-01T00:00:00Z"), 100, UnitPrice.of("2.80", "USD"), Instant.parse("2026-02-01T00:00:00Z"));
    TokenLot eurLot =
        new TokenLot("E1", Instant.parse("2025-02-01T00:00:00Z"), 100, UnitPrice.of("2.50", "EUR"), Instant.parse("2026-02-01T00:00:00Z"));
    Entitlements held =
        new Entitlements(
            List.of(sub("S1", AUTOCAD, 1, Term.ANNUAL, JAN1, NEXT_JAN1)),
            List.of(seat("ann", AUTOCAD), seat("ann", AEC_COLLECTION)),
            List.of(usdLot, eurLot));

    HeldPlan p = HeldPlan.of(held, HISTORY, YEAR_2025);

    // the lot's id S1 is the subscription's: renamed to keep holding ids unique
    assertThat(p.plan().lots()).extracting(TokenLot::id).containsExactly("S1 (lot 2)");
    assertThat(p.omissions()).containsExactly("lot E1 is priced in EUR, not the catalog's USD; left out");
    assertThat(p.unheld()).containsExactly(seat("ann", AEC_COLLECTION));
    // ann's Revit use: her AECCOL assignment would cover it, but no subscription holds AECCOL
    assertThat(p.unheldOffering(user("ann"), REVIT, CATALOG)).contains(AEC_COLLECTION);
    assertThat(p.unheldOffering(user("bob"), REVIT, CATALOG)).isEmpty();
  }

  @Test
  void aSubscriptionHeldUnderNoPriceStillSeatsItsUsersAtZero() {
    // Revit sold on Flex only (no named price): S9's seat covers ann but costs nothing, said so
    Catalog noRevitPrice =
        new Catalog(
            CATALOG.vendor(), USD, CATALOG.effective(), CATALOG.meter(), CATALOG.metering(), CATALOG.tokenExpiry(),
            CATALOG.packs(),
            List.of(CATALOG.product(AUTOCAD).orElseThrow(),
                new Product(REVIT, "Revit", Optional.empty(), Optional.of(10L), Optional.empty())),
            List.of());
    Entitlements held =
        new Entitlements(
            List.of(sub("S9", REVIT, 1, Term.ANNUAL, JAN1, NEXT_JAN1)), List.of(seat("ann", REVIT)), List.of());

    HeldPlan p = HeldPlan.of(held, CatalogHistory.of(noRevitPrice), YEAR_2025);

    assertThat(p.plan().seats()).singleElement().satisfies(h -> {
      assertThat(h.pricePerSeat()).isEqualTo(Money.zero(USD));
      assertThat(h.assignees()).containsExactly(Assignee.throughout("ann"));
    });
    assertThat(p.omissions())
        .containsExactly("no price for subscription S9 (RVT); its seats cover their users but are left out of the total");
  }
}
