package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * On random small organisations whose users are active for a few days to the whole year, with
 * monthly, annual and 3-year AutoCAD terms on sale ({@link CompareTermsTest#catalog}): the optimal
 * plan costs no more than all-named or all-Flex, and every user's named option is what the plans
 * charge them.
 */
class CompareTermsProperties {
  private static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);

  /** A user's AutoCAD use: one 8-hour session every {@code step} days over {@code [start, start + length)}. */
  record Use(int start, int length, int step, int hour) {}

  static Gen<Use> use() {
    return integers()
        .between(0, 364)
        .zip(
            integers().between(1, 365),
            integers().between(1, 40),
            integers().between(0, 23),
            (s, l, k, h) -> new Use(s, Math.min(l, 365 - s), k, h));
  }

  static List<Session> sessions(List<Use> uses) {
    List<Session> out = new ArrayList<>();
    for (int u = 0; u < uses.size(); u++) {
      Use use = uses.get(u);
      for (int d = use.start(); d < use.start() + use.length(); d += use.step()) {
        Instant start = JAN1.plusDays(d).atTime(use.hour(), 0).toInstant(ZoneOffset.UTC);
        out.add(Session.of("u" + u, "ACD", start, start.plusSeconds(8 * 3600)));
      }
    }
    return out;
  }

  @Test
  void optimalIsNeverDearerThanAllNamedOrAllFlexAndUsersAddUpToTheTotals() {
    qt().withExamples(40)
        .forAll(lists().of(use()).ofSizeBetween(1, 5))
        .checkAssert(
            uses -> {
              Comparison c = CompareTermsTest.compare(sessions(uses), "2025-01-01", "2026-01-01");
              Money optimal = c.scenario(Scenario.OPTIMAL).orElseThrow().total();
              Money named = c.scenario(Scenario.ALL_NAMED).orElseThrow().total();
              Money flex = c.scenario(Scenario.ALL_FLEX).orElseThrow().total();
              assertThat(optimal).isLessThanOrEqualTo(named);
              assertThat(optimal).isLessThanOrEqualTo(flex);
              // within one year and one price version the optimum is exact
              assertThat(c.scenario(Scenario.OPTIMAL).orElseThrow().optimality().orElseThrow().proven())
                  .isTrue();
              Money costs = optimal.minus(optimal);
              Money namedCosts = costs;
              for (UserComparison u : c.users()) {
                costs = costs.plus(u.cost());
                namedCosts = namedCosts.plus(u.allNamedCost());
                // a user's named option is never dearer than the common annual seat
                assertThat(u.allNamedCost()).isLessThanOrEqualTo(CompareTermsTest.usd("2030.00"));
              }
              assertThat(costs).isEqualTo(optimal);
              assertThat(namedCosts).isEqualTo(named);
            });
  }
}
