package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.domain.usage.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OlixtoolReaderTest extends StatusReaderContract {
  @Override String sample() { return "status/scania-license-manager-olicense-olixtool.txt"; }
  @Override String corrupt() { return "status/scania-license-manager-olicense-olixtool-corrupt.txt"; }
  @Override ImportFormat format() { return ImportFormat.OLIXTOOL; }
  @Override long sampleRows() { return 2 + 3; }

  @Override
  List<String> corruptRejections() {
    return List.of(
        "20: not understood in the block of application cosin: sbhyma RD0087713 one",
        "33: not understood in the block of application cosin: ftire_adams;         \tFreeFloating;\tone;\t2023-02-28 23:59:00;");
  }

  @Override long corruptAccepted() { return 1 + 2; }

  @Test
  void aModuleUnderTwoLicencesAddsUp() {
    List<SeatSnapshot> s = Imports.read(sample()).usage().snapshots();
    assertThat(s).singleElement().satisfies(m -> {
      assertThat(m.feature()).isEqualTo("ftire_adams");
      assertThat(m.issued()).isEqualTo(3 + 1);
      assertThat(m.inUse()).isEqualTo(3);
      assertThat(m.checkouts()).containsExactly(
          new SeatCheckout(UserId.of("sbhyma"), "RD0087712", 1, Optional.empty()),
          new SeatCheckout(UserId.of("sbhyma"), "RD0087713", 1, Optional.empty()),
          new SeatCheckout(UserId.of("user22"), "RD0087713", 1, Optional.empty()));
    });
  }
}
