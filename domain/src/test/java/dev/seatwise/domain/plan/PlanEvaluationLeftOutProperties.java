package dev.seatwise.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A plan evaluated against a window table with windows flagged as left out ({@link
 * PlanEvaluation#of(Plan, WindowTable, boolean[], PlanPeriod, CatalogHistory)}, what the renewal
 * path's walk prices its states with) is the evaluation of the table without them, the rule it
 * replaced in the walk, kept here as the oracle: {@link PlanEvaluation#of(Plan, WindowTable,
 * PlanPeriod, CatalogHistory)} of {@code table.filter(i -> !flag[i])}. On the random plans,
 * windows, catalog versions and zones of {@link PlanEvaluationColumnsProperties}, with random
 * windows within the period flagged (none, some, or all of them): the same lines and total,
 * uncovered count, tokens drawn and drawn per lot and user, unused tokens, seat gaps, unseated
 * assignees, seat counts and holders, seat misses, windows outside the period; per window not
 * flagged, in order, the same window, outcome, tokens and holding (and the walk's reads of the
 * outcome agree with it), and a flagged one is left out;
 * the same again with lots added ({@link PlanEvaluation#withLots}).
 */
class PlanEvaluationLeftOutProperties {

  @Test
  void anEvaluationWithWindowsLeftOutIsTheEvaluationOfTheTableWithoutThem() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    qt().withExamples(600)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              PlanEvaluationColumnsProperties.Instance in = PlanEvaluationColumnsProperties.instance(seed);
              WindowTable table = WindowTable.of(in.windows());
              Random r = new Random(seed ^ 0x5DEECE66DL);
              long periodStart = WindowTable.saturatedNanos(in.period().start());
              long periodEnd = WindowTable.saturatedNanos(in.period().end());
              int a = table.firstStartingAtOrAfter(periodStart);
              int b = table.firstStartingAtOrAfter(Math.max(periodStart, periodEnd));
              boolean[] flag = new boolean[table.size()];
              int mode = r.nextInt(4); // none, a few, about half, all of the period's windows
              int flagged = 0;
              for (int i = a; i < b; i++) {
                flag[i] = mode == 3 || (mode == 1 && r.nextInt(8) == 0) || (mode == 2 && r.nextBoolean());
                flagged += flag[i] ? 1 : 0;
              }
              seen.add(flagged == 0 ? "none" : flagged == b - a ? "all" : "some");
              String as = "seed " + seed;

              PlanEvaluation expected =
                  PlanEvaluation.of(in.plan(), table.filter(i -> !flag[i]), in.period(), in.catalogs());
              PlanEvaluation actual = PlanEvaluation.of(in.plan(), table, flag, in.period(), in.catalogs());
              assertSame(actual, expected, flag, a, as);

              // with lots added: only the token draws are replayed
              List<TokenLot> more = new ArrayList<>();
              int lots = r.nextInt(3);
              for (int l = 0; l < lots; l++) {
                Instant p = in.period().start().plus(Duration.ofDays(r.nextInt(30)));
                more.add(new TokenLot("more-" + l, p, 1 + r.nextInt(500), UnitPrice.of("2.70", "USD"),
                    p.plus(Duration.ofDays(1 + r.nextInt(400)))));
              }
              assertSame(actual.withLots(more), expected.withLots(more), flag, a, as + " with lots");

              // a window before or after the period cannot be left out
              if (a > 0 || b < table.size()) {
                boolean[] outside = flag.clone();
                outside[a > 0 ? a - 1 : b] = true;
                assertThatThrownBy(
                        () -> PlanEvaluation.of(in.plan(), table, outside, in.period(), in.catalogs()))
                    .as(as)
                    .isInstanceOf(IllegalArgumentException.class);
              }
            });
    assertThat(seen).containsExactlyInAnyOrder("none", "some", "all");
  }

  private static void assertSame(
      PlanEvaluation actual, PlanEvaluation expected, boolean[] flag, int offset, String as) {
    assertThat(actual.lines()).as(as).isEqualTo(expected.lines());
    assertThat(actual.total()).as(as).isEqualTo(expected.total());
    assertThat(actual.uncoveredCount()).as(as).isEqualTo(expected.uncoveredCount());
    assertThat(actual.tokensDrawn()).as(as).isEqualTo(expected.tokensDrawn());
    assertThat(actual.drawnByLotAndUser()).as(as).isEqualTo(expected.drawnByLotAndUser());
    assertThat(actual.unusedTokens()).as(as).isEqualTo(expected.unusedTokens());
    assertThat(actual.seatGaps()).as(as).isEqualTo(expected.seatGaps());
    assertThat(actual.excessAssignees()).as(as).isEqualTo(expected.excessAssignees());
    assertThat(actual.offeringSeats()).as(as).isEqualTo(expected.offeringSeats());
    assertThat(actual.seatHolders()).as(as).isEqualTo(expected.seatHolders());
    assertThat(actual.seatMisses()).as(as).isEqualTo(expected.seatMisses());
    assertThat(actual.windowsOutsidePeriod()).as(as).isEqualTo(expected.windowsOutsidePeriod());
    int k = 0;
    for (int i = 0; i < actual.windows().size(); i++) {
      assertThat(actual.isLeftOut(i)).as(as + " window " + i).isEqualTo(flag[offset + i]);
      if (actual.isLeftOut(i)) {
        assertThat(actual.isOnTokens(i) || actual.isShortOfTokens(i)).as(as).isFalse();
        continue;
      }
      assertThat(actual.isOnTokens(i)).as(as).isEqualTo(actual.outcome(i) == WindowOutcome.Outcome.TOKENS);
      assertThat(actual.isShortOfTokens(i)).as(as)
          .isEqualTo(actual.outcome(i) == WindowOutcome.Outcome.UNCOVERED_NO_BALANCE);
      assertThat(actual.windows().charge(i)).as(as).isEqualTo(expected.windows().charge(k));
      assertThat(actual.outcome(i)).as(as).isEqualTo(expected.outcome(k));
      assertThat(actual.tokens(i)).as(as).isEqualTo(expected.tokens(k));
      assertThat(actual.holding(i)).as(as).isEqualTo(expected.holding(k));
      k++;
    }
    assertThat(k).as(as).isEqualTo(expected.windows().size());
  }
}
