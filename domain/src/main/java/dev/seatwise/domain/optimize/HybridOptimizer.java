package dev.seatwise.domain.optimize;

import com.google.common.collect.ImmutableSortedSet;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the exact cheapest hybrid plan.
 *
 * <p>The pack cost {@code P(T)} of the pooled Flex tokens makes users interact, so a per-user choice
 * is not enough. The search prices tokens at a Lagrangian rate {@code λ} (the best price per token,
 * or higher when a token cap binds): each user's best option at that rate gives a lower bound, and
 * {@code P(T) - λT} is bounded and, past {@link PackPricing#periodicFrom()}, periodic in the best
 * pack's size. Only options whose reduced cost fits within the gap between that bound and the
 * baseline plan can be part of an optimum; a multiple-choice dynamic programme over those options,
 * keyed by the total tokens (or its residue in the periodic regime), then finds the exact optimum.
 *
 * <p>Stateless and thread-safe.
 */
public final class HybridOptimizer {
  /**
   * Largest dynamic-programming table (candidates x token states) the exact search will build; a
   * cell costs one byte (two for a candidate with more than 126 options).
   */
  public static final long MAX_CELLS = 400_000_000L;

  private static final int MAX_UNCOVERED = 20;
  private static final long INF = Long.MAX_VALUE / 4;
  /** The first slack (in scaled currency units) the search tries before widening it. */
  private static final long FIRST_SLACK = 1_000;

  private HybridOptimizer() {}

  /** One way to cover a user's products. */
  private record Option(long cost, long tokens, int bundle, long namedMask, long flexMask) {}

  /** A user's Pareto frontier of options, by increasing tokens and decreasing cost. */
  private record Frontier(UserDemand demand, List<ProductId> products, Option[] options) {}

  /** Solves {@code problem} exactly. */
  public static OptimizationResult solve(HybridProblem problem) {
    return solve(problem, -1);
  }

  /**
   * Solves {@code problem} exactly, trying {@code firstSlack} (scaled currency units) first; a
   * negative value picks the default. The answer does not depend on it (tests vary it).
   */
  static OptimizationResult solve(HybridProblem problem, long firstSlack) {
    PackPricing packs = problem.packs();
    int scale = packs.costScale();
    Prices prices = Prices.of(problem, scale);
    List<Frontier> frontiers = new ArrayList<>();
    for (UserDemand u : problem.users()) {
      if (u.tokens().isEmpty()) {
        continue;
      }
      Optional<String> why = frontier(problem, prices, u, frontiers);
      if (why.isPresent()) {
        return new OptimizationResult.Infeasible(why.get());
      }
    }
    long lambda0 = packs.bestUnitPrice().perUnit().setScale(scale, RoundingMode.UNNECESSARY)
        .unscaledValue().longValueExact();
    long cap = problem.tokenCap().orElse(Long.MAX_VALUE);
    long lambda = lambda0;
    if (totalTokens(frontiers, lambda) > cap) {
      long minTokens = 0;
      for (Frontier f : frontiers) {
        minTokens += f.options()[0].tokens();
      }
      if (minTokens > cap) {
        return new OptimizationResult.Infeasible(
            "the token cap " + cap + " is below the " + minTokens
                + " tokens that users pinned to Flex or without another cover need");
      }
      long hi = lambda0 + 1;
      while (totalTokens(frontiers, hi) > cap) {
        hi = Math.multiplyExact(hi, 2);
      }
      long lo = lambda0;
      while (lo + 1 < hi) {
        long mid = lo + (hi - lo) / 2;
        if (totalTokens(frontiers, mid) > cap) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      lambda = hi;
    }
    return search(problem, frontiers, lambda, lambda0, cap, scale, firstSlack);
  }

  private static OptimizationResult search(
      HybridProblem problem, List<Frontier> frontiers, long lambda, long lambda0, long cap,
      int scale, long firstSlack) {
    PackPricing packs = problem.packs();
    int n = frontiers.size();
    int[] base = new int[n];
    long lagrangian = 0;
    long subscriptions = 0;
    long t0 = 0;
    for (int u = 0; u < n; u++) {
      base[u] = bestAt(frontiers.get(u).options(), lambda);
      Option o = frontiers.get(u).options()[base[u]];
      lagrangian = Math.addExact(lagrangian, reduced(o, lambda));
      subscriptions = Math.addExact(subscriptions, o.cost());
      t0 = Math.addExact(t0, o.tokens());
    }
    long upper = Math.addExact(subscriptions, packs.scaledCostOf(t0));
    long minExcess = lambda == lambda0 ? 0 : Math.multiplyExact(lambda0 - lambda, cap);
    long lower = lagrangian + minExcess;
    // Every plan costing at most `upper` has reduced-cost increases summing to at most
    // upper - lower. Search a small slack first: the best plan found within slack b costs V, and
    // any cheaper plan's increases sum to less than V - lower, so V is optimal once V - lower <= b.
    // Otherwise V is a better upper bound, and the slack grows.
    long budget = upper - lower;
    long slack = Math.min(budget,
        firstSlack >= 0 ? firstSlack : Math.max(FIRST_SLACK, budget >> 8));
    while (true) {
      Search s = searchWithin(packs, frontiers, base, t0, lambda, cap, slack);
      long found = s.value() - minExcess; // the plan's cost minus lower
      if (found <= slack || slack >= budget) {
        return solution(problem, frontiers, s.chosen(), scale, lower, s.candidates());
      }
      budget = Math.min(budget, found);
      slack = Math.min(budget, Math.max(1, slack) * 8);
    }
  }

  /**
   * The cheapest plan among those whose reduced-cost increases over {@code base} sum to at most
   * {@code slack}: its choices, its value above the Lagrangian ({@code sum of increases + P(T) -
   * lambda T}) and the number of users the DP examined.
   */
  private static Search searchWithin(
      PackPricing packs, List<Frontier> frontiers, int[] base, long t0, long lambda, long cap,
      long slack) {
    int n = frontiers.size();
    // candidates: users with another option whose reduced-cost increase fits in the slack
    List<Integer> cand = new ArrayList<>();
    List<long[]> deltas = new ArrayList<>();
    List<long[]> costs = new ArrayList<>();
    List<int[]> which = new ArrayList<>();
    long tMin = t0;
    long tMax = t0;
    for (int u = 0; u < n; u++) {
      Option[] opts = frontiers.get(u).options();
      long bestReduced = reduced(opts[base[u]], lambda);
      int count = 0;
      for (int j = 0; j < opts.length; j++) {
        if (j != base[u] && reduced(opts[j], lambda) - bestReduced <= slack) {
          count++;
        }
      }
      if (count == 0) {
        continue;
      }
      long[] d = new long[count];
      long[] r = new long[count];
      int[] w = new int[count];
      long lo = 0;
      long hi = 0;
      int k = 0;
      for (int j = 0; j < opts.length; j++) {
        long increase = reduced(opts[j], lambda) - bestReduced;
        if (j == base[u] || increase > slack) {
          continue;
        }
        d[k] = opts[j].tokens() - opts[base[u]].tokens();
        r[k] = increase;
        w[k] = j;
        lo = Math.min(lo, d[k]);
        hi = Math.max(hi, d[k]);
        k++;
      }
      tMin += lo;
      tMax += hi;
      cand.add(u);
      deltas.add(d);
      costs.add(r);
      which.add(w);
    }
    int[] chosen = base.clone();
    int k = cand.size();
    long period = packs.bestValuePack().size();
    boolean periodic = cap == Long.MAX_VALUE && tMin >= packs.periodicFrom();
    long statesL = periodic ? period : tMax - tMin + 1;
    if (k == 0) {
      return new Search(chosen, packs.scaledCostOf(t0) - lambda * t0, 0);
    }
    if (statesL * (long) k > MAX_CELLS) {
      throw new IllegalArgumentException(
          "instance too large for the exact search: " + k + " candidate users x " + statesL
              + " token states; narrow the period or the token cap");
    }
    int states = (int) statesL;
    long origin = periodic ? packs.periodicFrom() : tMin;
    long[] cur = new long[states];
    Arrays.fill(cur, INF);
    int start = index(t0, origin, periodic, period);
    cur[start] = 0;
    // the option each candidate took to reach each state (0 = kept its base option)
    byte[][] small = new byte[k][];
    short[][] wide = new short[k][];
    for (int c = 0; c < k; c++) {
      long[] next = cur.clone();
      long[] d = deltas.get(c);
      byte[] chSmall = d.length < Byte.MAX_VALUE ? new byte[states] : null;
      short[] chWide = chSmall == null ? new short[states] : null;
      long[] r = costs.get(c);
      int[] shift = new int[d.length]; // d[j] mod period, so the inner loop needs no division
      for (int j = 0; periodic && j < d.length; j++) {
        shift[j] = (int) Math.floorMod(d[j], period);
      }
      for (int s = 0; s < states; s++) {
        long v = cur[s];
        if (v > slack) {
          continue;
        }
        for (int j = 0; j < d.length; j++) {
          long nv = v + r[j];
          if (nv > slack) {
            continue;
          }
          int t;
          if (periodic) {
            t = s + shift[j];
            if (t >= states) {
              t -= states;
            }
          } else {
            long tt = s + d[j];
            if (tt < 0 || tt >= states) {
              continue;
            }
            t = (int) tt;
          }
          if (nv < next[t]) {
            next[t] = nv;
            if (chSmall != null) {
              chSmall[t] = (byte) (j + 1);
            } else {
              chWide[t] = (short) (j + 1);
            }
          }
        }
      }
      small[c] = chSmall;
      wide[c] = chWide;
      cur = next;
    }
    long best = INF;
    int bestState = -1;
    for (int s = 0; s < states; s++) {
      if (cur[s] > slack) {
        continue;
      }
      long total = origin + s;
      if (!periodic && total > cap) {
        break;
      }
      long excess = packs.scaledCostOf(total) - lambda * total;
      long v = cur[s] + excess;
      if (v < best) {
        best = v;
        bestState = s;
      }
    }
    int s = bestState;
    for (int c = k - 1; c >= 0; c--) {
      int j = (small[c] != null ? small[c][s] : wide[c][s]) - 1;
      if (j >= 0) {
        chosen[cand.get(c)] = which.get(c)[j];
        long prev = s - deltas.get(c)[j];
        s = (int) (periodic ? Math.floorMod(prev, period) : prev);
      }
    }
    return new Search(chosen, best, k);
  }

  /** A plan found within a slack, its value above the Lagrangian, and the users examined. */
  private record Search(int[] chosen, long value, int candidates) {}

  private static int index(long t, long origin, boolean periodic, long period) {
    return (int) (periodic ? Math.floorMod(t - origin, period) : t - origin);
  }

  private static OptimizationResult solution(
      HybridProblem problem, List<Frontier> frontiers, int[] chosen, int scale, long lower,
      int candidates) {
    PackPricing packs = problem.packs();
    var currency = packs.currency();
    List<Assignment> out = new ArrayList<>(frontiers.size());
    long subsScaled = 0;
    long tokens = 0;
    for (int u = 0; u < frontiers.size(); u++) {
      Frontier f = frontiers.get(u);
      Option o = f.options()[chosen[u]];
      ImmutableSortedSet.Builder<ProductId> named = ImmutableSortedSet.naturalOrder();
      ImmutableSortedSet.Builder<ProductId> flex = ImmutableSortedSet.naturalOrder();
      for (int i = 0; i < f.products().size(); i++) {
        if ((o.namedMask() >>> i & 1) == 1) {
          named.add(f.products().get(i));
        }
        if ((o.flexMask() >>> i & 1) == 1) {
          flex.add(f.products().get(i));
        }
      }
      Money cost = Money.of(BigDecimal.valueOf(o.cost(), scale), currency);
      Optional<ProductId> bundle =
          o.bundle() < 0 ? Optional.empty() : Optional.of(problem.bundles().get(o.bundle()).id());
      out.add(new Assignment(
          f.demand().user(), bundle, named.build(), flex.build(), cost, o.tokens()));
      subsScaled = Math.addExact(subsScaled, o.cost());
      tokens = Math.addExact(tokens, o.tokens());
    }
    Money subs = Money.of(BigDecimal.valueOf(subsScaled, scale), currency);
    if (!sortedByUser(out)) {
      out.sort(Comparator.comparing(Assignment::user));
    }
    PackPurchase purchase = packs.cheapestCover(new Tokens(tokens));
    Money total = subs.plus(purchase.cost());
    Money bound =
        Money.rounded(BigDecimal.valueOf(lower, scale), currency, RoundingMode.FLOOR);
    return new OptimizationResult.Solved(out, purchase, subs, total, bound, candidates);
  }

  private static boolean sortedByUser(List<Assignment> list) {
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i - 1).user().compareTo(list.get(i).user()) > 0) {
        return false;
      }
    }
    return true;
  }

  private static long reduced(Option o, long lambda) {
    return Math.addExact(o.cost(), Math.multiplyExact(lambda, o.tokens()));
  }

  private static int bestAt(Option[] options, long lambda) {
    int best = 0;
    long value = reduced(options[0], lambda);
    for (int j = 1; j < options.length; j++) {
      long v = reduced(options[j], lambda);
      if (v < value) {
        value = v;
        best = j;
      }
    }
    return best;
  }

  private static long totalTokens(List<Frontier> frontiers, long lambda) {
    long sum = 0;
    for (Frontier f : frontiers) {
      sum = Math.addExact(sum, f.options()[bestAt(f.options(), lambda)].tokens());
    }
    return sum;
  }

  /** The problem's prices as scaled integers, computed once per solve rather than per option. */
  private record Prices(Map<ProductId, Long> named, long[] bundles, int scale) {
    static Prices of(HybridProblem problem, int scale) {
      Map<ProductId, Long> named = new HashMap<>();
      problem.namedCost().forEach((p, m) -> named.put(p, scaled(m, scale)));
      long[] bundles = new long[problem.bundles().size()];
      for (int b = 0; b < bundles.length; b++) {
        bundles[b] = scaled(problem.bundles().get(b).cost(), scale);
      }
      return new Prices(named, bundles, scale);
    }

    /** A user's price of a named product: its own, else the problem's. */
    long named(UserDemand u, ProductId p) {
      Money own = u.namedCost().get(p);
      return own != null ? scaled(own, scale) : named.get(p);
    }

    /** A user's price of bundle {@code b}: its own, else the problem's. */
    long bundle(HybridProblem problem, UserDemand u, int b) {
      Money own = u.namedCost().get(problem.bundles().get(b).id());
      return own != null ? scaled(own, scale) : bundles[b];
    }
  }

  private static Optional<String> frontier(
      HybridProblem problem, Prices prices, UserDemand u, List<Frontier> out) {
    List<ProductId> products = new ArrayList<>(u.tokens().keySet());
    int m = products.size();
    if (m > 62) {
      return Optional.of("user " + u.user() + " uses more than 62 products");
    }
    List<Option> all = new ArrayList<>();
    for (int b = -1; b < problem.bundles().size(); b++) {
      long coveredMask = 0;
      long cost = 0;
      if (b >= 0) {
        if (u.pin() == Pin.FLEX) {
          continue;
        }
        BundleOffer offer = problem.bundles().get(b);
        for (int i = 0; i < m; i++) {
          if (offer.includes().contains(products.get(i))) {
            coveredMask |= 1L << i;
          }
        }
        if (coveredMask == 0) {
          continue;
        }
        cost = prices.bundle(problem, u, b);
      }
      // per uncovered product: which choices exist
      List<Integer> free = new ArrayList<>();
      long forcedNamed = 0;
      long forcedFlex = 0;
      long forcedCost = cost;
      long forcedTokens = 0;
      boolean impossible = false;
      for (int i = 0; i < m; i++) {
        if ((coveredMask >>> i & 1) == 1) {
          continue;
        }
        ProductId p = products.get(i);
        boolean canNamed = problem.namedCost().containsKey(p);
        boolean canFlex = problem.flexAllowed().contains(p);
        if (u.pin() == Pin.NAMED) {
          canFlex = false;
        }
        if (u.pin() == Pin.FLEX && canFlex) {
          canNamed = false;
        }
        if (canNamed && canFlex) {
          free.add(i);
        } else if (canNamed) {
          forcedNamed |= 1L << i;
          forcedCost += prices.named(u, p);
        } else if (canFlex) {
          forcedFlex |= 1L << i;
          forcedTokens += u.tokens().get(p);
        } else {
          impossible = true;
        }
      }
      if (impossible) {
        continue;
      }
      if (free.size() > MAX_UNCOVERED) {
        return Optional.of("user " + u.user() + " has too many products to choose between");
      }
      for (long combo = 0; combo < (1L << free.size()); combo++) {
        long named = forcedNamed;
        long flex = forcedFlex;
        long c = forcedCost;
        long t = forcedTokens;
        for (int f = 0; f < free.size(); f++) {
          int i = free.get(f);
          ProductId p = products.get(i);
          if ((combo >>> f & 1) == 1) {
            named |= 1L << i;
            c += prices.named(u, p);
          } else {
            flex |= 1L << i;
            t += u.tokens().get(p);
          }
        }
        all.add(new Option(c, t, b, named, flex));
      }
    }
    if (all.isEmpty()) {
      return Optional.of(
          "user " + u.user() + " uses " + products
              + " but no allowed combination of subscriptions and Flex covers them");
    }
    all.sort(Comparator.comparingLong(Option::tokens).thenComparingLong(Option::cost));
    List<Option> pareto = new ArrayList<>();
    long minCost = Long.MAX_VALUE;
    for (Option o : all) {
      if (o.cost() < minCost) {
        pareto.add(o);
        minCost = o.cost();
      }
    }
    out.add(new Frontier(u, List.copyOf(products), pareto.toArray(new Option[0])));
    return Optional.empty();
  }

  private static long scaled(Money m, int scale) {
    return m.amount().setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }
}
