package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/** A product's (or bundle's) identifier in a catalog, e.g. {@code ACD}. Immutable; never null. */
public record ProductId(String value) implements Comparable<ProductId> {
  public ProductId {
    checkNotNull(value, "value");
    value = value.strip();
    checkArgument(!value.isEmpty(), "product id must not be blank");
  }

  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public int compareTo(ProductId o) {
    return value.compareTo(o.value);
  }

  /**
   * Equal ids have equal values. Written out (the record's own equality is the same) because ids
   * are map keys and catalog lookups on every hot path, where the generated method costs a chain
   * of method-handle calls under the launcher's first-tier JIT.
   */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof ProductId other && value.equals(other.value);
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
