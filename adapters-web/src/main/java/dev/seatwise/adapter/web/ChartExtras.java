package dev.seatwise.adapter.web;

import dev.seatwise.adapter.web.dto.ChartExtrasDto.BreakEvenDto;
import dev.seatwise.adapter.web.dto.ChartExtrasDto.TimelineDto;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.SessionUnits;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.plan.BreakEven;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.usage.Session;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data behind the page's charts that the use cases' results do not carry: each used product's
 * break-even (from the domain's {@link BreakEven}), and concurrency over time (daily peaks and an
 * hour × weekday heatmap) from sessions with clock times. Presentation only: no prices are decided
 * here. Stateless.
 */
public final class ChartExtras {
  /** Longest span charted; older days are left off. */
  static final int MAX_DAYS = 732;

  private ChartExtras() {}

  /** Break-even of every product some user used, at the catalog version in force at the start. */
  public static List<BreakEvenDto> breakEven(Comparison comparison, CatalogHistory catalogs) {
    Catalog catalog =
        catalogs.versionOn(comparison.period().from()).orElse(catalogs.latest());
    Optional<PackPricing> packs = catalog.packPricing();
    TreeSet<ProductId> used = new TreeSet<>();
    for (UserComparison u : comparison.users()) {
      for (ProductUsage p : u.usage()) {
        used.add(p.product());
      }
    }
    List<BreakEvenDto> out = new ArrayList<>();
    if (packs.isEmpty()) {
      return out;
    }
    for (ProductId id : used) {
      Optional<Product> product = catalog.product(id);
      if (product.isEmpty()
          || product.get().namedUser().isEmpty()
          || product.get().tokenRate().isEmpty()) {
        continue;
      }
      Product p = product.get();
      BreakEven be =
          new BreakEven(p.namedUser().get().annual(), p.tokenRate().get(), packs.get().bestUnitPrice());
      out.add(
          new BreakEvenDto(
              id.value(),
              p.name(),
              be.namedAnnual().amount(),
              be.tokensPerWindow(),
              be.tokenPrice().perUnit(),
              be.costPerWindow().setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros(),
              be.windowsPerYear().map(d -> d.setScale(1, RoundingMode.HALF_EVEN)).orElse(null)));
    }
    return out;
  }

  /**
   * Daily peaks and weekday × hour mean peaks per product, from sessions in the period, in the
   * unit of the concurrency answer: each session counts the units it held (a status check-out of N
   * licences, tokens or cores counts N; other sessions 1).
   */
  public static List<TimelineDto> timeline(
      ImportedUsage usage, ZoneId zone, Optional<AnalysisPeriod> period) {
    Map<String, List<Session>> byProduct = new TreeMap<>();
    Map<String, List<Long>> unitsByProduct = new TreeMap<>();
    List<Session> all = new ArrayList<>(usage.log().sessions());
    all.addAll(usage.unmapped());
    SessionUnits units = usage.sessionUnits();
    for (Session s : all) {
      if (period.isEmpty()
          || (!s.end().isBefore(period.get().startInstant())
              && s.start().isBefore(period.get().endInstant()))) {
        byProduct.computeIfAbsent(s.product().value(), k -> new ArrayList<>()).add(s);
        unitsByProduct
            .computeIfAbsent(s.product().value(), k -> new ArrayList<>())
            .add(units.isEmpty() ? 1L : units.take(s));
      }
    }
    List<TimelineDto> out = new ArrayList<>();
    byProduct.forEach(
        (product, sessions) ->
            out.add(timelineOf(product, sessions, unitsByProduct.get(product), zone, period)));
    return out;
  }

  private static TimelineDto timelineOf(
      String product,
      List<Session> sessions,
      List<Long> units,
      ZoneId zone,
      Optional<AnalysisPeriod> period) {
    Instant min = sessions.stream().map(Session::start).min(Instant::compareTo).orElseThrow();
    Instant max = sessions.stream().map(Session::end).max(Instant::compareTo).orElseThrow();
    LocalDate first = period.map(AnalysisPeriod::from).orElse(min.atZone(zone).toLocalDate());
    LocalDate last =
        period.map(p -> p.to().minusDays(1)).orElse(max.atZone(zone).toLocalDate());
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      first = last.minusDays(MAX_DAYS - 1L);
    }
    ZonedDateTime start = first.atStartOfDay(zone);
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    // hour buckets in real (UTC) hours from the start of the first day
    Instant origin = start.toInstant();
    Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
    int hours = (int) Math.max(1, Duration.between(origin, end).toHours());
    long[] hourly = hourlyPeaks(sessions, units, origin, hours);
    long[] daily = new long[days];
    double[][] sum = new double[7][24];
    int[][] count = new int[7][24];
    for (int h = 0; h < hours; h++) {
      ZonedDateTime at = origin.plus(Duration.ofHours(h)).atZone(zone);
      int day = (int) ChronoUnit.DAYS.between(first, at.toLocalDate());
      if (day >= 0 && day < days) {
        daily[day] = Math.max(daily[day], hourly[h]);
      }
      int wd = at.getDayOfWeek().getValue() - 1;
      sum[wd][at.getHour()] += hourly[h];
      count[wd][at.getHour()]++;
    }
    List<List<Double>> heat = new ArrayList<>();
    for (int wd = 0; wd < 7; wd++) {
      List<Double> row = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        double mean = count[wd][h] == 0 ? 0 : sum[wd][h] / count[wd][h];
        row.add(Math.round(mean * 100) / 100.0);
      }
      heat.add(row);
    }
    return new TimelineDto(
        product, first.toString(), Arrays.stream(daily).boxed().toList(), heat);
  }

  /** The highest concurrency reached in each hour, one unit a session; intervals are half-open. */
  static long[] hourlyPeaks(List<Session> sessions, Instant origin, int hours) {
    return hourlyPeaks(sessions, java.util.Collections.nCopies(sessions.size(), 1L), origin, hours);
  }

  /**
   * The highest level reached in each hour, session {@code i} holding {@code units.get(i)};
   * intervals are half-open (an end at the instant of a start is taken first).
   */
  static long[] hourlyPeaks(List<Session> sessions, List<Long> units, Instant origin, int hours) {
    long originSec = origin.getEpochSecond();
    long[][] events = new long[sessions.size() * 2][];
    int k = 0;
    for (int j = 0; j < sessions.size(); j++) {
      Session s = sessions.get(j);
      long u = units.get(j);
      events[k++] = new long[] {s.start().getEpochSecond() - originSec, u};
      events[k++] = new long[] {s.end().getEpochSecond() - originSec, -u};
    }
    Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[] peaks = new long[hours];
    long level = 0;
    int i = 0;
    // events before the first bucket only set the entering level
    while (i < events.length && events[i][0] < 0) {
      level += events[i][1];
      i++;
    }
    for (int h = 0; h < hours; h++) {
      long bucketEnd = (h + 1) * 3600L;
      long peak = level;
      while (i < events.length && events[i][0] < bucketEnd) {
        long t = events[i][0];
        while (i < events.length && events[i][0] == t) {
          level += events[i][1];
          i++;
        }
        peak = Math.max(peak, level);
      }
      peaks[h] = peak;
    }
    return peaks;
  }
}
