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

  @Override
  public String toString() {
    return value;
  }
}
