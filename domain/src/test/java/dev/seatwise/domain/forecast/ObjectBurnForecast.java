package dev.seatwise.domain.forecast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@link BurnForecast#paths} as it was before it copied weeks from an array (main at 389c078, kept
 * as the test oracle): each day of each run looked up in a {@code TreeMap} by date.
 */
final class ObjectBurnForecast {
  private ObjectBurnForecast() {}

  private static final int SEASON_WEEKS = BurnForecast.SEASON_WEEKS;

  /**
   * The simulated daily burns themselves: {@code paths[r][d]} is the burn of day {@code from + d}
   * in run {@code r}. The same arguments give the same paths, and {@link #simulate} sums exactly
   * these paths (a horizon that starts with the same days and seed starts with the same draws).
   */
  static long[][] paths(
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

    long[][] paths = new long[runs][days];
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < runs; r++) {
      int k = 0;
      for (LocalDate w = start; w.isBefore(end); w = w.plusWeeks(1), k++) {
        int[] near = candidates.get(k);
        LocalDate drawn = weeks.get(near[random.nextInt(near.length)]);
        for (int day = 0; day < 7; day++) {
          LocalDate d = w.plusDays(day);
          if (d.isBefore(from) || !d.isBefore(end)) {
            continue;
          }
          paths[r][(int) ChronoUnit.DAYS.between(from, d)] = history.getOrDefault(drawn.plusDays(day), 0L);
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

}
