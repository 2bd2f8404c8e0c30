package dev.seatwise.domain.optimize.pool;

import dev.seatwise.domain.metering.ConcurrencyProfile;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cheapest mix of named seats and a pool sized for the rest, for a vendor whose cost is the
 * peak of concurrent tokens: minimise {@code sum of named seats + cost of the cheapest pack cover
 * of the pool's need}, where the need of the users left in the pool is the peak of the tokens they
 * hold together (or, with a service level, the smallest capacity refusing at most that share of
 * their intervals).
 *
 * <p><b>Without refusals</b> the search is exact:
 *
 * <ol>
 *   <li><b>Dominance.</b> A user whose named cost is at least the pool cost of the most tokens they
 *       ever hold stays in the pool in some optimum: adding them raises the peak by at most that
 *       many tokens, and a cover of {@code a + b} costs at most a cover of {@code a} plus one of
 *       {@code b} (cost is monotone and subadditive). Users not sold named stay in the pool too.
 *   <li><b>Bound.</b> A pool of {@code P} tokens costs at least {@code P x} the best price per token,
 *       and at any instant {@code t} the pool holds at least the tokens of its users then, so every
 *       mix costs at least {@code max over t of [price x tokens of the users fixed in the pool at t
 *       + sum over undecided users of min(their named cost, price x their tokens at t)]} plus the
 *       named seats chosen. This is the lower bound reported and the branch-and-bound's pruning rule.
 *   <li><b>Branch and bound</b> over the remaining users (named or pool), from a local-search start.
 *       When the search finishes within its work budget the result is proven optimal; otherwise it
 *       is the best found, with the bound of step 2 (a proven gap).
 * </ol>
 *
 * <p><b>With a service level</b> (refusals tolerated) the pool's need is not monotone in its users
 * (a bigger pool may admit a heavy interval that then blocks several light ones), so the bound and
 * the dominance do not hold: up to {@value #ENUMERATE_WITH_REFUSALS} nameable users every mix is
 * tried (exact); beyond, a local search gives a mix no single move improves, with no proven bound.
 *
 * <p>Costs are compared exactly at annual prices (pro-rating is the same factor for every line);
 * the result is pro-rated once per line. Stateless; never reads the clock.
 */
public final class PoolMixOptimizer {
  static final int ENUMERATE_WITH_REFUSALS = 12;
  /** Work budget of the branch and bound, in grid cells visited. */
  static final long WORK_BUDGET = 400_000_000L;

  private PoolMixOptimizer() {}

  public static PoolMix solve(PoolMixProblem problem) {
    return new Search(problem).run();
  }

  private static final class Search {
    final PoolMixProblem pb;
    final List<PoolUser> users;
    final int n;
    final int scale;
    final long multiplier; // pack cost scale -> common scale
    final long[] named; // scaled annual named cost, -1 when not nameable
    final long[] maxHeld;
    final long perToken; // floor of the best price per token, scaled
    final long[] grid;
    final int[][] segFrom;
    final int[][] segTo;
    final double rate;
    /** Search counters (final arrays: the domain holds only final fields): nodes, work, budget exceeded (0/1). */
    final long[] counters = new long[3];

    Search(PoolMixProblem pb) {
      this.pb = pb;
      this.users = pb.users();
      this.n = users.size();
      this.rate = pb.toleratedRefusalRate();
      int s = Math.max(pb.packs().costScale(), pb.packs().currency().getDefaultFractionDigits());
      for (PoolUser u : users) {
        if (u.named().isPresent()) {
          s = Math.max(s, u.named().get().amount().scale());
        }
      }
      this.scale = s;
      this.multiplier = BigDecimal.ONE.movePointRight(s - pb.packs().costScale()).longValueExact();
      named = new long[n];
      maxHeld = new long[n];
      for (int i = 0; i < n; i++) {
        PoolUser u = users.get(i);
        named[i] = u.named().map(m -> m.amount().movePointRight(scale).longValueExact()).orElse(-1L);
        maxHeld[i] = u.maxHeld();
      }
      perToken = pb.packs().bestUnitPrice().perUnit().movePointRight(scale)
          .setScale(0, RoundingMode.FLOOR).longValueExact();
      long[] all = users.stream().flatMapToLong(u -> java.util.stream.LongStream.concat(
          Arrays.stream(u.starts()), Arrays.stream(u.ends()))).sorted().distinct().toArray();
      grid = all;
      segFrom = new int[n][];
      segTo = new int[n][];
      for (int i = 0; i < n; i++) {
        PoolUser u = users.get(i);
        segFrom[i] = new int[u.starts().length];
        segTo[i] = new int[u.starts().length];
        for (int k = 0; k < u.starts().length; k++) {
          segFrom[i][k] = Arrays.binarySearch(grid, u.starts()[k]);
          segTo[i][k] = Arrays.binarySearch(grid, u.ends()[k]);
        }
      }
    }

    long poolCost(long tokens) {
      return Math.multiplyExact(pb.packs().scaledCostOf(tokens), multiplier);
    }

    /** Adds user i's tokens (times sign) to a level array over the grid (as a difference array). */
    void addDiff(long[] diff, int i, long sign) {
      long[] w = users.get(i).weights();
      for (int k = 0; k < w.length; k++) {
        diff[segFrom[i][k]] += sign * w[k];
        diff[segTo[i][k]] -= sign * w[k];
      }
    }

    long[] levels(boolean[] inPool) {
      long[] diff = new long[grid.length + 1];
      for (int i = 0; i < n; i++) {
        if (inPool[i]) {
          addDiff(diff, i, 1);
        }
      }
      long level = 0;
      for (int t = 0; t < grid.length; t++) {
        level += diff[t];
        diff[t] = level;
      }
      return diff;
    }

    /** The pool's need with the users in {@code inPool}. */
    long need(boolean[] inPool) {
      if (rate == 0) {
        long max = 0;
        for (long l : levels(inPool)) {
          max = Math.max(max, l);
        }
        return max;
      }
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (inPool[i]) {
          count += users.get(i).starts().length;
        }
      }
      long[] st = new long[count];
      long[] en = new long[count];
      long[] w = new long[count];
      int c = 0;
      for (int i = 0; i < n; i++) {
        if (inPool[i]) {
          PoolUser u = users.get(i);
          System.arraycopy(u.starts(), 0, st, c, u.starts().length);
          System.arraycopy(u.ends(), 0, en, c, u.ends().length);
          System.arraycopy(u.weights(), 0, w, c, u.weights().length);
          c += u.starts().length;
        }
      }
      return count == 0 ? 0 : ConcurrencyProfile.ofNanos(st, en, w).capacityForRefusalRate(rate);
    }

    long cost(boolean[] inPool) {
      long c = poolCost(need(inPool));
      for (int i = 0; i < n; i++) {
        if (!inPool[i]) {
          c = Math.addExact(c, named[i]);
        }
      }
      return c;
    }

    /** Single moves until none improves; users in {@code fixed} stay in the pool. */
    boolean[] localSearch(boolean[] start, boolean[] fixed) {
      boolean[] cur = start.clone();
      long best = cost(cur);
      for (int round = 0; round < 4 * n + 4; round++) {
        int move = -1;
        long moveCost = best;
        for (int i = 0; i < n; i++) {
          if (fixed[i] || named[i] < 0) {
            continue;
          }
          cur[i] = !cur[i];
          long c = cost(cur);
          cur[i] = !cur[i];
          if (c < moveCost) {
            moveCost = c;
            move = i;
          }
        }
        if (move < 0) {
          break;
        }
        cur[move] = !cur[move];
        best = moveCost;
      }
      return cur;
    }

    PoolMix run() {
      boolean[] inPool = new boolean[n];
      Arrays.fill(inPool, true);
      boolean[] fixed = new boolean[n];
      boolean proven;
      long lower;
      boolean[] best;
      if (rate == 0) {
        List<Integer> cand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          fixed[i] = named[i] < 0 || named[i] >= poolCost(maxHeld[i]);
          if (!fixed[i]) {
            cand.add(i);
          }
        }
        best = localSearch(inPool, fixed);
        long[] base = levels(fixed);
        long[][] dense = new long[cand.size()][];
        for (int c = 0; c < cand.size(); c++) {
          boolean[] only = new boolean[n];
          only[cand.get(c)] = true;
          dense[c] = levels(only);
        }
        BranchAndBound bb = new BranchAndBound(cand, base, dense, cost(best));
        lower = bb.rootBound();
        bb.dfs(0, 0L, base.clone(), new boolean[cand.size()]);
        if (bb.found[0] != null) {
          best = inPool.clone();
          for (int c = 0; c < cand.size(); c++) {
            best[cand.get(c)] = !bb.found[0][c];
          }
        }
        proven = counters[2] == 0;
        best = localSearch(best, new boolean[n]);
        if (proven) {
          lower = cost(best);
        }
      } else {
        List<Integer> nameable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (named[i] >= 0) {
            nameable.add(i);
          }
        }
        if (nameable.size() <= ENUMERATE_WITH_REFUSALS) {
          best = inPool.clone();
          long bestCost = cost(best);
          for (long mask = 1; mask < (1L << nameable.size()); mask++) {
            boolean[] x = inPool.clone();
            for (int b = 0; b < nameable.size(); b++) {
              if ((mask & (1L << b)) != 0) {
                x[nameable.get(b)] = false;
              }
            }
            counters[0]++;
            long c = cost(x);
            if (c < bestCost) {
              bestCost = c;
              best = x;
            }
          }
          proven = true;
          lower = bestCost;
        } else {
          best = localSearch(inPool, new boolean[n]);
          proven = false;
          lower = 0;
        }
      }
      return result(best, proven, lower);
    }

    final class BranchAndBound {
      final List<Integer> cand;
      final long[] base;
      final long[][] dense;
      final long[] incumbent = new long[1];
      final boolean[][] found = new boolean[1][];

      BranchAndBound(List<Integer> cand, long[] base, long[][] dense, long incumbent) {
        this.cand = cand;
        this.base = base;
        this.dense = dense;
        this.incumbent[0] = incumbent;
      }

      long rootBound() {
        return bound(0, 0L, base);
      }

      /** Named cost so far + max over t of price x pool(t) + sum of min(named, price x held(t)) of the undecided. */
      long bound(int from, long namedSoFar, long[] pool) {
        long best = 0;
        for (int t = 0; t < grid.length; t++) {
          long v = perToken * pool[t];
          for (int c = from; c < cand.size(); c++) {
            long held = dense[c][t];
            if (held > 0) {
              v += Math.min(named[cand.get(c)], perToken * held);
            }
          }
          best = Math.max(best, v);
        }
        counters[1] += (long) grid.length * (cand.size() - from + 1);
        return namedSoFar + best;
      }

      void dfs(int c, long namedSoFar, long[] pool, boolean[] isNamed) {
        counters[0]++;
        if (counters[1] > WORK_BUDGET) {
          counters[2] = 1;
          return;
        }
        if (c == cand.size()) {
          long max = 0;
          for (long l : pool) {
            max = Math.max(max, l);
          }
          long total = namedSoFar + poolCost(max);
          if (total < incumbent[0]) {
            incumbent[0] = total;
            found[0] = isNamed.clone();
          }
          return;
        }
        if (bound(c, namedSoFar, pool) >= incumbent[0]) {
          return;
        }
        // pool first (usually cheaper), then named
        long[] withU = pool.clone();
        for (int t = 0; t < grid.length; t++) {
          withU[t] += dense[c][t];
        }
        dfs(c + 1, namedSoFar, withU, isNamed);
        isNamed[c] = true;
        dfs(c + 1, namedSoFar + named[cand.get(c)], pool, isNamed);
        isNamed[c] = false;
      }
    }

    Money money(long scaled) {
      return Money.of(BigDecimal.valueOf(scaled, scale), pb.packs().currency());
    }

    Money prorated(long scaledAnnual) {
      return pb.proration().apply(money(scaledAnnual));
    }

    Money proratedFloor(long scaledAnnual) {
      BigDecimal exact = BigDecimal.valueOf(scaledAnnual, scale)
          .multiply(BigDecimal.valueOf(pb.proration().days()))
          .divide(BigDecimal.valueOf(pb.proration().daysPerYear()),
              pb.packs().currency().getDefaultFractionDigits(), RoundingMode.FLOOR);
      return Money.of(exact, pb.packs().currency());
    }

    Money poolMoney(long tokens) {
      PackPurchase p = pb.packs().cheapestCover(new Tokens(tokens));
      return pb.proration().apply(p.cost());
    }

    PoolMix result(boolean[] inPool, boolean proven, long lower) {
      long need = need(inPool);
      PackPurchase purchase = pb.packs().cheapestCover(new Tokens(need));
      Money poolCost = pb.proration().apply(purchase.cost());
      Money namedCost = Money.zero(pb.packs().currency());
      Set<UserId> namedUsers = new HashSet<>();
      List<PoolChoice> choices = new ArrayList<>();
      String unit = pb.unit();
      BigDecimal unitPrice = pb.packs().bestUnitPrice().perUnit();
      for (int i = 0; i < n; i++) {
        PoolUser u = users.get(i);
        String reason;
        if (!inPool[i]) {
          namedUsers.add(u.user());
          Money seat = prorated(named[i]);
          namedCost = namedCost.plus(seat);
          inPool[i] = true;
          long with = need(inPool);
          inPool[i] = false;
          Money extra = poolMoney(with).minus(poolCost);
          reason = String.format("in the pool they would raise its need from %d to %d %s: +%s %s named %s -> named",
              need, with, unit, extra.amount().toPlainString(),
              extra.compareTo(seat) >= 0 ? ">=" : "<", seat.amount().toPlainString());
        } else if (named[i] < 0) {
          reason = "holds up to " + maxHeld[i] + " " + unit + "; a product they use is not sold named -> pool";
        } else {
          Money seat = prorated(named[i]);
          inPool[i] = false;
          long without = need(inPool);
          inPool[i] = true;
          Money saving = poolCost.minus(poolMoney(without));
          BigDecimal breakEven = u.named().get().amount().divide(unitPrice, 1, RoundingMode.HALF_EVEN);
          reason = String.format(
              "holds up to %d %s; naming them lowers the pool's need from %d to %d %s: -%s %s named %s"
                  + " (a named seat pays from %s %s of need freed) -> pool",
              maxHeld[i], unit, need, without, unit, saving.amount().toPlainString(),
              saving.compareTo(seat) <= 0 ? "<=" : ">", seat.amount().toPlainString(),
              breakEven.toPlainString(), unit);
        }
        choices.add(new PoolChoice(u.user(), !inPool[i], maxHeld[i], reason));
      }
      Money total = namedCost.plus(poolCost);
      Money lowerBound = proven ? total : proratedFloor(lower).min(total);
      return new PoolMix(namedUsers, need, purchase, namedCost, poolCost, total, lowerBound, proven, counters[0], choices);
    }
  }
}
