package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkArgument;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsageSummary;
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
 * Usage multiplied by a factor, deterministically, for what-if runs. Only usage that starts in the
 * period is scaled; the rest is left as it is. Per user and product, the sessions are put in time
 * order (start, then end) and session {@code i} (from 0) gets {@code
 * floor((i+1) f) - floor(i f)} occurrences, so {@code n} sessions become {@code floor(n f)}, spread
 * evenly:
 *
 * <ul>
 *   <li>with {@code f < 1} some sessions get none: they are dropped (the rest stay unchanged, so the
 *       usage is a subset of the original);
 *   <li>with {@code f > 1} some get more: each extra occurrence is a copy of the session shifted by
 *       whole days (24 h; +1, -1, +2, -2, ... nearest first) to the nearest place inside the period
 *       where its access window (its start plus the window length, or its end if later) overlaps
 *       no window of that user and product, original or copied. A copy that finds no such place is
 *       left out and counted in {@link Scaled#unplaced()}.
 * </ul>
 *
 * Daily usage (no clock times) is scaled the same way by days, copies going to the nearest day of
 * the period without use of that product by that user. Aggregated summaries scale their days and
 * tokens by {@code f}, rounded down. Because windows are a cover of the usage, a copy normally adds
 * one window but can add none if Flex's windowing absorbs it: compare the windows before and after
 * for the effective change.
 */
final class UsageScaling {
  private UsageScaling() {}

  /** The scaled usage and the copies that found no free place in the period. */
  record Scaled(ImportedUsage usage, long unplaced) {}

  static Scaled scale(ImportedUsage in, BigDecimal factor, AnalysisPeriod period, Duration window) {
    checkArgument(factor.signum() >= 0, "factor must be >= 0 but was %s", factor);
    long[] unplaced = new long[1];
    Map<UserId, Map<ProductId, List<Session>>> sessions = new TreeMap<>();
    for (Session s : in.log().sessions()) {
      sessions.computeIfAbsent(s.user(), u -> new TreeMap<>())
          .computeIfAbsent(s.product(), p -> new ArrayList<>())
          .add(s);
    }
    List<Session> outSessions = new ArrayList<>();
    sessions.forEach(
        (u, byProduct) ->
            byProduct.forEach(
                (p, list) -> outSessions.addAll(sessions(list, factor, period, window, unplaced))));
    Map<UserId, Map<ProductId, TreeSet<LocalDate>>> days = new TreeMap<>();
    for (DailyUsage d : in.log().days()) {
      days.computeIfAbsent(d.user(), u -> new TreeMap<>())
          .computeIfAbsent(d.product(), p -> new TreeSet<>())
          .add(d.day());
    }
    List<DailyUsage> outDays = new ArrayList<>();
    days.forEach(
        (u, byProduct) ->
            byProduct.forEach(
                (p, set) -> {
                  for (LocalDate d : days(set, factor, period, unplaced)) {
                    outDays.add(new DailyUsage(u, p, d));
                  }
                }));
    List<UsageSummary> summaries = new ArrayList<>();
    for (UsageSummary s : in.summaries()) {
      summaries.add(
          new UsageSummary(
              s.user(), s.product(), floor(s.daysUsed(), factor), s.lastAccessed(),
              floor(s.tokensUsed(), factor)));
    }
    ImportedUsage out =
        new ImportedUsage(
            new UsageLog(outSessions, outDays),
            in.unmapped(),
            summaries,
            in.tokenUsage(),
            in.denials(),
            in.snapshots(),
            in.report(),
            in.consumption());
    return new Scaled(out, unplaced[0]);
  }

  /** {@code floor(n f)}. */
  static long floor(long n, BigDecimal factor) {
    return BigDecimal.valueOf(n).multiply(factor).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /** Occurrences of item {@code i}: {@code floor((i+1) f) - floor(i f)}. */
  static long occurrences(long i, BigDecimal factor) {
    return floor(i + 1, factor) - floor(i, factor);
  }

  private static List<Session> sessions(
      List<Session> list, BigDecimal factor, AnalysisPeriod period, Duration window, long[] unplaced) {
    Instant from = period.startInstant();
    Instant to = period.endInstant();
    Occupied occupied = new Occupied();
    List<Session> sorted = new ArrayList<>();
    List<Session> out = new ArrayList<>();
    for (Session s : list) {
      occupied.add(s.start(), footprintEnd(s, window));
      if (!s.start().isBefore(from) && s.start().isBefore(to)) {
        sorted.add(s);
      } else {
        out.add(s); // outside the period: left as it is
      }
    }
    sorted.sort(Comparator.comparing(Session::start).thenComparing(Session::end));
    long maxShift = period.days();
    for (int i = 0; i < sorted.size(); i++) {
      Session s = sorted.get(i);
      long n = occurrences(i, factor);
      if (n >= 1) {
        out.add(s);
      }
      for (long extra = 1; extra < n; extra++) {
        Session copy = null;
        for (long k = 1; k <= maxShift && copy == null; k++) {
          for (long sign : new long[] {1, -1}) {
            Session c = s.shiftedBy(Duration.ofDays(sign * k));
            if (!c.start().isBefore(from) && c.start().isBefore(to)
                && !occupied.overlaps(c.start(), footprintEnd(c, window))) {
              copy = c;
              break;
            }
          }
        }
        if (copy == null) {
          unplaced[0]++;
        } else {
          occupied.add(copy.start(), footprintEnd(copy, window));
          out.add(copy);
        }
      }
    }
    return out;
  }

  private static List<LocalDate> days(
      TreeSet<LocalDate> set, BigDecimal factor, AnalysisPeriod period, long[] unplaced) {
    List<LocalDate> sorted = new ArrayList<>();
    TreeSet<LocalDate> used = new TreeSet<>(set);
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d : set) {
      if (!d.isBefore(period.from()) && d.isBefore(period.to())) {
        sorted.add(d);
      } else {
        out.add(d); // outside the period: left as it is
      }
    }
    for (int i = 0; i < sorted.size(); i++) {
      LocalDate d = sorted.get(i);
      long n = occurrences(i, factor);
      if (n >= 1) {
        out.add(d);
      }
      for (long extra = 1; extra < n; extra++) {
        LocalDate copy = null;
        for (long k = 1; k <= period.days() && copy == null; k++) {
          for (long sign : new long[] {1, -1}) {
            LocalDate c = d.plusDays(sign * k);
            if (!c.isBefore(period.from()) && c.isBefore(period.to()) && !used.contains(c)) {
              copy = c;
              break;
            }
          }
        }
        if (copy == null) {
          unplaced[0]++;
        } else {
          used.add(copy);
          out.add(copy);
        }
      }
    }
    return out;
  }

  private static Instant footprintEnd(Session s, Duration window) {
    Instant w = s.start().plus(window);
    return s.end().isAfter(w) ? s.end() : w;
  }

  /** A union of half-open intervals kept as disjoint, merged runs. */
  private static final class Occupied {
    private final TreeMap<Instant, Instant> runs = new TreeMap<>();

    void add(Instant start, Instant end) {
      Instant s = start;
      Instant e = end;
      Map.Entry<Instant, Instant> before = runs.floorEntry(s);
      if (before != null && !before.getValue().isBefore(s)) {
        s = before.getKey();
        e = before.getValue().isAfter(e) ? before.getValue() : e;
        runs.remove(before.getKey());
      }
      Map.Entry<Instant, Instant> next = runs.ceilingEntry(s);
      while (next != null && !next.getKey().isAfter(e)) {
        e = next.getValue().isAfter(e) ? next.getValue() : e;
        runs.remove(next.getKey());
        next = runs.ceilingEntry(s);
      }
      runs.put(s, e);
    }

    /** Whether {@code [start, end)} meets any run. */
    boolean overlaps(Instant start, Instant end) {
      Map.Entry<Instant, Instant> last = runs.lowerEntry(end);
      return last != null && last.getValue().isAfter(start);
    }
  }
}
