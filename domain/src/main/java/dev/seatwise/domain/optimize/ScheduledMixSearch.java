package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.FlexDemand;
import dev.seatwise.domain.plan.MixPlan;
import dev.seatwise.domain.plan.Plan;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.TokenPurchaseSchedule;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cheapest hybrid when tokens are bought by a {@link TokenPurchaseSchedule} rather than at
 * once: bounds and an improvement (docs/adr/0006-optimal-under-purchase-schedules.md).
 *
 * <p><b>Lower bound.</b> {@link HybridOptimizer} prices a mix's Flex tokens as one purchase of all
 * of them, {@code P(T)}. Every purchase schedule that pays {@code T} tokens buys a multiset of packs
 * holding at least {@code T} tokens, each at the price of some catalog version, and {@code P(T)}
 * under the union of the versions' packs ({@link #relaxation}) is the cheapest such multiset; so
 * for every mix, its schedule costs at least {@code P(T)}, and the relaxation's exact optimum is a
 * lower bound on every mix's cost under schedules (the named costs being the same in both).
 *
 * <p><b>Upper bound.</b> The relaxation's optimal mix, with its tokens bought by their cheapest
 * schedule, is a plan; {@link #improve} then re-evaluates single moves under the true schedule
 * cost (a user's Flex product to named, a named product to Flex, or all of a user's at once),
 * users nearest break-even first, accepting each that lowers the total, until a pass finds none or
 * the budget of schedule evaluations is spent; with no bundles offered and few choices (at most
 * the budget's worth of mixes) it evaluates every mix instead, which is exact. When the upper bound
 * meets the lower bound, or every mix was evaluated, the mix is proven optimal (the bounds always
 * meet within one validity and one price version, where the schedule is the single purchase);
 * otherwise the gap between them is the most it can be above the optimum.
 * Bundles held are kept as they are.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScheduledMixSearch {
  /**
   * The default number of schedules {@link #improve} evaluates; with no bundles offered and at
   * most this many mixes (2^choices), it evaluates them all.
   */
  public static final int DEFAULT_BUDGET = 256;

  private ScheduledMixSearch() {}

  /**
   * A mix under a purchase schedule: its assignments, the cheapest schedule of its Flex windows,
   * its subscription cost (the problem's per-seat prices), the lower bound on every mix, the
   * schedules evaluated, the improvements accepted, and whether every mix was evaluated (then it is
   * the optimum, whatever the bound). Immutable; nothing is null.
   */
  public record ScheduledMix(
      OptimizationResult.Solved relaxed,
      List<Assignment> assignments,
      TokenPurchaseSchedule schedule,
      Money subscriptions,
      Money lowerBound,
      int evaluated,
      int moves,
      boolean exhaustive) {
    public ScheduledMix {
      checkNotNull(relaxed, "relaxed");
      assignments = List.copyOf(assignments);
      checkNotNull(schedule, "schedule");
      checkNotNull(subscriptions, "subscriptions");
      checkNotNull(lowerBound, "lowerBound");
    }

    /** Subscriptions plus the schedule's purchases. */
    public Money total() {
      return subscriptions.plus(schedule.total());
    }

    /** The Flex tokens the schedule pays. */
    public long tokens() {
      long sum = 0;
      for (Assignment a : assignments) {
        sum = Math.addExact(sum, a.tokens());
      }
      return sum;
    }

    public Map<ProductId, List<UserId>> seatsByOffering() {
      return Mixes.seatsByOffering(assignments);
    }

    public Map<UserId, Set<ProductId>> onFlex() {
      return Mixes.onFlex(assignments);
    }

    /** This mix as a plan: its seats and the lots of its schedule ({@link MixPlan#of}). */
    public Plan plan(PlanPeriod period, CatalogHistory catalogs) {
      return MixPlan.of(seatsByOffering(), period, catalogs, schedule);
    }
  }

  /**
   * {@code problem} with the packs of every catalog version (per size, the lowest price), so that
   * its single purchase of {@code T} tokens costs no more than any schedule paying them: the
   * problem itself when there is one version.
   */
  public static HybridProblem relaxation(HybridProblem problem, CatalogHistory catalogs) {
    if (catalogs.versions().size() == 1) {
      return problem;
    }
    Map<Long, TokenPack> cheapest = new TreeMap<>();
    for (TokenPack p : problem.packs().packs()) {
      cheapest.merge(p.size(), p, ScheduledMixSearch::cheaper);
    }
    for (Catalog c : catalogs.versions()) {
      if (!c.currency().equals(problem.packs().currency())) {
        continue;
      }
      for (TokenPack p : c.packs()) {
        cheapest.merge(p.size(), p, ScheduledMixSearch::cheaper);
      }
    }
    return new HybridProblem(
        problem.namedCost(),
        problem.bundles(),
        problem.flexAllowed(),
        PackPricing.of(List.copyOf(cheapest.values())),
        problem.tokenCap(),
        problem.users());
  }

  private static TokenPack cheaper(TokenPack a, TokenPack b) {
    return b.exactPrice().compareTo(a.exactPrice()) < 0 ? b : a;
  }

  /**
   * The relaxation's optimum {@code relaxed} (of {@code problem}, normally {@link #relaxation})
   * under purchase schedules of the windows {@code windows} (all users' access windows, e.g. a
   * Flex meter's charges), improved by at most {@code budget} schedule evaluations.
   *
   * @throws IllegalArgumentException when a schedule cannot be made ({@link
   *     TokenPurchaseSchedule#cheapest}), or a price is not in the problem's currency
   */
  public static ScheduledMix improve(
      HybridProblem problem,
      OptimizationResult.Solved relaxed,
      List<Charge> windows,
      PlanPeriod period,
      CatalogHistory catalogs,
      int budget) {
    checkNotNull(windows, "windows");
    return improve(problem, relaxed, FlexDemand.of(windows, period, catalogs), budget);
  }

  /**
   * The relaxation's optimum {@code relaxed} (of {@code problem}, normally {@link #relaxation})
   * under purchase schedules of the Flex windows of {@code demand} (all users' access windows over
   * the period, by column), improved by at most {@code budget} schedule evaluations. Each mix's
   * tokens per day are kept as the sum of its (user, product) pairs' day vectors, so a move
   * changes only its user's pairs.
   *
   * @throws IllegalArgumentException when a schedule cannot be made ({@link
   *     TokenPurchaseSchedule#cheapest}), or a price is not in the problem's currency
   */
  public static ScheduledMix improve(
      HybridProblem problem, OptimizationResult.Solved relaxed, FlexDemand demand, int budget) {
    checkNotNull(problem, "problem");
    checkNotNull(relaxed, "relaxed");
    checkNotNull(demand, "demand");
    checkArgument(budget >= 0, "budget must be >= 0 but was %s", budget);
    Search s = new Search(problem, relaxed, demand);
    TokenPurchaseSchedule schedule = s.schedule();
    BigDecimal best = s.subscriptions().add(schedule.exactTotal());
    int evaluated = 1;
    int moves = 0;
    BigDecimal lower = relaxed.total().amount();
    boolean improved = best.compareTo(lower) > 0;
    List<UserId> free = new ArrayList<>();
    List<ProductId> freeProducts = new ArrayList<>();
    // with few choices every mix is evaluated (one pass over the masks, the first cheapest kept);
    // otherwise passes of moves, until a pass finds none or the budget is spent
    boolean exhaustive =
        improved
            && problem.bundles().isEmpty()
            && s.free(free, freeProducts)
            && (1L << free.size()) <= budget;
    long bestMask = exhaustive ? s.mask(free, freeProducts) : -1;
    long cap = problem.tokenCap().orElse(Long.MAX_VALUE);
    while (improved && (exhaustive || evaluated < budget)) {
      improved = false;
      for (Step step : exhaustive ? Step.everyMix(free.size()) : Step.moves(s.moves())) {
        if (!exhaustive && evaluated >= budget) {
          break;
        }
        if (step.move().isPresent() && !s.applicable(step.move().get())) {
          continue;
        }
        s.take(step, free, freeProducts);
        if (s.tokens() > cap) {
          s.undo(step);
          continue;
        }
        TokenPurchaseSchedule next = s.schedule();
        evaluated++;
        BigDecimal cost = s.subscriptions().add(next.exactTotal());
        if (cost.compareTo(best) < 0) {
          best = cost;
          schedule = next;
          bestMask = step.mask();
          moves++;
          improved = true;
        } else {
          s.undo(step);
        }
      }
      improved &= !exhaustive;
    }
    if (exhaustive) {
      s.set(free, freeProducts, bestMask);
    }
    return new ScheduledMix(
        relaxed,
        s.assignments(),
        schedule,
        Money.of(s.subscriptions(), relaxed.subscriptions().currency()),
        relaxed.total(),
        evaluated,
        moves,
        exhaustive);
  }

  /**
   * One candidate of the search: a move from the current mix (undone when it does not pay), or
   * every free choice set by a mask (each mask sets all of them, so nothing to undo).
   */
  private record Step(Optional<Move> move, long mask) {
    static List<Step> moves(List<Move> moves) {
      List<Step> out = new ArrayList<>(moves.size());
      for (Move m : moves) {
        out.add(new Step(Optional.of(m), -1));
      }
      return out;
    }

    /** Every mask of {@code choices} (at most 30) in increasing order, made when read. */
    static List<Step> everyMix(int choices) {
      checkArgument(choices <= 30, "%s choices are too many to evaluate every mix", choices);
      return new AbstractList<>() {
        @Override
        public Step get(int mask) {
          return new Step(Optional.empty(), mask);
        }

        @Override
        public int size() {
          return 1 << choices;
        }
      };
    }
  }

  /** Products of one user moving between named and Flex. */
  private record Move(UserId user, Set<ProductId> products, boolean toNamed, BigDecimal nearness) {}

  /** The search state: each user's named and Flex products (bundles are kept). */
  private static final class Search {
    private final HybridProblem problem;
    private final Map<UserId, UserDemand> demands = new HashMap<>();
    private final Map<UserId, Assignment> base = new LinkedHashMap<>();
    private final Map<UserId, TreeSet<ProductId>> named = new HashMap<>();
    private final Map<UserId, TreeSet<ProductId>> flex = new HashMap<>();
    private final FlexDemand demand;
    /** Each user's products whose windows are scheduled when on Flex (those of their demand). */
    private final Map<UserId, Set<ProductId>> scheduled = new HashMap<>();
    /** The current mix's Flex tokens per day ({@link FlexDemand#dayTokens}). */
    private final long[] dayTokens;
    private final BigDecimal lambda;

    Search(HybridProblem problem, OptimizationResult.Solved relaxed, FlexDemand demand) {
      this.problem = problem;
      this.demand = demand;
      this.lambda = problem.packs().bestUnitPrice().perUnit();
      for (UserDemand d : problem.users()) {
        demands.put(d.user(), d);
      }
      this.dayTokens = new long[demand.days()];
      for (Assignment a : relaxed.assignments()) {
        base.put(a.user(), a);
        named.put(a.user(), new TreeSet<>(a.named()));
        flex.put(a.user(), new TreeSet<>(a.flex()));
        UserDemand d = demands.get(a.user());
        scheduled.put(a.user(), d == null ? Set.of() : d.tokens().keySet());
        for (ProductId p : a.flex()) {
          if (scheduled.get(a.user()).contains(p)) {
            demand.add(dayTokens, a.user(), p, 1);
          }
        }
      }
    }

    /** The cheapest schedule of the current mix's Flex windows. */
    TokenPurchaseSchedule schedule() {
      return demand.schedule(dayTokens);
    }

    /**
     * Puts {@code p} of {@code u} on Flex or named (out of the other), keeping the day vector the
     * sum of the Flex pairs'.
     */
    private void place(UserId u, ProductId p, boolean onFlex) {
      boolean wasFlex = flex.get(u).contains(p);
      named.get(u).remove(p);
      flex.get(u).remove(p);
      (onFlex ? flex : named).get(u).add(p);
      if (wasFlex != onFlex && scheduled.get(u).contains(p)) {
        demand.add(dayTokens, u, p, onFlex ? 1 : -1);
      }
    }

    private BigDecimal namedPrice(UserId u, ProductId p) {
      UserDemand d = demands.get(u);
      Money own = d == null ? null : d.namedCost().get(p);
      return (own != null ? own : problem.namedCost().get(p)).amount();
    }

    private long tokensOf(UserId u, ProductId p) {
      UserDemand d = demands.get(u);
      return d == null ? 0 : d.tokens().getOrDefault(p, 0L);
    }

    BigDecimal subscriptions() {
      BigDecimal sum = BigDecimal.ZERO;
      for (UserId u : base.keySet()) {
        sum = sum.add(subscriptionsOf(u));
      }
      return sum;
    }

    private BigDecimal subscriptionsOf(UserId u) {
      Assignment a = base.get(u);
      BigDecimal sum = BigDecimal.ZERO;
      if (a.bundle().isPresent()) {
        // the bundle's price: the assignment's cost less its single named products
        sum = a.subscriptions().amount();
        for (ProductId p : a.named()) {
          sum = sum.subtract(namedPrice(u, p));
        }
      }
      for (ProductId p : named.get(u)) {
        sum = sum.add(namedPrice(u, p));
      }
      return sum;
    }

    long tokens() {
      long sum = 0;
      for (Map.Entry<UserId, TreeSet<ProductId>> e : flex.entrySet()) {
        for (ProductId p : e.getValue()) {
          sum = Math.addExact(sum, tokensOf(e.getKey(), p));
        }
      }
      return sum;
    }

    /** Every move from the current state, nearest break-even first. */
    List<Move> moves() {
      List<Move> out = new ArrayList<>();
      for (UserId u : base.keySet()) {
        UserDemand d = demands.get(u);
        Pin pin = d == null ? Pin.NONE : d.pin();
        if (pin != Pin.FLEX) {
          List<ProductId> toNamed = new ArrayList<>();
          for (ProductId p : flex.get(u)) {
            if (problem.namedCost().containsKey(p)) {
              toNamed.add(p);
              out.add(move(u, Set.of(p), true));
            }
          }
          if (toNamed.size() > 1 && toNamed.size() == flex.get(u).size()) {
            out.add(move(u, Set.copyOf(toNamed), true));
          }
        }
        if (pin != Pin.NAMED) {
          List<ProductId> toFlex = new ArrayList<>();
          for (ProductId p : named.get(u)) {
            if (problem.flexAllowed().contains(p)) {
              toFlex.add(p);
              out.add(move(u, Set.of(p), false));
            }
          }
          if (toFlex.size() > 1 && toFlex.size() == named.get(u).size()) {
            out.add(move(u, Set.copyOf(toFlex), false));
          }
        }
      }
      out.sort(Comparator.comparing(Move::nearness).thenComparing(m -> m.user().value()));
      return out;
    }

    private Move move(UserId u, Set<ProductId> products, boolean toNamed) {
      BigDecimal price = BigDecimal.ZERO;
      long tokens = 0;
      for (ProductId p : products) {
        price = price.add(namedPrice(u, p));
        tokens += tokensOf(u, p);
      }
      return new Move(u, products, toNamed, price.subtract(lambda.multiply(BigDecimal.valueOf(tokens))).abs());
    }

    boolean applicable(Move m) {
      Collection<ProductId> from = m.toNamed() ? flex.get(m.user()) : named.get(m.user());
      return from.containsAll(m.products());
    }

    /** Takes {@code step}: applies its move, or sets the free choices by its mask. */
    void take(Step step, List<UserId> users, List<ProductId> products) {
      if (step.move().isPresent()) {
        apply(step.move().get());
      } else {
        set(users, products, step.mask());
      }
    }

    /** Undoes a step's move (a mask's step sets every choice: the next one overwrites it). */
    void undo(Step step) {
      step.move().ifPresent(m -> apply(new Move(m.user(), m.products(), !m.toNamed(), m.nearness())));
    }

    private void apply(Move m) {
      for (ProductId p : m.products()) {
        place(m.user(), p, !m.toNamed());
      }
    }

    /**
     * The users' free choices (a product both sold named and allowed on Flex, unpinned), into
     * {@code users} and {@code products}; the other products are forced one way. False when a
     * product can be neither (never for a solved problem).
     */
    boolean free(List<UserId> users, List<ProductId> products) {
      for (UserId u : base.keySet()) {
        UserDemand d = demands.get(u);
        Pin pin = d == null ? Pin.NONE : d.pin();
        TreeSet<ProductId> all = new TreeSet<>(named.get(u));
        all.addAll(flex.get(u));
        for (ProductId p : all) {
          boolean canNamed = problem.namedCost().containsKey(p);
          boolean canFlex = problem.flexAllowed().contains(p) && pin != Pin.NAMED;
          if (pin == Pin.FLEX && canFlex) {
            canNamed = false;
          }
          if (canNamed && canFlex) {
            users.add(u);
            products.add(p);
          } else if (!canNamed && !canFlex) {
            return false;
          } else {
            place(u, p, !canNamed);
          }
        }
      }
      return true;
    }

    /** Bit {@code i} of {@code mask} set: choice {@code i} is named, else Flex. */
    void set(List<UserId> users, List<ProductId> products, long mask) {
      for (int i = 0; i < users.size(); i++) {
        place(users.get(i), products.get(i), (mask >>> i & 1) == 0);
      }
    }

    /** The mask of the current choices ({@link #set} of it changes nothing). */
    long mask(List<UserId> users, List<ProductId> products) {
      long mask = 0;
      for (int i = 0; i < users.size(); i++) {
        if (named.get(users.get(i)).contains(products.get(i))) {
          mask |= 1L << i;
        }
      }
      return mask;
    }

    List<Assignment> assignments() {
      List<Assignment> out = new ArrayList<>();
      for (Map.Entry<UserId, Assignment> e : base.entrySet()) {
        UserId u = e.getKey();
        Assignment a = e.getValue();
        long tokens = 0;
        for (ProductId p : flex.get(u)) {
          tokens += tokensOf(u, p);
        }
        Optional<ProductId> bundle = a.bundle();
        out.add(
            new Assignment(
                u,
                bundle,
                named.get(u),
                flex.get(u),
                Money.of(subscriptionsOf(u), a.subscriptions().currency()),
                tokens));
      }
      return out;
    }
  }
}
