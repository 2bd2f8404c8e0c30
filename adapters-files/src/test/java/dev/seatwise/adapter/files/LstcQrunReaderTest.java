package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LstcQrunReaderTest extends StatusReaderContract {
  @Override String sample() { return "status/scania-license-manager-lsdyna-lstc_qrun.txt"; }
  @Override String corrupt() { return "status/scania-license-manager-lsdyna-lstc_qrun-corrupt.txt"; }
  @Override ImportFormat format() { return ImportFormat.LSTC_QRUN; }
  @Override long sampleRows() { return 8 + 6 + 1; }

  @Override
  List<String> corruptRejections() {
    return List.of(
        "10: not a program, group or check-out line: ssss1d     47568@n-c15.com  eighty",
        "15 [MAX]: count out of range: MPPDYNA_970      12/30/2022          0     60    99999999999999999999 |     0",
        "22: check-out line outside a program block: ghost     12@n-c99.com  8");
  }

  @Override long corruptAccepted() { return 7 + 5 + 1; }

  @Test
  void aDashInUsedMeansTheSumOfTheCheckOutsAndTheGroupIsThePool() {
    List<SeatSnapshot> s = Imports.read(sample()).usage().snapshots();
    assertThat(s).hasSize(9);
    SeatSnapshot mpp = s.get(0);
    assertThat(mpp.feature()).isEqualTo("MPPDYNA");
    assertThat(mpp.issued()).isEqualTo(500);
    assertThat(mpp.inUse()).isEqualTo(440); // 5 x 80 + 40
    assertThat(mpp.pool()).contains("LICENSE GROUP");
    assertThat(mpp.checkouts()).extracting(SeatCheckout::host).contains("n-c13.com", "n-c55.com");
    assertThat(mpp.checkouts()).allSatisfy(c -> assertThat(c.since()).isEmpty());
    assertThat(s.get(8).totals()).isEqualTo(new SeatSnapshot(mpp.at(), "LICENSE GROUP", Optional.empty(), 500, 440));
    assertThat(s.get(1).inUse()).isZero();
  }
}
