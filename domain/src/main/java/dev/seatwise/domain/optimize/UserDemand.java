package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's demand over the period: for every product used, the tokens Flex would charge for it
 * (windows x rate; 0 for a product whose rate is zero). {@code namedCost} optionally prices this
 * user's named subscription of a product or bundle the problem offers, instead of the problem's
 * price for everyone: e.g. the cheapest mix of monthly, annual and 3-year terms over the user's
 * active span ({@code plan.TermMix}) attributed to the period. Immutable; nothing is null.
 */
public record UserDemand(
    UserId user, Map<ProductId, Long> tokens, Pin pin, Map<ProductId, Money> namedCost) {
  public UserDemand {
    checkNotNull(user, "user");
    checkNotNull(pin, "pin");
    ImmutableSortedMap<ProductId, Money> own =
        ImmutableSortedMap.copyOf(checkNotNull(namedCost, "namedCost"));
    own.forEach(
        (p, m) -> checkArgument(!m.isNegative(), "named cost of %s for %s must be >= 0", p, user));
    namedCost = own;
    // a demand's own map is reused as is (withPin, and the optimiser's pinned scenarios)
    ImmutableSortedMap<ProductId, Long> copy =
        ImmutableSortedMap.copyOf(checkNotNull(tokens, "tokens"));
    copy.forEach((p, t) -> checkArgument(t >= 0, "tokens of %s for %s must be >= 0", user, p));
    tokens = copy;
  }

  /** A demand priced at the problem's named costs. */
  public UserDemand(UserId user, Map<ProductId, Long> tokens, Pin pin) {
    this(user, tokens, pin, Map.of());
  }

  public static UserDemand of(UserId user, Map<ProductId, Long> tokens) {
    return new UserDemand(user, tokens, Pin.NONE);
  }

  /**
   * One demand per user of a replay that used something, in user order: the tokens Flex charged
   * the user for each product used (zero for a product whose rate is zero or that coverage
   * covers).
   */
  public static List<UserDemand> perUser(ColumnarFlexReplay replay) {
    List<UserDemand> out = new ArrayList<>(replay.users().size());
    Map<ProductId, Long> tokens = new TreeMap<>();
    int g = 0;
    int groups = replay.groups();
    while (g < groups) {
      int u = replay.userIndex(g);
      tokens.clear();
      while (g < groups && replay.userIndex(g) == u) {
        tokens.put(replay.product(g), replay.tokens(g));
        g++;
      }
      out.add(of(replay.users().get(u), tokens));
    }
    out.sort(Comparator.comparing(UserDemand::user));
    return out;
  }

  public UserDemand withPin(Pin p) {
    return new UserDemand(user, tokens, p, namedCost);
  }

  /** This demand with its own named costs per product or bundle id (replacing any it had). */
  public UserDemand withNamedCost(Map<ProductId, Money> costs) {
    return new UserDemand(user, tokens, pin, costs);
  }
}
