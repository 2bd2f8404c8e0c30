package dev.seatwise.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Laws of the week bootstrap. */
class BurnForecastProperties {
  private static final LocalDate ORIGIN = LocalDate.of(2024, 1, 1);

  /**
   * The paths copied from the history by array are the paths looked up day by day in the history's
   * map ({@link ObjectBurnForecast}, the plain rule): the same draws, the same days, whatever the
   * history (missing days, one week to three years), the horizon's start (before, inside or after
   * the history, any weekday), its length and the runs.
   */
  @Test
  void pathsCopiedByArrayAreThePathsLookedUpByDate() {
    qt().withExamples(300)
        .forAll(
            integers().between(7, 3 * 365),
            integers().between(-400, 1200),
            integers().between(1, 400),
            longs().all())
        .checkAssert(
            (historyDays, fromOffset, days, seed) -> {
              SplittableRandom random = new SplittableRandom(seed);
              LocalDate first = ORIGIN.plusDays(random.nextInt(7));
              Map<LocalDate, Long> daily = new TreeMap<>();
              for (int d = 0; d < historyDays; d++) {
                if (d == 0 || d == historyDays - 1 || random.nextInt(10) != 0) {
                  daily.put(first.plusDays(d), (long) random.nextInt(1000));
                }
              }
              if (!BurnForecast.hasWholeWeek(daily)) {
                return;
              }
              LocalDate from = ORIGIN.plusDays(fromOffset);
              int runs = 1 + random.nextInt(12);
              long pathSeed = random.nextLong();
              assertThat(BurnForecast.paths(daily, from, days, runs, pathSeed))
                  .isDeepEqualTo(ObjectBurnForecast.paths(daily, from, days, runs, pathSeed));
            });
  }
}
