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
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prices (see {@link AnalyticsFixtures}): ACD 2,030.00 at 7 tokens, RVT 2,985.00 at 10, AEC
 * 3,600.00; Flex at the best pack price, 2.70 a token. A window therefore costs 18.90 on ACD and
 * 27.00 on RVT.
 */
class ReviewRenewalsServiceTest {

  /** A year of history: 1 March 2024 to 1 March 2025 is 365 days, so no scaling to a year. */
  private static ReviewRenewalsQuery aYearTo1March2025() {
    return ReviewRenewalsQuery.of(day("2025-03-01"))
        .withHistory(PeriodSpec.of(day("2024-03-01"), day("2025-03-01"), ZoneOffset.UTC));
  }

  @Test
  void findsEveryKindOfActionAndOrdersThemBySaving() {
    List<Session> s = new ArrayList<>();
    // u1 (Flex): ACD on 120 days (1 June to 28 September 2024).
    s.addAll(daily("u1", ACD, "2024-06-01", "2024-09-29", 9, 8));
    // u2 (named ACD): 20 days in February 2025, last on 20 February.
    s.addAll(daily("u2", ACD, "2025-02-01", "2025-02-21", 9, 8));
    // u3 (named ACD): 10 days, last on 1 December 2024.
    s.addAll(daily("u3", ACD, "2024-11-22", "2024-12-02", 9, 8));
    // u4 (holds AEC): only RVT, 30 days from 15 January 2025.
    s.addAll(daily("u4", RVT, "2025-01-15", "2025-02-14", 9, 8));
    // u5 (Flex): ACD on 100 days, then RVT on 100 days, never in overlapping windows.
    s.addAll(daily("u5", ACD, "2024-06-01", "2024-09-09", 9, 8));
    s.addAll(daily("u5", RVT, "2024-09-09", "2024-12-18", 9, 8));
    // u6 (Flex): ACD 09:00-12:00 on 10 days, RVT 10:00-17:00 on 30 days from the same day: two
    // unrelated products, two legitimate charges a day (not a double charge).
    s.addAll(daily("u6", ACD, "2024-10-01", "2024-10-11", 9, 3));
    s.addAll(daily("u6", RVT, "2024-10-01", "2024-10-31", 10, 7));
    // u7 (Flex): one ACD session of 50 h: windows open at 09:00 on 10, 11 and 12 January.
    s.add(session("u7", ACD, "2025-01-10T09:00:00Z", "2025-01-12T11:00:00Z"));
    Entitlements held =
        new Entitlements(
            List.of(
                subscription("S-ACD", ACD, 3, "2024-07-01", "2025-06-30", Optional.empty()),
                subscription("S-AEC", AEC, 1, "2024-10-01", "2025-09-30", Optional.of(usd("3400.00")))),
            List.of(assigned("u2", ACD), assigned("u3", ACD), assigned("u4", AEC)),
            List.of(lot("A", "2024-05-15T00:00:00Z", 5000, "2.70", "2025-05-15T00:00:00Z")));
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), new InMemoryEntitlementsAdapter(held));

    RenewalReview review = service.review(aYearTo1March2025());

    assertThat(review.actions())
        .extracting(
            a -> a.kind().name(),
            a -> a.user().map(UserId::value).orElse("-"),
            a -> a.offering().map(Object::toString).or(a::lot).orElse("-"),
            RenewalAction::saving,
            RenewalAction::actionableOn)
        .containsExactly(
            // Flex burn (users without a covering seat): u1 120 x 7 = 840; u5 100 x 7 + 100 x 10
            // = 1,700; u6 10 x 7 + 30 x 10 = 370; u7 3 x 7 = 21; in all 2,931, all drawn from lot
            // A (bought before any of it): 5,000 - 2,931 = 2,069 left on 1 March. The mean burn,
            // 2,931 a year, spread over 1 March to 14 May (75 days) draws floor(2,931 x 75 / 365)
            // = 602, so 2,069 - 602 = 1,467 expire on 15 May: 1,467 x 2.70 = 3,960.90.
            tuple("USE_EXPIRING_LOT", "-", "A", usd("3960.90"), day("2025-03-01")),
            // u4 pays 3,400.00 (negotiated) for AEC but used only RVT: 30 x 10 = 300 tokens x
            // 2.70 = 810.00 on Flex (< named 2,985.00): 3,400.00 - 810.00 = 2,590.00 at renewal.
            tuple("DROP_BUNDLE", "u4", "AEC", usd("2590.00"), day("2025-09-30")),
            // u3 last used ACD on 1 December 2024: 31 + 31 + 28 = 90 days idle (>= 30).
            tuple("REMOVE_IDLE_SEAT", "u3", "ACD", usd("2030.00"), day("2025-06-30")),
            // u2: 20 x 7 = 140 tokens x 2.70 = 378.00 < 2,030.00: saves 1,652.00 at renewal.
            tuple("MOVE_TO_FLEX", "u2", "ACD", usd("1652.00"), day("2025-06-30")),
            // u5: ACD 700 x 2.70 = 1,890.00 (< 2,030.00) + RVT 1,000 x 2.70 = 2,700.00
            // (< 2,985.00) = 4,590.00 > AEC 3,600.00: saves 990.00, now.
            tuple("MOVE_TO_BUNDLE", "u5", "AEC", usd("990.00"), day("2025-03-01")),
            // u1: 840 x 2.70 = 2,268.00 > 2,030.00: saves 238.00, now.
            tuple("MOVE_TO_NAMED", "u1", "ACD", usd("238.00"), day("2025-03-01")),
            // u7: the 50 h session opened 2 windows after its first: 2 x 7 = 14 x 2.70 = 37.80.
            tuple("STOP_IDLE_SESSIONS", "u7", "ACD", usd("37.80"), day("2025-03-01")));
    assertThat(review.actionsOf(Kind.MOVE_TO_NAMED).get(0).reason())
        .isEqualTo(
            "u1 ACD: 120 windows x 7 tokens = 840 tokens ≈ 2,268.00 at 2.70/token > named 2,030.00"
                + " (break-even 107.4 windows a year): buy a named seat now");
    assertThat(review.actionsOf(Kind.REMOVE_IDLE_SEAT).get(0).reason())
        .contains("since 2024-12-01 (90 days >= 30)");
    assertThat(review.tokenPrice()).contains(AnalyticsFixtures.perToken("2.70"));
    assertThat(review.notes()).isEmpty();
  }

  @Test
  void scalesAShorterHistoryToAYear() {
    // 1 January to 15 March 2025 = 31 + 28 + 14 = 73 days, a fifth of a year.
    // u1 used ACD on 25 days: 25 x 7 = 175 tokens, x 365/73 = 875 a year x 2.70 = 2,362.50 >
    // 2,030.00, saving 332.50. u9 holds a C3D seat with no subscription on record and never used
    // it: idle since the history's start (73 days), saving the catalog's 2,500.00, date unknown.
    List<Session> s = daily("u1", ACD, "2025-01-10", "2025-02-04", 9, 8);
    Entitlements held = new Entitlements(List.of(), List.of(assigned("u9", C3D)), List.of());
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), new InMemoryEntitlementsAdapter(held));

    RenewalReview review =
        service.review(
            ReviewRenewalsQuery.of(day("2025-03-15"))
                .withHistory(PeriodSpec.of(day("2025-01-01"), day("2025-03-15"), ZoneOffset.UTC)));

    assertThat(review.actions())
        .extracting(RenewalAction::kind, RenewalAction::saving, RenewalAction::actionableOn)
        .containsExactly(
            tuple(Kind.REMOVE_IDLE_SEAT, usd("2500.00"), day("2025-03-15")),
            tuple(Kind.MOVE_TO_NAMED, usd("332.50"), day("2025-03-15")));
    assertThat(review.actions().get(0).reason())
        .contains("at least 73 days")
        .contains("renewal date unknown");
    assertThat(review.actions().get(1).reason())
        .contains("25 windows x 7 tokens = 175 tokens in 73 days, x 365/73 = 875.00 a year")
        .contains("2,362.50");
  }

  @Test
  void aSeatUsedWithinTheThresholdIsNotIdle() {
    // u2 used ACD on 1 February 2025 only: 28 days before 1 March, one under the threshold of
    // 29 days (with 28 the seat would be idle). 1 x 7 x 2.70 = 18.90 < 2,030.00: move to Flex.
    List<Session> s = daily("u2", ACD, "2025-02-01", "2025-02-02", 9, 8);
    Entitlements held =
        new Entitlements(
            List.of(subscription("S", ACD, 1, "2024-07-01", "2025-06-30", Optional.empty())),
            List.of(assigned("u2", ACD)),
            List.of());
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), new InMemoryEntitlementsAdapter(held));
    ReviewRenewalsQuery query = aYearTo1March2025();

    assertThat(service.review(query.withIdleDays(29)).actions())
        .extracting(RenewalAction::kind, RenewalAction::saving)
        .containsExactly(tuple(Kind.MOVE_TO_FLEX, usd("2011.10")));
    assertThat(service.review(query.withIdleDays(28)).actions())
        .extracting(RenewalAction::kind, RenewalAction::saving)
        .containsExactly(tuple(Kind.REMOVE_IDLE_SEAT, usd("2030.00")));
  }

  @Test
  void anExpiredSubscriptionIsNotOfferedARenewalDate() {
    // u3's ACD subscription ended on 2025-01-01, before the review's 1 March 2025; u3 last used
    // ACD on 1 December 2024 (90 days idle). Before, the seat was "dropped at renewal on
    // 2025-03-01", a renewal that does not exist; now there is no action, and a note says why.
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

    assertThat(review.actionsOf(Kind.REMOVE_IDLE_SEAT)).isEmpty();
    assertThat(review.actionsOf(Kind.MOVE_TO_FLEX)).isEmpty();
    assertThat(review.notes())
        .contains(
            "ACD: subscription S-OLD ended on 2025-01-01, before 2025-03-01, and none runs after it:"
                + " its seats are no longer held, so they get no renewal action");
  }

  @Test
  void bundleMovesAreTimedToTheSeatsTheyReplace() {
    List<Session> s = new ArrayList<>();
    // u8 holds named ACD (renews 30 June) and RVT (renews 31 August) and uses both every day of
    // the last 120 days (1 November 2024 to 28 February 2025).
    s.addAll(daily("u8", ACD, "2024-11-01", "2025-03-01", 9, 8));
    s.addAll(daily("u8", RVT, "2024-11-01", "2025-03-01", 9, 8));
    // u9 holds AEC (catalog 3,600.00, renews 31 May) and uses only C3D, on the last 110 days.
    s.addAll(daily("u9", C3D, "2024-11-11", "2025-03-01", 9, 8));
    Entitlements held =
        new Entitlements(
            List.of(
                subscription("S-ACD", ACD, 1, "2024-07-01", "2025-06-30", Optional.empty()),
                subscription("S-RVT", RVT, 1, "2024-09-01", "2025-08-31", Optional.empty()),
                subscription("S-AEC", AEC, 1, "2024-06-01", "2025-05-31", Optional.empty())),
            List.of(assigned("u8", ACD), assigned("u8", RVT), assigned("u9", AEC)),
            List.of());
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), catalogs(), new InMemoryEntitlementsAdapter(held));

    RenewalReview review = service.review(aYearTo1March2025());

    assertThat(review.actions())
        .extracting(
            RenewalAction::kind,
            a -> a.user().orElseThrow().value(),
            RenewalAction::saving,
            RenewalAction::actionableOn)
        .containsExactly(
            // u8: seats 2,030.00 + 2,985.00 = 5,015.00 > AEC 3,600.00; on Flex they would cost
            // more (120 x 7 x 2.70 = 2,268.00 > 2,030.00; 120 x 10 x 2.70 = 3,240.00 > 2,985.00),
            // so the cheaper per product is 5,015.00 too. Saving 1,415.00 once both seats end:
            // at the later renewal, 31 August.
            tuple(Kind.MOVE_TO_BUNDLE, "u8", usd("1415.00"), day("2025-08-31")),
            // u9: C3D on Flex 110 x 9 = 990 tokens x 2.70 = 2,673.00 > named 2,500.00, so the
            // named seat is the cheaper way out: 3,600.00 - 2,500.00 = 1,100.00 on 31 May.
            tuple(Kind.DROP_BUNDLE, "u9", usd("1100.00"), day("2025-05-31")));
    assertThat(review.actions().get(1).reason())
        .contains("named C3D 2,500.00 < Flex 2,673.00");
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
    // u10 (Flex) runs ACD 09:00-17:00 on 10 days (1-10 October 2024) and ACDLT 13:00-14:00 on the
    // same 10 days and on 5 more (11-15 October), when no ACD window is open. The 10 LT windows
    // opened inside an ACD window were charged twice: 10 x 2 = 20 tokens x 2.70 = 54.00 a year
    // (the history is one year). The 5 later LT windows are legitimate.
    ProductId lt = ProductId.of("ACDLT");
    Catalog base = AnalyticsFixtures.catalog();
    List<Product> products = new ArrayList<>(base.products());
    products.add(Product.of("ACDLT", "AutoCAD LT", usd("585.00"), 2));
    Catalog withLt =
        base.withOfferings(products, base.bundles()).withCovers(Covers.of(Map.of(ACD, Set.of(lt))));
    List<Session> s = new ArrayList<>();
    s.addAll(daily("u10", ACD, "2024-10-01", "2024-10-11", 9, 8));
    s.addAll(daily("u10", lt, "2024-10-01", "2024-10-16", 13, 1));
    var service =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s), CatalogHistory.of(withLt), InMemoryEntitlementsAdapter.none());

    RenewalReview review = service.review(aYearTo1March2025());

    assertThat(review.actions())
        .extracting(a -> a.kind(), a -> a.user().orElseThrow().value(), a -> a.offering().orElseThrow(),
            RenewalAction::saving)
        .containsExactly(tuple(Kind.RESTRICT_FLEX_PRODUCT, "u10", lt, usd("54.00")));
    assertThat(review.actions().get(0).reason())
        .isEqualTo(
            "u10 opened 10 of 15 ACDLT windows while a window of ACD was already open, and ACD covers"
                + " ACDLT (catalog): those 10 windows = 20 tokens ≈ 54.00 at 2.70/token were charged"
                + " twice; use ACD for that work (or remove ACDLT from u10's Flex products)");
    // Without the covers pair the same usage is two legitimate charges.
    var withoutCovers =
        new ReviewRenewalsService(
            InMemoryUsageAdapter.of(s),
            CatalogHistory.of(withLt.withCovers(Covers.NONE)),
            InMemoryEntitlementsAdapter.none());
    assertThat(withoutCovers.review(aYearTo1March2025()).actions()).isEmpty();
  }
}
