package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RlmstatReaderTest extends StatusReaderContract {
  // Recent Statistics (00:16:08), init time: Wed Nov  3 12:32:30 2021 -> 12:48:38
  private static final Instant AT = Instant.parse("2021-11-03T12:48:38Z");

  @Override String sample() { return "status/scania-license-manager-rlm-rlmstat.txt"; }
  @Override String corrupt() { return "status/scania-license-manager-rlm-rlmstat-corrupt.txt"; }
  @Override ImportFormat format() { return ImportFormat.RLMSTAT; }
  @Override long sampleRows() { return 5 + 3; }
  @Override boolean datesItself() { return true; }

  @Override
  List<String> corruptRejections() {
    return List.of(
        "49 [count]: no 'count: N, # reservations: R, inuse: U' line after feature converge_gui",
        "50: not a pool line (FEATURE vVERSION, count:, obsolete:): cnt: 45, reservations 0",
        "68 [start]: invalid check-out date: Invalid value for MonthOfYear (valid values 1 - 12): 13",
        "69: not a usage line (FEATURE vVERSION: user@host COUNT/RES at MM/DD HH:MM): converge_super v3.0 cddcp2 garbled",
        "70 [feature]: check-out of converge_nope, which the pool status of this snapshot does not list");
  }

  @Override long corruptAccepted() { return 4 + 2; }

  @Test
  void poolLinesGiveIssuedAndInUseAndUsageLinesTheCheckOuts() {
    List<SeatSnapshot> s = Imports.read(sample()).usage().snapshots();
    assertThat(s).extracting(SeatSnapshot::totals).containsExactly(
        new SeatSnapshot(AT, "converge", Optional.empty(), 1, 0),
        new SeatSnapshot(AT, "converge_gui", Optional.empty(), 45, 0),
        new SeatSnapshot(AT, "converge_gui_polygonica", Optional.empty(), 1, 0),
        new SeatSnapshot(AT, "converge_super", Optional.empty(), 1000, 93),
        new SeatSnapshot(AT, "converge_tecplot", Optional.empty(), 45, 0));
    // 29 + 27 + 37 = 93, the pool's inuse
    assertThat(s.get(3).checkouts()).containsExactly(
        new SeatCheckout(UserId.of("asdj13"), "myserver.example.com", 29, Optional.of(Instant.parse("2021-11-01T09:01:00Z"))),
        new SeatCheckout(UserId.of("cddcp2"), "myserver.example.com", 27, Optional.of(Instant.parse("2021-11-03T10:38:00Z"))),
        new SeatCheckout(UserId.of("asdj13"), "myserver.example.com", 37, Optional.of(Instant.parse("2021-11-01T09:01:00Z"))));
  }

  @Test
  void eachCheckOutIsASessionFromItsStartToTheSnapshot() {
    assertThat(Imports.read(sample()).usage().unmapped()).containsExactlyInAnyOrder(
        Session.of("asdj13", "converge_super", Instant.parse("2021-11-01T09:01:00Z"), AT),
        Session.of("asdj13", "converge_super", Instant.parse("2021-11-01T09:01:00Z"), AT),
        Session.of("cddcp2", "converge_super", Instant.parse("2021-11-03T10:38:00Z"), AT));
  }
}
