package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One feature in one licence-manager status snapshot ({@code lmstat}, {@code rlmstat}, LM-X, DSLS,
 * {@code lstc_qrun}, {@code olixtool}): licences issued and in use at {@code at}, and the
 * check-outs listed under it. {@code pool} names the feature whose licences a sub-feature draws on
 * (e.g. {@code MSCONE} for {@code MSCONE:ADAMS_View}); a sub-feature's {@code issued} is then 0
 * (it has no count of its own). Immutable.
 */
public record SeatSnapshot(
    Instant at,
    String feature,
    Optional<ProductId> product,
    long issued,
    long inUse,
    List<SeatCheckout> checkouts,
    Optional<String> pool) {
  public SeatSnapshot {
    requireNonNull(at, "at");
    requireNonNull(feature, "feature");
    requireNonNull(product, "product");
    checkouts = List.copyOf(checkouts);
    requireNonNull(pool, "pool");
  }

  /** A snapshot without check-out detail, of a feature that draws on no pool. */
  public SeatSnapshot(Instant at, String feature, Optional<ProductId> product, long issued, long inUse) {
    this(at, feature, product, issued, inUse, List.of(), Optional.empty());
  }

  /** The same totals without the check-out list and pool (for comparisons of totals). */
  public SeatSnapshot totals() {
    return new SeatSnapshot(at, feature, product, issued, inUse);
  }
}
