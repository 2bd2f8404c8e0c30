package dev.seatwise.plugin.dailyusage;

import static dev.seatwise.plugin.dailyusage.DailyFixtures.catalog;
import static dev.seatwise.plugin.dailyusage.DailyFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Examples worked by hand from Bentley's rules (see the bentley-e365 catalog): 10-minute UTC
 * intervals, the first interval of each run of use free, a usage day 00:00-23:59 UTC charged its
 * daily rate once.
 */
class DailyUsageMeterTest {
  private static final MeterContext UTC = MeterContext.of(catalog());

  private static Metering meter(Session... sessions) {
    return new DailyUsageMeter().meter(UsageLog.ofSessions(List.of(sessions)), UTC);
  }

  private static Charge day(String user, String product, String date, long tokens) {
    Instant start = LocalDate.parse(date).atStartOfDay(ZoneId.of("UTC")).toInstant();
    return new Charge(UserId.of(user), ProductId.of(product), start, start.plusSeconds(86_400), tokens);
  }

  @Test
  void useInsideOneIntervalIsFree() {
    // 08:03-08:09 touches only 08:00-08:10, the first (partial) interval: not counted
    assertThat(meter(session("ann", "MSTN", "2025-03-03T08:03:00Z", "2025-03-03T08:09:00Z")).charges()).isEmpty();
    // 08:00-08:10 ends where the next interval starts: still one interval
    assertThat(meter(session("ann", "MSTN", "2025-03-03T08:00:00Z", "2025-03-03T08:10:00Z")).charges()).isEmpty();
  }

  @Test
  void reachingASecondIntervalChargesTheDayOnce() {
    // 08:03-08:25: 08:00 (free), 08:10 and 08:20 counted -> one usage day of MSTN, 25 tokens
    // a second session the same day adds nothing: the day is charged once
    Metering m = meter(
        session("ann", "MSTN", "2025-03-03T08:03:00Z", "2025-03-03T08:25:00Z"),
        session("ann", "MSTN", "2025-03-03T14:00:00Z", "2025-03-03T17:00:00Z"));
    assertThat(m.charges()).containsExactly(day("ann", "MSTN", "2025-03-03", 25));
    // one second into the second interval is enough
    assertThat(meter(session("bob", "ORD", "2025-03-03T08:00:00Z", "2025-03-03T08:10:01Z")).charges())
        .containsExactly(day("bob", "ORD", "2025-03-03", 70));
  }

  @Test
  void twoShortSessionsInConsecutiveIntervalsAreOneRun() {
    // 08:03-08:08 (interval 08:00) then 08:12-08:15 (08:10): one run of two intervals, 08:10 counted
    assertThat(meter(
            session("ann", "MSTN", "2025-03-03T08:03:00Z", "2025-03-03T08:08:00Z"),
            session("ann", "MSTN", "2025-03-03T08:12:00Z", "2025-03-03T08:15:00Z")).charges())
        .containsExactly(day("ann", "MSTN", "2025-03-03", 25));
    // with an empty interval between them, each is a run of one: free
    assertThat(meter(
            session("ann", "MSTN", "2025-03-03T08:03:00Z", "2025-03-03T08:08:00Z"),
            session("ann", "MSTN", "2025-03-03T08:22:00Z", "2025-03-03T08:25:00Z")).charges())
        .isEmpty();
  }

  @Test
  void theUsageDayIsTheUtcDay() {
    // 23:55-00:05: 23:50 is the free first interval, 00:00 is counted -> only the second day
    assertThat(meter(session("ann", "MSTN", "2025-03-03T23:55:00Z", "2025-03-04T00:05:00Z")).charges())
        .containsExactly(day("ann", "MSTN", "2025-03-04", 25));
    // 23:45-00:30: 23:40 free, 23:50 counted (3 March), 00:00-00:20 counted (4 March) -> two days
    assertThat(meter(session("ann", "MSTN", "2025-03-03T23:45:00Z", "2025-03-04T00:30:00Z")).charges())
        .containsExactly(day("ann", "MSTN", "2025-03-03", 25), day("ann", "MSTN", "2025-03-04", 25));
    // the context's zone does not move the day: Berlin's 3 March 23:30-23:50 is 22:30-22:50 UTC
    MeterContext berlin = new MeterContext(catalog(), Coverage.NONE, ZoneId.of("Europe/Berlin"));
    assertThat(new DailyUsageMeter().meter(UsageLog.ofSessions(List.of(
            session("ann", "MSTN", "2025-03-03T22:30:00Z", "2025-03-03T22:50:00Z"))), berlin).charges())
        .containsExactly(day("ann", "MSTN", "2025-03-03", 25));
  }

  @Test
  void aCoveredUserAndADayWithoutClockTimes() {
    Coverage annHasMstn = new Coverage(Map.of(UserId.of("ann"), Set.of(ProductId.of("MSTN"))));
    UsageLog log = new UsageLog(
        List.of(session("ann", "MSTN", "2025-03-03T08:00:00Z", "2025-03-03T12:00:00Z"),
            session("ann", "ORD", "2025-03-03T08:00:00Z", "2025-03-03T12:00:00Z")),
        List.of(DailyUsage.of("bob", "ORD", LocalDate.of(2025, 3, 5))));
    Metering m = new DailyUsageMeter().meter(log, new MeterContext(catalog(), annHasMstn, ZoneId.of("UTC")));
    // ann's MSTN is covered; a daily row has no clock times and counts as a usage day
    assertThat(m.charges()).containsExactly(day("ann", "ORD", "2025-03-03", 70), day("bob", "ORD", "2025-03-05", 70));
    assertThat(m.totalTokens()).isEqualTo(140);
  }

  @Test
  void thePeakOfUsersInACountedIntervalPerProduct() {
    // ann 09:00-12:00 counts from 09:10; bob 09:05-09:35 counts 09:10-09:30; cy 09:25-09:28 is free
    Metering m = meter(
        session("ann", "MSTN", "2025-03-03T09:00:00Z", "2025-03-03T12:00:00Z"),
        session("bob", "MSTN", "2025-03-03T09:05:00Z", "2025-03-03T09:35:00Z"),
        session("cy", "MSTN", "2025-03-03T09:25:00Z", "2025-03-03T09:28:00Z"));
    assertThat(m.demands()).singleElement().satisfies(d -> {
      assertThat(d.pool()).isEqualTo("MSTN");
      assertThat(d.peak()).isEqualTo(2);
      assertThat(d.peakAt()).isEqualTo(Instant.parse("2025-03-03T09:10:00Z"));
    });
    assertThat(m.demands()).extracting(CapacityDemand::peak).containsExactly(2L);
  }
}
