package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plain rule of {@link WindowScaling}, on session objects keyed by user and product in tree
 * maps, as it was before the scaling read the sessions by column: kept as the test oracle that the
 * column scaling must equal, visit for visit and session for session, in the same order
 * ({@code WindowScalingProperties}). Stateless; thread-safe.
 */
final class PlainWindowScaling {
  private PlainWindowScaling() {}

  /** One visit: its sessions, its windows and its span in epoch nanoseconds. */
  private record Visit(List<Session> sessions, long windows, long spanStart, long spanEnd) {}

  /**
   * Scales {@code log} by {@code factor} (>= 0) over sessions starting in {@code [from, to)} and
   * days in {@code [firstDay, endDay)}, with the catalog's window and minimum billable use.
   */
  static WindowScaling.Scaled scale(
      UsageLog log,
      BigDecimal factor,
      Instant from,
      Instant to,
      LocalDate firstDay,
      LocalDate endDay,
      MeteringParameters metering) {
    checkNotNull(log, "log");
    checkNotNull(factor, "factor");
    checkArgument(factor.signum() >= 0, "factor must be >= 0 but was %s", factor);
    long window = metering.window().toNanos();
    long minimum = metering.minimumBillable().toNanos();
    long fromN = Instants.toNanos(from);
    long toN = Instants.toNanos(to);
    long day = Duration.ofDays(1).toNanos();
    long maxShift = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(firstDay, endDay));

    List<Session> outSessions = new ArrayList<>();
    List<DailyUsage> outDays = new ArrayList<>();
    long[] state = new long[5]; // C, A, unplaced, unplacedWindows, K

    Map<UserId, Map<ProductId, List<Session>>> sessions = new TreeMap<>();
    for (Session s : log.sessions()) {
      sessions.computeIfAbsent(s.user(), u -> new TreeMap<>())
          .computeIfAbsent(s.product(), p -> new ArrayList<>())
          .add(s);
    }
    for (Map<ProductId, List<Session>> byProduct : sessions.values()) {
      for (List<Session> list : byProduct.values()) {
        list.sort(Comparator.comparing(Session::start).thenComparing(Session::end));
        List<Visit> visits = visits(list, window, minimum);
        Occupied occupied = new Occupied();
        List<Visit> scaled = new ArrayList<>();
        for (Visit v : visits) {
          occupied.add(v.spanStart(), v.spanEnd());
          if (v.windows() > 0 && v.spanStart() >= fromN && v.spanStart() < toN) {
            scaled.add(v);
          } else {
            outSessions.addAll(v.sessions()); // outside the period, or free use: kept
          }
        }
        for (Visit v : scaled) {
          long n = occurrences(v.windows(), factor, state);
          if (n >= 1) {
            outSessions.addAll(v.sessions());
          }
          for (long extra = 1; extra < n; extra++) {
            Long shift = null;
            for (long k = 1; k <= maxShift && shift == null; k++) {
              for (long sign : new long[] {1, -1}) {
                long d = sign * k * day;
                long s = v.spanStart() + d;
                if (s >= fromN && v.spanEnd() + d <= toN && !occupied.overlaps(s, v.spanEnd() + d)) {
                  shift = d;
                  break;
                }
              }
            }
            if (shift == null) {
              state[2]++;
              state[3] += v.windows();
            } else {
              occupied.add(v.spanStart() + shift, v.spanEnd() + shift);
              for (Session s : v.sessions()) {
                outSessions.add(s.shiftedBy(Duration.ofNanos(shift)));
              }
            }
          }
        }
      }
    }

    Map<UserId, Map<ProductId, TreeSet<LocalDate>>> days = new TreeMap<>();
    for (DailyUsage d : log.days()) {
      days.computeIfAbsent(d.user(), u -> new TreeMap<>())
          .computeIfAbsent(d.product(), p -> new TreeSet<>())
          .add(d.day());
    }
    days.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, set) -> {
                  TreeSet<LocalDate> used = new TreeSet<>(set);
                  for (LocalDate d : set) {
                    if (d.isBefore(firstDay) || !d.isBefore(endDay)) {
                      outDays.add(new DailyUsage(user, product, d));
                      continue;
                    }
                    long n = occurrences(1, factor, state);
                    if (n >= 1) {
                      outDays.add(new DailyUsage(user, product, d));
                    }
                    for (long extra = 1; extra < n; extra++) {
                      LocalDate copy = null;
                      for (long k = 1; k <= maxShift && copy == null; k++) {
                        for (long sign : new long[] {1, -1}) {
                          LocalDate c = d.plusDays(sign * k);
                          if (!c.isBefore(firstDay) && c.isBefore(endDay) && !used.contains(c)) {
                            copy = c;
                            break;
                          }
                        }
                      }
                      if (copy == null) {
                        state[2]++;
                        state[3]++;
                      } else {
                        used.add(copy);
                        outDays.add(new DailyUsage(user, product, copy));
                      }
                    }
                  }
                }));
    long total = state[0];
    return new WindowScaling.Scaled(
        new UsageLog(outSessions, outDays),
        factor,
        total,
        floor(total, factor),
        state[1] - state[3],
        state[4],
        state[2],
        state[3]);
  }

  /**
   * Occurrences of the next visit of {@code k} windows: {@code round-half-up((floor(f C) - A) /
   * k)}, at least 0, where {@code C} includes this visit; updates {@code C}, {@code A} and {@code K}.
   */
  private static long occurrences(long k, BigDecimal factor, long[] state) {
    state[0] += k;
    state[4] = Math.max(state[4], k);
    long d = floor(state[0], factor) - state[1];
    long n = d <= 0 ? 0 : Math.floorDiv(2 * d + k, 2 * k);
    if (factor.compareTo(BigDecimal.ONE) <= 0) {
      n = Math.min(n, 1); // scaling down only drops: the usage stays a subset of the original
    }
    state[1] += n * k;
    return n;
  }

  /** {@code floor(n f)}. */
  static long floor(long n, BigDecimal factor) {
    return BigDecimal.valueOf(n).multiply(factor).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /** Splits one user's sessions of one product, sorted by start, into visits. */
  private static List<Visit> visits(List<Session> sorted, long window, long minimum) {
    List<Visit> out = new ArrayList<>();
    List<Session> current = null;
    long windows = 0;
    long spanStart = 0;
    long spanEnd = 0;
    long openEnd = Long.MIN_VALUE;
    for (Session ses : sorted) {
      long s = Instants.toNanos(ses.start());
      long e = Instants.toNanos(ses.end());
      boolean billable = e > s && e - s >= minimum;
      if (current == null || s >= openEnd) {
        if (!billable) {
          out.add(new Visit(List.of(ses), 0, s, Math.max(s, e))); // free use: opens nothing
          continue;
        }
        if (current != null) {
          out.add(new Visit(current, windows, spanStart, spanEnd));
        }
        current = new ArrayList<>();
        windows = 0;
        spanStart = s;
        spanEnd = s;
        openEnd = Long.MIN_VALUE;
      }
      current.add(ses);
      if (billable) {
        while (e > openEnd) {
          long open = Math.max(s, openEnd);
          openEnd = open + window;
          windows++;
        }
      }
      spanEnd = Math.max(spanEnd, Math.max(e, openEnd));
    }
    if (current != null) {
      out.add(new Visit(current, windows, spanStart, spanEnd));
    }
    out.sort(Comparator.comparingLong(Visit::spanStart));
    return out;
  }

  /** A union of half-open nanosecond intervals kept as disjoint, merged runs. */
  private static final class Occupied {
    private final TreeMap<Long, Long> runs = new TreeMap<>();

    void add(long start, long end) {
      long s = start;
      long e = end;
      Map.Entry<Long, Long> before = runs.floorEntry(s);
      if (before != null && before.getValue() >= s) {
        s = before.getKey();
        e = Math.max(e, before.getValue());
        runs.remove(before.getKey());
      }
      Map.Entry<Long, Long> next = runs.ceilingEntry(s);
      while (next != null && next.getKey() <= e) {
        e = Math.max(e, next.getValue());
        runs.remove(next.getKey());
        next = runs.ceilingEntry(s);
      }
      runs.put(s, e);
    }

    boolean overlaps(long start, long end) {
      Map.Entry<Long, Long> last = runs.lowerEntry(end);
      return last != null && last.getValue() > start;
    }
  }
}
