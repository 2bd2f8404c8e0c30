package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
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

  static Money total(Comparison c, String name) {
    return c.scenario(name).orElseThrow().total();
  }

  static UserComparison user(Comparison c, String id) {
    return c.users().stream().filter(u -> u.user().value().equals(id)).findFirst().orElseThrow();
  }
}
