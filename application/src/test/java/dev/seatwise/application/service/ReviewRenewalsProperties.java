package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalAction.Kind;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.usage.Session;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReviewRenewalsProperties {
  private static final LocalDate FROM = LocalDate.of(2024, 11, 1);
  private static final int DAYS = 120; // 1 November 2024 to 1 March 2025
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

  private static RenewalReview review(List<Session> sessions, Entitlements held, int idleDays) {
    return new ReviewRenewalsService(
            InMemoryUsageAdapter.of(sessions), catalogs(), new InMemoryEntitlementsAdapter(held))
        .review(
            ReviewRenewalsQuery.of(AS_OF)
                .withHistory(PeriodSpec.of(FROM, AS_OF, ZoneOffset.UTC))
                .withIdleDays(idleDays));
  }

  @Test
  void actionsAreOrderedBySavingSaveSomethingAndAreNeverDatedInThePast() {
    qt().withExamples(60)
        .forAll(
            AnalyticsGens.usage(FROM, DAYS, 4, 60),
            AnalyticsGens.entitlements(AS_OF, 4),
            integers().between(1, 120))
        .checkAssert(
            (sessions, held, idle) -> {
              List<RenewalAction> actions = review(sessions, held, idle).actions();
              for (int i = 1; i < actions.size(); i++) {
                assertThat(actions.get(i).saving())
                    .isLessThanOrEqualTo(actions.get(i - 1).saving());
              }
              assertThat(actions).allMatch(a -> a.saving().isPositive());
              assertThat(actions).allMatch(a -> !a.actionableOn().isBefore(AS_OF));
              // one product of one user is never advised both to named and to Flex
              Set<String> toNamed = keys(actions, Kind.MOVE_TO_NAMED);
              Set<String> both = keys(actions, Kind.MOVE_TO_FLEX);
              both.retainAll(toNamed);
              assertThat(both).isEmpty();
            });
  }

  @Test
  void raisingTheIdleThresholdNeverFlagsMoreSeats() {
    qt().withExamples(40)
        .forAll(
            AnalyticsGens.usage(FROM, DAYS, 4, 60),
            AnalyticsGens.entitlements(AS_OF, 4),
            integers().between(1, 120),
            integers().between(0, 60))
        .checkAssert(
            (sessions, held, idle, more) -> {
              Set<String> low = keys(review(sessions, held, idle).actions(), Kind.REMOVE_IDLE_SEAT);
              Set<String> high =
                  keys(review(sessions, held, idle + more).actions(), Kind.REMOVE_IDLE_SEAT);
              assertThat(high.stream().filter(k -> !low.contains(k))).isEmpty();
            });
  }

  private static Set<String> keys(List<RenewalAction> actions, Kind kind) {
    return actions.stream()
        .filter(a -> a.kind() == kind)
        .map(a -> a.user().map(Object::toString).orElse("") + "/" + a.offering().map(Object::toString).orElse(""))
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }
}
