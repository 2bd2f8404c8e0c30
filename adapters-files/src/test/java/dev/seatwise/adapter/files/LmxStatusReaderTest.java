package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmxStatusReaderTest extends StatusReaderContract {
  @Override String sample() { return "status/scania-license-manager-lmx-lmxendutil.txt"; }
  @Override String corrupt() { return "status/scania-license-manager-lmx-lmxendutil-corrupt.txt"; }
  @Override ImportFormat format() { return ImportFormat.LMX_LICSTAT; }
  @Override long sampleRows() { return 7 + 5; }

  @Override
  List<String> corruptRejections() {
    return List.of(
        "13: not understood in the block of feature CatiaV5Reader: zero of 3 license(s) used",
        "9 [issued]: no 'N of M license(s) used' line for feature CatiaV5Reader",
        "68 [checkout time]: invalid date-time: 2022-02-31 09:26",
        "69: not understood in the block of feature HyperWorks: Queued: 3 users waiting");
  }

  @Override long corruptAccepted() { return 6 + 5; }

  /** LM-X's 2147483647 issued (2^31 - 1) is its marker for "no limit": kept and named in a note. */
  private static final String UNLIMITED = "issued 2147483647 (2^31 - 1) is the licence server's"
      + " marker for an unlimited count, not a number of licences: HWAIFPBS, HWAWPF, HWActivate,"
      + " HWFlux2D read as unlimited, issued kept as 2147483647 (no licence limit to size against)";

  @Override List<String> sampleNotes() { return List.of(UNLIMITED); }

  @Test
  void featureBlocksGiveTotalsAndCheckOutsWithTheirCheckoutTime() {
    List<SeatSnapshot> s = Imports.read(sample()).usage().snapshots();
    assertThat(s).extracting(SeatSnapshot::feature).containsExactly("CatiaV5Reader", "GlobalZoneEU",
        "HWAIFPBS", "HWAWPF", "HWActivate", "HWFlux2D", "HyperWorks");
    SeatSnapshot zone = s.get(1);
    assertThat(zone.issued()).isEqualTo(1_000_003);
    assertThat(zone.inUse()).isEqualTo(40_000);
    assertThat(zone.checkouts()).containsExactly(
        new SeatCheckout(UserId.of("vraafg"), "RD0082879", 15_000, Optional.of(Instant.parse("2022-02-18T09:29:00Z"))),
        new SeatCheckout(UserId.of("vraafg"), "RD0082879", 25_000, Optional.of(Instant.parse("2022-02-18T09:26:00Z"))));
    assertThat(s.get(3).issued()).isEqualTo(2_147_483_647L);
    assertThat(s.get(3).checkouts()).isEmpty();
  }

  @Test
  void checkOutsLastUntilTheLastSnapshotListingThem() {
    FileImport i = Imports.read("status/scania-license-manager-lmx-lmxendutil-two-snapshots.txt");
    Instant first = Instant.parse("2022-02-18T09:30:00Z");
    Instant second = Instant.parse("2022-02-18T10:30:00Z");
    assertThat(i.usage().snapshots()).hasSize(14);
    assertThat(i.usage().snapshots().get(13).totals())
        .isEqualTo(new SeatSnapshot(second, "HyperWorks", Optional.empty(), 1_000_000, 0));
    assertThat(i.usage().unmapped()).hasSize(5)
        .contains(Session.of("sssaah", "HyperWorks", Instant.parse("2022-02-18T09:26:00Z"), first))
        .contains(Session.of("vraafg", "HWFlux2D", Instant.parse("2022-02-18T09:29:00Z"), second));
    assertThat(i.notes()).extracting(n -> n.line() + ": " + n.message()).containsExactly("34: " + UNLIMITED);
  }

  /**
   * The sample cut after line 63: its last feature (HyperWorks, line 61) has no totals line. The
   * six totals lines and four check-outs before it are accepted; the feature is one rejected row,
   * named by file, line and field, and gives no snapshot.
   */
  @Test
  void aFeatureBlockCutOffAtTheEndOfTheFileIsRejected() {
    FileImport i = Imports.read("status/scania-license-manager-lmx-lmxendutil-truncated.txt");
    FileReport r = Imports.report(i);
    assertThat(Imports.rejections(i))
        .containsExactly("61 [issued]: no 'N of M license(s) used' line for feature HyperWorks");
    assertThat(i.usage().report().rejections()).singleElement()
        .satisfies(x -> assertThat(x.file()).endsWith("lmxendutil-truncated.txt"));
    assertThat(r.accepted()).isEqualTo(6 + 4);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.rowsRead()).isEqualTo(r.accepted() + r.rejected()).isEqualTo(11);
    assertThat(i.usage().snapshots()).extracting(SeatSnapshot::feature).doesNotContain("HyperWorks")
        .hasSize(6);
  }

  /**
   * The sample's newest check-out started 2022-02-18 09:29 (UTC, HWFlux2D). A file time of
   * 2024-05-06 07:08:09 is 807 whole days later: kept, with a warning in the one note on dating.
   * 2022-02-18 10:00 fits; 2022-02-16 is more than a day before that start: a warning too.
   */
  @Test
  void aFileTimeThatDoesNotFitTheCheckOutsIsWarned(@TempDir Path dir) throws IOException {
    String newest = "newest check-out start the snapshot lists (2022-02-18T09:29:00Z)";
    FileImport late = withFileTime(dir, "late.txt", Instant.parse("2024-05-06T07:08:09Z"));
    assertThat(late.notes()).filteredOn(n -> !n.message().equals(UNLIMITED)).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("last-modified time 2024-05-06T07:08:09Z"
            + " (put a line 'date -Iseconds' before each snapshot to date them exactly); warning: the"
            + " file's last-modified time 2024-05-06T07:08:09Z is 807 days after the " + newest));
    assertThat(Imports.report(late).accepted()).isEqualTo(sampleRows());
    assertThat(late.usage().snapshots()).allSatisfy(s -> assertThat(s.at()).isEqualTo("2024-05-06T07:08:09Z"));

    FileImport fits = withFileTime(dir, "fits.txt", Instant.parse("2022-02-18T10:00:00Z"));
    assertThat(fits.notes()).extracting(ImportNote::message).noneMatch(m -> m.contains("warning"));

    FileImport early = withFileTime(dir, "early.txt", Instant.parse("2022-02-16T09:00:00Z"));
    assertThat(early.notes()).extracting(ImportNote::message).filteredOn(m -> m.contains("warning"))
        .singleElement().asString().contains("is before the " + newest);
  }

  @Test
  void theRealSampleIssuesUnlimitedFeaturesWhichAreNotedNotRejected() {
    FileImport i = Imports.read(sample());
    assertThat(Imports.report(i).rejected()).isZero();
    assertThat(i.usage().snapshots()).filteredOn(x -> x.issued() == Limits.UNLIMITED_ISSUED)
        .extracting(SeatSnapshot::feature).containsExactly("HWAIFPBS", "HWAWPF", "HWActivate", "HWFlux2D");
    // the first '0 of 2147483647 license(s) used' line
    assertThat(i.notes()).extracting(n -> n.line() + ": " + n.message()).contains("33: " + UNLIMITED);
    // the 1,000,003 units issued and the 25,000-unit check-out are within Limits.MAX_STATUS_COUNT
    assertThat(i.usage().snapshots().get(1).issued()).isEqualTo(1_000_003).isGreaterThan(Limits.MAX_SEATS);
  }
}
