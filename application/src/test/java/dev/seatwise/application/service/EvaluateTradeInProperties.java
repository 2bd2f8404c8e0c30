package dev.seatwise.application.service;

import static dev.seatwise.application.service.AnalyticsFixtures.ACD;
import static dev.seatwise.application.service.AnalyticsFixtures.catalogs;
import static dev.seatwise.application.service.AnalyticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.application.port.in.EvaluateTradeInQuery;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.TradeInEvaluation;
import dev.seatwise.application.port.in.TradeInOption;
import dev.seatwise.application.port.in.TradeInOption.Choice;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryEntitlementsAdapter;
import dev.seatwise.application.service.AnalyticsFixtures.InMemoryUsageAdapter;
import dev.seatwise.domain.usage.Session;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluateTradeInProperties {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 3, 1);

  private static TradeInEvaluation evaluate(List<Session> sessions, int seats, int named, int upkeep) {
    return new EvaluateTradeInService(
            InMemoryUsageAdapter.of(sessions), catalogs(), InMemoryEntitlementsAdapter.none())
        .evaluate(
            new EvaluateTradeInQuery(
                PeriodSpec.of(FROM, TO, ZoneOffset.UTC),
                ACD,
                seats,
                usd(named + ".00"),
                usd(upkeep + ".00")));
  }

  @Test
  void theCheapestOptionIsNeverDearerThanAnyOption() {
    qt().withExamples(60)
        .forAll(
            AnalyticsGens.usage(FROM, 59, 6, 40),
            integers().between(1, 4),
            integers().between(0, 3000),
            integers().between(0, 3000))
        .checkAssert(
            (sessions, seats, named, upkeep) -> {
              TradeInEvaluation e = evaluate(sessions, seats, named, upkeep);
              for (TradeInOption o : e.options()) {
                assertThat(e.cheapest().annualTotal()).isLessThanOrEqualTo(o.annualTotal());
              }
            });
  }

  @Test
  void removingAUsersSessionsNeverRaisesTheTradeInOrRetireTotals() {
    qt().withExamples(60)
        .forAll(
            AnalyticsGens.usage(FROM, 59, 6, 40),
            integers().between(0, 5),
            integers().between(1, 3))
        .checkAssert(
            (sessions, gone, seats) -> {
              List<Session> fewer =
                  sessions.stream().filter(s -> !s.user().value().equals("u" + gone)).toList();
              TradeInEvaluation all = evaluate(sessions, seats, 1000, 1500);
              TradeInEvaluation less = evaluate(fewer, seats, 1000, 1500);
              for (Choice c : List.of(Choice.TRADE_IN, Choice.RETIRE)) {
                assertThat(less.option(c).orElseThrow().annualTotal())
                    .isLessThanOrEqualTo(all.option(c).orElseThrow().annualTotal());
              }
            });
  }
}
