package dev.seatwise.plugin.dailyusage;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.ConcurrencyProfile;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Daily usage in 10-minute intervals, after Bentley's published rules (cited in the bundled
 * catalog {@code bentley-e365}):
 *
 * <ol>
 *   <li>Time is cut into 10-minute intervals aligned on UTC (:00, :10, … ); a user uses a product in
 *       every interval that one of their sessions of it touches ("Bentley's usage logging system
 *       processes and stores data in 10-minute intervals").
 *   <li>A <b>run</b> is a maximal sequence of consecutive intervals of use of one user × product;
 *       the <b>first interval of each run is not counted</b> ("the first partial interval of
 *       software usage is not counted … counting begins in the second interval of use"): use that
 *       stays inside one interval is free.
 *   <li>A <b>usage day</b> is 00:00–23:59 UTC ("usage day is counted from 0:00 - 23:59 in UTC"):
 *       a user × product × day with at least one counted interval is charged the product's daily
 *       rate ({@code flexTokensPerDay} in the catalog file), once.
 *   <li>A day of use without clock times (a daily usage row) cannot be cut into intervals and is
 *       charged as a usage day: an upper bound.
 * </ol>
 *
 * <p>Each charge spans its UTC day. Besides the charges, one capacity demand per product gives the
 * peak of users in a counted interval (the metric of Bentley's term-licence peak), for {@code
 * concurrency}. A user whose subscription covers a product is never charged for it; products
 * without a rate are not metered. The context's zone is not used: the rule's day is UTC. Stateless
 * and thread-safe; never reads the clock.
 */
public final class DailyUsageMeter implements Meter {
  /** The name catalogs use in {@code meter:}. */
  public static final String KIND = "daily-usage-10min";

  /** Length of one interval, in seconds. */
  static final long INTERVAL_SECONDS = 600;

  static final long INTERVALS_PER_DAY = 86_400 / INTERVAL_SECONDS;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    Catalog catalog = context.catalog();
    Map<ProductId, Long> rates = new HashMap<>();
    // per user x product: intervals of use as [first, last] index ranges
    Map<UserId, Map<ProductId, List<long[]>>> ranges = new TreeMap<>();
    Map<UserId, Map<ProductId, TreeSet<Long>>> days = new TreeMap<>();
    for (Session s : usage.sessions()) {
      if (!s.start().isBefore(s.end()) || !metered(s.user(), s.product(), context, rates)) {
        continue;
      }
      long first = Math.floorDiv(s.start().getEpochSecond(), INTERVAL_SECONDS);
      Instant last = s.end().minusNanos(1);
      long lastIndex = Math.floorDiv(last.getEpochSecond(), INTERVAL_SECONDS);
      ranges.computeIfAbsent(s.user(), u -> new TreeMap<>())
          .computeIfAbsent(s.product(), p -> new ArrayList<>())
          .add(new long[] {first, lastIndex});
    }
    Map<ProductId, List<long[]>> counted = new TreeMap<>(); // per product: counted interval ranges
    ranges.forEach((user, byProduct) -> byProduct.forEach((product, list) -> {
      for (long[] run : runs(list)) {
        if (run[1] <= run[0]) {
          continue; // one interval only: not counted
        }
        long from = run[0] + 1;
        counted.computeIfAbsent(product, p -> new ArrayList<>()).add(new long[] {from, run[1]});
        TreeSet<Long> d = days.computeIfAbsent(user, u -> new TreeMap<>())
            .computeIfAbsent(product, p -> new TreeSet<>());
        for (long day = Math.floorDiv(from, INTERVALS_PER_DAY);
            day <= Math.floorDiv(run[1], INTERVALS_PER_DAY); day++) {
          d.add(day);
        }
      }
    }));
    for (DailyUsage d : usage.days()) {
      if (metered(d.user(), d.product(), context, rates)) {
        days.computeIfAbsent(d.user(), u -> new TreeMap<>())
            .computeIfAbsent(d.product(), p -> new TreeSet<>())
            .add(d.day().toEpochDay());
      }
    }
    List<Charge> charges = new ArrayList<>();
    days.forEach((user, byProduct) -> byProduct.forEach((product, set) -> {
      long rate = rates.get(product);
      for (long day : set) {
        Instant start = Instant.ofEpochSecond(day * 86_400);
        charges.add(new Charge(user, product, start, start.plusSeconds(86_400), rate));
      }
    }));
    List<CapacityDemand> demands = new ArrayList<>();
    counted.forEach((product, list) -> demands.add(demand(product, list)));
    return new Metering(charges, demands);
  }

  private static boolean metered(UserId user, ProductId product, MeterContext context,
      Map<ProductId, Long> rates) {
    if (context.coverage().covers(user, product)) {
      return false;
    }
    long rate = rates.computeIfAbsent(product,
        p -> context.catalog().product(p).flatMap(x -> x.tokenRate()).orElse(0L));
    return rate > 0;
  }

  /** Merges interval ranges into runs of consecutive intervals (touching or overlapping). */
  static List<long[]> runs(List<long[]> ranges) {
    List<long[]> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<long[]> out = new ArrayList<>();
    long[] cur = null;
    for (long[] r : sorted) {
      if (cur != null && r[0] <= cur[1] + 1) {
        cur[1] = Math.max(cur[1], r[1]);
      } else {
        cur = new long[] {r[0], r[1]};
        out.add(cur);
      }
    }
    return out;
  }

  /** Users in a counted interval over time: each counted range holds one user. */
  private static CapacityDemand demand(ProductId product, List<long[]> counted) {
    long[] st = new long[counted.size()];
    long[] en = new long[counted.size()];
    long[] w = new long[counted.size()];
    for (int i = 0; i < st.length; i++) {
      st[i] = counted.get(i)[0] * INTERVAL_SECONDS * 1_000_000_000L;
      en[i] = (counted.get(i)[1] + 1) * INTERVAL_SECONDS * 1_000_000_000L;
      w[i] = 1;
    }
    ConcurrencyProfile profile = ConcurrencyProfile.ofNanos(st, en, w);
    Instant peakAt = profile.peakAt().orElse(Instant.EPOCH);
    return new CapacityDemand(product.value(), profile.peak(), peakAt, profile);
  }
}
