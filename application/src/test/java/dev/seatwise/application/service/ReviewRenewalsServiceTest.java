package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.ACD;
import static dev.seatwise.application.service.AnalyticsFixtures.AEC;
import static dev.seatwise.application.service.AnalyticsFixtures.C3D;
import static dev.seatwise.application.service.AnalyticsFixtures.RVT;
import static dev.seatwise.application.service.AnalyticsFixtures.assigned;
import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static dev.seatwise.application.service.AnalyticsFixtures.daily;
import static dev.seatwise.application.service.AnalyticsFixtures.day;
import static dev.seatwise.application.service.AnalyticsFixtures.lot;
import static dev.seatwise.application.service.AnalyticsFixtures.session;
import static dev.seatwise.application.service.AnalyticsFixtures.subscription;
import static dev.seatwise.application.service.AnalyticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalAction.Kind;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.seatwise.domain.plan.IdleSeat;
import org.junit.jupiter.api.Test;

/**
 * Prices (see {@link AnalyticsFixtures}): ACD 2,030.00 at 7 tokens, RVT 2,985.00 at 10, C3D
 * 2,500.00 at 9, AEC 3,600.00; packs of 100 at 3.00 and 500 at 2.70. The review date is 1 March
 * 2025 and the history the year before it (365 days), replayed over 1 March 2025 to 1 March 2026;
 * today's plan buys its Flex tokens at once on the review date (the cheapest cover).
 */
class ReviewRenewalsServiceTest {

  /** A year of history: 1 March 2024 to 1 March 2025 is 365 days. */
  private static ReviewRenewalsQuery aYearTo1March2025() {
    return ReviewRenewalsQuery.of(day("2025-03-01"))
        .withHistory(PeriodSpec.of(day("2024-03-01"), day("2025-03-01"), ZoneOffset.UTC));
  }

  private static void addsUp(RenewalReview r) {
    Money sum = Money.zero(r.current().currency());
    for (RenewalAction a : r.actions()) {
      sum = sum.plus(a.saving());
    }
    assertThat(sum).isEqualTo(r.current().minus(r.target()));
  }

  @Test
  void unassignedIdleAndFlexSeatsAreDroppedAtRenewalWithNetSavingsThatAddUp() {
    // S-ACD holds 3 ACD seats to the review date (it renews then), assigned u2 and u3.
    // u2 used ACD on 20 days (140 tokens); u3 never. Today's plan renewed: 3 x 2,030.00 = 6,090.00.
    List<Session> s = daily("u2", ACD, "2024-06-01", "2024-06-21", 9, 8);
    Entitlements held =
        new Entitlements(
            List.of(subscription("S-ACD", ACD, 3, "2024-03-01", "2025-03-01", Optional.empty())),
            List.of(assigned("u2", ACD), assigned("u3", ACD)),
            List.of());
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), new InMemoryEntitlementsAdapter(held));

    RenewalReview review = service.review(aYearTo1March2025());

    assertThat(review.current()).isEqualTo(usd("6090.00"));
    assertThat(review.actions())
        .extracting(RenewalAction::kind, a -> a.user().map(UserId::value).orElse("-"),
            RenewalAction::saving, RenewalAction::actionableOn)
        .containsExactly(
            // the seat nobody holds: 2,030.00
            tuple(Kind.RECLAIM_UNASSIGNED_SEATS, "-", usd("2030.00"), day("2025-03-01")),
            // u2's seat (2,030.00) less her 140 tokens, bought at once as 2 packs of 100 at 3.00
            // (600.00): 1,430.00 net, not the seat's gross 2,030.00
            tuple(Kind.MOVE_TO_FLEX, "u2", usd("1430.00"), day("2025-03-01")),
            // u3 used nothing: 2,030.00
            tuple(Kind.REMOVE_IDLE_SEAT, "u3", usd("2030.00"), day("2025-03-01")));
    assertThat(review.target()).isEqualTo(usd("600.00"));
    assertThat(review.optimum()).isEqualTo(usd("600.00"));
    assertThat(review.runningTotals()).containsExactly(usd("4060.00"), usd("2630.00"), usd("600.00"));
    assertThat(review.actions().get(1).reason())
        .contains("[net saving 1430.00 = seats 2030.00 - tokens 600.00]");
    assertThat(review.notes())
        .anySatisfy(n -> assertThat(n).contains("1 seat(s) assigned to nobody, worth 2,030.00"));
    // --idle-days 30 (the default): u2 last used ACD on 20 June 2024, 253 whole days (21 June to
    // 28 February) before the history's end; u3 never in the 365 days
    assertThat(review.idleSeats())
        .containsExactly(
            new IdleSeat(UserId.of("u2"), ACD, Optional.of(day("2024-06-20")), 253),
            new IdleSeat(UserId.of("u3"), ACD, Optional.empty(), 365));
    assertThat(review.notes())
        .anySatisfy(n -> assertThat(n).startsWith(
            "2 of 2 named seat assignment(s) unused for 30 days or more before 2025-03-01"));
    addsUp(review);
  }

  @Test
  void anExpiredSubscriptionIsNotOfferedARenewal() {
    // S-OLD ended on 2025-01-01, before the review date: it is not renewed, so nothing about it
    // is an action (before, the seat was "dropped at renewal on 2025-03-01", which does not exist).
    List<Session> s = daily("u3", ACD, "2024-11-22", "2024-12-02", 9, 8);
    Entitlements held =
        new Entitlements(
            List.of(subscription("S-OLD", ACD, 1, "2024-01-01", "2025-01-01", Optional.empty())),
            List.of(assigned("u3", ACD)),
            List.of());
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), new InMemoryEntitlementsAdapter(held));

    RenewalReview review = service.review(aYearTo1March2025());

    assertThat(review.actions()).noneMatch(a -> a.reason().contains("S-OLD"));
    assertThat(review.actionsOf(Kind.REMOVE_IDLE_SEAT)).isEmpty();
    assertThat(review.notes())
        .anySatisfy(n -> assertThat(n).contains("S-OLD (ACD) expired on 2025-01-01").contains("not renewed"));
    addsUp(review);
  }

  @Test
  void usingTwoUnrelatedProductsOnOneDayIsNoDoubleCharge() {
    // The defect: u6 used ACD and RVT in overlapping windows on 30 days and was told to
    // stop using one of them. Nothing in the catalog covers the other, so there is no action.
    List<Session> s = new ArrayList<>();
    s.addAll(daily("u6", ACD, "2024-10-01", "2024-10-31", 9, 3));
    s.addAll(daily("u6", RVT, "2024-10-01", "2024-10-31", 10, 7));
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), InMemoryEntitlementsAdapter.none());

    assertThat(service.review(aYearTo1March2025()).actionsOf(Kind.RESTRICT_FLEX_PRODUCT)).isEmpty();
  }

  @Test
  void anLtWindowOpenedWhileAutoCadRunsIsADoubleCharge() {
    // The fixture catalog plus ACDLT (named 585.00, 2 tokens a window), with ACD covering ACDLT.
    // u10 (Flex) runs ACD 09:00-17:00 on 13 days (1-13 October 2024: 91 tokens) and ACDLT
    // 13:00-14:00 on 15 days (1-15 October: 30 tokens). The 13 LT windows of 1-13 October open
    // inside an ACD window (26 tokens, charged twice); those of 14 and 15 October open after the
    // 13th's ACD window closed (09:00 on the 14th): legitimate. 121 tokens at once: 2 packs of 100
    // = 600.00; without the 13: 95 tokens, 1 pack = 300.00: a saving of 300.00.
    ProductId lt = ProductId.of("ACDLT");
    Catalog base = AnalyticsFixtures.catalog();
    List<Product> products = new ArrayList<>(base.products());
    products.add(Product.of("ACDLT", "AutoCAD LT", usd("585.00"), 2));
    Catalog withLt =
        base.withOfferings(products, base.bundles()).withCovers(Covers.of(Map.of(ACD, Set.of(lt))));
    List<Session> s = new ArrayList<>();
    s.addAll(daily("u10", ACD, "2024-10-01", "2024-10-14", 9, 8));
    s.addAll(daily("u10", lt, "2024-10-01", "2024-10-16", 13, 1));
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), CatalogHistory.of(withLt), InMemoryEntitlementsAdapter.none());

    RenewalReview review = service.review(aYearTo1March2025());

    assertThat(review.current()).isEqualTo(usd("600.00"));
    assertThat(review.actions())
        .extracting(a -> a.kind(), a -> a.user().orElseThrow().value(), a -> a.offering().orElseThrow(),
            RenewalAction::saving)
        .containsExactly(tuple(Kind.RESTRICT_FLEX_PRODUCT, "u10", lt, usd("300.00")));
    assertThat(review.actions().get(0).reason())
        .startsWith("1 user(s) (u10) opened 13 ACDLT window(s) (26 tokens) while a window of ACD was open");
    // Without the covers pair the same usage is two legitimate charges.
    var withoutCovers =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s),
            CatalogHistory.of(withLt.withCovers(Covers.NONE)),
            InMemoryEntitlementsAdapter.none());
    assertThat(withoutCovers.review(aYearTo1March2025()).actionsOf(Kind.RESTRICT_FLEX_PRODUCT)).isEmpty();
  }

  @Test
  void aUserActiveThreeMonthsMovesOntoMonthlyTermsAsCompareHoldsThem() {
    // CompareTermsTest's catalog: AutoCAD 255.00 a month, 2,030.00 a year, 7 tokens; packs of 100
    // at 3.00 and 1,000 at 2.90. History 2025: ann uses AutoCAD every day, mo every day from 1
    // March to 31 May; nothing is held. Replayed over 2026 from the review date 1 January 2026:
    // today both are on Flex, (365 + 92) x 7 = 3,199 tokens bought at once as 3 x 1,000 + 2 x 100
    // = 8,700.00 + 600.00 = 9,300.00. compare's optimum holds ann on the common annual seat,
    // 2,030.00, and mo on three monthly terms from 1 March, 3 x 255.00 = 765.00: 2,795.00, and the
    // review buys exactly that on the review date (before: mo on an annual seat, 4,060.00).
    List<Session> sessions = new ArrayList<>(CompareTermsTest.daily("ann", "2025-01-01", "2026-01-01"));
    sessions.addAll(CompareTermsTest.daily("mo", "2025-03-01", "2025-06-01"));
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(sessions),
            CatalogHistory.of(CompareTermsTest.catalog()),
            InMemoryEntitlementsAdapter.none());

    RenewalReview review =
        service.review(
            ReviewRenewalsQuery.of(day("2026-01-01"))
                .withHistory(PeriodSpec.of(day("2025-01-01"), day("2026-01-01"), ZoneOffset.UTC)));

    assertThat(review.current()).isEqualTo(usd("9300.00"));
    assertThat(review.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Kind.MOVE_TO_NAMED);
              assertThat(a.users()).extracting(UserId::value).containsExactly("ann", "mo");
              assertThat(a.saving()).isEqualTo(usd("6505.00"));
              assertThat(a.reason())
                  .contains(
                      "buy 2 seat(s) from 2026-01-01 (ACD at 2030.00 per annual term, ACD on its"
                          + " own terms: 3 x monthly from 2026-03-01 at 255.00)");
            });
    assertThat(review.target()).isEqualTo(usd("2795.00"));
    assertThat(review.optimum()).isEqualTo(usd("2795.00"));
    addsUp(review);
  }
}
