package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's demand over the period: for every product used, the tokens Flex would charge for it
 * (windows x rate; 0 for a product whose rate is zero). Immutable; nothing is null.
 */
public record UserDemand(UserId user, Map<ProductId, Long> tokens, Pin pin) {
  public UserDemand {
    checkNotNull(user, "user");
    checkNotNull(pin, "pin");
    // a demand's own map is reused as is (withPin, and the optimiser's pinned scenarios)
    ImmutableSortedMap<ProductId, Long> copy =
        ImmutableSortedMap.copyOf(checkNotNull(tokens, "tokens"));
    copy.forEach((p, t) -> checkArgument(t >= 0, "tokens of %s for %s must be >= 0", user, p));
    tokens = copy;
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
    List<UserDemand> out = new ArrayList<>(replay.table().users().size());
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
      out.add(of(replay.table().users().get(u), tokens));
    }
    out.sort(Comparator.comparing(UserDemand::user));
    return out;
  }

  public UserDemand withPin(Pin p) {
    return new UserDemand(user, tokens, p);
  }
}
