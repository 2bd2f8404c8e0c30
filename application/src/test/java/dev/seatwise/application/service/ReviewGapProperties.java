package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.ACD;
import static dev.seatwise.application.service.AnalyticsFixtures.AEC;
import static dev.seatwise.application.service.AnalyticsFixtures.C3D;
import static dev.seatwise.application.service.AnalyticsFixtures.RVT;
import static dev.seatwise.application.service.AnalyticsFixtures.assigned;
import static dev.seatwise.application.service.AnalyticsFixtures.daily;
import static dev.seatwise.application.service.AnalyticsFixtures.day;
import static dev.seatwise.application.service.AnalyticsFixtures.subscription;
import static dev.seatwise.application.service.AnalyticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The review's optimum and target on short histories (1 to 45 days, replayed from 1 March 2025),
 * where terms run past the review period and are charged pro rata: the gap between them is never
 * negative, and the savings add up. The catalog sells monthly, annual and 3-year named terms (ACD
 * 255.00 / 2,030.00 / 5,480.00, RVT 365.00 / 2,985.00 / 8,060.00, C3D 300.00 / 2,500.00 /
 * 6,750.00; AEC 3,600.00 annual), Flex as {@link AnalyticsFixtures}.
 */
class ReviewGapProperties {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);
  private static final String MIX_NOTE = "the optimal mix with every change on the review date would cost";
  private static final List<ProductId> PRODUCTS = List.of(ACD, RVT, C3D);
  private static final List<ProductId> OFFERINGS = List.of(ACD, RVT, C3D, AEC);

  private static Prices prices(String monthly, String annual, String threeYear) {
    return new Prices(
        Map.of(Term.MONTHLY, usd(monthly), Term.ANNUAL, usd(annual), Term.THREE_YEAR, usd(threeYear)));
  }

  static CatalogHistory catalogs() {
    Catalog c = AnalyticsFixtures.catalog();
    List<Product> products =
        List.of(
            new Product(ACD, "AutoCAD", Optional.of(prices("255.00", "2030.00", "5480.00")),
                Optional.of(7L), Optional.empty()),
            new Product(RVT, "Revit", Optional.of(prices("365.00", "2985.00", "8060.00")),
                Optional.of(10L), Optional.empty()),
            new Product(C3D, "Civil 3D", Optional.of(prices("300.00", "2500.00", "6750.00")),
                Optional.of(9L), Optional.empty()));
    return CatalogHistory.of(c.withOfferings(products, c.bundles()));
  }

  private static RenewalReview review(int days, List<Session> sessions, Entitlements held) {
    return new ReviewRenewalsService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held))
        .review(
            ReviewRenewalsQuery.of(AS_OF)
                .withHistory(PeriodSpec.of(AS_OF.minusDays(days), AS_OF, ZoneOffset.UTC)));
  }

  /** A history: its days, and heavy users (a product every day of a stretch) beside random sessions. */
  private record History(int days, List<Session> sessions) {}

  private static Gen<History> histories() {
    return integers()
        .between(1, 45)
        .flatMap(
            days -> {
              LocalDate from = AS_OF.minusDays(days);
              Gen<List<Session>> heavy =
                  lists()
                      .of(
                          integers().between(0, 3).zip(
                              Generate.pick(PRODUCTS),
                              integers().between(0, days - 1),
                              integers().between(1, days),
                              (u, p, first, length) ->
                                  daily("u" + u, p, from.plusDays(first).toString(),
                                      from.plusDays(Math.min(days, first + length)).toString(), 9, 8)))
                      .ofSizeBetween(0, 3)
                      .map(ls -> ls.stream().flatMap(List::stream).toList());
              return heavy.zip(
                  AnalyticsGens.usage(from, days, 4, 20),
                  (h, r) -> {
                    List<Session> all = new ArrayList<>(h);
                    all.addAll(r);
                    return new History(days, all);
                  });
            });
  }

  /**
   * Today's plan at the catalog's prices and with no lots: 0 to 3 seats of each offering on an
   * annual subscription ending between 30 days before and 400 days after the review date, assigned
   * to some of u0..u3.
   */
  private static Gen<Entitlements> atCatalogPrices() {
    Gen<SeatAssignment> seat =
        integers().between(0, 3).zip(Generate.pick(OFFERINGS), (u, o) -> assigned("u" + u, o));
    return lists()
        .of(integers().between(-30, 400))
        .ofSize(OFFERINGS.size())
        .zip(
            lists().of(integers().between(0, 3)).ofSize(OFFERINGS.size()),
            lists().of(seat).ofSizeBetween(0, 6),
            (ends, seats, assigned) -> {
              List<Subscription> subs = new ArrayList<>();
              for (int i = 0; i < OFFERINGS.size(); i++) {
                LocalDate end = AS_OF.plusDays(ends.get(i));
                if (seats.get(i) > 0) {
                  subs.add(subscription("S" + i, OFFERINGS.get(i), seats.get(i),
                      end.minusYears(1).toString(), end.toString(), Optional.empty()));
                }
              }
              return new Entitlements(subs, assigned, List.of());
            });
  }

  private static void assertAddsUpAndGapIsNotNegative(RenewalReview r) {
    Money sum = Money.zero(r.current().currency());
    for (RenewalAction a : r.actions()) {
      assertThat(a.saving().isPositive()).isTrue();
      sum = sum.plus(a.saving());
    }
    assertThat(sum).isEqualTo(r.current().minus(r.target()));
    assertThat(r.target()).isLessThanOrEqualTo(r.current());
    Money gap = r.target().minus(r.optimum()); // the line "Gap: dates, changes left out"
    assertThat(gap.isNegative()).as("gap %s", gap).isFalse();
  }

  /**
   * Today's plan at the catalog's prices and with no lots held: the savings add up to today's plan
   * less the target, and the target never costs more than today's plan (the checks here that can
   * fail; that the gap is never negative, and that a noted mix leaves the optimum at the target,
   * hold by construction since {@code RenewalPath} takes the lesser of the two, and are kept as a
   * guard against that being undone; the daily users' property and the 2-day example below are
   * what fail when the term choice prices a plan by another rule). The optimal mix bought on the review date can still cost more than the target
   * here (the target can seat a user on a held seat nobody is assigned, which the mix buys anew;
   * it leaves out a change that saves nothing under the packs it buys; it renews later): the
   * optimum is then the target, and a note gives the mix's total.
   */
  @Test
  void atCatalogPricesTheGapIsNeverNegativeAndTheSavingsAddUp() {
    qt().withExamples(300)
        .forAll(histories(), atCatalogPrices())
        .checkAssert(
            (h, held) -> {
              RenewalReview r = review(h.days(), h.sessions(), held);
              assertAddsUpAndGapIsNotNegative(r);
              if (r.notes().stream().anyMatch(n -> n.startsWith(MIX_NOTE))) {
                assertThat(r.optimum()).isEqualTo(r.target());
              }
            });
  }

  /**
   * Users who use one product every day of a short history (1 to 45 days), each on an annual seat
   * of it held from 1 to 300 days before the review date (a term of 365 days, past the review
   * period): nothing is to change, and the optimum's mix, which holds each of them on a named seat
   * of their product from the review date, costs exactly what the target does (one line of the
   * same seats and days each). Before session 8 it cost more, the review showing a negative gap:
   * the optimum held each user on monthly terms, which cost less when bought than the annual seat
   * but are charged the short period more.
   */
  @Test
  void dailyUsersOnTheirHeldAnnualSeatsHaveTheOptimumOfTheTarget() {
    Gen<List<Integer>> products = lists().of(integers().between(0, PRODUCTS.size() - 1)).ofSizeBetween(1, 3);
    qt().withExamples(100)
        .forAll(integers().between(1, 45), products, integers().between(1, 300))
        .checkAssert(
            (days, byUser, heldFor) -> {
              LocalDate from = AS_OF.minusDays(days);
              LocalDate start = AS_OF.minusDays(heldFor);
              List<Session> sessions = new ArrayList<>();
              List<SeatAssignment> seats = new ArrayList<>();
              Map<ProductId, Integer> count = new java.util.TreeMap<>();
              for (int u = 0; u < byUser.size(); u++) {
                ProductId p = PRODUCTS.get(byUser.get(u));
                sessions.addAll(daily("u" + u, p, from.toString(), AS_OF.toString(), 9, 8));
                seats.add(assigned("u" + u, p));
                count.merge(p, 1, Integer::sum);
              }
              List<Subscription> subs = new ArrayList<>();
              count.forEach(
                  (p, n) -> subs.add(subscription("S-" + p.value(), p, n, start.toString(),
                      start.plusYears(1).toString(), Optional.empty())));
              RenewalReview r = review(days, sessions, new Entitlements(subs, seats, List.of()));

              assertThat(r.actions()).isEmpty();
              assertThat(r.target()).isEqualTo(r.current());
              assertThat(r.optimum()).isEqualTo(r.target());
              assertThat(r.notes()).noneMatch(n -> n.startsWith(MIX_NOTE));
            });
  }

  /**
   * With negotiated prices and lots held (which the target keeps and the mix does not use), the
   * gap is still never negative: when the mix would cost more, the optimum is the target and a
   * note gives the mix's total.
   */
  @Test
  void withNegotiatedPricesAndLotsTheGapIsNeverNegativeAndAMixDearerThanTheTargetIsNoted() {
    qt().withExamples(300)
        .forAll(histories(), AnalyticsGens.entitlements(AS_OF, 4))
        .checkAssert(
            (h, held) -> {
              RenewalReview r = review(h.days(), h.sessions(), held);
              assertAddsUpAndGapIsNotNegative(r);
              boolean noted = r.notes().stream().anyMatch(n -> n.startsWith(MIX_NOTE));
              if (noted) {
                assertThat(r.optimum()).isEqualTo(r.target());
              }
            });
  }

  /**
   * The audit's case: one user on Revit both days of a 2-day history, on an annual seat held to
   * the end of 2025. The period (12 to 14 March) is charged 2 of the seat's 365 days, 2,985.00 x 2
   * / 365 = 16.36; a monthly term (365.00) costs less when bought, but is charged 2 of its 31 days,
   * 23.55. The optimum chose the monthly term and showed a gap of -7.19; it now holds the annual
   * seat, 16.36, and the gap is 0.00.
   */
  @Test
  void aTwoDayHistoryOfOneRevitUserOnAnAnnualSeatHasNoNegativeGap() {
    List<Session> sessions = daily("ana", RVT, "2025-03-10", "2025-03-12", 8, 8);
    Entitlements held =
        new Entitlements(
            List.of(subscription("SUB-1", RVT, 1, "2025-01-01", "2026-01-01", Optional.empty())),
            List.of(assigned("ana", RVT)),
            List.of());
    RenewalReview r =
        new ReviewRenewalsService(
                InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held))
            .review(
                ReviewRenewalsQuery.of(day("2025-03-12"))
                    .withHistory(PeriodSpec.of(day("2025-03-10"), day("2025-03-12"), ZoneOffset.UTC)));

    assertThat(r.current()).isEqualTo(usd("16.36"));
    assertThat(r.target()).isEqualTo(usd("16.36"));
    assertThat(r.actions()).isEmpty();
    assertThat(r.optimum()).isEqualTo(usd("16.36"));
    assertThat(r.target().minus(r.optimum())).isEqualTo(usd("0.00"));
    assertThat(r.notes()).noneMatch(n -> n.startsWith(MIX_NOTE));
  }
}
