package dev.seatwise.domain.forecast;

import static dev.seatwise.domain.testkit.LicensingGens.packMenus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.plan.ScheduledPurchase;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the P90 purchase schedule. */
class BurnCoverPlanProperties {
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

  /** (horizon days, validity months, runs, seed of the paths and lots). */
  private static Gen<int[]> shapes() {
    return integers().between(1, 120)
        .zip(integers().between(1, 4), integers().between(1, 25), integers().allPositive(),
            (h, v, r, s) -> new int[] {h, v, r, s});
  }

  private static long[][] paths(int runs, int days, SplittableRandom random) {
    long[][] p = new long[runs][days];
    for (long[] path : p) {
      for (int d = 0; d < days; d++) {
        path[d] = random.nextInt(4) == 0 ? random.nextInt(60) : 0;
      }
    }
    return p;
  }

  private static List<BurnCoverPlan.HeldTokens> held(SplittableRandom random) {
    List<BurnCoverPlan.HeldTokens> out = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      LocalDate from = FROM.minusDays(random.nextInt(60));
      out.add(
          new BurnCoverPlan.HeldTokens(
              "h" + i, from, from.plusDays(1 + random.nextInt(200)), random.nextInt(400)));
    }
    return out;
  }

  /** Day by day in burn order, what of the P90 path the held and bought lots leave unpaid. */
  private static long unpaid(BurnCoverPlan plan, List<BurnCoverPlan.HeldTokens> held) {
    record L(int from, int expires, long[] left) {}
    List<L> lots = new ArrayList<>();
    for (BurnCoverPlan.HeldTokens h : held) {
      lots.add(new L(BurnForecast.daysBetween(FROM, h.from()), BurnForecast.daysBetween(FROM, h.expires()), new long[] {h.tokens()}));
    }
    for (ScheduledPurchase p : plan.purchases()) {
      lots.add(new L(BurnForecast.daysBetween(FROM, p.date()), BurnForecast.daysBetween(FROM, p.expires()), new long[] {p.tokens()}));
    }
    lots.sort(Comparator.comparingInt(L::expires));
    long[] path = plan.p90Path();
    long unpaid = 0;
    for (int d = 0; d < path.length; d++) {
      long need = path[d];
      for (L l : lots) {
        if (l.from() <= d && d < l.expires() && need > 0) {
          long take = Math.min(need, l.left()[0]);
          l.left()[0] -= take;
          need -= take;
        }
      }
      unpaid += need;
    }
    return unpaid;
  }

  /**
   * The plan drawn from arrays is the plan drawn from lists of records ({@link
   * ObjectBurnCoverPlan}, the plain rule): the same P90 path, residual, candidates with their
   * scores, choice, surplus and bound, with the exact programme and (burns in the millions) the
   * greedy rule.
   */
  @Test
  void thePlanDrawnFromArraysIsThePlanDrawnFromRecords() {
    qt().withExamples(150)
        .forAll(packMenus(1, 3, 300), shapes())
        .checkAssert(
            (packs, shape) -> {
              int horizon = shape[0];
              Period validity = Period.ofMonths(shape[1]);
              SplittableRandom random = new SplittableRandom(shape[3]);
              int days = BurnForecast.daysBetween(FROM, FROM.plusDays(horizon - 1L).plus(validity));
              long[][] paths = paths(shape[2], days, random);
              if (shape[3] % 3 == 0) { // beyond the programme's reach: the greedy rule
                for (long[] path : paths) {
                  for (int d = 0; d < path.length; d++) {
                    path[d] *= 100_000;
                  }
                }
              }
              List<BurnCoverPlan.HeldTokens> held = held(random);
              CatalogHistory c = BurnCoverPlanTest.catalog(validity, packs);

              BurnCoverPlan plan = BurnCoverPlan.plan(paths, FROM, horizon, held, c, validity);
              ObjectBurnCoverPlan oracle =
                  ObjectBurnCoverPlan.plan(paths, FROM, horizon, held, c, validity);

              assertThat(plan.p90Path()).isEqualTo(oracle.p90Path());
              assertThat(plan.residual()).isEqualTo(oracle.residual());
              assertThat(plan.candidates()).isEqualTo(oracle.candidates());
              assertThat(plan.chosen()).isEqualTo(oracle.chosen());
              assertThat(plan.expectedSurplusAtHorizon())
                  .isEqualTo(oracle.expectedSurplusAtHorizon());
              assertThat(plan.gapBound()).isEqualTo(oracle.gapBound());
              assertThat(plan.cost()).isEqualTo(oracle.cost());
            });
  }

  @Test
  void theScheduleCoversTheP90PathWithUnexpiredLotsAndNoPurchaseIsDearerThanItsCheapestCover() {
    qt().withExamples(150)
        .forAll(packMenus(1, 3, 300), shapes())
        .checkAssert(
            (packs, shape) -> {
              int horizon = shape[0];
              Period validity = Period.ofMonths(shape[1]);
              SplittableRandom random = new SplittableRandom(shape[3]);
              int days = BurnForecast.daysBetween(FROM, FROM.plusDays(horizon - 1L).plus(validity));
              long[][] paths = paths(shape[2], days, random);
              List<BurnCoverPlan.HeldTokens> held = held(random);
              CatalogHistory c = BurnCoverPlanTest.catalog(validity, packs);

              BurnCoverPlan plan = BurnCoverPlan.plan(paths, FROM, horizon, held, c, validity);

              assertThat(unpaid(plan, held)).isZero();
              PackPricing pricing = PackPricing.of(packs);
              for (ScheduledPurchase p : plan.purchases()) {
                assertThat(p.expires()).isEqualTo(p.date().plus(validity));
                assertThat(p.date()).isBetween(FROM, FROM.plusDays(horizon - 1L));
                assertThat(p.tokens()).isGreaterThanOrEqualTo(p.packs().demand().count());
                assertThat(p.packs().exactCost())
                    .isLessThanOrEqualTo(pricing.cheapestCover(p.packs().demand()).exactCost());
              }
              // the choice scores no worse than the least-cost schedule, which is the least cost
              BurnCoverPlan.Candidate least = plan.candidates().get(0);
              assertThat(plan.chosen().objective()).isLessThanOrEqualTo(least.objective());
              for (BurnCoverPlan.Candidate other : plan.candidates()) {
                assertThat(least.packCost()).isLessThanOrEqualTo(other.packCost());
              }
              // P90 path total is the nearest-rank 90th percentile of the runs' horizon burn
              long[] totals = new long[paths.length];
              for (int r = 0; r < paths.length; r++) {
                for (int d = 0; d < horizon; d++) {
                  totals[r] += paths[r][d];
                }
              }
              assertThat(plan.p90Total()).isEqualTo(BurnForecast.percentile(totals, 0.9));
            });
  }
}
