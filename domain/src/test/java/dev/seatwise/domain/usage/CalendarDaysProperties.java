package dev.seatwise.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days used are counted by epoch-day arithmetic; it must agree with java.time's calendar. */
class CalendarDaysProperties {
  private static final List<ZoneId> ZONES = List.of(
      ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"),
      ZoneId.of("-03:30"));

  @Test
  void epochDayIsTheCalendarDayInTheZone() {
    long from = Instant.parse("1950-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2150-01-01T00:00:00Z").getEpochSecond();
    qt().withExamples(5_000)
        .forAll(longs().between(from, to), integers().between(0, 999_999_999),
            integers().between(0, ZONES.size() - 1))
        .checkAssert((seconds, nanos, z) -> {
          Instant t = Instant.ofEpochSecond(seconds, nanos);
          ZoneId zone = ZONES.get(z);
          assertThat(CalendarDays.epochDay(t, zone.getRules()))
              .as("%s in %s", t, zone)
              .isEqualTo(t.atZone(zone).toLocalDate().toEpochDay());
        });
  }

  @Test
  void epochDayAtTheEdgesOfADay() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 2025-03-30: clocks go from 02:00 to 03:00; midnight local is 23:00 UTC the day before
    Instant lastNano = Instant.parse("2025-03-29T22:59:59.999999999Z");
    assertThat(CalendarDays.epochDay(lastNano, berlin.getRules()))
        .isEqualTo(java.time.LocalDate.of(2025, 3, 29).toEpochDay());
    assertThat(CalendarDays.epochDay(lastNano.plusNanos(1), berlin.getRules()))
        .isEqualTo(java.time.LocalDate.of(2025, 3, 30).toEpochDay());
    assertThat(CalendarDays.epochDay(Instant.parse("1969-12-31T23:59:59Z"), ZoneId.of("UTC").getRules()))
        .isEqualTo(-1);
  }

  /** The zones {@link CalendarDays.InZone} is checked in: two fixed offsets, two with DST. */
  private static final List<ZoneId> IN_ZONES = List.of(
      ZoneId.of("UTC"), ZoneId.of("+09:00"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/Santiago"));

  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;

  /**
   * The day of {@code nanos} in {@code zone} by java.time ({@code LocalDate.ofInstant}), checked
   * to be the day by {@link CalendarDays.InZone#epochDay(long)} and by {@link
   * CalendarDays#epochDay(Instant, java.time.zone.ZoneRules)}.
   */
  private static long checkedDay(long nanos, ZoneId zone) {
    Instant t = SessionTable.toInstant(nanos);
    long day = LocalDate.ofInstant(t, zone).toEpochDay();
    assertThat(CalendarDays.in(zone).epochDay(nanos)).as("%s ns (%s) in %s", nanos, t, zone)
        .isEqualTo(day);
    assertThat(CalendarDays.epochDay(t, zone.getRules())).as("%s in %s", t, zone).isEqualTo(day);
    return day;
  }

  @Test
  void inZoneEpochDayIsTheCalendarDayOfAnyTimeInNanoseconds() {
    // every long is a time in nanoseconds, 1677-09-21 to 2262-04-11: half of them before 1970
    qt().withExamples(10_000)
        .forAll(longs().all(), integers().between(0, IN_ZONES.size() - 1))
        .checkAssert((nanos, z) -> checkedDay(nanos, IN_ZONES.get(z)));
  }

  @Test
  void inZoneEpochDayIsTheCalendarDayAroundEveryOffsetChange() {
    // each zone's offset changes from 1677 to 2262 (Berlin's and Santiago's, from LMT on), and
    // times up to two days either side of one, by whole hours and a few nanoseconds
    List<ZoneId> zones = new ArrayList<>();
    List<Long> changes = new ArrayList<>();
    for (ZoneId zone : IN_ZONES) {
      ZoneRules rules = zone.getRules();
      Instant t = SessionTable.toInstant(Long.MIN_VALUE);
      Instant end = SessionTable.toInstant(Long.MAX_VALUE);
      for (ZoneOffsetTransition tr = rules.nextTransition(t);
          tr != null && tr.getInstant().isBefore(end);
          tr = rules.nextTransition(tr.getInstant())) {
        zones.add(zone);
        changes.add(SessionTable.toNanos(tr.getInstant()));
      }
    }
    assertThat(zones).contains(ZoneId.of("Europe/Berlin"), ZoneId.of("America/Santiago"));
    assertThat(changes).anyMatch(c -> c < 0); // changes before 1970 too
    qt().withExamples(10_000)
        .forAll(integers().between(0, changes.size() - 1), integers().between(-48, 48),
            longs().between(-2_000, 2_000))
        .checkAssert((i, hours, nanos) ->
            checkedDay(changes.get(i) + hours * NANOS_PER_HOUR + nanos, zones.get(i)));
  }

  @Test
  void inZoneEpochDayIsTheCalendarDayAroundEveryMidnight() {
    long from = LocalDate.of(1678, 1, 1).toEpochDay();
    long to = LocalDate.of(2262, 1, 1).toEpochDay();
    qt().withExamples(10_000)
        .forAll(longs().between(from, to), integers().between(0, IN_ZONES.size() - 1),
            longs().between(-2_000, 2_000))
        .checkAssert((day, z, nanos) -> {
          ZoneId zone = IN_ZONES.get(z);
          long midnight =
              SessionTable.toNanos(LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant());
          long found = checkedDay(midnight + nanos, zone);
          assertThat(found).isEqualTo(nanos >= 0 ? day : day - 1);
        });
  }

  @Test
  void inZoneEpochDayAtTheEdgesOfADay() {
    CalendarDays.InZone utc = CalendarDays.in(ZoneId.of("UTC"));
    assertThat(utc.isFixedOffset()).isTrue();
    assertThat(utc.epochDay(-1)).isEqualTo(-1);
    assertThat(utc.epochDay(0)).isZero();
    CalendarDays.InZone tokyo = CalendarDays.in(ZoneId.of("+09:00"));
    assertThat(tokyo.isFixedOffset()).isTrue();
    // 1969-12-31T15:00Z is midnight of 1970-01-01 at +09:00
    long midnight = SessionTable.toNanos(Instant.parse("1969-12-31T15:00:00Z"));
    assertThat(tokyo.epochDay(midnight - 1)).isEqualTo(-1);
    assertThat(tokyo.epochDay(midnight)).isZero();
    CalendarDays.InZone berlin = CalendarDays.in(ZoneId.of("Europe/Berlin"));
    assertThat(berlin.isFixedOffset()).isFalse();
    long lastNano = SessionTable.toNanos(Instant.parse("2025-03-29T22:59:59.999999999Z"));
    assertThat(berlin.epochDay(lastNano)).isEqualTo(LocalDate.of(2025, 3, 29).toEpochDay());
    assertThat(berlin.epochDay(lastNano + 1)).isEqualTo(LocalDate.of(2025, 3, 30).toEpochDay());
    // Santiago sets its clocks back from 24:00 (-03:00) to 23:00 (-04:00) on 2025-04-05: the
    // day's last hour twice, then 6 April
    CalendarDays.InZone santiago = CalendarDays.in(ZoneId.of("America/Santiago"));
    long back = SessionTable.toNanos(Instant.parse("2025-04-06T03:00:00Z"));
    long april5 = LocalDate.of(2025, 4, 5).toEpochDay();
    assertThat(santiago.epochDay(back - 1)).isEqualTo(april5);
    assertThat(santiago.epochDay(back)).isEqualTo(april5);
    assertThat(santiago.epochDay(back + NANOS_PER_HOUR - 1)).isEqualTo(april5);
    assertThat(santiago.epochDay(back + NANOS_PER_HOUR)).isEqualTo(april5 + 1);
  }

  @Test
  void inZoneRefusesNoZone() {
    assertThatThrownBy(() -> CalendarDays.in(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone");
  }
}
