package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DslsUsageReaderTest extends StatusReaderContract {
  @Override String sample() { return "status/scania-license-manager-dsls-dslicsrv.txt"; }
  @Override String corrupt() { return "status/scania-license-manager-dsls-dslicsrv-corrupt.txt"; }
  @Override ImportFormat format() { return ImportFormat.DSLS_USAGE; }
  @Override long sampleRows() { return 7 + 1 + 1 + 3; }

  @Override
  List<String> corruptRejections() {
    return List.of(
        "10 [Count]: not a whole number: 'four'",
        "13 [Feature]: empty feature",
        "18 [Granted Since]: not a date-time yyyy-MM-dd HH:mm:ss: 'yesterday'",
        "20: too few fields (2) for a usage row: Dassault Systemes,5E756A80");
  }

  @Override long corruptAccepted() { return 12 - 3; }

  @Test
  void oneSnapshotPerFeatureWithTokensPerCheckOut() {
    List<SeatSnapshot> s = Imports.read(sample()).usage().snapshots();
    assertThat(s).extracting(SeatSnapshot::feature)
        .containsExactly("PAC", "PAJ", "PCA", "PCO", "PD5", "PV6", "PVG", "PW7", "PW8", "SRU");
    SeatSnapshot sru = s.get(9);
    assertThat(sru.issued()).isEqualTo(2374);
    assertThat(sru.inUse()).isEqualTo(1559); // 493 + 533 + 533
    assertThat(sru.checkouts()).extracting(SeatCheckout::count).containsExactly(493L, 533L, 533L);
    assertThat(sru.checkouts().get(0)).isEqualTo(new SeatCheckout(UserId.of("user_2"), "nid001626", 493,
        Optional.of(Instant.parse("2024-09-17T17:59:34Z"))));
    assertThat(s.get(7).checkouts()).singleElement().extracting(SeatCheckout::count).isEqualTo(2L);
  }
}
