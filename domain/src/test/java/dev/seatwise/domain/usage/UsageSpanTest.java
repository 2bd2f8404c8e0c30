package dev.seatwise.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default period rule, worked by hand. */
class UsageSpanTest {
  static final LocalDate MAR3 = LocalDate.of(2025, 3, 3);

  @Test
  void oneDayOfDataGivesTheYearThatEndsOnThatDay() {
    UsageSpan oneDay = new UsageSpan(MAR3, MAR3);
    LocalDate[] p = oneDay.period(Optional.empty(), Optional.empty());
    // [2024-03-04, 2025-03-04): 365 days, the last of them 2025-03-03 (2024 is a leap year)
    assertThat(p).containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2025, 3, 4));
    assertThat(oneDay.daysWithin(p[0], p[1])).isEqualTo(1);
    assertThat(oneDay.days()).isEqualTo(1);
  }

  @Test
  void aFullYearOfDataIsItsOwnPeriod() {
    UsageSpan year = new UsageSpan(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    LocalDate[] p = year.period(Optional.empty(), Optional.empty());
    assertThat(p).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    assertThat(year.daysWithin(p[0], p[1])).isEqualTo(365);
  }

  @Test
  void moreThanAYearOfDataIsKeptWhole() {
    UsageSpan two = new UsageSpan(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
    assertThat(two.period(Optional.empty(), Optional.empty()))
        .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1));
  }

  @Test
  void aGivenStartRunsAtLeastAYearAndAGivenPeriodIsKept() {
    UsageSpan span = new UsageSpan(MAR3, LocalDate.of(2025, 4, 30));
    assertThat(span.period(Optional.of(LocalDate.of(2025, 3, 1)), Optional.empty()))
        .containsExactly(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 1));
    assertThat(span.period(Optional.empty(), Optional.of(LocalDate.of(2025, 5, 1))))
        .containsExactly(LocalDate.of(2024, 5, 1), LocalDate.of(2025, 5, 1));
    assertThat(span.period(Optional.of(MAR3), Optional.of(LocalDate.of(2025, 4, 1))))
        .containsExactly(MAR3, LocalDate.of(2025, 4, 1));
    // 29 of [2025-03-03, 2025-04-01) lie in the span
    assertThat(span.daysWithin(MAR3, LocalDate.of(2025, 4, 1))).isEqualTo(29);
  }
}
