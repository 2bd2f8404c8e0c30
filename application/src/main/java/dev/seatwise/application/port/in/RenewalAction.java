package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * One recommended change: what ({@code kind}), for whom ({@code user}), about which offering
 * ({@code offering}: the product or bundle concerned) or token {@code lot}, what it saves a year
 * ({@code saving}; for {@link Kind#USE_EXPIRING_LOT}, the value of the tokens projected to expire
 * unused), the date it can be made ({@code actionableOn}: the renewal of the seats concerned, or the
 * review date when it can be made at once) and a {@code reason} with the numbers.
 *
 * <p>Savings are estimates against today's plan, one action at a time: several actions about the
 * same user can be alternatives, so their savings do not add up. Immutable and thread-safe;
 * nothing is null.
 */
public record RenewalAction(
    Kind kind,
    Optional<UserId> user,
    Optional<ProductId> offering,
    Optional<String> lot,
    Money saving,
    LocalDate actionableOn,
    String reason) {

  /** The kinds of change, in the order the issue lists them. */
  public enum Kind {
    /** A named seat unused for the idle threshold or longer: drop it at renewal. */
    REMOVE_IDLE_SEAT,
    /** A Flex user whose windows cost more than a named seat of the product: buy the seat. */
    MOVE_TO_NAMED,
    /** A named user whose windows would cost less on Flex: let the seat lapse at renewal. */
    MOVE_TO_FLEX,
    /** A user of two or more products of a bundle, cheaper on the bundle. */
    MOVE_TO_BUNDLE,
    /** A bundle holder who uses one of its products: a single seat or Flex is cheaper. */
    DROP_BUNDLE,
    /** One user charged for two products in overlapping windows: restrict their Flex products. */
    RESTRICT_FLEX_PRODUCT,
    /** Sessions longer than the window, charging more windows while (probably) idle. */
    STOP_IDLE_SESSIONS,
    /** A lot that expires soon with tokens the expected burn will not use. */
    USE_EXPIRING_LOT
  }

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
  }
}
