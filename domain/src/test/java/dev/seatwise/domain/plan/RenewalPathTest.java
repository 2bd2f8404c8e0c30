package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.PathStep.Kind;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.usage.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The renewal path on hand-made plans, one kind of step each, worked by hand. Catalog: the
 * Autodesk-like fixture (AutoCAD 2,030.00 a year or 7 tokens a window, Revit 2,985.00 or 10 tokens,
 * the AEC Collection of both 3,675.00; packs of 100 at 3.00, 1,000 at 2.90, 5,000 at 2.60; tokens
 * valid a year). Review date 2025-01-01, period the year 2025: one purchase on the review date can
 * pay the whole period, so today's plan buys its Flex tokens at once then.
 */
class RenewalPathTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
  static final PlanPeriod YEAR = new PlanPeriod(AS_OF, LocalDate.of(2026, 1, 1), ZoneOffset.UTC);
  static final CatalogHistory CATALOG = CatalogHistory.of(LicensingFixtures.autodeskLikeCatalog());
  static final ProductId LT = ProductId.of("LT");

  static List<Charge> daily(String who, ProductId product, long rate, LocalDate first, int days) {
    List<Charge> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      Instant open = first.plusDays(i).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);
      out.add(new Charge(user(who), product, open, open.plus(Duration.ofHours(24)), rate));
    }
    return out;
  }

  /** One-year holding ending on the review date (so it renews then), with its assignees. */
  static SeatHolding renewing(String id, ProductId offering, long seats, String price, String... users) {
    List<Assignee> as = new ArrayList<>();
    for (String u : users) {
      as.add(Assignee.throughout(u));
    }
    return new SeatHolding(id, offering, Term.ANNUAL, AS_OF.minusYears(1), AS_OF, seats, usd(price), as);
  }

  static SeatHolding optimal(ProductId offering, String price, String... users) {
    return new SeatHolding(
        "opt-" + offering.value(), offering, Term.ANNUAL, AS_OF, AS_OF.plusYears(1), users.length, usd(price),
        java.util.Arrays.stream(users).map(Assignee::throughout).toList());
  }

  static RenewalPath path(Plan today, Plan optimum, List<Charge> windows) {
    return RenewalPath.of(today, optimum, windows, List.of(), YEAR, CATALOG);
  }

  static void addsUp(RenewalPath p) {
    assertThat(p.totalSaving()).isEqualTo(p.current().minus(p.target()));
    Money running = p.current();
    for (PathStep s : p.steps()) {
      running = running.minus(s.saving());
      assertThat(s.totalAfter()).isEqualTo(running);
      assertThat(s.saving().isPositive()).isTrue();
    }
  }

  @Test
  void seatsNobodyIsAssignedAreNotRenewed() {
    // ann uses AutoCAD 200 days: 1,400 tokens would cost 1 x 1000 x 2.90 + 4 x 100 x 3.00 = 4,100.00,
    // so her seat stays. S1 holds 3 seats: current 3 x 2,030.00 = 6,090.00; renewing 1 saves 4,060.00.
    Plan today = Plan.empty(USD).withSeats(renewing("S1", AUTOCAD, 3, "2030.00", "ann"));
    Plan best = Plan.empty(USD).withSeats(optimal(AUTOCAD, "2030.00", "ann"));

    RenewalPath p = path(today, best, daily("ann", AUTOCAD, 7, AS_OF, 200));

    assertThat(p.current()).isEqualTo(usd("6090.00"));
    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.RECLAIM_UNASSIGNED_SEATS);
      assertThat(s.on()).isEqualTo(AS_OF);
      assertThat(s.saving()).isEqualTo(usd("4060.00"));
    });
    assertThat(p.target()).isEqualTo(usd("2030.00"));
    assertThat(p.optimum()).isEqualTo(usd("2030.00"));
    assertThat(p.timingGap()).isEqualTo(usd("0.00"));
    addsUp(p);
  }

  @Test
  void anIdleSeatIsRemovedAndAFlexMoveSavesTheSeatLessItsTokens() {
    // bob never used AutoCAD: 2,030.00. cy used it 10 days: 70 tokens on Flex cost one pack of 100
    // at 3.00 = 300.00, so dropping her seat saves 2,030.00 - 300.00 = 1,730.00 net (not 2,030.00).
    Plan today = Plan.empty(USD).withSeats(renewing("S1", AUTOCAD, 2, "2030.00", "bob", "cy"));
    Plan best = Plan.empty(USD);

    RenewalPath p = path(today, best, daily("cy", AUTOCAD, 7, AS_OF, 10));

    assertThat(p.current()).isEqualTo(usd("4060.00"));
    assertThat(p.steps()).extracting(PathStep::kind)
        .containsExactly(Kind.MOVE_TO_FLEX, Kind.REMOVE_IDLE_SEAT);
    assertThat(p.steps()).extracting(PathStep::saving)
        .containsExactly(usd("1730.00"), usd("2030.00"));
    assertThat(p.target()).isEqualTo(usd("300.00"));
    addsUp(p);
  }

  @Test
  void aHeavyFlexUserMovesToANamedSeatOnTheReviewDate() {
    // dee: 200 AutoCAD windows = 1,400 tokens = 4,100.00 at once; a seat is 2,030.00: saves 2,070.00
    Plan best = Plan.empty(USD).withSeats(optimal(AUTOCAD, "2030.00", "dee"));

    RenewalPath p = path(Plan.empty(USD), best, daily("dee", AUTOCAD, 7, AS_OF, 200));

    assertThat(p.current()).isEqualTo(usd("4100.00"));
    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.MOVE_TO_NAMED);
      assertThat(s.on()).isEqualTo(AS_OF);
      assertThat(s.saving()).isEqualTo(usd("2070.00"));
    });
    addsUp(p);
  }

  @Test
  void aUserOfBothProductsMovesToTheBundleAndABundleHolderOfOneDropsIt() {
    // eve: AutoCAD seat + 100 Revit windows (1,000 tokens = 2,900.00) = 4,930.00; the collection is
    // 3,675.00: saves 1,255.00. fay: collection, AutoCAD only: 3,675.00 -> 2,030.00 saves 1,645.00.
    Plan today =
        Plan.empty(USD)
            .withSeats(
                renewing("S1", AUTOCAD, 1, "2030.00", "eve"),
                renewing("S2", AEC_COLLECTION, 1, "3675.00", "fay"));
    Plan best =
        Plan.empty(USD)
            .withSeats(optimal(AEC_COLLECTION, "3675.00", "eve"), optimal(AUTOCAD, "2030.00", "fay"));
    List<Charge> use = new ArrayList<>(daily("eve", AUTOCAD, 7, AS_OF, 200));
    use.addAll(daily("eve", REVIT, 10, AS_OF, 100));
    use.addAll(daily("fay", AUTOCAD, 7, AS_OF, 200));

    RenewalPath p = path(today, best, use);

    assertThat(p.current()).isEqualTo(usd("8605.00")); // 2,030 + 3,675 + 2,900
    assertThat(p.steps()).extracting(PathStep::kind)
        .containsExactly(Kind.MOVE_TO_BUNDLE, Kind.DROP_BUNDLE);
    assertThat(p.steps()).extracting(PathStep::saving)
        .containsExactly(usd("1255.00"), usd("1645.00"));
    assertThat(p.target()).isEqualTo(usd("5705.00"));
    assertThat(p.timingGap()).isEqualTo(usd("0.00"));
    addsUp(p);
  }

  @Test
  void anExpiredSubscriptionIsNotRenewedNorOfferedARenewal() {
    SeatHolding expired =
        new SeatHolding("OLD", AUTOCAD, Term.ANNUAL, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 10, 1), 1,
            usd("2030.00"), List.of(Assignee.throughout("gil")));
    SeatHolding lapsed =
        new SeatHolding("GONE", REVIT, Term.ANNUAL, LocalDate.of(2023, 4, 1), LocalDate.of(2024, 4, 1), 1,
            usd("2985.00"), List.of(Assignee.throughout("gil")));

    RenewalPath p = path(Plan.empty(USD).withSeats(expired, lapsed), Plan.empty(USD), List.of());

    assertThat(p.continuedPlan().seats()).isEmpty();
    assertThat(p.current()).isEqualTo(usd("0.00"));
    assertThat(p.steps()).isEmpty();
    assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("GONE").contains("expired on 2024-04-01"));
    assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("OLD").contains("before its term ends"));
  }

  @Test
  void seatsFreeUntilTheirRenewalGoToFlexUsersAndAreNotRenewed() {
    // S1 holds 2 AutoCAD seats from 2024-07-01 to 2025-07-01, one assigned (ann, 200 days of use).
    // ivy pays Flex for 10 January windows (70 tokens: one pack of 100 = 300.00): the free seat covers
    // her until 2025-07-01, saving 300.00. At the renewal 2 seats renew for 2025-07-01..2026-07-01
    // at 2,030.00 each, 184 of 365 days in 2025: 4,060.00 x 184 / 365 = 2,046.68 in the period;
    // renewing 1 saves 2,030.00 x 184 / 365 = 1,023.34.
    SeatHolding s1 =
        new SeatHolding("S1", AUTOCAD, Term.ANNUAL, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1), 2,
            usd("2030.00"), List.of(Assignee.throughout("ann")));
    Plan best = Plan.empty(USD).withSeats(optimal(AUTOCAD, "2030.00", "ann"));
    List<Charge> use = new ArrayList<>(daily("ann", AUTOCAD, 7, AS_OF, 200));
    use.addAll(daily("ivy", AUTOCAD, 7, AS_OF, 10));

    RenewalPath p = path(Plan.empty(USD).withSeats(s1), best, use);

    assertThat(p.steps()).extracting(PathStep::kind)
        .containsExactly(Kind.ASSIGN_UNASSIGNED_SEATS, Kind.RECLAIM_UNASSIGNED_SEATS);
    assertThat(p.steps()).extracting(PathStep::on).containsExactly(AS_OF, LocalDate.of(2025, 7, 1));
    assertThat(p.steps()).extracting(PathStep::saving).containsExactly(usd("300.00"), usd("1023.34"));
    // the target still pays S1's 2 seats for the 181 days of their term in 2025 (4,060.00 x 181 /
    // 365 = 2,013.32) and the renewed seat's 184 days (1,023.34): 3,036.66. The optimum, every
    // change on the review date, is ann's seat (2,030.00) and ivy on Flex (300.00): 2,330.00; the
    // dates cost 706.66 (the seat paid to 2025-07-01, less ivy's Flex it covers meanwhile).
    assertThat(p.target()).isEqualTo(usd("3036.66"));
    assertThat(p.optimum()).isEqualTo(usd("2330.00"));
    assertThat(p.timingGap()).isEqualTo(usd("706.66"));
    addsUp(p);
  }

  @Test
  void aTrueDoubleChargeIsAvoidedAndTwoUnrelatedProductsAreNot() {
    // gus opens AutoCAD LT (3 tokens) inside an open AutoCAD window; AutoCAD covers LT (catalog
    // covers). 14 AutoCAD windows (98 tokens) + the LT one (3) = 101 tokens: 2 packs of 100 = 600.00;
    // without the LT window 98 tokens: 1 pack = 300.00, saving 300.00. The same use with a Revit
    // window in its place (nothing covers Revit) is two legitimate charges: no step.
    Catalog c = LicensingFixtures.autodeskLikeCatalog();
    List<Product> products = new ArrayList<>(c.products());
    products.add(Product.of("LT", "AutoCAD LT", usd("600.00"), 3));
    Catalog withLt = c.withOfferings(products, c.bundles()).withCovers(Covers.of(Map.of(AUTOCAD, Set.of(LT))));
    List<Charge> use = new ArrayList<>(daily("gus", AUTOCAD, 7, AS_OF, 14));
    Instant inside = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(11 * 3600);
    Charge lt = new Charge(user("gus"), LT, inside, inside.plus(Duration.ofHours(24)), 3);
    use.add(lt);

    RenewalPath p = RenewalPath.of(Plan.empty(USD), Plan.empty(USD), use, List.of(), YEAR, CatalogHistory.of(withLt));

    assertThat(p.current()).isEqualTo(usd("600.00"));
    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.RESTRICT_FLEX_PRODUCT);
      assertThat(s.offering()).contains(LT);
      assertThat(s.avoided()).containsExactly(lt);
      assertThat(s.saving()).isEqualTo(usd("300.00"));
    });

    // the same use with a Revit window in place of LT: two legitimate charges, no step
    List<Charge> unrelated = new ArrayList<>(daily("gus", AUTOCAD, 7, AS_OF, 14));
    unrelated.add(new Charge(user("gus"), REVIT, inside, inside.plus(Duration.ofHours(24)), 10));
    assertThat(RenewalPath.of(Plan.empty(USD), Plan.empty(USD), unrelated, List.of(), YEAR, CatalogHistory.of(withLt)).steps())
        .isEmpty();
  }

  @Test
  void windowsOpenedInsideASessionPastADayAreIdleBurn() {
    // hal: 13 AutoCAD days (91 tokens) and one session of 30 h from 2025-03-01 09:00, which opens
    // a second window at 09:00 the next day: 15 windows, 105 tokens = 2 packs = 600.00; without the
    // idle one 98 tokens = 1 pack = 300.00.
    List<Charge> use = new ArrayList<>(daily("hal", AUTOCAD, 7, AS_OF, 13));
    List<Charge> longOne = daily("hal", AUTOCAD, 7, LocalDate.of(2025, 3, 1), 2);
    use.addAll(longOne);
    Instant from = longOne.get(0).start();
    Session thirty = new Session(user("hal"), AUTOCAD, from, from.plus(Duration.ofHours(30)));
    List<Charge> idle = RenewalPath.idleBurn(use, List.of(thirty), Duration.ofHours(24));
    assertThat(idle).containsExactly(longOne.get(1));

    RenewalPath p = RenewalPath.of(Plan.empty(USD), Plan.empty(USD), use, idle, YEAR, CATALOG);

    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.STOP_IDLE_SESSIONS);
      assertThat(s.saving()).isEqualTo(usd("300.00"));
    });
  }

  @Test
  void tokensBoughtWhenFirstNeededCostLessWhenPacksGetCheaper() {
    // From 2025-07-01 packs of 100 cost 2.00 a token. All 10 windows (70 tokens) are in August:
    // at once on 2025-01-01 one pack of 100 at 3.00 = 300.00; on schedule on 2025-08-01 at 2.00 = 200.00.
    Catalog first = LicensingFixtures.autodeskLikeCatalog();
    Catalog cheaper =
        new Catalog(first.vendor(), USD, LocalDate.of(2025, 7, 1), first.meter(), first.metering(),
            first.tokenExpiry(), List.of(pack(100, "2.00")), first.products(), first.bundles());
    RenewalPath p =
        RenewalPath.of(Plan.empty(USD), Plan.empty(USD), daily("joe", AUTOCAD, 7, LocalDate.of(2025, 8, 1), 10),
            List.of(), YEAR, CatalogHistory.of(first, cheaper));

    assertThat(p.current()).isEqualTo(usd("300.00"));
    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.SCHEDULE_TOKEN_PURCHASES);
      assertThat(s.saving()).isEqualTo(usd("100.00"));
    });
    assertThat(p.target()).isEqualTo(usd("200.00"));
  }

  @Test
  void aFlexUserOfTwoMonthsMovesOntoTheMonthlyTermsTheOptimumHoldsForThem() {
    // The bundled catalog's AutoCAD: 255.00 a month, 2,030.00 a year; packs of 500 at 3.00. eve
    // uses AutoCAD daily for 50 days from 3 March (to 21 April): 350 tokens, 1 x 500 = 1,500.00 on
    // Flex today. Her cheapest terms are two monthly ones from 1 March: 2 x 255.00 = 510.00 (an
    // annual seat, 2,030.00, would not pay). The path buys exactly those terms on the review date.
    CatalogHistory bundled = CatalogHistory.of(BundledCatalogPrices.bundled());
    List<Charge> windows = daily("eve", AUTOCAD, 7, LocalDate.of(2025, 3, 3), 50);
    Plan best =
        MixPlan.of(
            Map.of(AUTOCAD, List.of(user("eve"))),
            TermChoice.byUser(windows, Map.of(), YEAR, bundled),
            YEAR,
            bundled,
            TokenPurchaseSchedule.cheapest(List.of(), bundled, ZoneOffset.UTC));

    RenewalPath p = RenewalPath.of(Plan.empty(USD), best, windows, List.of(), YEAR, bundled);

    assertThat(p.current()).isEqualTo(usd("1500.00"));
    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.MOVE_TO_NAMED);
      assertThat(s.on()).isEqualTo(AS_OF);
      assertThat(s.saving()).isEqualTo(usd("990.00"));
      assertThat(s.reason()).contains("ACD on its own terms: 2 x monthly from 2025-03-01 at 255.00");
    });
    assertThat(p.target()).isEqualTo(usd("510.00"));
    assertThat(p.optimum()).isEqualTo(usd("510.00"));
    assertThat(p.timingGap()).isEqualTo(usd("0.00"));
    addsUp(p);
  }

  @Test
  void eachMissingArgumentIsNamedByBothOverloads() {
    Plan empty = Plan.empty(USD);
    List<Charge> none = List.of();
    List<Charge> noIdle = List.of();
    assertThatThrownBy(() -> RenewalPath.of(null, empty, none, noIdle, YEAR, CATALOG)).hasMessage("today");
    assertThatThrownBy(() -> RenewalPath.of(empty, null, none, noIdle, YEAR, CATALOG)).hasMessage("optimum");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, (List<Charge>) null, noIdle, YEAR, CATALOG))
        .hasMessage("windows");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, none, (List<Charge>) null, YEAR, CATALOG))
        .hasMessage("idleBurn");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, none, noIdle, null, CATALOG)).hasMessage("period");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, none, noIdle, YEAR, null)).hasMessage("catalogs");
    WindowTable table = WindowTable.of(none);
    int[] noPositions = {};
    assertThatThrownBy(() -> RenewalPath.of(null, empty, table, noPositions, YEAR, CATALOG)).hasMessage("today");
    assertThatThrownBy(() -> RenewalPath.of(empty, null, table, noPositions, YEAR, CATALOG)).hasMessage("optimum");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, (WindowTable) null, noPositions, YEAR, CATALOG))
        .hasMessage("windows");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, table, (int[]) null, YEAR, CATALOG))
        .hasMessage("idleBurn");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, table, noPositions, null, CATALOG)).hasMessage("period");
    assertThatThrownBy(() -> RenewalPath.of(empty, empty, table, noPositions, YEAR, null)).hasMessage("catalogs");
  }
}
