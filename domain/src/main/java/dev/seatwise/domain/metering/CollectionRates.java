package dev.seatwise.domain.metering;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link CollectionPricing}'s rate of one window of a collection checkout, from a table's rows (the
 * user's sessions of the members, {@link UserRows}) and daily usage: the same members seen as
 * {@link CollectionPricing#membersSeen} finds among session objects.
 */
final class CollectionRates {
  private final Catalog catalog;
  private final UserRows rows;
  private final Map<UserId, Map<ProductId, Set<LocalDate>>> days = new HashMap<>();
  private final ZoneId zone;

  CollectionRates(Catalog catalog, UserRows rows, List<DailyUsage> daily, ZoneId zone) {
    this.catalog = catalog;
    this.rows = rows;
    this.zone = zone;
    for (DailyUsage d : daily) {
      days.computeIfAbsent(d.user(), u -> new HashMap<>())
          .computeIfAbsent(d.product(), p -> new TreeSet<>())
          .add(d.day());
    }
  }

  /**
   * The rate of the window {@code [start, end)} (epoch nanoseconds) of {@code bundle} checked out
   * by {@code user}, whose table index is {@code userIndex} (-1 when the table has no row of theirs).
   */
  CollectionPricing.Rate rate(Bundle bundle, int userIndex, UserId user, long start, long end) {
    if (bundle.flexTokensPerDay().isPresent()) {
      return CollectionPricing.rate(catalog, bundle, Set.of());
    }
    Set<ProductId> seen = new TreeSet<>();
    Map<ProductId, Set<LocalDate>> userDays = days.getOrDefault(user, Map.of());
    int n = rows.rows(userIndex);
    for (ProductId m : bundle.includes()) {
      int p = rows.productIndex(m);
      boolean found = false;
      for (int k = 0; k < n && p >= 0; k++) {
        if (rows.product(userIndex, k) == p) {
          long s = rows.start(userIndex, k);
          long e = rows.end(userIndex, k);
          if (s < end && (e > start || s == start)) {
            found = true;
            break;
          }
        }
      }
      if (!found) {
        for (LocalDate d : userDays.getOrDefault(m, Set.of())) {
          long dayStart = Instants.toNanos(d.atStartOfDay(zone).toInstant());
          long dayEnd = Instants.toNanos(d.plusDays(1).atStartOfDay(zone).toInstant());
          if (dayStart < end && dayEnd > start) {
            found = true;
            break;
          }
        }
      }
      if (found) {
        seen.add(m);
      }
    }
    return CollectionPricing.rate(catalog, bundle, seen);
  }
}
