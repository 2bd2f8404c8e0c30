package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A collection of products sold as one named-user subscription (e.g. the AEC Collection). Immutable
 * and thread-safe; nothing is null.
 */
public record Bundle(ProductId id, String name, Set<ProductId> includes, Prices namedUser) {
  public Bundle {
    checkNotNull(id, "id");
    checkNotNull(name, "name");
    checkNotNull(namedUser, "namedUser");
    checkArgument(!checkNotNull(includes, "includes").isEmpty(), "bundle %s includes nothing", id);
    includes = Collections.unmodifiableSet(new TreeSet<>(includes));
  }

  /**
   * Whether a seat of this bundle covers use of {@code product}: one of its members, or a checkout
   * of the collection itself (e.g. the FlexLM feature {@code 86815AECCOL_T_F}).
   */
  public boolean covers(ProductId product) {
    return includes.contains(product) || id.equals(product);
  }

  /** What a seat of this bundle covers: its members and the collection itself. */
  public Set<ProductId> coverage() {
    Set<ProductId> all = new TreeSet<>(includes);
    all.add(id);
    return Collections.unmodifiableSet(all);
  }
}
