package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkState;

import dev.seatwise.application.port.in.Chargeback;
import dev.seatwise.application.port.in.GroupCost;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.out.GroupBy;
import dev.seatwise.application.port.out.OrganisationPort;
import dev.seatwise.domain.money.Allocation;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects, scenario by scenario, what each group (team or cost centre) is charged, by the rule of
 * {@link Chargeback#RULE}: direct amounts (a user's seats) go to the user's group; shared amounts
 * (a Flex purchase, a network seat line) are split by {@link Allocation#byLargestRemainder} over
 * the groups' weights (tokens burned, usage of the product, seats held). An amount with no weight
 * goes to {@link Chargeback#UNASSIGNED}. Not thread-safe: one per comparison.
 */
final class ChargebackLedger {
  private final Optional<GroupBy> by;
  private final OrganisationPort organisation;
  private final Map<UserId, String> groups = new HashMap<>();
  private final Map<String, Map<String, Money>> byScenario = new LinkedHashMap<>();

  ChargebackLedger(Optional<GroupBy> by, OrganisationPort organisation) {
    this.by = by;
    this.organisation = organisation;
  }

  boolean active() {
    return by.isPresent();
  }

  /** The group of {@code user}, {@link Chargeback#NO_GROUP} when the organisation knows none. */
  String groupOf(UserId user) {
    return groups.computeIfAbsent(
        user,
        u ->
            organisation
                .groupOf(u, by.orElseThrow())
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(Chargeback.NO_GROUP));
  }

  /** Charges {@code amount} of {@code scenario} to {@code user}'s group. */
  void direct(String scenario, UserId user, Money amount) {
    if (active()) {
      add(scenario, groupOf(user), amount);
    }
  }

  /** Charges {@code amount} of {@code scenario} to {@code group}. */
  void directToGroup(String scenario, String group, Money amount) {
    if (active()) {
      add(scenario, group, amount);
    }
  }

  /**
   * Splits {@code amount} of {@code scenario} over the groups in proportion to {@code weights}
   * (by largest remainder); to {@link Chargeback#UNASSIGNED} when no weight is positive. A zero
   * amount charges nobody.
   */
  void shared(String scenario, Money amount, Map<String, Long> weights) {
    if (!active() || amount.isZero()) {
      return;
    }
    Map<String, Long> positive = new TreeMap<>();
    weights.forEach(
        (g, w) -> {
          if (w > 0) {
            positive.merge(g, w, Math::addExact);
          }
        });
    if (positive.isEmpty()) {
      add(scenario, Chargeback.UNASSIGNED, amount);
      return;
    }
    Allocation.byLargestRemainder(amount, positive).forEach((g, m) -> add(scenario, g, m));
  }

  /** Adds {@code weight} to {@code user}'s group in {@code weights}. */
  void weigh(Map<String, Long> weights, UserId user, long weight) {
    if (active()) {
      weights.merge(groupOf(user), weight, Math::addExact);
    }
  }

  private void add(String scenario, String group, Money amount) {
    byScenario
        .computeIfAbsent(scenario, s -> new HashMap<>())
        .merge(group, amount, Money::plus);
  }

  /**
   * The chargeback of {@code scenarios}; empty when none was asked for.
   *
   * @throws IllegalStateException when a scenario's groups do not sum to its total (a bug)
   */
  Optional<Chargeback> build(List<Scenario> scenarios) {
    if (by.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> names = new TreeSet<>(ChargebackLedger::groupOrder);
    for (Scenario s : scenarios) {
      Map<String, Money> parts = byScenario.getOrDefault(s.name(), Map.of());
      Money sum = Money.total(s.total().currency(), parts.values());
      if (!sum.equals(s.total()) && parts.isEmpty()) {
        // a scenario nobody's usage or seats explain: all of it unassigned
        byScenario.computeIfAbsent(s.name(), k -> new HashMap<>()).put(Chargeback.UNASSIGNED, s.total());
        parts = byScenario.get(s.name());
        sum = s.total();
      }
      checkState(
          sum.equals(s.total()),
          "chargeback of %s sums to %s, not its total %s",
          s.name(), sum, s.total());
      names.addAll(parts.keySet());
    }
    List<GroupCost> groupsOut = new ArrayList<>();
    for (String g : names) {
      Map<String, Money> totals = new LinkedHashMap<>();
      for (Scenario s : scenarios) {
        totals.put(
            s.name(),
            byScenario.getOrDefault(s.name(), Map.of()).getOrDefault(g, s.total().minus(s.total())));
      }
      groupsOut.add(new GroupCost(g, totals));
    }
    return Optional.of(new Chargeback(by.get(), Chargeback.RULE, groupsOut));
  }

  /** Names first, then {@link Chargeback#NO_GROUP}, then {@link Chargeback#UNASSIGNED}. */
  private static int groupOrder(String a, String b) {
    return Comparator.comparingInt(ChargebackLedger::rank)
        .thenComparing(Comparator.<String>naturalOrder())
        .compare(a, b);
  }

  private static int rank(String g) {
    return g.equals(Chargeback.UNASSIGNED) ? 2 : g.equals(Chargeback.NO_GROUP) ? 1 : 0;
  }
}
