package dev.seatwise.domain.forecast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The token burn of the days ahead, simulated from a history of daily burn by a <b>block bootstrap
 * of whole weeks</b>, seeded: the history is cut into its whole Monday-to-Sunday weeks, and each
 * week ahead is a history week drawn at random among those within {@value #SEASON_WEEKS} ISO weeks
 * of the same week of the year (so that a quiet August stays quiet and busy weeks stay busy),
 * among all of them when the history has none there (less than a year of history). A drawn week is
 * copied day by day, Monday to Monday, so the weekday shape is kept. The forecast of each run is the
 * sum of its days; P50 and P90 are the nearest-rank percentiles of the runs' totals, per month and
 * for the whole horizon. Stateless; thread-safe.
 */
public final class BurnForecast {
  /** Half-width, in weeks of the year, of the seasonal neighbourhood a week is drawn from. */
  public static final int SEASON_WEEKS = 4;

  private BurnForecast() {}

  /** P50 and P90 of the burn of one calendar month of the horizon (the days of it inside). */
  public record MonthBand(YearMonth month, long p50, long p90) {
    public MonthBand {
      checkNotNull(month, "month");
    }
  }

  /**
   * The simulated burn of {@code days} days from {@code from}: P50 and P90 of the whole horizon and
   * per month, from {@code runs} runs. Immutable; nothing is null.
   */
  public record Forecast(
      LocalDate from, int days, int runs, long seed, long p50, long p90, long mean,
      List<MonthBand> months, int historyWeeks) {
    public Forecast {
      checkNotNull(from, "from");
      months = List.copyOf(months);
    }
  }

  /**
   * Simulates {@code days} days from {@code from} ({@code runs} runs, seeded) from {@code daily}:
   * tokens burnt per day; days missing between the first and last key count as 0. The history must
   * hold at least one whole Monday-to-Sunday week.
   */
  public static Forecast simulate(
      Map<LocalDate, Long> daily, LocalDate from, int days, int runs, long seed) {
    long[][] paths = paths(daily, from, days, runs, seed);
    List<YearMonth> months = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      YearMonth m = YearMonth.from(from.plusDays(d));
      if (!months.contains(m)) {
        months.add(m);
      }
    }
    // the month (index in months) of each day: days run in order, so months change in order
    int[] monthOf = new int[days];
    for (int d = 0, m = 0; d < days; d++) {
      if (!YearMonth.from(from.plusDays(d)).equals(months.get(m))) {
        m++;
      }
      monthOf[d] = m;
    }
    long[] totals = new long[runs];
    long[][] byMonth = new long[months.size()][runs];
    for (int r = 0; r < runs; r++) {
      for (int d = 0; d < days; d++) {
        totals[r] += paths[r][d];
        byMonth[monthOf[d]][r] += paths[r][d];
      }
    }
    List<MonthBand> bands = new ArrayList<>();
    for (int m = 0; m < months.size(); m++) {
      bands.add(new MonthBand(months.get(m), percentile(byMonth[m], 0.5), percentile(byMonth[m], 0.9)));
    }
    long sum = 0;
    for (long t : totals) {
      sum += t;
    }
    return new Forecast(
        from, days, runs, seed, percentile(totals, 0.5), percentile(totals, 0.9),
        Math.round((double) sum / runs), bands, wholeWeeks(new TreeMap<>(daily)).size());
  }

  /**
   * The simulated daily burns themselves: {@code paths[r][d]} is the burn of day {@code from + d}
   * in run {@code r}. The same arguments give the same paths, and {@link #simulate} sums exactly
   * these paths (a horizon that starts with the same days and seed starts with the same draws).
   */
  public static long[][] paths(
      Map<LocalDate, Long> daily, LocalDate from, int days, int runs, long seed) {
    checkNotNull(daily, "daily");
    checkNotNull(from, "from");
    checkArgument(days >= 1, "days must be >= 1 but was %s", days);
    checkArgument(runs >= 1, "runs must be >= 1 but was %s", runs);
    TreeMap<LocalDate, Long> history = new TreeMap<>(daily);
    checkArgument(!history.isEmpty(), "no history");
    List<LocalDate> weeks = wholeWeeks(history);
    checkArgument(!weeks.isEmpty(), "the history holds no whole Monday-to-Sunday week");

    LocalDate end = from.plusDays(days);
    // the Monday on or before from: weeks ahead are aligned to Mondays, days before from are skipped
    LocalDate start = from.minusDays(from.getDayOfWeek().getValue() - 1L);
    List<int[]> candidates = new ArrayList<>();
    for (LocalDate w = start; w.isBefore(end); w = w.plusWeeks(1)) {
      int target = w.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      List<Integer> near = new ArrayList<>();
      for (int i = 0; i < weeks.size(); i++) {
        int wk = weeks.get(i).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        int d = Math.abs(wk - target);
        if (Math.min(d, 52 - d) <= SEASON_WEEKS) {
          near.add(i);
        }
      }
      if (near.isEmpty()) {
        for (int i = 0; i < weeks.size(); i++) {
          near.add(i);
        }
      }
      candidates.add(near.stream().mapToInt(Integer::intValue).toArray());
    }

    // the history by day from its first key (days without a key burn 0), and each whole week's
    // Monday as an index into it: a drawn week is copied from there, day by day
    LocalDate first = history.firstKey();
    long[] burn = new long[daysBetween(first, history.lastKey()) + 1];
    for (Map.Entry<LocalDate, Long> e : history.entrySet()) {
      burn[daysBetween(first, e.getKey())] = e.getValue();
    }
    int[] monday = new int[weeks.size()];
    for (int i = 0; i < monday.length; i++) {
      monday[i] = daysBetween(first, weeks.get(i));
    }
    // day 7k + day of the weeks ahead is path day 7k + day - lead (before from when negative)
    int lead = daysBetween(start, from);
    long[][] paths = new long[runs][days];
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < runs; r++) {
      long[] path = paths[r];
      for (int k = 0; k < candidates.size(); k++) {
        int[] near = candidates.get(k);
        int drawn = monday[near[random.nextInt(near.length)]];
        for (int day = 0; day < 7; day++) {
          int d = 7 * k + day - lead;
          if (d >= 0 && d < days) {
            path[d] = burn[drawn + day];
          }
        }
      }
    }
    return paths;
  }

  /** The Mondays of the history's whole Monday-to-Sunday weeks. */
  private static List<LocalDate> wholeWeeks(TreeMap<LocalDate, Long> history) {
    List<LocalDate> weeks = new ArrayList<>();
    if (history.isEmpty()) {
      return weeks;
    }
    LocalDate first = history.firstKey();
    while (first.getDayOfWeek() != DayOfWeek.MONDAY) {
      first = first.plusDays(1);
    }
    for (LocalDate w = first; !w.plusDays(6).isAfter(history.lastKey()); w = w.plusWeeks(1)) {
      weeks.add(w);
    }
    return weeks;
  }

  /** The nearest-rank percentile: the smallest value at or above which {@code q} of runs lie. */
  static long percentile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /**
   * Whether {@code daily} holds at least one whole Monday-to-Sunday week between its first and
   * last key, that is whether {@link #simulate} can draw from it.
   */
  public static boolean hasWholeWeek(Map<LocalDate, Long> daily) {
    checkNotNull(daily, "daily");
    if (daily.isEmpty()) {
      return false;
    }
    TreeMap<LocalDate, Long> history = new TreeMap<>(daily);
    LocalDate first = history.firstKey();
    while (first.getDayOfWeek() != DayOfWeek.MONDAY) {
      first = first.plusDays(1);
    }
    return !first.plusDays(6).isAfter(history.lastKey());
  }

  /** The days from {@code from} to {@code to}; a helper for callers sizing a horizon. */
  public static int daysBetween(LocalDate from, LocalDate to) {
    return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
  }
}
