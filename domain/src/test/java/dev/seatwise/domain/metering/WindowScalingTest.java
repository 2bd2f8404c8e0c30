package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked by hand: a March 2025 period, 24 h windows, 5-minute minimum. */
class WindowScalingTest {
  private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");
  private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
  private static final LocalDate END = LocalDate.of(2025, 4, 1);

  private static WindowScaling.Scaled scale(List<Session> sessions, String factor) {
    return WindowScaling.scale(
        UsageLog.ofSessions(sessions), new BigDecimal(factor), FROM, TO, FIRST, END,
        MeteringParameters.FLEX_DEFAULTS);
  }

  /** ann uses ACD on days 1..n of March: a morning and an afternoon session, one window a day. */
  private static List<Session> twoSessionsADay(int n) {
    List<Session> out = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      Instant day = FROM.plus(Duration.ofDays(d));
      out.add(Session.of("ann", "ACD", day.plus(Duration.ofHours(9)), day.plus(Duration.ofHours(12))));
      out.add(Session.of("ann", "ACD", day.plus(Duration.ofHours(13)), day.plus(Duration.ofHours(17))));
    }
    return out;
  }

  @Test
  void minusTwentyPercentDropsOneWholeDayInFive() {
    // The defect: scaling sessions dropped one session of a day and kept the window (-20%
    // gave -15%). Here 10 windows of 2 sessions each; -20%: floor(0.8 x 10) = 8 windows. Day i
    // (C = i windows so far) is kept when floor(0.8 C) grows: C = 1 (0, dropped), 2 (1), 3 (2),
    // 4 (3), 5 (4), 6 (4, dropped), 7 (5), 8 (6), 9 (7), 10 (8): days 1 and 6 are dropped whole.
    WindowScaling.Scaled s = scale(twoSessionsADay(10), "0.8");

    assertThat(s.windows()).isEqualTo(10);
    assertThat(s.target()).isEqualTo(8);
    assertThat(s.scaledWindows()).isEqualTo(8);
    assertThat(s.usage().sessions()).hasSize(16);
    assertThat(s.usage().sessions())
        .noneMatch(x -> x.start().isBefore(FROM.plus(Duration.ofDays(1))))
        .noneMatch(x -> !x.start().isBefore(FROM.plus(Duration.ofDays(5)))
            && x.start().isBefore(FROM.plus(Duration.ofDays(6))));
  }

  @Test
  void plusTwentyPercentCopiesWholeDaysToTheNearestFreeDay() {
    // 10 windows x 1.2 = 12: days with C = 5 (floor 6.0 - 4 kept... ) get a copy. Cumulative:
    // C=1..10 -> floor(1.2 C) = 1,2,3,4,6,7,8,9,10,12: days 5 and 10 occur twice. Day 5's copy goes
    // to the nearest free day after or before: days 1..10 are used, so +6 days (day 11) is the
    // first free one going +1, -1, +2, -2, ...? No: +1 (day 6) is used, -1 (day 4) used, ... +6 is
    // day 11, free. Day 10's copy: +1 is day 11, now used; -1 day 9 used; +2 day 12, free.
    WindowScaling.Scaled s = scale(twoSessionsADay(10), "1.2");

    assertThat(s.target()).isEqualTo(12);
    assertThat(s.scaledWindows()).isEqualTo(12);
    assertThat(s.unplaced()).isZero();
    assertThat(s.usage().sessions()).hasSize(24);
    Instant day11 = FROM.plus(Duration.ofDays(10));
    Instant day12 = FROM.plus(Duration.ofDays(11));
    assertThat(s.usage().sessions())
        .contains(Session.of("ann", "ACD", day11.plus(Duration.ofHours(9)), day11.plus(Duration.ofHours(12))))
        .contains(Session.of("ann", "ACD", day12.plus(Duration.ofHours(13)), day12.plus(Duration.ofHours(17))));
  }

  @Test
  void usersWithOneVisitEachAreNotAllDroppedAtMinusTwentyPercent() {
    // The defect on the token-pool catalog: three users with one visit each were all
    // dropped (floor(0.8 x 1) = 0 for each), so every total priced to 0.00. With one sequence and
    // one rounding, floor(0.8 x 3) = 2 of the 3 visits stay: C = 1 (0, dropped), 2 (1), 3 (2).
    Instant mon = FROM.plus(Duration.ofDays(2));
    List<Session> three = List.of(
        Session.of("ann", "HM", mon.plus(Duration.ofHours(9)), mon.plus(Duration.ofHours(12))),
        Session.of("bob", "HM", mon.plus(Duration.ofHours(9)), mon.plus(Duration.ofHours(10))),
        Session.of("cy", "OS", mon.plus(Duration.ofHours(10)), mon.plus(Duration.ofHours(11))));

    WindowScaling.Scaled s = scale(three, "0.8");

    assertThat(s.target()).isEqualTo(2);
    assertThat(s.usage().sessions()).extracting(x -> x.user().value()).containsExactly("bob", "cy");
  }
}
