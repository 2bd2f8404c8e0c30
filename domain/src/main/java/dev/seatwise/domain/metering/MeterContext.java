package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import java.time.ZoneId;

/**
 * What a meter needs besides usage: the catalog (rates, parameters), who is covered by
 * subscriptions, and the zone in which calendar days are read. Immutable; nothing is null.
 */
public record MeterContext(Catalog catalog, Coverage coverage, ZoneId zone) {
  public MeterContext {
    checkNotNull(catalog, "catalog");
    checkNotNull(coverage, "coverage");
    checkNotNull(zone, "zone");
  }

  public static MeterContext of(Catalog catalog) {
    return new MeterContext(catalog, Coverage.NONE, ZoneId.of("UTC"));
  }
}
