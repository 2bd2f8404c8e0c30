package dev.seatwise.domain.optimize;

import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.MixPlan;
import dev.seatwise.domain.plan.Plan;
import dev.seatwise.domain.plan.PlanEvaluation;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of the optimal mix under token purchase schedules, on small random timelines over two years
 * (so that lots bought in the first year expire before the second), with one price version or two
 * (from 2025-09-01 the packs cost more, product A burns 9 tokens a window instead of 7 and its seat
 * costs 25.00 a year instead of 20.00). Prices are set so that a user with a few windows a year is
 * near break-even, where buying tokens twice (they expire) rather than once changes the answer. Every mix of named and Flex is built as a plan ({@link MixPlan}) and
 * priced by {@link PlanEvaluation}: that brute force is the reference.
 */
class ScheduledMixSearchProperties {
  private static final ProductId A = ProductId.of("A");
  private static final ProductId B = ProductId.of("B");
  private static final List<ProductId> PRODUCTS = List.of(A, B);
  private static final PlanPeriod TWO_YEARS =
      new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), ZoneOffset.UTC);

  private static Catalog version(LocalDate effective, String aNamed, long aRate, String small, String large) {
    return new Catalog(
        "Test", USD, effective, Catalog.FLEX_WINDOW, MeteringParameters.FLEX_DEFAULTS,
        Period.ofMonths(12), List.of(pack(10, small), pack(50, large)),
        List.of(Product.of("A", "Alpha", usd(aNamed), aRate), Product.of("B", "Beta", usd("12.00"), 4)),
        List.of());
  }

  private static CatalogHistory catalogs(boolean twoVersions) {
    Catalog first = version(LocalDate.of(2024, 1, 1), "20.00", 7, "1.00", "0.80");
    return twoVersions
        ? CatalogHistory.of(first, version(LocalDate.of(2025, 9, 1), "25.00", 9, "1.20", "0.90"))
        : CatalogHistory.of(first);
  }

  /** Windows: (user 0..users-1, product A or B, day 0..729 of the period), each opening at 09:00. */
  private static Gen<List<Charge>> windows(int users, int max) {
    return lists()
        .of(integers().between(0, users * 2 - 1).zip(integers().between(0, 729), (who, day) -> new int[] {who, day}))
        .ofSizeBetween(1, max)
        .map(
            raw -> {
              List<Charge> out = new ArrayList<>();
              for (int[] r : raw) {
                Instant open = TWO_YEARS.from().plusDays(r[1]).atTime(9, 0).toInstant(ZoneOffset.UTC);
                out.add(
                    new Charge(
                        UserId.of("u" + r[0] / 2), PRODUCTS.get(r[0] % 2), open, open.plusSeconds(86_400), 7));
              }
              return out;
            });
  }

  /** The problem: each user's tokens per product used, rated at the version in force at opening. */
  private static HybridProblem problem(List<Charge> windows, CatalogHistory catalogs) {
    Map<UserId, Set<ProductId>> used = new TreeMap<>();
    for (Charge c : windows) {
      used.computeIfAbsent(c.user(), u -> new TreeSet<>()).add(c.product());
    }
    Map<String, Long> tokens = new TreeMap<>();
    for (TokenCharge w : MixPlan.flexWindows(used, windows, TWO_YEARS, catalogs)) {
      tokens.merge(w.reference(), w.tokens(), Long::sum);
    }
    List<UserDemand> demands = new ArrayList<>();
    used.forEach(
        (u, ps) -> {
          Map<ProductId, Long> t = new TreeMap<>();
          for (ProductId p : ps) {
            t.put(p, tokens.getOrDefault(u + " " + p, 0L));
          }
          demands.add(UserDemand.of(u, t));
        });
    Map<ProductId, Money> named = new TreeMap<>();
    for (ProductId p : PRODUCTS) {
      named.put(p, MixPlan.seatCost(p, TWO_YEARS, catalogs));
    }
    return new HybridProblem(
        named, List.of(), Set.copyOf(PRODUCTS), catalogs.versions().get(0).packPricing().orElseThrow(),
        OptionalLong.empty(), demands);
  }

  /** Every mix (each user's each product named or on Flex) as a plan, priced by PlanEvaluation. */
  private static List<Money> bruteForce(List<Charge> windows, CatalogHistory catalogs) {
    List<UserId> users = new ArrayList<>();
    List<ProductId> products = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Charge c : windows) {
      if (seen.add(c.user() + " " + c.product())) {
        users.add(c.user());
        products.add(c.product());
      }
    }
    List<Money> totals = new ArrayList<>();
    for (long mask = 0; mask < (1L << users.size()); mask++) {
      Map<ProductId, List<UserId>> seats = new TreeMap<>();
      Map<UserId, Set<ProductId>> onFlex = new TreeMap<>();
      for (int i = 0; i < users.size(); i++) {
        if ((mask >>> i & 1) == 1) {
          seats.computeIfAbsent(products.get(i), k -> new ArrayList<>()).add(users.get(i));
        } else {
          onFlex.computeIfAbsent(users.get(i), k -> new TreeSet<>()).add(products.get(i));
        }
      }
      TokenPurchaseSchedule schedule = MixPlan.schedule(onFlex, windows, TWO_YEARS, catalogs);
      Plan plan = MixPlan.of(seats, TWO_YEARS, catalogs, schedule);
      PlanEvaluation e = PlanEvaluation.of(plan, windows, TWO_YEARS, catalogs);
      assertThat(e.uncovered()).isEmpty();
      totals.add(e.total());
    }
    return totals;
  }

  @Test
  void theOptimalMixUnderSchedulesIsTheBruteForceOptimumAndTheRelaxationBoundsIt() {
    qt().withExamples(40)
        .forAll(windows(2, 24), booleans().all())
        .checkAssert(
            (windows, twoVersions) -> {
              CatalogHistory catalogs = catalogs(twoVersions);
              HybridProblem relaxation = ScheduledMixSearch.relaxation(problem(windows, catalogs), catalogs);
              OptimizationResult.Solved relaxed = HybridOptimizer.solve(relaxation).orElseThrow();
              ScheduledMixSearch.ScheduledMix mix =
                  ScheduledMixSearch.improve(
                      relaxation, relaxed, windows, TWO_YEARS, catalogs, ScheduledMixSearch.DEFAULT_BUDGET);
              PlanEvaluation optimal = PlanEvaluation.of(mix.plan(TWO_YEARS, catalogs), windows, TWO_YEARS, catalogs);
              List<Money> all = bruteForce(windows, catalogs);
              Money best = all.stream().reduce((x, y) -> x.isLessThan(y) ? x : y).orElseThrow();

              assertThat(optimal.uncovered()).isEmpty();
              // the single-purchase optimum is a lower bound on every mix under schedules
              assertThat(relaxed.total().isGreaterThan(best)).as("lower bound %s > %s", relaxed.total(), best).isFalse();
              // no mix (all-named and all-Flex among them) costs less than the optimal one
              for (Money m : all) {
                assertThat(optimal.total().isGreaterThan(m)).as("%s > %s", optimal.total(), m).isFalse();
              }
              // and it is the brute-force optimum (few choices: the search tries every mix)
              assertThat(optimal.total()).isEqualTo(best);
              assertThat(mix.total()).isEqualTo(best);
            });
  }

  @Test
  void withoutTheBudgetForEveryMixTheMovesNeverMakeItWorseAndTheBoundHolds() {
    qt().withExamples(25)
        .forAll(windows(3, 24), booleans().all())
        .checkAssert(
            (windows, twoVersions) -> {
              CatalogHistory catalogs = catalogs(twoVersions);
              HybridProblem relaxation = ScheduledMixSearch.relaxation(problem(windows, catalogs), catalogs);
              OptimizationResult.Solved relaxed = HybridOptimizer.solve(relaxation).orElseThrow();
              ScheduledMixSearch.ScheduledMix start =
                  ScheduledMixSearch.improve(relaxation, relaxed, windows, TWO_YEARS, catalogs, 0);
              ScheduledMixSearch.ScheduledMix moved =
                  ScheduledMixSearch.improve(relaxation, relaxed, windows, TWO_YEARS, catalogs, 3);
              List<Money> all = bruteForce(windows, catalogs);
              Money best = all.stream().reduce((x, y) -> x.isLessThan(y) ? x : y).orElseThrow();

              assertThat(moved.total().isGreaterThan(start.total())).isFalse();
              assertThat(relaxed.total().isGreaterThan(best)).isFalse();
              assertThat(best.isGreaterThan(moved.total())).isFalse();
              assertThat(
                      PlanEvaluation.of(moved.plan(TWO_YEARS, catalogs), windows, TWO_YEARS, catalogs).total())
                  .isEqualTo(moved.total());
            });
  }
}
