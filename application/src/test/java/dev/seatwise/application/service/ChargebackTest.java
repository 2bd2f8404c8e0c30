package dev.seatwise.application.service;

import static dev.seatwise.application.service.CompareScenariosServiceTest.JAN1;
import static dev.seatwise.application.service.CompareScenariosServiceTest.YEAR_2025;
import static dev.seatwise.application.service.CompareScenariosServiceTest.catalog;
import static dev.seatwise.application.service.CompareScenariosServiceTest.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.Chargeback;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.GroupCost;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.out.GroupBy;
import dev.seatwise.application.port.out.OrganisationPort;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Chargeback on the three users of {@link CompareScenariosServiceTest} (alice 70 ACD tokens, bob
 * 2555 ACD tokens, carol 1400 ACD + 2000 RVT tokens), with alice and bob in team Arch and carol
 * in team Civil (cost centres: alice CC-1, the others none). Every split worked by hand below.
 */
class ChargebackTest {
  static final OrganisationPort ORG =
      (user, by) -> {
        if (by == GroupBy.COST_CENTRE) {
          return user.value().equals("alice") ? Optional.of("CC-1") : Optional.empty();
        }
        return Optional.of(user.value().equals("carol") ? "Civil" : "Arch");
      };

  static Comparison compare(Entitlements held, GroupBy by) {
    return new CompareScenariosService(
            new FakeUsagePort(usage()),
            CatalogHistory.of(catalog()),
            new FakeEntitlementsPort(held),
            MeterRegistry.standard(),
            ORG)
        .compare(YEAR_2025.withBreakdown(by));
  }

  @Test
  void everyScenarioIsSplitByTeamWorkedByHand() {
    Comparison c = compare(Entitlements.NONE, GroupBy.TEAM);

    Chargeback cb = c.chargeback().orElseThrow();
    assertThat(cb.by()).isEqualTo(GroupBy.TEAM);
    assertThat(cb.groups()).extracting(GroupCost::group).containsExactly("Arch", "Civil");
    // all-named: alice ACD 2030 + bob ACD 2030 = 4060 Arch; carol AEC 3700 Civil (total 7760)
    assertThat(amount(c, "Arch", Scenario.ALL_NAMED)).isEqualTo(usd("4060.00"));
    assertThat(amount(c, "Civil", Scenario.ALL_NAMED)).isEqualTo(usd("3700.00"));
    // all-flex: 17700.00 over 6025 tokens; Arch burned 70 + 2555 = 2625, Civil 3400.
    // in cents: 1,770,000 x 2625 / 6025 = 771,161.83 -> 771,161; x 3400 / 6025 = 998,838.17 ->
    // 998,838; 1 cent left goes to the larger remainder (.83, Arch): 7711.62 + 9988.38 = 17700.00
    assertThat(amount(c, "Arch", Scenario.ALL_FLEX)).isEqualTo(usd("7711.62"));
    assertThat(amount(c, "Civil", Scenario.ALL_FLEX)).isEqualTo(usd("9988.38"));
    // network: 3 ACD seats x 2500 = 7500 shared by ACD use: Arch 2625, Civil 1400 tokens (4025).
    // 750,000 x 2625 / 4025 = 489,130.43; x 1400 / 4025 = 260,869.57 -> the cent to Civil
    assertThat(amount(c, "Arch", Scenario.NETWORK)).isEqualTo(usd("4891.30"));
    assertThat(amount(c, "Civil", Scenario.NETWORK)).isEqualTo(usd("2608.70"));
    // optimal: alice Flex (a 100-pack, 300.00) + bob ACD 2030 = 2330 Arch; carol AEC 3700 Civil
    assertThat(amount(c, "Arch", Scenario.OPTIMAL)).isEqualTo(usd("2330.00"));
    assertThat(amount(c, "Civil", Scenario.OPTIMAL)).isEqualTo(usd("3700.00"));
    assertGroupsSumToTotals(c);
  }

  @Test
  void seatsGoToTheirHoldersAndSeatsNobodyHoldsAreUnassigned() {
    // S1: 3 ACD seats for the year, held by alice and bob: 3 x 2030 = 6090, of which 4060 Arch and
    // the third seat 2030 unassigned; carol is uncovered: 3400 tokens -> 9900.00, all Civil
    Entitlements held =
        new Entitlements(
            List.of(new Subscription("S1", ProductId.of("ACD"), 3, Term.ANNUAL, JAN1,
                LocalDate.of(2026, 1, 1), Optional.empty())),
            List.of(new SeatAssignment(UserId.of("alice"), ProductId.of("ACD")),
                new SeatAssignment(UserId.of("bob"), ProductId.of("ACD"))),
            List.of());
    Comparison c = compare(held, GroupBy.TEAM);

    assertThat(c.scenario(Scenario.CURRENT).orElseThrow().total()).isEqualTo(usd("15990.00"));
    assertThat(amount(c, "Arch", Scenario.CURRENT)).isEqualTo(usd("4060.00"));
    assertThat(amount(c, "Civil", Scenario.CURRENT)).isEqualTo(usd("9900.00"));
    assertThat(amount(c, Chargeback.UNASSIGNED, Scenario.CURRENT)).isEqualTo(usd("2030.00"));
    assertThat(c.chargeback().orElseThrow().groups()).extracting(GroupCost::group)
        .containsExactly("Arch", "Civil", Chargeback.UNASSIGNED);
    assertGroupsSumToTotals(c);
  }

  @Test
  void usersWithoutAGroupAreChargedToNone() {
    Comparison c = compare(Entitlements.NONE, GroupBy.COST_CENTRE);

    // optimal: alice 300.00 to CC-1; bob 2030 + carol 3700 to (none)
    assertThat(amount(c, "CC-1", Scenario.OPTIMAL)).isEqualTo(usd("300.00"));
    assertThat(amount(c, Chargeback.NO_GROUP, Scenario.OPTIMAL)).isEqualTo(usd("5730.00"));
    assertGroupsSumToTotals(c);
  }

  @Test
  void withoutABreakdownThereIsNoChargeback() {
    Comparison c =
        new CompareScenariosService(
                new FakeUsagePort(usage()), CatalogHistory.of(catalog()),
                new FakeEntitlementsPort(Entitlements.NONE), MeterRegistry.standard(), ORG)
            .compare(YEAR_2025);
    assertThat(c.chargeback()).isEmpty();
  }

  static void assertGroupsSumToTotals(Comparison c) {
    for (Scenario s : c.scenarios()) {
      Money sum = Money.zero(s.total().currency());
      for (GroupCost g : c.chargeback().orElseThrow().groups()) {
        sum = sum.plus(g.totals().get(s.name()));
      }
      assertThat(sum).as(s.name()).isEqualTo(s.total());
    }
  }

  static Money amount(Comparison c, String group, String scenario) {
    return c.chargeback().orElseThrow().groups().stream()
        .filter(g -> g.group().equals(group))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + group))
        .totals()
        .get(scenario);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

}
