package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.Map;

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

  public UserDemand withPin(Pin p) {
    return new UserDemand(user, tokens, p);
  }
}
