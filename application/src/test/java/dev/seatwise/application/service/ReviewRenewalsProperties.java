package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRenewalsProperties {
  private static final LocalDate FROM = LocalDate.of(2024, 11, 1);
  private static final int DAYS = 120; // 1 November 2024 to 1 March 2025
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

  private static RenewalReview review(List<Session> sessions, Entitlements held) {
    return new ReviewRenewalsService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held))
        .review(ReviewRenewalsQuery.of(AS_OF).withHistory(PeriodSpec.of(FROM, AS_OF, ZoneOffset.UTC)));
  }

  @Test
  void savingsSumToCurrentMinusTargetToTheCentAndActionsRunByDateFromTheReviewDate() {
    qt().withExamples(30)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 4, 60), AnalyticsGens.entitlements(AS_OF, 4))
        .checkAssert(
            (sessions, held) -> {
              RenewalReview r = review(sessions, held);
              Money sum = Money.zero(r.current().currency());
              for (RenewalAction a : r.actions()) {
                assertThat(a.saving().isPositive()).isTrue();
                assertThat(a.actionableOn()).isAfterOrEqualTo(AS_OF).isBefore(r.periodTo());
                sum = sum.plus(a.saving());
              }
              assertThat(sum).isEqualTo(r.current().minus(r.target()));
              assertThat(r.target()).isLessThanOrEqualTo(r.current());
              List<Money> totals = r.runningTotals();
              if (!totals.isEmpty()) {
                assertThat(totals.get(totals.size() - 1)).isEqualTo(r.target());
              }
              for (int i = 1; i < r.actions().size(); i++) {
                assertThat(r.actions().get(i).actionableOn())
                    .isAfterOrEqualTo(r.actions().get(i - 1).actionableOn());
              }
            });
  }

  private static RenewalReview review(List<Session> sessions, Entitlements held, java.time.ZoneId zone) {
    return new ReviewRenewalsService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held))
        .review(ReviewRenewalsQuery.of(AS_OF, zone).withHistory(PeriodSpec.of(FROM, AS_OF, zone)));
  }

  /**
   * In a zone of fixed offset the history's window table is moved as a whole and the idle burn
   * found on the history's columns; in a zone with rules each window and session is moved through
   * the zone (the plain rule). Tokyo has kept +09:00 since 1951, so both must give one review.
   */
  @Test
  void aFixedOffsetReviewIsTheReviewInTheZoneOfThatOffset() {
    java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
    java.time.ZoneId nine = ZoneOffset.ofHours(9);
    assertThat(tokyo.getRules().isFixedOffset()).isFalse();
    qt().withExamples(20)
        .forAll(AnalyticsGens.usage(FROM, DAYS, 4, 60), AnalyticsGens.entitlements(AS_OF, 4))
        .checkAssert(
            (sessions, held) -> {
              RenewalReview plain = review(sessions, held, tokyo);
              RenewalReview fast = review(sessions, held, nine);
              assertThat(fast.actions()).isEqualTo(plain.actions());
              assertThat(fast.current()).isEqualTo(plain.current());
              assertThat(fast.target()).isEqualTo(plain.target());
              assertThat(fast.optimum()).isEqualTo(plain.optimum());
              assertThat(fast.notes()).isEqualTo(plain.notes());
            });
  }
}
