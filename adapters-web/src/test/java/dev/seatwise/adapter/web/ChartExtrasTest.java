package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.adapter.web.dto.ChartExtrasDto.TimelineDto;
import dev.seatwise.application.port.out.HeldUnits;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The concurrency timeline counts what the concurrency answer counts: a check-out's units. */
class ChartExtrasTest {
  @Test
  void theTimelineCountsTheUnitsEachStatusCheckOutHolds() {
    // LM-X: 25,000 Altair units from 09:26 and 15,000 from 09:29, until 10:30; ann's ACD seat
    Session big = Session.of("vraafg", "GlobalZoneEU", Instant.parse("2022-02-18T09:26:00Z"),
        Instant.parse("2022-02-18T10:30:00Z"));
    Session small = Session.of("vraafg", "GlobalZoneEU", Instant.parse("2022-02-18T09:29:00Z"),
        Instant.parse("2022-02-18T10:30:00Z"));
    Session seat = Session.of("ann", "ACD", Instant.parse("2022-02-18T09:00:00Z"),
        Instant.parse("2022-02-18T10:00:00Z"));
    ImportedUsage usage =
        new ImportedUsage(UsageLog.ofSessions(List.of(seat)), List.of(big, small), List.of(), List.of(),
            List.of(), List.of(), ImportReport.EMPTY, List.of(),
            List.of(new HeldUnits(big, 25_000), new HeldUnits(small, 15_000)));

    List<TimelineDto> t = ChartExtras.timeline(usage, ZoneOffset.UTC, Optional.empty());

    assertThat(t).extracting(TimelineDto::product).containsExactly("ACD", "GlobalZoneEU");
    assertThat(t.get(0).dailyPeaks()).containsExactly(1L);
    assertThat(t.get(1).dailyPeaks()).containsExactly(40_000L);
    // Friday 09:00-10:00 holds 40,000 at its peak, 10:00-11:00 too
    assertThat(t.get(1).weekdayHour().get(4).get(9)).isEqualTo(40_000.0);
    assertThat(t.get(1).weekdayHour().get(4).get(10)).isEqualTo(40_000.0);
  }
}
