package dev.seatwise.plugin.tokenpool;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.ConcurrencyProfile;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Concurrent token-pool metering. Each session holds its product's token rate ({@code
 * flexTokensPerDay} in the catalog file is read as "tokens held while running" for this meter) from
 * start to end. With <em>leveling</em> (Altair: several applications of one user do not stack;
 * Siemens: a sequential workflow needs the maximum, not the sum) a user holds the largest rate among
 * their running sessions; without it, the sum. A user whose subscription covers a product holds
 * nothing for it. The result is one capacity demand, pool {@code tokens}, whose peak the pool must
 * cover; daily usage has no clock times and is ignored. Stateless and thread-safe.
 */
public final class ConcurrentTokenPoolMeter implements Meter {
  /** Kind for a pool where a user's concurrent sessions add up. */
  public static final String SUMMED = "concurrent-token-pool";
  /** Kind for a pool with leveling: a user holds the largest rate of their running sessions. */
  public static final String LEVELED = "concurrent-token-pool-leveled";

  public static final String POOL = "tokens";

  private final boolean leveled;

  /** The summed kind; the no-argument constructor is what {@link java.util.ServiceLoader} uses. */
  public ConcurrentTokenPoolMeter() {
    this(false);
  }

  private ConcurrentTokenPoolMeter(boolean leveled) {
    this.leveled = leveled;
  }

  /** The leveled kind. */
  public static ConcurrentTokenPoolMeter leveled() {
    return new ConcurrentTokenPoolMeter(true);
  }

  @Override
  public String kind() {
    return leveled ? LEVELED : SUMMED;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    Catalog catalog = context.catalog();
    Map<UserId, List<Session>> byUser = new TreeMap<>();
    Map<ProductId, Long> rates = new HashMap<>();
    for (Session s : usage.sessions()) {
      if (context.coverage().covers(s.user(), s.product()) || !s.start().isBefore(s.end())) {
        continue;
      }
      long rate =
          rates.computeIfAbsent(s.product(), p -> catalog.requireProduct(p).tokenRate().orElse(0L));
      if (rate > 0) {
        byUser.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(s);
      }
    }
    List<long[]> segments = new ArrayList<>(); // start, end, weight (epoch nanos)
    for (List<Session> sessions : byUser.values()) {
      if (leveled) {
        levelSegments(sessions, rates, segments);
      } else {
        for (Session s : sessions) {
          segments.add(new long[] {nanos(s.start()), nanos(s.end()), rates.get(s.product())});
        }
      }
    }
    long[] st = new long[segments.size()];
    long[] en = new long[segments.size()];
    long[] w = new long[segments.size()];
    for (int i = 0; i < st.length; i++) {
      st[i] = segments.get(i)[0];
      en[i] = segments.get(i)[1];
      w[i] = segments.get(i)[2];
    }
    ConcurrencyProfile profile = ConcurrencyProfile.ofNanos(st, en, w);
    if (st.length == 0) {
      return new Metering(List.of(), List.of());
    }
    Instant peakAt = profile.peakAt().orElse(Instant.ofEpochSecond(0));
    return new Metering(List.of(), List.of(new CapacityDemand(POOL, profile.peak(), peakAt, profile)));
  }

  /** One user's held tokens over time: the largest rate among running sessions, as segments. */
  private static void levelSegments(
      List<Session> sessions, Map<ProductId, Long> rates, List<long[]> out) {
    List<long[]> events = new ArrayList<>(); // time, rate, +1 start / -1 end
    for (Session s : sessions) {
      long r = rates.get(s.product());
      events.add(new long[] {nanos(s.start()), r, 1});
      events.add(new long[] {nanos(s.end()), r, -1});
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
    TreeMap<Long, Integer> running = new TreeMap<>();
    long segStart = 0;
    long level = 0;
    int i = 0;
    while (i < events.size()) {
      long t = events.get(i)[0];
      while (i < events.size() && events.get(i)[0] == t) {
        long[] e = events.get(i);
        if (e[2] > 0) {
          running.merge(e[1], 1, Integer::sum);
        } else {
          running.computeIfPresent(e[1], (k, v) -> v == 1 ? null : v - 1);
        }
        i++;
      }
      long next = running.isEmpty() ? 0 : running.lastKey();
      if (next != level) {
        if (level > 0 && t > segStart) {
          out.add(new long[] {segStart, t, level});
        }
        segStart = t;
        level = next;
      }
    }
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }
}
