package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import java.time.LocalDate;
import java.util.ArrayList;
import dev.seatwise.domain.plan.IdleSeat;
import java.util.List;
import java.util.Optional;

/**
 * The renewal review as of {@code asOf}: the path from today's plan to the best plan reachable from
 * it, over the review period {@code [periodFrom, periodTo)} (the usage of {@code history} replayed
 * from the review date). {@code actions} are the path's steps in the order they are made (by date);
 * each saving is net, so they add up to {@code current - target}, exactly. {@code current} is
 * today's plan continued (renewed as held) with its Flex use bought at once; {@code target} the
 * plan after every action; {@code optimum} the cheapest mix with every change made on the review
 * date (on the same use), or {@code target} when that mix would cost more (a note gives its total),
 * so {@code target - optimum}, never negative, is what the dates cost. {@code tokenPrice}
 * is the best price per token of any pack (empty when the catalog sells none). Immutable and
 * thread-safe; nothing is null.
 */
public record RenewalReview(
    LocalDate asOf,
    AnalysisPeriod history,
    int idleDays,
    Optional<UnitPrice> tokenPrice,
    List<RenewalAction> actions,
    List<String> notes,
    Money current,
    Money target,
    Money optimum,
    LocalDate periodFrom,
    LocalDate periodTo,
    List<IdleSeat> idleSeats) {
  /** A review that lists no seat unused for {@code idleDays} (the form before idle seats were listed). */
  public RenewalReview(
      LocalDate asOf,
      AnalysisPeriod history,
      int idleDays,
      Optional<UnitPrice> tokenPrice,
      List<RenewalAction> actions,
      List<String> notes,
      Money current,
      Money target,
      Money optimum,
      LocalDate periodFrom,
      LocalDate periodTo) {
    this(asOf, history, idleDays, tokenPrice, actions, notes, current, target, optimum, periodFrom,
        periodTo, List.of());
  }

  public RenewalReview {
    checkNotNull(asOf, "asOf");
    checkNotNull(history, "history");
    checkNotNull(tokenPrice, "tokenPrice");
    checkNotNull(current, "current");
    checkNotNull(target, "target");
    checkNotNull(optimum, "optimum");
    checkNotNull(periodFrom, "periodFrom");
    checkNotNull(periodTo, "periodTo");
    List<RenewalAction> sorted = new ArrayList<>(actions);
    sorted.sort(RenewalAction.BY_DATE);
    checkArgument(sorted.equals(actions), "actions must be ordered by date");
    Money sum = Money.zero(current.currency());
    for (RenewalAction a : actions) {
      sum = sum.plus(a.saving());
    }
    checkArgument(
        sum.equals(current.minus(target)),
        "the savings (%s) must add up to current - target (%s - %s)",
        sum,
        current,
        target);
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
    idleSeats = List.copyOf(idleSeats);
  }

  public List<RenewalAction> actionsOf(RenewalAction.Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).toList();
  }

  /** The total after each action, in order: current minus the savings so far. */
  public List<Money> runningTotals() {
    List<Money> out = new ArrayList<>();
    Money t = current;
    for (RenewalAction a : actions) {
      t = t.minus(a.saving());
      out.add(t);
    }
    return out;
  }
}
