package dev.seatwise.domain.tradein;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.UserId;
import java.util.Comparator;

/**
 * One network user's use of a product in the period: the days used, the 24-hour windows opened and
 * their tokens (a window's daily rate, or a report's figures). Immutable and thread-safe.
 */
public record NetworkUse(UserId user, long daysUsed, long windows, long tokens) {
  /**
   * The order in which users take the traded-in named seats: most tokens first, then most windows,
   * then user id (so that equal users are seated the same way every run).
   */
  public static final Comparator<NetworkUse> HEAVIEST_FIRST =
      Comparator.comparingLong((NetworkUse u) -> -u.tokens())
          .thenComparingLong(u -> -u.windows())
          .thenComparing(NetworkUse::user);

  public NetworkUse {
    checkNotNull(user, "user");
    checkArgument(daysUsed >= 0, "days used must be >= 0 but was %s", daysUsed);
    checkArgument(windows >= 0, "windows must be >= 0 but was %s", windows);
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }
}
