package dev.seatwise.application.service;

import static dev.seatwise.application.service.CompareTermsTest.daily;
import static dev.seatwise.application.service.CompareTermsTest.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.port.in.Scenario;
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
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A launch under the minimum billable duration (F7) opens no window but needs a seat: review's
 * optimum prices its user on the same terms as compare's optimal plan. AutoCAD here is not on Flex
 * (no token rate), so every user of it is named in the optimum: 255.00 a month, 2,030.00 a year.
 */
class ReviewLaunchesTest {

  static Catalog notOnFlex() {
    return new Catalog(
        "TestVendor", CompareTermsTest.USD, LocalDate.of(2024, 1, 1), Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
        List.of(new TokenPack(100, UnitPrice.of("3.00", "USD"))),
        List.of(
            new Product(
                ProductId.of("ACD"), "AutoCAD",
                Optional.of(
                    new Prices(Map.of(Term.MONTHLY, usd("255.00"), Term.ANNUAL, usd("2030.00")))),
                Optional.empty(), Optional.empty())),
        List.of());
  }

  @Test
  void aUserWhoseOnlyLaunchWasUnderFiveMinutesIsOnTheSameTermsInReviewsOptimumAsInCompare() {
    // 2025: ann uses AutoCAD every day (the common annual seat); sue launches it once, for 3
    // minutes on 3 March, opening no window. Compare's optimal plan: ann 2,030.00 + sue one
    // monthly term 255.00 = 2,285.00. Review of the same year as of 2026-01-01, nothing held:
    // its optimal mix must be the same 2,285.00 (it was 4,060.00: sue on the common annual seat,
    // because review chose terms from the windows alone). The target holds nothing (AutoCAD's
    // windows are paid by nothing), so the optimum shown is the target and a note gives the mix.
    List<Session> sessions = new ArrayList<>(daily("ann", "2025-01-01", "2026-01-01"));
    Instant shortLaunch = Instant.parse("2025-03-03T09:00:00Z");
    sessions.add(Session.of("sue", "ACD", shortLaunch, shortLaunch.plusSeconds(180)));
    CatalogHistory catalogs = CatalogHistory.of(notOnFlex());
    FakeUsagePort usage = new FakeUsagePort(ImportedUsage.of(UsageLog.ofSessions(sessions)));
    PeriodSpec year = PeriodSpec.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), ZoneOffset.UTC);

    Comparison c =
        new CompareScenariosService(usage, catalogs, new FakeEntitlementsPort(Entitlements.NONE))
            .compare(CompareScenariosQuery.of(year));
    assertThat(c.scenario(Scenario.OPTIMAL).orElseThrow().total()).isEqualTo(usd("2285.00"));

    RenewalReview review =
        new ReviewRenewalsService(usage, catalogs, new FakeEntitlementsPort(Entitlements.NONE))
            .review(ReviewRenewalsQuery.of(LocalDate.parse("2026-01-01")).withHistory(year));

    assertThat(review.notes())
        .anySatisfy(n -> assertThat(n).contains("the optimal mix with every change on the review date would cost 2285.00,"))
        // the target's 0.00 covers none of ann's 365 windows, and the note says so
        .anySatisfy(n -> assertThat(n).contains("the target leaves 365 more windows of use paid by nothing"));
  }
}
