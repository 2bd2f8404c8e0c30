package dev.seatwise.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Worked by hand on histories whose every draw is known. */
class BurnForecastTest {

  /** Weekdays burn {@code weekday}, weekends 0, for {@code weeks} weeks from Monday 2024-01-01. */
  private static Map<LocalDate, Long> weeks(int weeks, long weekday) {
    Map<LocalDate, Long> out = new TreeMap<>();
    LocalDate mon = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < 7 * weeks; i++) {
      LocalDate d = mon.plusDays(i);
      out.put(d, d.getDayOfWeek().getValue() <= 5 ? weekday : 0L);
    }
    return out;
  }

  @Test
  void theWeeklyShapeIsKept() {
    // Every history week is 5 x 10 on weekdays and nothing at weekends. From Saturday 2024-03-02
    // for 9 days: Sat 0, Sun 0, Mon-Fri 5 x 10, Sat 0, Sun 0 = 50, whatever the draws.
    BurnForecast.Forecast f =
        BurnForecast.simulate(weeks(8, 10), LocalDate.of(2024, 3, 2), 9, 200, 7);

    assertThat(f.p50()).isEqualTo(50);
    assertThat(f.p90()).isEqualTo(50);
    assertThat(f.months())
        .containsExactly(new BurnForecast.MonthBand(YearMonth.of(2024, 3), 50, 50));
  }

  @Test
  void busyWeeksStayBusyAndP90IsAboveP50() {
    // Four weeks: three quiet (5 x 2 = 10 a week) and one busy (5 x 20 = 100). A 1-week forecast
    // is one drawn week: 10 with probability 3/4, 100 with 1/4. Of 1,000 runs about 750 are 10:
    // P50 = 10, P90 = 100 (a flat average would say 32.5 for every week).
    Map<LocalDate, Long> h = new TreeMap<>(weeks(4, 2));
    LocalDate busy = LocalDate.of(2024, 1, 15);
    for (int i = 0; i < 5; i++) {
      h.put(busy.plusDays(i), 20L);
    }
    BurnForecast.Forecast f = BurnForecast.simulate(h, LocalDate.of(2024, 1, 29), 7, 1000, 42);

    assertThat(f.p50()).isEqualTo(10);
    assertThat(f.p90()).isEqualTo(100);
  }

  @Test
  void theSameSeedGivesTheSameForecast() {
    Map<LocalDate, Long> h = new TreeMap<>(weeks(10, 3));
    h.put(LocalDate.of(2024, 1, 10), 40L);
    h.put(LocalDate.of(2024, 2, 7), 25L);
    BurnForecast.Forecast a = BurnForecast.simulate(h, LocalDate.of(2024, 3, 11), 60, 300, 11);
    BurnForecast.Forecast b = BurnForecast.simulate(h, LocalDate.of(2024, 3, 11), 60, 300, 11);

    assertThat(a).isEqualTo(b);
    assertThat(a.p90()).isGreaterThanOrEqualTo(a.p50());
  }

  @Test
  void weeksAreDrawnFromTheSameSeasonWhenTheHistoryHasIt() {
    // 2024 and 2025: January weekdays burn 100, other weekdays 1, weekends 0. Forecasting ISO week
    // 3 of 2026 (from Monday 12 January) draws among the weeks within 4 of week 3: weeks 51, 52 and
    // 1..7 of each year, 18 weeks. 2024: w1-w4 500 each, w5 (29 Jan - 2 Feb) 3 x 100 + 2 x 1 = 302,
    // w6, w7, w51, w52 5 each. 2025: w1 (30 Dec - 3 Jan) 2 x 1 + 3 x 100 = 302, w2-w5 500, w6, w7,
    // w51, w52 5. So 5 with probability 8/18 = 0.44, 302 with 2/18 (0.56 cumulated), 500 with 8/18:
    // P50 = 302 and P90 = 500. Drawn from all 104 weeks, 94 of which burn 5, both would be 5.
    Map<LocalDate, Long> h = new TreeMap<>();
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2026, 1, 1)); d = d.plusDays(1)) {
      boolean weekday = d.getDayOfWeek().getValue() <= 5;
      h.put(d, !weekday ? 0L : d.getMonthValue() == 1 ? 100L : 1L);
    }
    BurnForecast.Forecast f = BurnForecast.simulate(h, LocalDate.of(2026, 1, 12), 7, 500, 3);

    assertThat(f.historyWeeks()).isEqualTo(104);
    assertThat(f.p50()).isEqualTo(302);
    assertThat(f.p90()).isEqualTo(500);
  }
}
