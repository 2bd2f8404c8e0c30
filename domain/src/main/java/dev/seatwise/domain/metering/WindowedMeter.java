package dev.seatwise.domain.metering;

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
 * Access-window metering (Autodesk Flex, rules F2 to F9): per user and product, each window of the
 * catalog's length costs the product's token rate. Sessions go through {@link FlexWindowing}; daily
 * usage (no clock times) costs one window per distinct day, the window starting at the start of that
 * day in the context's zone, and is used only for a user and product with no sessions. A user whose
 * subscription covers the product is never charged (F9). Stateless and thread-safe.
 */
public final class WindowedMeter implements Meter {

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
    grouped.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, sessions) -> {
                  if (context.coverage().covers(user, product)) {
                    return;
                  }
                  long rate = rate(catalog, product, rates);
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
                        charges.add(
                            new Charge(user, product, start, start.plus(params.window()), rate));
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
                  for (LocalDate day : dates) {
                    Instant start = day.atStartOfDay(context.zone()).toInstant();
                    charges.add(new Charge(user, product, start, start.plus(params.window()), rate));
                  }
                }));
    return new Metering(charges, List.of());
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
