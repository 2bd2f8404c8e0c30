package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One step of the renewal review's path: what ({@code kind}), for whom ({@code user}, when the step
 * is about one user), about which offering ({@code offering}: the product or bundle concerned) or
 * token {@code lot}, what it saves ({@code saving}: <em>net</em>, the review period's total before
 * the step, after the steps above it, minus the total after it; so the savings of a review add up
 * to its current minus its target), the date it can be made ({@code actionableOn}: the renewal or
 * term end of the holding it changes, or the review date when it can be made at once) and a {@code
 * reason} with the numbers; {@code users} are every user it concerns ({@code user} is the one when
 * there is only one). Immutable and thread-safe; nothing is null.
 */
public record RenewalAction(
    Kind kind,
    Optional<UserId> user,
    Optional<ProductId> offering,
    Optional<String> lot,
    Money saving,
    LocalDate actionableOn,
    String reason,
    List<UserId> users) {

  /** The kinds of change (the domain's {@code PathStep.Kind}, and one kind no longer made). */
  public enum Kind {
    /** A named seat whose user used none of its products: not renewed. */
    REMOVE_IDLE_SEAT,
    /** A Flex user whom a named seat costs less: buy the seat. */
    MOVE_TO_NAMED,
    /** A named user cheaper on Flex: the seat is not renewed. */
    MOVE_TO_FLEX,
    /** A user of two or more products of a bundle, cheaper on the bundle. */
    MOVE_TO_BUNDLE,
    /** A bundle holder better off on single products or Flex. */
    DROP_BUNDLE,
    /** A true double charge (catalog {@code covers}): stop opening the covered product meanwhile. */
    RESTRICT_FLEX_PRODUCT,
    /** Sessions longer than the window, charging more windows while (probably) idle. */
    STOP_IDLE_SESSIONS,
    /** No longer made (lots expiring unused are a note): kept so old answers still parse. */
    USE_EXPIRING_LOT,
    /** Seats held that nobody is assigned: give them to Flex users until their renewal. */
    ASSIGN_UNASSIGNED_SEATS,
    /** Seats nobody is assigned at a renewal: renew that many fewer. */
    RECLAIM_UNASSIGNED_SEATS,
    /** Buy Flex tokens on the exact purchase schedule instead of at once. */
    SCHEDULE_TOKEN_PURCHASES
  }

  /** By date, the order the path makes them in. */
  public static final Comparator<RenewalAction> BY_DATE = Comparator.comparing(RenewalAction::actionableOn);

  /** The biggest saving first; ties by kind, user, offering, lot. */
  public static final Comparator<RenewalAction> BY_SAVING =
      Comparator.comparing(RenewalAction::saving)
          .reversed()
          .thenComparing(RenewalAction::kind)
          .thenComparing(a -> a.user().map(UserId::value).orElse(""))
          .thenComparing(a -> a.offering().map(ProductId::value).orElse(""))
          .thenComparing(a -> a.lot().orElse(""));

  public RenewalAction {
    checkNotNull(kind, "kind");
    checkNotNull(user, "user");
    checkNotNull(offering, "offering");
    checkNotNull(lot, "lot");
    checkNotNull(saving, "saving");
    checkNotNull(actionableOn, "actionableOn");
    checkNotNull(reason, "reason");
    checkArgument(saving.isPositive(), "an action must save something: %s", saving);
    users = List.copyOf(users);
    checkArgument(
        user.isEmpty() || users.contains(user.get()), "user %s is not among the users %s", user, users);
  }

  /** An action about at most one user. */
  public RenewalAction(
      Kind kind,
      Optional<UserId> user,
      Optional<ProductId> offering,
      Optional<String> lot,
      Money saving,
      LocalDate actionableOn,
      String reason) {
    this(kind, user, offering, lot, saving, actionableOn, reason, user.map(List::of).orElse(List.of()));
  }
}
