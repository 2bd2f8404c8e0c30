package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
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
import org.junit.jupiter.api.Test;

/**
 * Monthly, annual and 3-year terms as options of the comparison (issue 12, item 5), worked by hand:
 * AutoCAD sells at 255.00 a month, 2,030.00 a year and 5,480.00 for three years, 7 tokens a
 * window; packs of 100 at 3.00 and 1,000 at 2.90 a token.
 */
class CompareTermsTest {
  static final Currency USD = Currency.getInstance("USD");

  static Catalog catalog() {
    return new Catalog(
        "TestVendor", USD, LocalDate.of(2024, 1, 1), Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
        List.of(
            new TokenPack(100, UnitPrice.of("3.00", "USD")),
            new TokenPack(1000, UnitPrice.of("2.90", "USD"))),
        List.of(
            new Product(
                ProductId.of("ACD"), "AutoCAD",
                Optional.of(
                    new Prices(
                        Map.of(
                            Term.MONTHLY, usd("255.00"),
                            Term.ANNUAL, usd("2030.00"),
                            Term.THREE_YEAR, usd("5480.00")))),
                Optional.of(7L), Optional.empty())),
        List.of());
  }

  /** One 09:00-17:00 UTC AutoCAD session on each day of {@code [from, to)}. */
  static List<Session> daily(String user, String from, String to) {
    List<Session> out = new ArrayList<>();
    for (LocalDate d = LocalDate.parse(from); d.isBefore(LocalDate.parse(to)); d = d.plusDays(1)) {
      Instant start = d.atTime(9, 0).toInstant(ZoneOffset.UTC);
      out.add(Session.of(user, "ACD", start, start.plusSeconds(8 * 3600)));
    }
    return out;
  }

  static Comparison compare(List<Session> sessions, String from, String to) {
    return new CompareScenariosService(
            new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(sessions))),
            CatalogHistory.of(catalog()),
            new FakeEntitlementsPort(Entitlements.NONE))
        .compare(
            CompareScenariosQuery.of(
                PeriodSpec.of(LocalDate.parse(from), LocalDate.parse(to), ZoneOffset.UTC)));
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static Scenario scenario(Comparison c, String name) {
    return c.scenario(name).orElseThrow();
  }

  static UserComparison user(Comparison c, String user) {
    return c.users().stream().filter(u -> u.user().equals(UserId.of(user))).findFirst().orElseThrow();
  }

  @Test
  void aUserWhoseOnlyLaunchWasUnderFiveMinutesIsPricedAllNamedOnOneMonthlyTerm() {
    // 2025. ann uses AutoCAD every day (the common annual seat, 2,030.00). sue launches it once,
    // for 3 minutes on 3 March: under the minimum billable duration (F7) it opens no window, so
    // Flex charges her nothing and the optimum leaves her on Flex (0.00). All-named must still
    // give her a seat to launch it: one monthly term from 1 March, 255.00, as any user active that
    // one day (it was the common annual seat, 2,030.00, because she opened no window).
    List<Session> sessions = new ArrayList<>(daily("ann", "2025-01-01", "2026-01-01"));
    Instant shortLaunch = Instant.parse("2025-03-03T09:00:00Z");
    sessions.add(Session.of("sue", "ACD", shortLaunch, shortLaunch.plusSeconds(180)));
    Comparison c = compare(sessions, "2025-01-01", "2026-01-01");

    assertThat(scenario(c, Scenario.ALL_NAMED).total()).isEqualTo(usd("2285.00"));
    assertThat(scenario(c, Scenario.ALL_NAMED).lines())
        .contains("ACD named: 1 seat monthly from 2025-03-01 at 255.00 = 255.00");
    assertThat(scenario(c, Scenario.OPTIMAL).total()).isEqualTo(usd("2030.00"));
    UserComparison sue = user(c, "sue");
    assertThat(sue.flex()).containsExactly(ProductId.of("ACD"));
    assertThat(sue.cost()).isEqualTo(usd("0.00"));
    assertThat(sue.allNamedCost()).isEqualTo(usd("255.00"));
  }

  @Test
  void aTokenUsageExportsRowsOfZeroTokensAreDaysUsedThatAllNamedGivesASeat() {
    // the Token Usage export alone: ann charged 7 tokens on 3 March and 0 on 5 March; sue only 0
    // on 4 March (launches under 5 minutes, F7: reported with 0 tokens, still usage). They were
    // dropped: sue was not a user at all and ann had 1 day used. Now sue is a user of AutoCAD with
    // no window (Flex 0.00, all-named one monthly term, 255.00) and ann has 2 days used
    LocalDate d3 = LocalDate.parse("2025-03-03");
    List<dev.seatwise.application.port.out.TokenUsage> rows =
        List.of(
            new dev.seatwise.application.port.out.TokenUsage(d3, UserId.of("ann"), ProductId.of("ACD"), 7),
            new dev.seatwise.application.port.out.TokenUsage(d3.plusDays(1), UserId.of("sue"), ProductId.of("ACD"), 0),
            new dev.seatwise.application.port.out.TokenUsage(d3.plusDays(2), UserId.of("ann"), ProductId.of("ACD"), 0),
            // a day with a charge and a row of 0 tokens is one day used, as before
            new dev.seatwise.application.port.out.TokenUsage(d3, UserId.of("ann"), ProductId.of("ACD"), 0));
    ImportedUsage charges =
        new ImportedUsage(
            UsageLog.ofSessions(List.of()), List.of(), List.of(), rows, List.of(), List.of(),
            dev.seatwise.application.port.out.ImportReport.EMPTY);
    Comparison c =
        new CompareScenariosService(
                new FakeUsagePort(charges),
                CatalogHistory.of(catalog()),
                new FakeEntitlementsPort(Entitlements.NONE))
            .compare(
                CompareScenariosQuery.of(
                    PeriodSpec.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), ZoneOffset.UTC)));

    UserComparison sue = user(c, "sue");
    assertThat(sue.usage()).singleElement().satisfies(u -> {
      assertThat(u.daysUsed()).isEqualTo(1);
      assertThat(u.windows()).isZero();
      assertThat(u.tokens()).isZero();
    });
    assertThat(sue.cost()).isEqualTo(usd("0.00"));
    assertThat(sue.allNamedCost()).isEqualTo(usd("255.00"));
    assertThat(user(c, "ann").usage()).singleElement().satisfies(u -> {
      assertThat(u.daysUsed()).isEqualTo(2);
      assertThat(u.windows()).isEqualTo(1);
    });
    assertThat(scenario(c, Scenario.ALL_NAMED).total()).isEqualTo(usd("510.00"));
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains(
        "2 user-product day(s) with only rows of 0 tokens (launches under 5 minutes, F7) are days used"));
  }

  @Test
  void aUserNamedBecauseTokensComeInPacksIsToldSoNotOnlyTheirTokensAtTheBestUnitPrice() {
    // bo opens AutoCAD on two days of March 2025: 2 windows x 7 = 14 tokens, 40.60 at the best
    // unit price (2.90), far below a monthly term (255.00). But nobody else is on Flex: the plan
    // would buy a whole pack of 100 for them, 300.00, so the optimum names them. The reason said
    // only "40.60 ... < named 255.00 -> named", which reads as a contradiction
    List<Session> sessions = new ArrayList<>(daily("bo", "2025-03-03", "2025-03-04"));
    sessions.addAll(daily("bo", "2025-03-10", "2025-03-11"));
    Comparison c = compare(sessions, "2025-01-01", "2026-01-01");

    UserComparison bo = user(c, "bo");
    assertThat(bo.named()).containsExactly(ProductId.of("ACD"));
    assertThat(bo.cost()).isEqualTo(usd("255.00"));
    assertThat(bo.reason())
        .startsWith("ACD: 2 windows x 7 tokens = 14 tokens ~ 40.60 at 2.9/token < named 255.00")
        .endsWith(", but bought in packs they would cost the plan 300.00 more -> named");
  }

  @Test
  void aUserActiveThreeMonthsIsNamedOnThreeMonthlyTermsAndAUserActiveAllYearStaysAnnual() {
    // 2025. ann uses AutoCAD every day: on Flex 365 windows x 7 = 2,555 tokens (> 7,000.00), named
    // the common annual seat, 2,030.00. mo uses it every day from 1 March to 31 May (92 days):
    // on Flex 92 x 7 = 644 tokens, at best 7 x 100 = 2,100.00; named at the annual price 2,030.00
    // (pro-rated over the year, as before: 2,030.00 x 365/365), on three monthly terms 1 March -
    // 1 June 3 x 255.00 = 765.00, the cheapest. Optimal = all-named = 2,030.00 + 765.00 = 2,795.00
    // (it was 4,060.00).
    List<Session> sessions = new ArrayList<>(daily("ann", "2025-01-01", "2026-01-01"));
    sessions.addAll(daily("mo", "2025-03-01", "2025-06-01"));
    Comparison c = compare(sessions, "2025-01-01", "2026-01-01");

    Scenario optimal = scenario(c, Scenario.OPTIMAL);
    assertThat(optimal.total()).isEqualTo(usd("2795.00"));
    assertThat(scenario(c, Scenario.ALL_NAMED).total()).isEqualTo(usd("2795.00"));
    assertThat(optimal.lines())
        .contains(
            "ACD named: 1 seat x 2030.00 (2030.00/yr x 365/365 days) = 2030.00",
            "ACD named: 1 seat monthly x 3 from 2025-03-01 at 255.00 = 765.00");
    assertThat(optimal.holdings())
        .containsExactly(
            new Holding(Holding.NAMED, "ACD", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "annual"),
            new Holding(Holding.NAMED, "ACD", 1, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 1), "monthly"));
    assertThat(optimal.optimality().orElseThrow().proven()).isTrue();
    UserComparison mo = user(c, "mo");
    assertThat(mo.named()).containsExactly(ProductId.of("ACD"));
    assertThat(mo.cost()).isEqualTo(usd("765.00"));
    assertThat(mo.allNamedCost()).isEqualTo(usd("765.00"));
    assertThat(mo.reason())
        .isEqualTo(
            "ACD: 92 windows x 7 tokens = 644 tokens ~ 1867.60 at 2.9/token >= named 765.00 (monthly"
                + " x 3 from 2025-03-01 at 255.00 = 765.00 for use 2025-03-01..2025-05-31, less than"
                + " the common annual seat (2030.00)) -> named");
    assertThat(user(c, "ann").cost()).isEqualTo(usd("2030.00"));
    assertThat(user(c, "ann").reason()).doesNotContain("monthly");
  }

  @Test
  void overThirtyMonthsOneThreeYearTermIsAttributedProRata() {
    // 1 Jan 2025 - 1 Jul 2027 (30 months, 911 days), ann every day: the common seat is three annual
    // terms, 3 x 2,030.00 = 6,090.00 bought (two whole, the third 181/365 days in the period:
    // 2,030.00 + 2,030.00 + 1,006.66 = 5,066.66 attributed); one 3-year term costs 5,480.00 bought
    // (< 2 x 2,030.00 + 6 x 255.00 = 5,590.00), 1,095 days of which 911 in the period:
    // 5,480.00 x 911/1,095 = 4,559.159... -> 4,559.16. Flex: 911 x 7 = 6,377 tokens, far dearer.
    Comparison c = compare(daily("ann", "2025-01-01", "2027-07-01"), "2025-01-01", "2027-07-01");

    Scenario optimal = scenario(c, Scenario.OPTIMAL);
    assertThat(optimal.total()).isEqualTo(usd("4559.16"));
    assertThat(optimal.lines())
        .contains(
            "ACD named: 1 seat three-year from 2025-01-01 at 5480.00, the term from 2025-01-01 pro"
                + " rata 911/1095 days = 4559.16");
    assertThat(optimal.holdings())
        .containsExactly(
            new Holding(Holding.NAMED, "ACD", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2028, 1, 1), "three-year"));
    assertThat(user(c, "ann").reason()).contains("three-year from 2025-01-01 at 5480.00 = 5480.00");
  }
}
