package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.ACD;
import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static dev.seatwise.application.service.AnalyticsFixtures.daily;
import static dev.seatwise.application.service.AnalyticsFixtures.day;
import static dev.seatwise.application.service.AnalyticsFixtures.perToken;
import static dev.seatwise.application.service.AnalyticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.application.port.in.AnalyzeSensitivityQuery;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductBreakEven;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.SensitivityCase;
import dev.seatwise.application.port.in.SensitivityCase.Dimension;
import dev.seatwise.application.port.in.SensitivityReport;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One year (1 March 2024 to 1 March 2025, 365 days, so nothing is pro-rated). u1 uses ACD on 120
 * days (840 tokens), u2 on 20 days (140 tokens), never at the same time. ACD: named 2,030.00, 7
 * tokens a window, network seat 1,000.00; packs 100 x 3.00 = 300.00 and 500 x 2.70 = 1,350.00.
 */
class AnalyzeSensitivityServiceTest {

  private static SensitivityReport analyze() {
    List<Session> s = new ArrayList<>(daily("u1", ACD, "2024-06-01", "2024-09-29", 9, 8));
    s.addAll(daily("u2", ACD, "2025-01-05", "2025-01-25", 9, 8));
    var service =
        new AnalyzeSensitivityService(
            InMemoryUsageAdapter.of(s), catalogs(), InMemoryEntitlementsAdapter.none());
    List<BigDecimal> none = List.of();
    return service.analyze(
        new AnalyzeSensitivityQuery(
            CompareScenariosQuery.of(
                PeriodSpec.of(day("2024-03-01"), day("2025-03-01"), ZoneOffset.UTC)),
            List.of(BigDecimal.TEN),
            List.of(BigDecimal.valueOf(-50)),
            List.of(BigDecimal.valueOf(-50), BigDecimal.valueOf(50))));
  }

  private static List<Object> totals(SensitivityCase c) {
    return List.of(
        c.total(Scenario.ALL_NAMED).orElseThrow(),
        c.total(Scenario.ALL_FLEX).orElseThrow(),
        c.total(Scenario.NETWORK).orElseThrow(),
        c.total(Scenario.OPTIMAL).orElseThrow(),
        c.cheapest().orElseThrow(),
        c.windows());
  }

  private static List<Object> totals(
      String named, String flex, String network, String optimal, String cheapest, long windows) {
    return List.of(usd(named), usd(flex), usd(network), usd(optimal), cheapest, windows);
  }

  @Test
  void aNamedPriceChangeKeepsTheStatedFlexRateOfACollection() {
    // AEC checkouts at a stated 20 tokens a window: a change of named prices must carry the rate
    // (without it the checkouts are priced at the dearest member's, RVT's 10), so all-Flex stays
    dev.seatwise.domain.catalog.Catalog c = AnalyticsFixtures.catalog();
    dev.seatwise.domain.catalog.CatalogHistory rated =
        dev.seatwise.domain.catalog.CatalogHistory.of(
            c.withOfferings(
                c.products(), c.bundles().stream().map(b -> b.withFlexTokensPerDay(20)).toList()));
    List<Session> s = daily("u1", AnalyticsFixtures.AEC, "2024-06-01", "2024-07-01", 9, 8);
    SensitivityReport r =
        new AnalyzeSensitivityService(
                InMemoryUsageAdapter.of(s), rated, InMemoryEntitlementsAdapter.none())
            .analyze(
                new AnalyzeSensitivityQuery(
                    CompareScenariosQuery.of(
                        PeriodSpec.of(day("2024-03-01"), day("2025-03-01"), ZoneOffset.UTC)),
                    List.of(),
                    List.of(BigDecimal.valueOf(-50)),
                    List.of()));

    Scenario base = flex(r.baseline());
    assertThat(base.tokens().getAsLong()).isEqualTo(20 * r.baseline().windows()).isPositive();
    assertThat(flex(r.cases().get(0))).isEqualTo(base);
    // and so does the comparison at those prices run on its own (the usage replayed again)
    var halved =
        new CompareScenariosService(
                InMemoryUsageAdapter.of(s),
                PriceScaling.namedPrices(rated, new BigDecimal("0.5")),
                InMemoryEntitlementsAdapter.none())
            .compare(
                CompareScenariosQuery.of(
                    PeriodSpec.of(day("2024-03-01"), day("2025-03-01"), ZoneOffset.UTC)));
    assertThat(halved.scenarios()).contains(base);
  }

  private static Scenario flex(SensitivityCase c) {
    return c.scenarios().stream().filter(x -> x.name().equals(Scenario.ALL_FLEX)).findFirst().orElseThrow();
  }

  @Test
  void scenarioTotalsUnderEachChange() {
    SensitivityReport r = analyze();

    // Baseline. All named: 2 x 2,030.00. All Flex: 980 tokens -> 2 x 500 = 2,700.00 (1 x 500 +
    // 5 x 100 = 2,850.00). Network: peak 1 x 1,000.00. Optimal: u1 named 2,030.00 + u2's 140
    // tokens as 2 x 100 = 600.00 -> 2,630.00 (u1 Flex + u2 named: 2,550.00 + 2,030.00).
    assertThat(totals(r.baseline()))
        .isEqualTo(totals("4060.00", "2700.00", "1000.00", "2630.00", Scenario.OPTIMAL, 140));
    assertThat(r.cases())
        .extracting(SensitivityCase::dimension, c -> c.percent().intValueExact())
        .containsExactly(
            tuple(Dimension.TOKEN_PRICE, 10),
            tuple(Dimension.NAMED_PRICE, -50),
            tuple(Dimension.USAGE, -50),
            tuple(Dimension.USAGE, 50));
    // Tokens +10 %: packs 100 x 3.30 = 330.00, 500 x 2.97 = 1,485.00. All Flex: 2 x 1,485.00 =
    // 2,970.00. Optimal: 2,030.00 + 2 x 330.00 = 2,690.00.
    assertThat(totals(r.cases().get(0)))
        .isEqualTo(totals("4060.00", "2970.00", "1000.00", "2690.00", Scenario.OPTIMAL, 140));
    // Named -50 %: ACD 1,015.00. All named 2,030.00; optimal: u1 named 1,015.00 + 600.00 =
    // 1,615.00 (both named: 2,030.00). Network seats are not a named price: 1,000.00.
    assertThat(totals(r.cases().get(1)))
        .isEqualTo(totals("2030.00", "2700.00", "1000.00", "1615.00", Scenario.OPTIMAL, 140));
    // Usage -50 %: every second session kept: u1 60, u2 10 windows = 70 x 7 = 490 tokens -> 1 x
    // 500 = 1,350.00 (5 x 100 = 1,500.00); optimal is all Flex too (u1 named: 2,030.00 + 300.00);
    // on equal totals the earlier scenario (all-flex) is the cheapest.
    assertThat(totals(r.cases().get(2)))
        .isEqualTo(totals("4060.00", "1350.00", "1000.00", "1350.00", Scenario.ALL_FLEX, 70));
    // Usage +50 %: every second session repeated on the nearest free day: u1 180, u2 30 windows
    // = 210 x 7 = 1,470 tokens -> 3 x 500 = 4,050.00. Optimal: u1 named 2,030.00 + u2's 210
    // tokens as 3 x 100 = 900.00 = 2,930.00. The copies never meet: network peak still 1.
    assertThat(totals(r.cases().get(3)))
        .isEqualTo(totals("4060.00", "4050.00", "1000.00", "2930.00", Scenario.OPTIMAL, 210));
  }

  @Test
  void breakEvensFollowThePrices() {
    SensitivityReport r = analyze();
    // ACD at 2.70: 2,030.00 / (7 x 2.70 = 18.90) = 107.4074 windows a year; named pays from 108.
    assertThat(acd(r.baseline()))
        .isEqualTo(
            new ProductBreakEven(
                ACD, usd("2030.00"), 7, perToken("2.70"),
                Optional.of(new BigDecimal("107.4074")), java.util.OptionalLong.of(108)));
    // Tokens +10 %: 2,030.00 / (7 x 2.97 = 20.79) = 97.6431; from 98.
    assertThat(acd(r.cases().get(0)).windowsPerYear()).contains(new BigDecimal("97.6431"));
    assertThat(acd(r.cases().get(0)).namedPaysFrom()).hasValue(98);
    // Named -50 %: 1,015.00 / 18.90 = 53.7037; from 54.
    assertThat(acd(r.cases().get(1)).windowsPerYear()).contains(new BigDecimal("53.7037"));
    assertThat(acd(r.cases().get(1)).namedAnnual()).isEqualTo(usd("1015.00"));
    // Usage does not move a break-even.
    assertThat(acd(r.cases().get(2))).isEqualTo(acd(r.baseline()));
  }

  private static ProductBreakEven acd(SensitivityCase c) {
    return c.breakEvens().stream().filter(b -> b.product().equals(ACD)).findFirst().orElseThrow();
  }

  @Test
  void tokenPricesAreRoundedToTheirOwnDecimalsAtLeastTheCurrencys() {
    // 2.70 x 1.37 = 3.699 -> 3.70; 2.695 x 1.1 = 2.9645 -> 2.964 (half-even, 3 decimals kept)
    assertThat(PriceScaling.scaled(perToken("2.70"), new BigDecimal("1.37")))
        .isEqualTo(perToken("3.70"));
    assertThat(PriceScaling.scaled(perToken("2.695"), new BigDecimal("1.1")))
        .isEqualTo(perToken("2.964"));
  }

  @Test
  void namedPricesAreRoundedOncePerPriceToTheCent() {
    // 2,030.00 x 0.97 = 1,969.10; 2,985.00 x 0.97 = 2,895.45; 3,600.00 x 1.005 = 3,618.00;
    // 2,985.00 x 1.005 = 2,999.925 -> 2,999.92 (half-even).
    var down = PriceScaling.namedPrices(catalogs(), new BigDecimal("0.97")).latest();
    assertThat(down.requireProduct(ACD).namedUser().orElseThrow().annual()).isEqualTo(usd("1969.10"));
    var up = PriceScaling.namedPrices(catalogs(), new BigDecimal("1.005")).latest();
    assertThat(up.bundle(AnalyticsFixtures.AEC).orElseThrow().namedUser().annual())
        .isEqualTo(usd("3618.00"));
    Money rvt = up.requireProduct(AnalyticsFixtures.RVT).namedUser().orElseThrow().annual();
    assertThat(rvt).isEqualTo(usd("2999.92"));
  }
}
