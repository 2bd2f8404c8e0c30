package dev.seatwise.domain.metering;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The object replay that {@link WindowedMeter} used before the columnar engine, kept as the
 * reference the engine is checked against ({@code FlexReplayProperties}). Access-window metering (Autodesk Flex, rules F2 to F9): per user and product, each window of the
 * catalog's length costs the product's token rate. Sessions go through {@link FlexWindowing}; daily
 * usage (no clock times) costs one window per distinct day, the window starting at the start of that
 * day in the context's zone, and is used only for a user and product with no sessions. A user whose
 * subscription covers the product is never charged (F9). A checkout of a collection is metered in
 * its own windows, each priced by {@link CollectionPricing}. Stateless and thread-safe.
 */
final class ObjectWindowedMeter implements Meter {

  @Override
  public String kind() {
    return Catalog.FLEX_WINDOW;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    Catalog catalog = context.catalog();
    MeteringParameters params = catalog.metering();
    long window = Instants.toNanos(params.window());
    long minimum = Instants.toNanos(params.minimumBillable());
    Map<UserId, Map<ProductId, List<Session>>> grouped = new TreeMap<>();
    for (Session s : usage.sessions()) {
      grouped
          .computeIfAbsent(s.user(), u -> new TreeMap<>())
          .computeIfAbsent(s.product(), p -> new ArrayList<>())
          .add(s);
    }
    List<Charge> charges = new ArrayList<>();
    Map<ProductId, Long> rates = new HashMap<>();
    // daily usage per user and product, for the members seen beside a collection checkout
    Map<UserId, Map<ProductId, Set<LocalDate>>> dayIndex = new HashMap<>();
    if (!catalog.bundles().isEmpty()) {
      for (DailyUsage d : usage.days()) {
        dayIndex
            .computeIfAbsent(d.user(), u -> new HashMap<>())
            .computeIfAbsent(d.product(), p -> new TreeSet<>())
            .add(d.day());
      }
    }
    grouped.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, sessions) -> {
                  if (context.coverage().covers(user, product)) {
                    return;
                  }
                  long rate = rate(catalog, product, rates);
                  Bundle collection = collection(catalog, product);
                  sessions.sort(Comparator.comparing(Session::start));
                  int n = sessions.size();
                  long[] starts = new long[n];
                  long[] ends = new long[n];
                  for (int i = 0; i < n; i++) {
                    starts[i] = Instants.toNanos(sessions.get(i).start());
                    ends[i] = Instants.toNanos(sessions.get(i).end());
                  }
                  FlexWindowing.replay(
                      starts,
                      ends,
                      0,
                      n,
                      window,
                      minimum,
                      open -> {
                        Instant start = Instants.fromNanos(open);
                        Instant end = start.plus(params.window());
                        long tokens =
                            collection == null
                                ? rate
                                : collectionRate(
                                    catalog, collection, byProduct, dayIndex, user, start, end,
                                    context);
                        charges.add(new Charge(user, product, start, end, tokens));
                      });
                }));
    Map<UserId, Map<ProductId, Set<LocalDate>>> days = new TreeMap<>();
    for (DailyUsage d : usage.days()) {
      Map<ProductId, List<Session>> withSessions = grouped.get(d.user());
      if (withSessions != null && withSessions.containsKey(d.product())) {
        continue;
      }
      days.computeIfAbsent(d.user(), u -> new TreeMap<>())
          .computeIfAbsent(d.product(), p -> new TreeSet<>())
          .add(d.day());
    }
    days.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, dates) -> {
                  if (context.coverage().covers(user, product)) {
                    return;
                  }
                  long rate = rate(catalog, product, rates);
                  Bundle collection = collection(catalog, product);
                  for (LocalDate day : dates) {
                    Instant start = day.atStartOfDay(context.zone()).toInstant();
                    Instant end = start.plus(params.window());
                    long tokens =
                        collection == null
                            ? rate
                            : collectionRate(
                                catalog, collection, grouped.getOrDefault(user, Map.of()),
                                dayIndex, user, start, end, context);
                    charges.add(new Charge(user, product, start, end, tokens));
                  }
                }));
    return new Metering(charges, List.of());
  }

  /** The bundle {@code product} names when it is a collection rather than a product, else null. */
  private static Bundle collection(Catalog catalog, ProductId product) {
    return catalog.product(product).isPresent() ? null : catalog.bundle(product).orElse(null);
  }

  private static long collectionRate(
      Catalog catalog,
      Bundle collection,
      Map<ProductId, List<Session>> userSessions,
      Map<UserId, Map<ProductId, Set<LocalDate>>> dayIndex,
      UserId user,
      Instant start,
      Instant end,
      MeterContext context) {
    Set<ProductId> seen =
        CollectionPricing.membersSeen(
            collection, userSessions, dayIndex.getOrDefault(user, Map.of()), start, end,
            context.zone());
    return CollectionPricing.rate(catalog, collection, seen).tokens();
  }

  private static long rate(Catalog catalog, ProductId product, Map<ProductId, Long> cache) {
    return cache.computeIfAbsent(
        product,
        p ->
            catalog
                .flexRate(p)
                .orElseThrow(() -> new IllegalArgumentException("unknown product " + p)));
  }
}
