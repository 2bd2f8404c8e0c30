package dev.seatwise.domain.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Laws of the cheapest hybrid, checked against an independent reference: every user's options are
 * enumerated naively, a knapsack over exact token totals gives the cheapest subscriptions for each
 * total, and a naive covering DP prices the packs.
 */
class HybridOptimizerProperties {
  private static final List<ProductId> PRODUCTS =
      List.of(ProductId.of("ACD"), ProductId.of("RVT"), ProductId.of("C3D"), ProductId.of("MAYA"));

  /** A random small instance (seeded so QuickTheories can reproduce it). */
  static HybridProblem instance(long seed, int maxUsers) {
    Random r = new Random(seed);
    List<TokenPack> packs = new ArrayList<>();
    int[] sizes = {10, 50, 100, 250};
    int kinds = 1 + r.nextInt(3);
    List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3));
    java.util.Collections.shuffle(pool, r);
    for (int k = 0; k < kinds; k++) {
      int size = sizes[pool.get(k)];
      BigDecimal unit = BigDecimal.valueOf(250 + r.nextInt(60), 2); // 2.50 .. 3.09 per token
      packs.add(new TokenPack(size, UnitPrice.of(unit.toPlainString(), "USD")));
    }
    Map<ProductId, Money> named = new HashMap<>();
    Set<ProductId> flex = new TreeSet<>();
    for (ProductId p : PRODUCTS) {
      if (r.nextInt(8) != 0) {
        named.put(p, Money.of(BigDecimal.valueOf(5_000 + r.nextInt(60_000), 2), java.util.Currency.getInstance("USD")));
      }
      if (r.nextInt(6) != 0 || !named.containsKey(p)) {
        flex.add(p);
      }
    }
    List<BundleOffer> bundles = new ArrayList<>();
    if (r.nextBoolean()) {
      bundles.add(new BundleOffer(ProductId.of("COL1"), Set.of(PRODUCTS.get(0), PRODUCTS.get(1), PRODUCTS.get(2)),
          Money.of(BigDecimal.valueOf(20_000 + r.nextInt(80_000), 2), java.util.Currency.getInstance("USD"))));
    }
    if (r.nextInt(3) == 0) {
      bundles.add(new BundleOffer(ProductId.of("COL2"), Set.of(PRODUCTS.get(2), PRODUCTS.get(3)),
          Money.of(BigDecimal.valueOf(10_000 + r.nextInt(60_000), 2), java.util.Currency.getInstance("USD"))));
    }
    int users = 1 + r.nextInt(maxUsers);
    List<UserDemand> demands = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      Map<ProductId, Long> tokens = new TreeMap<>();
      int used = 1 + r.nextInt(3);
      for (int k = 0; k < used; k++) {
        ProductId p = PRODUCTS.get(r.nextInt(PRODUCTS.size()));
        long rate = 1 + r.nextInt(10);
        tokens.put(p, rate * r.nextInt(40));
      }
      Pin pin = r.nextInt(6) == 0 ? Pin.NAMED : r.nextInt(8) == 0 ? Pin.FLEX : Pin.NONE;
      // some users price a product or a bundle on their own terms (e.g. monthly terms)
      Map<ProductId, Money> own = new TreeMap<>();
      if (r.nextInt(3) == 0) {
        ProductId p = PRODUCTS.get(r.nextInt(PRODUCTS.size()));
        own.put(p, Money.of(BigDecimal.valueOf(r.nextInt(60_000), 2), java.util.Currency.getInstance("USD")));
      }
      if (!bundles.isEmpty() && r.nextInt(4) == 0) {
        own.put(bundles.get(0).id(), Money.of(BigDecimal.valueOf(r.nextInt(80_000), 2), java.util.Currency.getInstance("USD")));
      }
      demands.add(new UserDemand(UserId.of("u" + u), tokens, pin, own));
    }
    return new HybridProblem(named, bundles, flex, PackPricing.of(packs), OptionalLong.empty(), demands);
  }

  /** The reference optimum, or -1 when infeasible. */
  static BigDecimal reference(HybridProblem p) {
    return reference(p, Long.MAX_VALUE);
  }

  /** The reference optimum over plans charging at most {@code cap} tokens, or -1 when infeasible. */
  static BigDecimal reference(HybridProblem p, long cap) {
    // naive options per user: (cost, tokens)
    List<List<long[]>> options = new ArrayList<>();
    int scale = 2;
    long maxTokens = 0;
    for (UserDemand u : p.users()) {
      List<long[]> opts = new ArrayList<>();
      List<ProductId> used = new ArrayList<>(u.tokens().keySet());
      for (int b = -1; b < p.bundles().size(); b++) {
        if (b >= 0 && u.pin() == Pin.FLEX) {
          continue;
        }
        for (int mask = 0; mask < (1 << used.size()); mask++) {
          long cost =
              b < 0 ? 0 : cents(u.namedCost().getOrDefault(p.bundles().get(b).id(), p.bundles().get(b).cost()));
          long tokens = 0;
          boolean ok = true;
          for (int i = 0; i < used.size(); i++) {
            ProductId prod = used.get(i);
            if (b >= 0 && p.bundles().get(b).includes().contains(prod)) {
              continue;
            }
            boolean wantNamed = (mask >> i & 1) == 1;
            boolean flexOk = p.flexAllowed().contains(prod) && u.pin() != Pin.NAMED;
            boolean namedOk = p.namedCost().containsKey(prod) && !(u.pin() == Pin.FLEX && p.flexAllowed().contains(prod));
            if (wantNamed && namedOk) {
              cost += cents(u.namedCost().getOrDefault(prod, p.namedCost().get(prod)));
            } else if (!wantNamed && flexOk) {
              tokens += u.tokens().get(prod);
            } else {
              ok = false;
            }
          }
          if (ok) {
            opts.add(new long[] {cost, tokens});
          }
        }
      }
      if (opts.isEmpty()) {
        return BigDecimal.valueOf(-1);
      }
      options.add(opts);
      maxTokens += opts.stream().mapToLong(o -> o[1]).max().orElse(0);
    }
    long inf = Long.MAX_VALUE / 4;
    long[] best = new long[(int) Math.min(maxTokens, cap) + 1];
    Arrays.fill(best, inf);
    best[0] = 0;
    for (List<long[]> opts : options) {
      long[] next = new long[best.length];
      Arrays.fill(next, inf);
      for (int t = 0; t < best.length; t++) {
        if (best[t] == inf) {
          continue;
        }
        for (long[] o : opts) {
          long nt = t + o[1];
          if (nt < best.length) {
            next[(int) nt] = Math.min(next[(int) nt], best[t] + o[0]);
          }
        }
      }
      best = next;
    }
    // naive pack cover in exact decimal
    List<TokenPack> packs = p.packs().packs();
    BigDecimal[] cover = new BigDecimal[best.length];
    cover[0] = BigDecimal.ZERO;
    for (int t = 1; t < cover.length; t++) {
      BigDecimal m = null;
      for (TokenPack pk : packs) {
        BigDecimal c = cover[(int) Math.max(0, t - pk.size())].add(pk.exactPrice());
        m = m == null || c.compareTo(m) < 0 ? c : m;
      }
      cover[t] = m;
    }
    BigDecimal opt = null;
    for (int t = 0; t < best.length; t++) {
      if (best[t] == inf) {
        continue;
      }
      BigDecimal v = BigDecimal.valueOf(best[t], scale).add(cover[t]);
      opt = opt == null || v.compareTo(opt) < 0 ? v : opt;
    }
    return opt == null ? BigDecimal.valueOf(-1) : opt.setScale(2, java.math.RoundingMode.HALF_EVEN);
  }

  private static long cents(Money m) {
    return m.amount().movePointRight(2).longValueExact();
  }

  @Test
  void optimalEqualsBruteForceOnUpToEightUsers() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              HybridProblem p = instance(seed, 8);
              BigDecimal expected = reference(p);
              OptimizationResult result = HybridOptimizer.solve(p);
              if (expected.signum() < 0) {
                assertThat(result).isInstanceOf(OptimizationResult.Infeasible.class);
              } else {
                assertThat(result.orElseThrow().total().amount()).as("seed %s", seed).isEqualByComparingTo(expected);
              }
            });
  }

  @Test
  void optimumDoesNotDependOnTheFirstSlackTried() {
    // the search widens its slack until the plan it found is proven optimal; starting from any
    // slack (0 included) must give the brute-force optimum
    qt().withExamples(300)
        .forAll(longs().all(), longs().between(0, 100_000))
        .checkAssert(
            (seed, firstSlack) -> {
              HybridProblem p = instance(seed, 8);
              BigDecimal expected = reference(p);
              OptimizationResult result = HybridOptimizer.solve(p, firstSlack);
              if (expected.signum() < 0) {
                assertThat(result).isInstanceOf(OptimizationResult.Infeasible.class);
              } else {
                assertThat(result.orElseThrow().total().amount())
                    .as("seed %s, first slack %s", seed, firstSlack)
                    .isEqualByComparingTo(expected);
              }
            });
  }

  @Test
  void solutionTotalEqualsSubscriptionsPlusItsPackPurchase() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              HybridProblem p = instance(seed, 8);
              HybridOptimizer.solve(p)
                  .fold(
                      s -> {
                        Money subs = Money.total(p.packs().currency(), s.assignments().stream().map(Assignment::subscriptions).toList());
                        long tokens = s.assignments().stream().mapToLong(Assignment::tokens).sum();
                        assertThat(s.total()).isEqualTo(subs.plus(p.packs().cheapestCover(dev.seatwise.domain.tokens.Tokens.of(tokens)).cost()));
                        assertThat(s.lowerBound()).isLessThanOrEqualTo(s.total());
                        return null;
                      },
                      i -> null);
            });
  }

  @Test
  void optimalIsNeverAboveAllNamedOrAllFlex() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              HybridProblem p = instance(seed, 8);
              HybridProblem free = p.withAllPinned(Pin.NONE);
              OptimizationResult opt = HybridOptimizer.solve(free);
              if (opt instanceof OptimizationResult.Solved s) {
                for (Pin pin : List.of(Pin.NAMED, Pin.FLEX)) {
                  HybridOptimizer.solve(free.withAllPinned(pin))
                      .fold(o -> assertThat(s.total()).isLessThanOrEqualTo(o.total()), i -> null);
                }
              }
            });
  }

  @Test
  void removingAUserNeverRaisesTheOptimalTotal() {
    qt().withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              HybridProblem p = instance(seed, 8);
              OptimizationResult all = HybridOptimizer.solve(p);
              if (all instanceof OptimizationResult.Solved s && p.users().size() > 1) {
                List<UserDemand> fewer = new ArrayList<>(p.users());
                fewer.remove((int) Math.floorMod(seed, (long) fewer.size()));
                Money less = HybridOptimizer.solve(p.withUsers(fewer)).orElseThrow().total();
                assertThat(less).isLessThanOrEqualTo(s.total());
              }
            });
  }

  @Test
  void aTokenCapIsRespectedAndExact() {
    qt().withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              HybridProblem p = instance(seed, 6).withAllPinned(Pin.NONE);
              OptimizationResult free = HybridOptimizer.solve(p);
              if (!(free instanceof OptimizationResult.Solved s) || s.tokens() == 0) {
                return;
              }
              long cap = Math.floorMod(seed, s.tokens());
              // the capped search also widens its slack: start it anywhere from 0 up
              OptimizationResult capped =
                  HybridOptimizer.solve(p.withTokenCap(cap), Math.floorMod(seed >> 20, 5_000L));
              BigDecimal expected = reference(p, cap);
              if (expected.signum() < 0) {
                assertThat(capped).isInstanceOf(OptimizationResult.Infeasible.class);
              } else {
                OptimizationResult.Solved c = capped.orElseThrow();
                assertThat(c.tokens()).isLessThanOrEqualTo(cap);
                assertThat(c.total().amount()).as("seed %s cap %s", seed, cap).isEqualByComparingTo(expected);
              }
            });
  }
}
