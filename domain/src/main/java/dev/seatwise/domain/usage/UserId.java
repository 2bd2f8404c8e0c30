package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/** One person (after identity resolution), e.g. an e-mail or a hashed id. Immutable; never null. */
public record UserId(String value) implements Comparable<UserId> {
  public UserId {
    checkNotNull(value, "value");
    value = value.strip();
    checkArgument(!value.isEmpty(), "user id must not be blank");
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
