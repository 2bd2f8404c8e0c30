package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One action of a {@link RenewalPath}: a plan edit of kind {@code kind}, made on {@code on} (the
 * renewal or term end of the holding it changes, or the review date for what can change at once),
 * about {@code users} and {@code offering} (the product or bundle concerned, when one is). {@code
 * saving} is <em>net</em>: the period's total of the plan before the action (after the actions above
 * it) minus the total after it, both evaluated by {@link PlanEvaluation} with the Flex use left to
 * tokens bought as the path says; it can be zero only for {@link Kind#RECLAIM_UNASSIGNED_SEATS}
 * made before a renewal. {@code totalAfter} is the running total, {@code plan} and {@code avoided}
 * (the windows no longer opened: double charges, idle burn) the state after it. Immutable and
 * thread-safe; nothing is null.
 */
public record PathStep(
    Kind kind,
    LocalDate on,
    List<UserId> users,
    Optional<ProductId> offering,
    Money saving,
    Money totalAfter,
    String reason,
    Plan plan,
    Set<Charge> avoided) {

  /** The kinds of plan edit, in the order a path makes them on one date. */
  public enum Kind {
    /** Tokens bought on the exact purchase schedule instead of at once on the review date. */
    SCHEDULE_TOKEN_PURCHASES,
    /** Stop opening a product while a product that covers it (catalog {@code covers}) is open. */
    RESTRICT_FLEX_PRODUCT,
    /** Close products left running: the windows opened inside sessions past the access window. */
    STOP_IDLE_SESSIONS,
    /** Seats held that nobody is assigned: give them to users who pay Flex for their products. */
    ASSIGN_UNASSIGNED_SEATS,
    /** Seats nobody is assigned at a renewal: renew that many fewer. */
    RECLAIM_UNASSIGNED_SEATS,
    /** A Flex user whom a named seat of a product (or another product) costs less. */
    MOVE_TO_NAMED,
    /** A user of several products of a bundle, cheaper on the bundle. */
    MOVE_TO_BUNDLE,
    /** A bundle holder better off on single products or Flex. */
    DROP_BUNDLE,
    /** A named user cheaper on Flex: the seat is not renewed. */
    MOVE_TO_FLEX,
    /** A seat whose user used none of its products: not renewed. */
    REMOVE_IDLE_SEAT
  }

  public PathStep {
    checkNotNull(kind, "kind");
    checkNotNull(on, "on");
    checkNotNull(offering, "offering");
    checkNotNull(saving, "saving");
    checkNotNull(totalAfter, "totalAfter");
    checkNotNull(reason, "reason");
    checkNotNull(plan, "plan");
    users = List.copyOf(users);
    // a table's windows by position are a set already (unmodifiable, made when read)
    avoided = avoided instanceof WindowTable.ChargeSet ? avoided : Set.copyOf(avoided);
  }
}
