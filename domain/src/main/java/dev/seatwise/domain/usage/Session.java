package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.Duration;
import java.time.Instant;

/**
 * One use of a product by a user over the half-open interval {@code [start, end)}. Immutable and
 * thread-safe; nothing is null.
 */
public record Session(UserId user, ProductId product, Instant start, Instant end) {
  public Session {
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(!end.isBefore(start), "session ends %s before it starts %s", end, start);
  }

  public static Session of(String user, String product, Instant start, Instant end) {
    return new Session(UserId.of(user), ProductId.of(product), start, end);
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  public Session shiftedBy(Duration d) {
    return new Session(user, product, start.plus(d), end.plus(d));
  }
}
