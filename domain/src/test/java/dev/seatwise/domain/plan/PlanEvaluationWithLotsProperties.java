package dev.seatwise.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.tokens.TokenLot;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lots added to an evaluation ({@link PlanEvaluation#withLots}: the coverage kept, only the token
 * draws replayed) give what evaluating the plan with those lots from the start gives ({@link
 * PlanEvaluation#of(Plan, WindowTable, PlanPeriod, CatalogHistory)}, the plain rule, kept as the
 * oracle): on the random instances of {@link PlanEvaluationColumnsProperties} (seat holdings with
 * assignees, network holdings, lots, catalog versions, zones), their lots split at random into
 * those held first and those added, the same outcomes, tokens, holdings, draws, unused tokens,
 * seat gaps and holders, cost lines and total.
 */
class PlanEvaluationWithLotsProperties {

  @Test
  void addingLotsToAnEvaluationIsEvaluatingThePlanWithThem() {
    qt().withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              PlanEvaluationColumnsProperties.Instance in = PlanEvaluationColumnsProperties.instance(seed);
              List<TokenLot> lots = in.plan().lots();
              int held = new Random(seed).nextInt(lots.size() + 1);
              Plan without =
                  new Plan(in.plan().currency(), in.plan().seats(), in.plan().network(), lots.subList(0, held));
              List<TokenLot> more = lots.subList(held, lots.size());
              WindowTable table = WindowTable.of(in.windows());
              PlanEvaluation expected = PlanEvaluation.of(in.plan(), table, in.period(), in.catalogs());
              PlanEvaluation actual =
                  PlanEvaluation.of(without, table, in.period(), in.catalogs()).withLots(more);
              String as = "seed " + seed + ", " + held + " of " + lots.size() + " lots held first";
              assertThat(actual.plan()).as(as).isEqualTo(expected.plan());
              assertThat(actual.outcomes()).as(as).isEqualTo(expected.outcomes());
              assertThat(actual.uncoveredCount()).as(as).isEqualTo(expected.uncoveredCount());
              assertThat(actual.tokensDrawn()).as(as).isEqualTo(expected.tokensDrawn());
              assertThat(actual.seatMisses()).as(as).isEqualTo(expected.seatMisses());
              assertThat(actual.unusedTokens()).as(as).isEqualTo(expected.unusedTokens());
              assertThat(actual.seatGaps()).as(as).isEqualTo(expected.seatGaps());
              assertThat(actual.excessAssignees()).as(as).isEqualTo(expected.excessAssignees());
              assertThat(actual.offeringSeats()).as(as).isEqualTo(expected.offeringSeats());
              assertThat(actual.seatHolders()).as(as).isEqualTo(expected.seatHolders());
              assertThat(actual.windowsOutsidePeriod()).as(as).isEqualTo(expected.windowsOutsidePeriod());
              assertThat(actual.lines()).as(as).isEqualTo(expected.lines());
              assertThat(actual.total()).as(as).isEqualTo(expected.total());
              assertThat(actual.drawnByLotAndUser()).as(as).isEqualTo(expected.drawnByLotAndUser());
              assertThat(actual.ledger().accepted()).as(as).isEqualTo(expected.ledger().accepted());
              assertThat(actual.ledger().refused()).as(as).isEqualTo(expected.ledger().refused());
            });
  }
}
