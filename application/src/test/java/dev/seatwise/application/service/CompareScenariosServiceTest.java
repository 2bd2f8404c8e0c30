package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.UnassignedSeats;
import dev.seatwise.application.port.in.UncoveredUse;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** End-to-end comparisons with every figure worked out by hand below. */
class CompareScenariosServiceTest {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);

  static Catalog catalog() {
    return new Catalog(
        "TestVendor",
        USD,
        LocalDate.of(2024, 1, 1),
        Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofMonths(12),
        List.of(
            new TokenPack(100, UnitPrice.of("3.00", "USD")),
            new TokenPack(1000, UnitPrice.of("2.90", "USD"))),
        List.of(
            Product.of("ACD", "AutoCAD", Money.of("2030.00", "USD"), 7)
                .withNetworkSeat(Money.of("2500.00", "USD")),
            Product.of("RVT", "Revit", Money.of("2985.00", "USD"), 10)),
        List.of(
            new Bundle(
                ProductId.of("AEC"),
                "AEC Collection",
                Set.of(ProductId.of("ACD"), ProductId.of("RVT")),
                Prices.annual(Money.of("3700.00", "USD")))));
  }

  /** One 09:00-17:00 UTC session on each of {@code days} consecutive days from Jan 1 2025. */
  static List<Session> daily(String user, String product, int days) {
    List<Session> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      Instant start = JAN1.plusDays(d).atTime(9, 0).toInstant(ZoneOffset.UTC);
      out.add(Session.of(user, product, start, start.plusSeconds(8 * 3600)));
    }
    return out;
  }

  static ImportedUsage usage() {
    List<Session> all = new ArrayList<>();
    all.addAll(daily("alice", "ACD", 10)); // 10 windows x 7 = 70 tokens
    all.addAll(daily("bob", "ACD", 365)); // 365 windows x 7 = 2555 tokens
    all.addAll(daily("carol", "ACD", 200)); // 200 x 7 = 1400 tokens
    all.addAll(daily("carol", "RVT", 200)); // 200 x 10 = 2000 tokens
    return ImportedUsage.of(UsageLog.ofSessions(all));
  }

  static Comparison compare(Entitlements held, CompareScenariosQuery query) {
    return new CompareScenariosService(
            new FakeUsagePort(usage()), CatalogHistory.of(catalog()), new FakeEntitlementsPort(held))
        .compare(query);
  }

  static final CompareScenariosQuery YEAR_2025 =
      CompareScenariosQuery.of(PeriodSpec.of(JAN1, LocalDate.of(2026, 1, 1), ZoneOffset.UTC));

  @Test
  void scenarioTotalsMatchHandWorkedFigures() {
    Comparison c = compare(Entitlements.NONE, YEAR_2025);

    assertThat(c.period().days()).isEqualTo(365);
    // all named: alice ACD 2030 + bob ACD 2030 + carol AEC bundle 3700 (< ACD+RVT 5015) = 7760
    assertThat(total(c, Scenario.ALL_NAMED)).isEqualTo(Money.of("7760.00", "USD"));
    // all flex: 70 + 2555 + 3400 = 6025 tokens -> 6 x 1000 @ 2900 + 1 x 100 @ 300 = 17700
    assertThat(total(c, Scenario.ALL_FLEX)).isEqualTo(Money.of("17700.00", "USD"));
    assertThat(c.scenario(Scenario.ALL_FLEX).orElseThrow().tokens()).hasValue(6025);
    // network: ACD peak 3 (all three on Jan 1-10) x 2500; RVT has no seat price
    assertThat(total(c, Scenario.NETWORK)).isEqualTo(Money.of("7500.00", "USD"));
    assertThat(c.scenario(Scenario.NETWORK).orElseThrow().seats()).containsEntry("ACD", 3L);
    // optimal: alice Flex 70 tokens -> one 100-pack 300; bob ACD named 2030; carol AEC 3700
    assertThat(total(c, Scenario.OPTIMAL)).isEqualTo(Money.of("6030.00", "USD"));
    assertThat(c.scenario(Scenario.OPTIMAL).orElseThrow().tokens()).hasValue(70);
    assertThat(c.scenario(Scenario.CURRENT)).isEmpty();
    assertThat(c.notes()).anyMatch(n -> n.contains("current is left out"));
  }

  @Test
  void eachUserGetsTheAssignmentAndReasonInNumbers() {
    Comparison c = compare(Entitlements.NONE, YEAR_2025);
    UserComparison alice = user(c, "alice");
    assertThat(alice.flex()).containsExactly(ProductId.of("ACD"));
    assertThat(alice.usage().get(0).windows()).isEqualTo(10);
    assertThat(alice.usage().get(0).daysUsed()).isEqualTo(10);
    assertThat(alice.usage().get(0).tokens()).isEqualTo(70);
    // 70 tokens x 2.90 (best pack price) = 203.00
    assertThat(alice.reason()).contains("ACD: 10 windows x 7 tokens = 70 tokens ~ 203.00").contains("-> Flex");
    // her share of the 300.00 purchase is all of it; saving 2030 - 300 = 1730
    assertThat(alice.cost()).isEqualTo(Money.of("300.00", "USD"));
    assertThat(alice.savings()).isEqualTo(Money.of("1730.00", "USD"));
    assertThat(user(c, "bob").named()).containsExactly(ProductId.of("ACD"));
    assertThat(user(c, "carol").bundles()).containsExactly(ProductId.of("AEC"));
    assertThat(user(c, "carol").reason()).contains("AEC covers ACD, RVT for 3700.00");
    // ordered by savings: alice saves 1730, bob and carol 0
    assertThat(c.users().get(0).user()).isEqualTo(UserId.of("alice"));
  }

  @Test
  void pinsAndTokenCapsConstrainTheOptimum() {
    var pinned =
        new CompareScenariosQuery(
            YEAR_2025.period(), Map.of(UserId.of("alice"), Pin.NAMED), Set.of(), OptionalLong.empty(), Map.of());
    // alice pinned to named: 2030 + 2030 + 3700 = 7760
    assertThat(total(compare(Entitlements.NONE, pinned), Scenario.OPTIMAL)).isEqualTo(Money.of("7760.00", "USD"));
    var capped =
        new CompareScenariosQuery(YEAR_2025.period(), Map.of(), Set.of(), OptionalLong.of(50), Map.of());
    // 70 tokens exceed a 50-token cap: alice must go named as well
    assertThat(total(compare(Entitlements.NONE, capped), Scenario.OPTIMAL)).isEqualTo(Money.of("7760.00", "USD"));
    var excluded =
        new CompareScenariosQuery(YEAR_2025.period(), Map.of(), Set.of(ProductId.of("ACD")), OptionalLong.empty(), Map.of());
    assertThat(total(compare(Entitlements.NONE, excluded), Scenario.OPTIMAL)).isEqualTo(Money.of("7760.00", "USD"));
  }

  @Test
  void currentPlanPricesSeatsHeldAndUncoveredUsage() {
    // 2 ACD seats for the year (alice, bob) at list: 2 x 2030 = 4060; carol is uncovered:
    // 3400 tokens -> 3 x 1000 @ 2900 + 4 x 100 @ 300 = 8700 + 1200 = 9900 (< 4 x 1000 = 11600)
    Entitlements held =
        new Entitlements(
            List.of(new Subscription("S1", ProductId.of("ACD"), 2, Term.ANNUAL, JAN1, LocalDate.of(2026, 1, 1), Optional.empty())),
            List.of(new SeatAssignment(UserId.of("alice"), ProductId.of("ACD")), new SeatAssignment(UserId.of("bob"), ProductId.of("ACD"))),
            List.of());
    Comparison c = compare(held, YEAR_2025);
    assertLinesSumToTotal(c);
    assertThat(total(c, Scenario.CURRENT)).isEqualTo(Money.of("13960.00", "USD"));
    assertThat(total(c, Scenario.OPTIMAL)).isLessThanOrEqualTo(total(c, Scenario.CURRENT));
  }

  @Test
  void proratesSubscriptionsToShorterPeriods() {
    // Jan 1 .. Apr 1 2025 = 90 days. bob: 90 windows x 7 = 630 tokens; alice 70; carol 90 x 17 = 1530.
    // all named: bob 2030 x 90/365 = 500.547.. -> 500.55; alice 500.55; carol AEC 3700 x 90/365 = 912.328.. -> 912.33
    var q = CompareScenariosQuery.of(PeriodSpec.of(JAN1, LocalDate.of(2025, 4, 1), ZoneOffset.UTC));
    Comparison c = compare(Entitlements.NONE, q);
    assertThat(c.period().days()).isEqualTo(90);
    assertThat(total(c, Scenario.ALL_NAMED)).isEqualTo(Money.of("1913.43", "USD"));
  }

  @Test
  void oneDayOfDataIsComparedOverTheYearThatEndsOnIt() {
    // alice uses AutoCAD on one day, 2025-03-03 09:00-17:00. The default period is the 365 days
    // that end on that day, [2024-03-04, 2025-03-04) (2024 is a leap year), not one day: a named
    // seat costs 2030.00 x 365/365 = 2030.00 (a one-day period made it 2030 x 1/365 = 5.56 and
    // "named" the cheapest), Flex 1 window x 7 = 7 tokens -> one 100-pack = 300.00.
    Instant mar3 = Instant.parse("2025-03-03T09:00:00Z");
    ImportedUsage oneDay =
        ImportedUsage.of(UsageLog.ofSessions(List.of(Session.of("alice", "ACD", mar3, mar3.plusSeconds(8 * 3600)))));
    Comparison c =
        new CompareScenariosService(
                new FakeUsagePort(oneDay), CatalogHistory.of(catalog()), new FakeEntitlementsPort(Entitlements.NONE))
            .compare(CompareScenariosQuery.of(PeriodSpec.DATA_SPAN_UTC));

    assertThat(c.period().from()).isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(c.period().to()).isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(c.period().days()).isEqualTo(365);
    assertThat(total(c, Scenario.ALL_NAMED)).isEqualTo(Money.of("2030.00", "USD"));
    assertThat(total(c, Scenario.OPTIMAL)).isEqualTo(Money.of("300.00", "USD"));
    assertThat(user(c, "alice").flex()).containsExactly(ProductId.of("ACD"));
    assertThat(c.notes())
        .anyMatch(n -> n.startsWith("usage data covers 1 of the period's 365 days (2025-03-03 to 2025-03-03, 0.3%)")
            && n.contains("nothing is extrapolated"));
  }

  @Test
  void aPeriodShorterThanAYearSaysItProRatesAnnualPrices() {
    var q = CompareScenariosQuery.of(PeriodSpec.of(JAN1, LocalDate.of(2025, 4, 1), ZoneOffset.UTC));
    assertThat(compare(Entitlements.NONE, q).notes())
        .anyMatch(n -> n.contains("the period is 90 days, shorter than a year: annual prices are pro-rated to 90/365"));
    assertThat(compare(Entitlements.NONE, YEAR_2025).notes()).noneMatch(n -> n.contains("pro-rated"));
  }

  static Subscription sub(String id, String offering, long seats, LocalDate start, LocalDate end) {
    return new Subscription(id, ProductId.of(offering), seats, Term.ANNUAL, start, end, Optional.empty());
  }

  static SeatAssignment seat(String user, String offering) {
    return new SeatAssignment(UserId.of(user), ProductId.of(offering));
  }

  static UncoveredUse uncovered(Comparison c, String user, String product) {
    return c.scenario(Scenario.CURRENT).orElseThrow().uncovered().stream()
        .filter(u -> u.user().value().equals(user) && u.product().value().equals(product))
        .findFirst().orElseThrow();
  }

  @Test
  void aSubscriptionEndingOnTheFirstOfJulyDoesNotCoverUseAfterIt() {
    // bob's one ACD seat runs 2024-07-01 to 2025-07-01: 181 days of 2025 (Jan 1 to Jul 1), 2030 x
    // 181/365 = 1006.657.. -> 1006.66. bob uses ACD every day: his 184 windows from Jul 1 to Dec 31
    // (31+31+30+31+30+31) x 7 = 1288 tokens are not covered (before, the seat covered them all).
    // Uncovered with alice's 70 and carol's 3400 (no seat): 4758 tokens -> 4 x 1000 @ 2.90 + 8 x 100
    // @ 3.00 = 11600 + 2400 = 14000 (< 5 x 1000 = 14500). Current = 1006.66 + 14000 = 15006.66.
    Entitlements held =
        new Entitlements(
            List.of(sub("S1", "ACD", 1, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1))),
            List.of(seat("bob", "ACD")),
            List.of());
    Comparison c = compare(held, YEAR_2025);
    assertLinesSumToTotal(c);

    assertThat(total(c, Scenario.CURRENT)).isEqualTo(Money.of("15006.66", "USD"));
    assertThat(c.scenario(Scenario.CURRENT).orElseThrow().tokens()).hasValue(4758);
    UncoveredUse bob = uncovered(c, "bob", "ACD");
    assertThat(bob.windows()).isEqualTo(184);
    assertThat(bob.tokens()).isEqualTo(1288);
    assertThat(bob.reason()).isEqualTo("after ACD's subscription ended on 2025-07-01");
    assertThat(c.notes()).contains("current: 184 windows of bob's ACD use: after ACD's subscription ended on 2025-07-01");
    assertThat(c.scenario(Scenario.CURRENT).orElseThrow().purchases())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.date()).isEqualTo(JAN1); // alice's and carol's first windows
          assertThat(p.tokens()).isEqualTo(4800);
          assertThat(p.cost()).isEqualTo(Money.of("14000.00", "USD"));
        });
  }

  @Test
  void threeUsersOnTwoSeatsLeaveOneUsersUseUncoveredAndReported() {
    // 2 ACD seats for the year, 3 users assigned in the order alice, bob, carol: carol has none.
    // Seats 2 x 2030 = 4060. Uncovered: carol's ACD 200 x 7 = 1400 (over-assigned) and RVT 200 x 10
    // = 2000 (no seat): 3400 tokens -> 3 x 1000 @ 2.90 + 4 x 100 @ 3.00 = 8700 + 1200 = 9900.
    // Current = 13960 (before, carol's ACD was covered too: 4060 + 2 x 1000 = 5800 -> 9860).
    Entitlements held =
        new Entitlements(
            List.of(sub("S1", "ACD", 2, JAN1, LocalDate.of(2026, 1, 1))),
            List.of(seat("alice", "ACD"), seat("bob", "ACD"), seat("carol", "ACD")),
            List.of());
    Comparison c = compare(held, YEAR_2025);
    assertLinesSumToTotal(c);

    assertThat(total(c, Scenario.CURRENT)).isEqualTo(Money.of("13960.00", "USD"));
    assertThat(uncovered(c, "carol", "ACD").windows()).isEqualTo(200);
    assertThat(uncovered(c, "carol", "ACD").tokens()).isEqualTo(1400);
    assertThat(uncovered(c, "carol", "ACD").reason()).isEqualTo("ACD has fewer seats than users assigned and carol has none");
    assertThat(uncovered(c, "carol", "RVT").tokens()).isEqualTo(2000);
    assertThat(uncovered(c, "carol", "RVT").reason()).isEqualTo("no seat assigned");
    assertThat(c.notes()).contains(
        "current: ACD has 2 seats and 3 users assigned; seated in the Users export's order, carol has no seat,"
            + " so their use is not covered by one");
    assertThat(total(c, Scenario.OPTIMAL)).isLessThanOrEqualTo(total(c, Scenario.CURRENT));
  }

  @Test
  void withTheUsersExportAloneTheSeatsAreAssumedAndPriced() {
    // no Subscriptions export: alice and bob on ACD, carol on AEC are assumed to hold a seat each for
    // the year: 2 x 2030 + 3700 = 7760, everyone covered (before: 0.00, "cheaper" than optimal)
    Entitlements held =
        new Entitlements(List.of(), List.of(seat("alice", "ACD"), seat("bob", "ACD"), seat("carol", "AEC")), List.of());
    Comparison c = compare(held, YEAR_2025);
    assertLinesSumToTotal(c);

    assertThat(total(c, Scenario.CURRENT)).isEqualTo(Money.of("7760.00", "USD"));
    assertThat(c.scenario(Scenario.CURRENT).orElseThrow().tokens()).isEmpty();
    assertThat(c.notes()).anyMatch(n -> n.startsWith("current: no Subscriptions export: assumed one seat per assigned user"));
    assertThat(total(c, Scenario.OPTIMAL)).isLessThanOrEqualTo(total(c, Scenario.CURRENT));
  }

  @Test
  void currentFlexUseDrawsOnTheLotsFirstAndIdleSeatsAreReported() {
    // bob ACD and carol AEC hold seats: 2030 + 3700; 2 RVT seats nobody is assigned: 2 x 2985 = 5970.
    // alice's 70 tokens (no seat) come from lot L1 (100 tokens, bought 2024-12-01, before the period:
    // not in its total); lot L2 (1000 tokens bought 2025-02-01 at 2.80 = 2800.00) is in it.
    // Current = 2030 + 3700 + 5970 + 2800 = 14500.00, nothing uncovered.
    LocalDate next = LocalDate.of(2026, 1, 1);
    Entitlements held =
        new Entitlements(
            List.of(sub("S1", "ACD", 1, JAN1, next), sub("S2", "AEC", 1, JAN1, next), sub("S3", "RVT", 2, JAN1, next)),
            List.of(seat("bob", "ACD"), seat("carol", "AEC")),
            List.of(
                new TokenLot("L1", Instant.parse("2024-12-01T00:00:00Z"), 100, UnitPrice.of("2.50", "USD"),
                    Instant.parse("2025-12-01T00:00:00Z")),
                new TokenLot("L2", Instant.parse("2025-02-01T00:00:00Z"), 1000, UnitPrice.of("2.80", "USD"),
                    Instant.parse("2026-02-01T00:00:00Z"))));
    Comparison c = compare(held, YEAR_2025);
    assertLinesSumToTotal(c);
    Scenario current = c.scenario(Scenario.CURRENT).orElseThrow();

    assertThat(current.total()).isEqualTo(Money.of("14500.00", "USD"));
    assertThat(current.uncovered()).isEmpty();
    assertThat(current.purchases()).isEmpty();
    assertThat(current.lines()).contains("Flex use without a seat: 70 tokens drawn from the lots (earliest expiry first)");
    assertThat(current.unassignedSeats()).containsExactly(new UnassignedSeats(ProductId.of("RVT"), 2, 0));
    assertThat(current.holdings()).contains(
        new Holding(Holding.TOKENS, "L1", 100, LocalDate.of(2024, 12, 1), LocalDate.of(2025, 12, 1)),
        new Holding(Holding.NAMED, "RVT", 2, JAN1, next, "annual"));
    assertThat(c.notes()).contains("current: 2 seats cover nobody (more seats held than users assigned): RVT 2 of 2");
  }

  @Test
  void tokensForTwoBurstsFourteenMonthsApartAreBoughtTwice() {
    // bob uses Revit (10 tokens a window) on 60 days from 2025-01-01 and on 60 days from 2026-03-01:
    // 600 tokens each. Bought at once, 1200 tokens would be 1 x 1000 @ 2.90 + 2 x 100 @ 3.00 = 3500,
    // but a pack expires 12 months after purchase: the first burst's lot is gone by March 2026. Each
    // burst needs 6 x 100 = 1800 (< 1 x 1000 = 2900), bought on its first day: 3600.00.
    // Named for the 485-day period [2025-01-01, 2026-05-01): 2985 x 485/365 = 3966.37 > 3600: Flex.
    List<Session> bursts = new ArrayList<>();
    for (LocalDate first : List.of(JAN1, LocalDate.of(2026, 3, 1))) {
      for (int d = 0; d < 60; d++) {
        Instant start = first.plusDays(d).atTime(9, 0).toInstant(ZoneOffset.UTC);
        bursts.add(Session.of("bob", "RVT", start, start.plusSeconds(8 * 3600)));
      }
    }
    Comparison c =
        new CompareScenariosService(
                new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(bursts))),
                CatalogHistory.of(catalog()),
                new FakeEntitlementsPort(Entitlements.NONE))
            .compare(CompareScenariosQuery.of(PeriodSpec.of(JAN1, LocalDate.of(2026, 5, 1), ZoneOffset.UTC)));

    for (String name : List.of(Scenario.ALL_FLEX, Scenario.OPTIMAL)) {
      Scenario sc = c.scenario(name).orElseThrow();
      assertThat(sc.total()).as(name).isEqualTo(Money.of("3600.00", "USD"));
      assertThat(sc.purchases()).extracting(p -> p.date() + " " + p.tokens() + " " + p.cost().amount())
          .as(name)
          .containsExactly("2025-01-01 600 1800.00", "2026-03-01 600 1800.00");
      assertThat(sc.lines()).anyMatch(l -> l.startsWith("Flex: 1200 tokens, bought in 2 purchases = 3600.00 (not at once for 3500.00: tokens expire 12 months"));
    }
    assertThat(c.notes()).anyMatch(n -> n.startsWith("optimal: the mix was optimised with its Flex tokens bought at once (3500.00)"));
  }

  @Test
  void withinAYearTheScheduleIsTheSinglePurchase() {
    // YEAR_2025: optimal buys alice's 70 tokens as one 100-pack on her first day, 300.00 as before
    Scenario optimal = compare(Entitlements.NONE, YEAR_2025).scenario(Scenario.OPTIMAL).orElseThrow();
    assertThat(optimal.purchases()).extracting(p -> p.date() + " " + p.tokens() + " " + p.cost().amount())
        .containsExactly("2025-01-01 100 300.00");
    assertThat(optimal.holdings()).contains(
        new Holding(Holding.NAMED, "ACD", 1, JAN1, LocalDate.of(2026, 1, 1), "annual"),
        new Holding(Holding.NAMED, "AEC", 1, JAN1, LocalDate.of(2026, 1, 1), "annual"));
  }

  @Test
  void aMonthlySubscriptionIsPricedAtTheMonthlyPriceNotAProRatedYear() {
    // ACD sells at 255.00 a month and 2030.00 a year. bob holds one monthly ACD seat for March 2025
    // (31 days): 255.00 x 31/31 = 255.00 (pro-rating the annual price gave 2030 x 31/365 = 172.41).
    Catalog monthly =
        new Catalog(
            "TestVendor", USD, LocalDate.of(2024, 1, 1), Catalog.FLEX_WINDOW, MeteringParameters.FLEX_DEFAULTS,
            Period.ofMonths(12), List.of(new TokenPack(100, UnitPrice.of("3.00", "USD"))),
            List.of(
                new Product(
                    ProductId.of("ACD"), "AutoCAD",
                    Optional.of(new Prices(Map.of(Term.MONTHLY, Money.of("255.00", "USD"), Term.ANNUAL, Money.of("2030.00", "USD")))),
                    Optional.of(7L), Optional.empty())),
            List.of());
    Entitlements held =
        new Entitlements(
            List.of(new Subscription("M1", ProductId.of("ACD"), 1, Term.MONTHLY, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), Optional.empty())),
            List.of(seat("bob", "ACD")),
            List.of());
    Comparison c =
        new CompareScenariosService(
                new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(daily("bob", "ACD", 365)))),
                CatalogHistory.of(monthly),
                new FakeEntitlementsPort(held))
            .compare(YEAR_2025);
    Scenario current = c.scenario(Scenario.CURRENT).orElseThrow();
    assertLinesSumToTotal(c);

    assertThat(current.lines()).contains("M1 ACD: 1 seat x 255.00 per monthly term x 31/31 days of the term (2025-03-01 to 2025-04-01) = 255.00");
    // bob's other windows are not covered: 59 before (Jan 31 + Feb 28), 275 after (365 - 90): 334 x 7
    // = 2338 tokens -> 24 x 100 = 7200.00
    assertThat(current.uncovered()).extracting(u -> u.windows() + " " + u.reason())
        .containsExactlyInAnyOrder("275 after ACD's subscription ended on 2025-04-01", "59 before ACD's subscription starts");
    assertThat(current.total()).isEqualTo(Money.of("7455.00", "USD"));
  }

  /** Every line of current that costs something ends "= amount"; the total is their sum. */
  static void assertLinesSumToTotal(Comparison c) {
    Scenario current = c.scenario(Scenario.CURRENT).orElseThrow();
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    java.util.regex.Pattern amount = java.util.regex.Pattern.compile("= (\\d+\\.\\d{2})$");
    for (String line : current.lines()) {
      java.util.regex.Matcher m = amount.matcher(line);
      if (m.find()) {
        sum = sum.add(new java.math.BigDecimal(m.group(1)));
      }
    }
    assertThat(sum).as("sum of %s", current.lines()).isEqualByComparingTo(current.total().amount());
  }

  static Money total(Comparison c, String name) {
    return c.scenario(name).orElseThrow().total();
  }

  static UserComparison user(Comparison c, String id) {
    return c.users().stream().filter(u -> u.user().value().equals(id)).findFirst().orElseThrow();
  }
}
