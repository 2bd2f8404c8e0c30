package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A non-negative count of tokens. Arithmetic is overflow-checked: overflow throws, it never wraps.
 * Immutable and thread-safe.
 */
public record Tokens(long count) implements Comparable<Tokens> {
  public static final Tokens ZERO = new Tokens(0);

  public Tokens {
    checkArgument(count >= 0, "token count must be >= 0 but was %s", count);
  }

  public static Tokens of(long count) {
    return new Tokens(count);
  }

  public Tokens plus(Tokens other) {
    return new Tokens(Math.addExact(count, other.count));
  }

  /** Throws if the result would be negative. */
  public Tokens minus(Tokens other) {
    return new Tokens(Math.subtractExact(count, other.count));
  }

  public Tokens times(long factor) {
    checkArgument(factor >= 0, "factor must be >= 0 but was %s", factor);
    return new Tokens(Math.multiplyExact(count, factor));
  }

  public boolean isZero() {
    return count == 0;
  }

  public boolean isGreaterThan(Tokens other) {
    return count > other.count;
  }

  @Override
  public int compareTo(Tokens o) {
    return Long.compare(count, o.count);
  }

  @Override
  public String toString() {
    return count + " tokens";
  }
}
