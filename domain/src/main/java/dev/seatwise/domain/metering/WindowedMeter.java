package dev.seatwise.domain.metering;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.usage.UsageLog;

/**
 * Access-window metering (Autodesk Flex, rules F2 to F9) as a {@link Meter}: per user and product,
 * each window of the catalog's length costs the product's token rate; daily usage (no clock times)
 * costs one window per distinct day, the window starting at the start of that day in the context's
 * zone, and is used only for a user and product with no sessions. A user whose subscription covers
 * the product is never charged (F9). A checkout of a collection is metered in its own windows, each
 * priced by {@link CollectionPricing}. A thin view of {@link FlexReplay}, the one replay: the usage's
 * sessions are read by column ({@link UsageLog#sessionTable()}) and the charges it returns are
 * made when read. Stateless and thread-safe.
 */
public final class WindowedMeter implements Meter {

  @Override
  public String kind() {
    return Catalog.FLEX_WINDOW;
  }

  /** Access windows are charged, never sized as a capacity. */
  @Override
  public boolean demandsCapacity() {
    return false;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    return FlexReplay.of(usage, context, 1).toMetering();
  }
}
