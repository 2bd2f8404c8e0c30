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

  /**
   * Equal ids have equal values. Written out (the record's own equality is the same) because ids
   * are map keys and catalog lookups on every hot path, where the generated method costs a chain
   * of method-handle calls under the launcher's first-tier JIT.
   */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof UserId other && value.equals(other.value);
  }

  /** The value's hash code, as the record's own hash code of its one component. */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
