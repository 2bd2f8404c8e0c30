package dev.seatwise.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneId;
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
}
