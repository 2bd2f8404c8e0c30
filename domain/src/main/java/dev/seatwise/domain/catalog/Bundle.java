package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A collection of products sold as one named-user subscription (e.g. the AEC Collection).
 * {@code flexTokensPerDay}, when stated, is what one Flex access window of a checkout of the
 * collection itself costs; when absent, the rate follows {@link
 * dev.seatwise.domain.metering.CollectionPricing} (members seen, else the dearest member).
 * Immutable and thread-safe; nothing is null.
 */
public record Bundle(
    ProductId id,
    String name,
    Set<ProductId> includes,
    Prices namedUser,
    Optional<Long> flexTokensPerDay) {
  public Bundle {
    checkNotNull(id, "id");
    checkNotNull(name, "name");
    checkNotNull(namedUser, "namedUser");
    checkNotNull(flexTokensPerDay, "flexTokensPerDay");
    checkArgument(!checkNotNull(includes, "includes").isEmpty(), "bundle %s includes nothing", id);
    flexTokensPerDay.ifPresent(
        r -> checkArgument(r >= 0, "token rate of %s must be >= 0 but was %s", id, r));
    includes = Collections.unmodifiableSet(new TreeSet<>(includes));
  }

  /** A bundle with no stated Flex rate for checkouts of the collection itself. */
  public Bundle(ProductId id, String name, Set<ProductId> includes, Prices namedUser) {
    this(id, name, includes, namedUser, Optional.empty());
  }

  /** This bundle with a stated Flex rate for one window of a checkout of the collection. */
  public Bundle withFlexTokensPerDay(long tokens) {
    return new Bundle(id, name, includes, namedUser, Optional.of(tokens));
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
