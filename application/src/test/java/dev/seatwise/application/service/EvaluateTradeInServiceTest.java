package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.ACD;
import static dev.seatwise.application.service.AnalyticsFixtures.assigned;
import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static dev.seatwise.application.service.AnalyticsFixtures.daily;
import static dev.seatwise.application.service.AnalyticsFixtures.day;
import static dev.seatwise.application.service.AnalyticsFixtures.subscription;
import static dev.seatwise.application.service.AnalyticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.application.LicensingException;
import dev.seatwise.application.port.in.EvaluateTradeInQuery;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.TradeInEvaluation;
import dev.seatwise.application.port.in.TradeInOption;
import dev.seatwise.application.port.in.TradeInOption.Choice;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.NetworkRetirement;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ACD: 7 tokens a window; packs of 100 at 300.00 and of 500 at 1,350.00 (AnalyticsFixtures). */
class EvaluateTradeInServiceTest {

  private static List<Session> acdFrom1March2024(String user, int days) {
    return daily(user, ACD, "2024-03-01", day("2024-03-01").plusDays(days).toString(), 9, 8);
  }

  private static EvaluateTradeInQuery query(
      String from, String to, long seats, String named, String maintenance) {
    return new EvaluateTradeInQuery(
        PeriodSpec.of(day(from), day(to), ZoneOffset.UTC), ACD, seats, usd(named), usd(maintenance));
  }

  @Test
  void tradingTwoSeatsForFourBeatsKeepingAndRetiringThem() {
    List<Session> s = new ArrayList<>();
    // Six network users over a year (1 March 2024 to 1 March 2025 = 365 days), each on ACD from
    // 1 March for 200, 150, 100, 60, 20 and 5 days: all six at once in the first five days.
    int[] days = {200, 150, 100, 60, 20, 5};
    for (int i = 0; i < days.length; i++) {
      s.addAll(acdFrom1March2024("u" + (i + 1), days[i]));
    }
    // u7 holds a named ACD seat: not a network user.
    s.addAll(acdFrom1March2024("u7", 300));
    var service =
        new EvaluateTradeInService(
            InMemoryUsageAdapter.of(s),
            catalogs(),
            new InMemoryEntitlementsAdapter(
                new Entitlements(List.of(), List.of(assigned("u7", ACD)), List.of())));

    TradeInEvaluation e =
        service.evaluate(query("2024-03-01", "2025-03-01", 2, "1100.00", "2600.00"));

    assertThat(e.users()).isEqualTo(6);
    assertThat(e.namedSeats()).isEqualTo(4);
    assertThat(e.peakConcurrency()).hasValue(6);
    assertThat(e.options())
        .extracting(TradeInOption::choice, TradeInOption::annualTotal)
        .containsExactly(
            // keep: 2 x 2,600.00 = 5,200.00, and the users above the 2 seats count too. Each day
            // all start at 09:00 and the seats go in user order: u1 and u2 take them, so refused
            // are u3..u6 on days 1-5 (4 x 5 = 20), u3..u5 on days 6-20 (3 x 15 = 45), u3, u4 on
            // days 21-60 (2 x 40 = 80) and u3 on days 61-100 (40): 185 sessions = 185 windows x 7
            // = 1,295 tokens -> 2 x 500 + 3 x 100 = 2,700.00 + 900.00 = 3,600.00 (3 x 500 =
            // 4,050.00; 1 x 500 + 8 x 100 = 3,750.00). 5,200.00 + 3,600.00 = 8,800.00.
            tuple(Choice.KEEP, usd("8800.00")),
            // trade in: 4 x 1,100.00 = 4,400.00 for u1..u4; u5 and u6 on Flex: (20 + 5) x 7 =
            // 175 tokens -> 2 x 100 = 600.00 (1 x 500 = 1,350.00); 4,400.00 + 600.00 = 5,000.00
            tuple(Choice.TRADE_IN, usd("5000.00")),
            // retire: (200 + 150 + 100 + 60 + 20 + 5) = 535 windows x 7 = 3,745 tokens ->
            // 7 x 500 + 3 x 100 = 3,800 for 9,450.00 + 900.00 = 10,350.00
            // (8 x 500 = 10,800.00; 6 x 500 + 8 x 100 = 10,500.00)
            tuple(Choice.RETIRE, usd("10350.00")));
    assertThat(e.cheapest().choice()).isEqualTo(Choice.TRADE_IN);
    assertThat(e.option(Choice.TRADE_IN).orElseThrow().reason())
        .contains("4 x 1,100.00 = 4,400.00")
        .contains("2 go on Flex: 25 windows x 7 tokens = 175 tokens, bought as 2 x 100 = 600.00");
    assertThat(e.notes()).anyMatch(n -> n.contains("peak concurrency 6 exceeds the 2"));
    assertThat(e.option(Choice.KEEP).orElseThrow().reason())
        .contains("2 seats would refuse 185 session(s), which go on Flex: 185 windows x 7 tokens"
            + " = 1,295 tokens, bought as");
    // the fixture catalog states no dates: everything is offered, as of the period's end
    assertThat(e.asOf()).isEqualTo(day("2025-03-01"));
    assertThat(e.eligibility()).contains("states no network retirement or trade-in dates");
  }

  /** The fixture catalog with Autodesk's dates (licensing-rules §4). */
  private static CatalogHistory withAutodeskDates() {
    return CatalogHistory.of(
        AnalyticsFixtures.catalog()
            .withNetworkRetirement(
                new NetworkRetirement(
                    Optional.of(day("2023-02-07")),
                    Optional.of(day("2020-08-07")),
                    Optional.of(day("2024-02-07")))));
  }

  @Test
  void keepAndTradeInAreOfferedOnlyWhileTheyCanBeBought() {
    // The defect: "keep" was the cheapest when neither keeping (renewals ended on
    // 2023-02-07) nor the trade-in (closed on 2024-02-07) could be bought any more. u1 used ACD
    // on 10 days of early 2025: 70 tokens in 73 days -> 350 a year -> 4 x 100 = 1,200.00.
    var service =
        new EvaluateTradeInService(
            InMemoryUsageAdapter.of(daily("u1", ACD, "2025-01-05", "2025-01-15", 9, 8)),
            withAutodeskDates(),
            InMemoryEntitlementsAdapter.none());
    EvaluateTradeInQuery q = query("2025-01-01", "2025-03-15", 1, "1000.00", "500.00");

    TradeInEvaluation today = service.evaluate(q);

    assertThat(today.asOf()).isEqualTo(day("2025-03-15"));
    assertThat(today.options()).extracting(TradeInOption::choice).containsExactly(Choice.RETIRE);
    assertThat(today.cheapest().annualTotal()).isEqualTo(usd("1200.00"));
    assertThat(today.eligibility())
        .isEqualTo(
            "as of 2025-03-15: network renewals ended on 2023-02-07 (keep is not possible); the"
                + " trade-in ran from 2020-08-07 until 2024-02-07 (closed)");
    assertThat(today.notes())
        .contains("keep is not offered: network subscriptions cannot be renewed since 2023-02-07"
            + " (as of 2025-03-15)");

    // Decided on 1 June 2022, the same usage could keep (500.00, the cheapest) or trade in.
    TradeInEvaluation then = service.evaluate(q.withAsOf(day("2022-06-01")));
    assertThat(then.options())
        .extracting(TradeInOption::choice, TradeInOption::annualTotal)
        .containsExactly(
            tuple(Choice.KEEP, usd("500.00")),
            tuple(Choice.TRADE_IN, usd("2000.00")),
            tuple(Choice.RETIRE, usd("1200.00")));
    assertThat(then.cheapest().choice()).isEqualTo(Choice.KEEP);
    // On 2023-06-01 renewals had ended but the trade-in was still open.
    assertThat(service.evaluate(q.withAsOf(day("2023-06-01"))).options())
        .extracting(TradeInOption::choice)
        .containsExactly(Choice.TRADE_IN, Choice.RETIRE);
  }

  @Test
  void aLightUserOnAShortPeriodIsCheapestRetiredToFlex() {
    // 1 January to 15 March 2025 = 73 days; u1 used ACD on 10 days: 70 tokens, x 365/73 = 350 a
    // year -> 4 x 100 = 1,200.00 (1 x 500 = 1,350.00). Keep: 1 x 1,500.00; trade: 2 x 1,000.00.
    var service =
        new EvaluateTradeInService(
            InMemoryUsageAdapter.of(daily("u1", ACD, "2025-01-05", "2025-01-15", 9, 8)),
            catalogs(),
            InMemoryEntitlementsAdapter.none());

    TradeInEvaluation e =
        service.evaluate(query("2025-01-01", "2025-03-15", 1, "1000.00", "1500.00"));

    assertThat(e.options())
        .extracting(TradeInOption::choice, TradeInOption::annualTotal)
        .containsExactly(
            tuple(Choice.KEEP, usd("1500.00")),
            tuple(Choice.TRADE_IN, usd("2000.00")),
            tuple(Choice.RETIRE, usd("1200.00")));
    assertThat(e.cheapest().choice()).isEqualTo(Choice.RETIRE);
    assertThat(e.cheapest().reason()).contains("70 tokens in 73 days, x 365/73 = 350 a year");
  }

  /** The short period of the test above: 1 January to 15 March 2025, 73 days. */
  private static TradeInEvaluation shortPeriod(Entitlements held, List<Session> sessions) {
    return new EvaluateTradeInService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held))
        .evaluate(query("2025-01-01", "2025-03-15", 1, "1000.00", "1500.00"));
  }

  @Test
  void aSubscriptionEndingMidPeriodNoLongerCoversItsUserAfterItsEnd() {
    // u1 uses ACD on 10 days (5 to 14 January) with no seat. u2 holds the one seat of S1, which
    // ends on 1 February 2025, and uses ACD on 21 days (20 January to 9 February): the 12 January
    // days are covered, the 9 February days are not. No two sessions overlap: peak 1.
    List<Session> s = new ArrayList<>(daily("u1", ACD, "2025-01-05", "2025-01-15", 9, 8));
    s.addAll(daily("u2", ACD, "2025-01-20", "2025-02-10", 9, 8));
    Entitlements held =
        new Entitlements(
            List.of(subscription("S1", ACD, 1, "2024-02-01", "2025-02-01", Optional.empty())),
            List.of(assigned("u2", ACD)),
            List.of());

    TradeInEvaluation e = shortPeriod(held, s);

    // network users: u1 (70 tokens) and u2 after the seat ended (9 x 7 = 63): 133 tokens in 73
    // days, x 365/73 = 665 a year -> 1 x 500 + 2 x 100 = 1,350.00 + 600.00 = 1,950.00 (7 x 100 =
    // 2,100.00; 2 x 500 = 2,700.00). Keep: 1 x 1,500.00 (peak 1); trade in: 2 x 1,000.00 for the
    // two users. (Before the dated seat rule u2's seat covered u2 whatever the dates: one user,
    // 70 tokens, x 5 = 350 a year, retire 4 x 100 = 1,200.00.)
    assertThat(e.users()).isEqualTo(2);
    assertThat(e.peakConcurrency()).hasValue(1);
    assertThat(e.options())
        .extracting(TradeInOption::choice, TradeInOption::annualTotal)
        .containsExactly(
            tuple(Choice.KEEP, usd("1500.00")),
            tuple(Choice.TRADE_IN, usd("2000.00")),
            tuple(Choice.RETIRE, usd("1950.00")));
    assertThat(e.option(Choice.RETIRE).orElseThrow().reason())
        .contains("19 windows x 7 tokens = 133 tokens in 73 days, x 365/73 = 665 a year");
    assertThat(e.notes())
        .anyMatch(
            n -> n.contains("12 of 31 windows are covered by seats")
                && n.contains("9 after their subscription ended")
                && n.contains("12 of 31 sessions start while a seat covers their user"));
  }

  @Test
  void threeUsersOnTwoSeatsLeaveTheThirdANetworkUser() {
    // S2 holds 2 ACD seats all period for u1, u2 and u3 (listed in that order): u1 and u2 are
    // seated, u3 is not. Each uses ACD on 10 days (5 to 14 January, 09:00-17:00, together); u4,
    // assigned nothing, on 10 later days (20 to 29 January).
    List<Session> s = new ArrayList<>();
    for (String u : List.of("u1", "u2", "u3")) {
      s.addAll(daily(u, ACD, "2025-01-05", "2025-01-15", 9, 8));
    }
    s.addAll(daily("u4", ACD, "2025-01-20", "2025-01-30", 9, 8));
    Entitlements held =
        new Entitlements(
            List.of(subscription("S2", ACD, 2, "2024-06-01", "2025-06-01", Optional.empty())),
            List.of(assigned("u1", ACD), assigned("u2", ACD), assigned("u3", ACD)),
            List.of());

    TradeInEvaluation e = shortPeriod(held, s);

    // network users: u3 and u4, never at once (peak 1): 20 windows x 7 = 140 tokens, x 365/73 =
    // 700 a year -> 1 x 500 + 2 x 100 = 1,950.00. Keep 1,500.00; trade in 2 x 1,000.00. (Before,
    // u3's assignment covered u3 although the two seats were taken: one user, retire 1,200.00.)
    assertThat(e.users()).isEqualTo(2);
    assertThat(e.peakConcurrency()).hasValue(1);
    assertThat(e.options())
        .extracting(TradeInOption::choice, TradeInOption::annualTotal)
        .containsExactly(
            tuple(Choice.KEEP, usd("1500.00")),
            tuple(Choice.TRADE_IN, usd("2000.00")),
            tuple(Choice.RETIRE, usd("1950.00")));
    assertThat(e.notes())
        .anyMatch(
            n -> n.contains("20 of 40 windows are covered by seats")
                && n.contains("10 beyond their offering's seats (more assignees than seats)"));
  }

  @Test
  void yearlyTokensAreRoundedUp() {
    // 1 token in 2 days: 365 / 2 = 182.5 -> 183; 7 tokens in 365 days: 7.
    assertThat(dev.seatwise.domain.tradein.TradeInAssessment.perYear(1, 2)).isEqualTo(183);
    assertThat(dev.seatwise.domain.tradein.TradeInAssessment.perYear(7, 365)).isEqualTo(7);
  }

  @Test
  void aProductTheCatalogDoesNotListIsAnApplicationFailure() {
    var service =
        new EvaluateTradeInService(
            InMemoryUsageAdapter.of(daily("u1", ACD, "2025-01-05", "2025-01-15", 9, 8)),
            catalogs(),
            InMemoryEntitlementsAdapter.none());
    EvaluateTradeInQuery q =
        new EvaluateTradeInQuery(
            PeriodSpec.DATA_SPAN_UTC, ProductId.of("MAYA"), 1, usd("1.00"), usd("1.00"));
    assertThatThrownBy(() -> service.evaluate(q))
        .isInstanceOf(LicensingException.class)
        .hasMessageContaining("MAYA");
    EvaluateTradeInQuery euro =
        new EvaluateTradeInQuery(
            PeriodSpec.DATA_SPAN_UTC, ACD, 1, Money.of("1.00", "EUR"), Money.of("1.00", "EUR"));
    assertThatThrownBy(() -> service.evaluate(euro))
        .isInstanceOf(LicensingException.class)
        .hasMessageContaining("EUR");
  }
}
