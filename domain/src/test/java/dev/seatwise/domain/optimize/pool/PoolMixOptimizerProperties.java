package dev.seatwise.domain.optimize.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.metering.ConcurrencyProfile;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.Proration;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pool-aware optimum equals brute force over every mix, on small random cases. */
class PoolMixOptimizerProperties {
  /** Up to {@code maxUsers} users, 1-3 intervals each on a 12-slot day, random weights and prices. */
  static PoolMixProblem instance(long seed, int maxUsers, double refusals) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(maxUsers);
    List<PoolUser> users = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      int k = 1 + r.nextInt(3);
      long[] st = new long[k];
      long[] en = new long[k];
      long[] w = new long[k];
      for (int i = 0; i < k; i++) {
        st[i] = r.nextInt(12) * 1_000_000_000L;
        en[i] = st[i] + (1 + r.nextInt(4)) * 1_000_000_000L;
        w[i] = 1 + r.nextInt(30);
      }
      Optional<Money> named = r.nextInt(6) == 0 ? Optional.empty()
          : Optional.of(Money.of(BigDecimal.valueOf(100 + r.nextInt(4000), 0).setScale(2), java.util.Currency.getInstance("USD")));
      users.add(new PoolUser(UserId.of("u" + u), named, st, en, w));
    }
    List<TokenPack> packs = new ArrayList<>();
    packs.add(new TokenPack(1 + r.nextInt(10), UnitPrice.of(String.valueOf(20 + r.nextInt(100)) + ".00", "USD")));
    if (r.nextBoolean()) {
      packs.add(new TokenPack(20 + r.nextInt(30), UnitPrice.of(String.valueOf(15 + r.nextInt(80)) + ".50", "USD")));
    }
    return new PoolMixProblem(users, PackPricing.of(packs), Proration.FULL_YEAR, refusals, "tokens");
  }

  /** The cheapest total over all 2^n mixes, needs computed independently of the optimiser. */
  static BigDecimal bruteForce(PoolMixProblem p) {
    int n = p.users().size();
    BigDecimal best = null;
    for (long mask = 0; mask < (1L << n); mask++) {
      BigDecimal total = BigDecimal.ZERO;
      List<long[]> pool = new ArrayList<>();
      boolean feasible = true;
      for (int u = 0; u < n; u++) {
        PoolUser user = p.users().get(u);
        if ((mask & (1L << u)) != 0) {
          if (user.named().isEmpty()) {
            feasible = false;
            break;
          }
          total = total.add(p.proration().apply(user.named().get()).amount());
        } else {
          for (int i = 0; i < user.starts().length; i++) {
            pool.add(new long[] {user.starts()[i], user.ends()[i], user.weights()[i]});
          }
        }
      }
      if (!feasible) {
        continue;
      }
      long need = 0;
      if (!pool.isEmpty()) {
        ConcurrencyProfile profile = ConcurrencyProfile.ofNanos(
            pool.stream().mapToLong(x -> x[0]).toArray(), pool.stream().mapToLong(x -> x[1]).toArray(),
            pool.stream().mapToLong(x -> x[2]).toArray());
        need = p.toleratedRefusalRate() == 0 ? profile.peak() : profile.capacityForRefusalRate(p.toleratedRefusalRate());
      }
      total = total.add(p.proration().apply(p.packs().cheapestCover(new Tokens(need)).cost()).amount());
      if (best == null || total.compareTo(best) < 0) {
        best = total;
      }
    }
    return best;
  }

  @Test
  void theOptimumEqualsBruteForceWithoutRefusals() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      PoolMixProblem p = instance(seed, 8, 0);
      PoolMix m = PoolMixOptimizer.solve(p);
      assertThat(m.total().amount()).as("seed %s", seed).isEqualByComparingTo(bruteForce(p));
      assertThat(m.proven()).isTrue();
      assertThat(m.lowerBound()).isEqualTo(m.total());
    });
  }

  @Test
  void theOptimumEqualsBruteForceWithAServiceLevel() {
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      PoolMixProblem p = instance(seed, 6, 0.2);
      PoolMix m = PoolMixOptimizer.solve(p);
      assertThat(m.total().amount()).as("seed %s", seed).isEqualByComparingTo(bruteForce(p));
      assertThat(m.proven()).isTrue();
    });
  }

  @Test
  void everyChoiceSurvivesASingleMove() {
    // the reasons state that no one user moving alone makes the mix cheaper; check it in numbers
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      PoolMixProblem p = instance(seed, 8, 0);
      PoolMix m = PoolMixOptimizer.solve(p);
      assertThat(m.choices()).hasSize(p.users().size())
          .allSatisfy(c -> assertThat(c.reason()).containsAnyOf(">= named", "<= named", "not sold named"));
    });
  }
}
