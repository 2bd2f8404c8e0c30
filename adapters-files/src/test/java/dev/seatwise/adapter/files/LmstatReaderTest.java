package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.domain.usage.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmstatReaderTest {
  private static final Instant S1 = Instant.parse("2020-10-15T15:45:00Z");
  private static final Instant S2 = Instant.parse("2020-10-15T16:45:00Z");
  private static final Instant S3 = Instant.parse("2021-01-02T09:00:00Z");

  @Test
  void snapshotsGiveIssuedAndInUsePerFeature() {
    FileImport i = Imports.read("lmstat/autodesk-lmstat-snapshots.txt");

    assertThat(i.usage().snapshots()).extracting(SeatSnapshot::totals).containsExactly(
        new SeatSnapshot(S1, "86815AECCOL_T_F", Optional.of(ProductId.of("AECCOL")), 10, 2),
        new SeatSnapshot(S1, "87224ACD_2022_0F", Optional.of(ProductId.of("ACD")), 5, 1),
        new SeatSnapshot(S1, "64300ARNOLD_2022_0F", Optional.empty(), 4, 2),
        new SeatSnapshot(S2, "86815AECCOL_T_F", Optional.of(ProductId.of("AECCOL")), 10, 1),
        new SeatSnapshot(S2, "87224ACD_2022_0F", Optional.of(ProductId.of("ACD")), 5, 0),
        new SeatSnapshot(S2, "64300ARNOLD_2022_0F", Optional.empty(), 4, 0),
        new SeatSnapshot(S3, "86815AECCOL_T_F", Optional.of(ProductId.of("AECCOL")), 10, 1));
  }

  @Test
  void userLinesGiveSessionsFromStartToTheLastSnapshotListingThem() {
    FileImport i = Imports.read("lmstat/autodesk-lmstat-snapshots.txt");

    assertThat(i.usage().log().sessions()).containsExactlyInAnyOrder(
        Session.of("mlee", "AECCOL", Instant.parse("2020-10-14T17:40:00Z"), S1),
        Session.of("tnguyen", "ACD", Instant.parse("2020-10-15T09:01:00Z"), S1),
        Session.of("jsmith", "AECCOL", Instant.parse("2020-10-15T08:12:00Z"), S2),
        Session.of("jsmith", "AECCOL", Instant.parse("2020-12-31T16:00:00Z"), S3));
    Session arnold = Session.of("rpatel", "64300ARNOLD_2022_0F", Instant.parse("2020-10-15T10:00:00Z"), S1);
    assertThat(i.usage().unmapped()).containsExactly(arnold, arnold);
  }

  @Test
  void anUncountedFeatureIsRejectedWithTheReason() {
    FileImport i = Imports.read("lmstat/autodesk-lmstat-snapshots.txt");
    FileReport r = Imports.report(i);
    assertThat(r.format()).isEqualTo("lmstat");
    assertThat(Imports.rejections(i)).containsExactly(
        "64 [issued]: no issued/in-use totals for 87048RVT_2022_0F: (Uncounted, node-locked)");
    assertThat(r.rowsRead()).isEqualTo(14);
  }

  @Test
  void theRealSampleApp2IsReadCompletely() {
    FileImport i = Imports.read("lmstat/flexlm_exporter-lmstat_app2.txt");
    FileReport r = Imports.report(i);
    assertThat(r.rejected()).isZero();
    assertThat(r.rowsRead()).isEqualTo(10 + 22 + 15 + 1);
    assertThat(i.usage().snapshots()).hasSize(10);
    assertThat(i.usage().snapshots().get(1).totals()).isEqualTo(new SeatSnapshot(
        Instant.parse("2017-10-20T17:02:00Z"), "feature2", Optional.empty(), 144, 22));
    assertThat(i.usage().unmapped()).hasSize(38)
        .contains(Session.of("user13", "feature2", Instant.parse("2017-10-17T14:59:00Z"), Instant.parse("2017-10-20T17:02:00Z")));
  }

  @Test
  void theRealSampleApp1CountsLicencesPerCheckoutAndOddUserNames() {
    FileImport i = Imports.read("lmstat/flexlm_exporter-lmstat_app1.txt");
    FileReport r = Imports.report(i);
    assertThat(r.rejected()).isZero();
    assertThat(r.rowsRead()).isEqualTo(r.accepted());
    SeatSnapshot feature1 = i.usage().snapshots().get(0);
    assertThat(feature1.feature()).isEqualTo("feature1");
    assertThat(feature1.issued()).isEqualTo(1814);
    long sessionsOfFeature1 = i.usage().unmapped().stream()
        .filter(x -> x.product().value().equals("feature1")).count();
    assertThat(sessionsOfFeature1).isGreaterThan(100);
  }

  @Test
  void theRealMatlabSampleRejectsOnlyItsUncountedFeatures() {
    FileImport i = Imports.read("lmstat/flexlm_exporter-lmstat_app5.txt");
    assertThat(Imports.rejections(i)).hasSize(4)
        .allSatisfy(x -> assertThat(x).contains("(Uncounted, node-locked)"));
    assertThat(i.usage().snapshots().get(0).totals()).isEqualTo(new SeatSnapshot(
        Instant.parse("2025-02-10T11:26:00Z"), "MATLAB", Optional.empty(), 10000, 61));
    assertThat(i.usage().unmapped().stream().filter(x -> x.product().value().equals("MATLAB")))
        .hasSize(37);
  }

  @Test
  void aServerDownSampleStillGivesItsSnapshots() {
    FileImport i = Imports.read("lmstat/flexlm_exporter-lmstat_server_down.txt");
    assertThat(i.usage().snapshots()).extracting(SeatSnapshot::inUse).containsExactly(0L, 39L);
    assertThat(i.usage().unmapped()).isEmpty();
  }

  @Test
  void lmstatDashIOutputIsRefusedWithAHint() {
    assertThatThrownBy(() -> Imports.read("lmstat/flexlm_exporter-lmstat_i_app1.txt"))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("this is 'lmstat -i' output")
        .hasMessageContaining("run 'lmutil lmstat -a' instead");
  }

  /** The sample, cut before its header by its authors, dated by its file time. */
  private static FileImport excerpt(String resource, Instant fileTime, Path dir) throws IOException {
    Path f = dir.resolve("lmstat.txt");
    Files.copy(Fixtures.path(resource), f);
    Files.setLastModifiedTime(f, FileTime.from(fileTime));
    return FileUsageAdapter.readFile(f, Fixtures.resolver());
  }

  @Test
  void aTokenPoolCountsWeightedCheckOutsAndGivesItsSubFeatures(@TempDir Path dir) throws IOException {
    Instant at = Instant.parse("2024-03-11T12:00:00Z");
    FileImport i = excerpt("lmstat/scania-license-manager-flexlm-lmstat-mscone-tokens.txt", at, dir);
    // the authors' elision '...' (line 4) inside the block is not a check-out: one rejection
    assertThat(Imports.rejections(i)).singleElement().asString().startsWith("4: not a check-out line");
    assertThat(Imports.report(i).rowsRead()).isEqualTo(1 + 6 + 1);
    assertThat(i.notes()).singleElement().asString().contains("dated by the file's last-modified time " + at);
    List<SeatSnapshot> s = i.usage().snapshots();
    assertThat(s).extracting(SeatSnapshot::feature, SeatSnapshot::issued, SeatSnapshot::inUse, SeatSnapshot::pool)
        .containsExactly(
            tuple("MSCONE", 750L, 18L, Optional.empty()),
            tuple("MSCONE:ADAMS_View", 0L, 15L, Optional.of("MSCONE")),      // 3 check-outs x 5 licences
            tuple("MSCONE:ADAMS_Car_Plugin", 0L, 3L, Optional.of("MSCONE"))); // 3 x 1
    assertThat(s.get(0).checkouts()).extracting(SeatCheckout::count).containsExactly(5L, 1L, 5L, 1L, 5L, 1L);
    assertThat(s.get(0).checkouts().get(4)).isEqualTo(new SeatCheckout(UserId.of("abcdkk"), "ER0037", 5,
        Optional.of(Instant.parse("2024-03-11T10:49:00Z"))));
    // the pool's sessions: one per licence, 5 + 1 + 5 + 1 + 5 + 1
    assertThat(i.usage().unmapped()).hasSize(18).allSatisfy(x -> assertThat(x.product().value()).isEqualTo("MSCONE"));
    assertThat(i.usage().unmapped()).filteredOn(x -> x.start().equals(Instant.parse("2024-03-08T13:25:00Z"))).hasSize(12);
  }

  /**
   * The excerpt's newest check-out started Mon 2024-03-11 10:49; a file time of 2024-06-20 12:00
   * is 101 whole days later (20 + 30 + 31 + 20): the snapshot keeps it, with a warning.
   */
  @Test
  void anExcerptsFileTimeFarAfterItsCheckOutsIsWarned(@TempDir Path dir) throws IOException {
    Instant at = Instant.parse("2024-06-20T12:00:00Z");
    FileImport i = excerpt("lmstat/scania-license-manager-flexlm-lmstat-mscone-tokens.txt", at, dir);
    assertThat(i.notes()).singleElement().asString().contains("dated by the file's last-modified time "
        + at + "; warning: the file's last-modified time " + at + " is 101 days after the newest"
        + " check-out start the snapshot lists (2024-03-11T10:49:00Z)");
    assertThat(Imports.report(i).accepted()).isEqualTo(1 + 6);
    assertThat(i.usage().snapshots()).allSatisfy(s -> assertThat(s.at()).isEqualTo(at));
  }

  /** An excerpt whose file time is the epoch cannot be dated: each of its rows is rejected. */
  @Test
  void anExcerptWithAnImplausibleFileTimeHasItsRowsRejected(@TempDir Path dir) throws IOException {
    FileImport i = excerpt("lmstat/scania-license-manager-flexlm-lmstat-mscone-tokens.txt", Instant.EPOCH, dir);
    String reason = "the output prints no date and the file's last-modified time 1970-01-01T00:00:00Z"
        + " is outside the plausible dates 1990-01-01 to 2100-12-31: the snapshot cannot be dated"
        + " (put a line 'date -Iseconds' before each snapshot)";
    assertThat(Imports.rejections(i)).hasSize(1 + 6 + 1)
        .startsWith("3 [last-modified]: " + reason)
        .endsWith("10 [last-modified]: " + reason)
        .filteredOn(r -> !r.contains(reason)).singleElement().asString()
        .startsWith("4: not a check-out line"); // the authors' elision keeps its own reason
    assertThat(Imports.report(i).accepted()).isZero();
    assertThat(i.usage().snapshots()).isEmpty();
    assertThat(i.usage().unmapped()).isEmpty();
    assertThat(i.notes()).isEmpty();
  }

  @Test
  void aFeatureInTwoVersionsIsOneBlock(@TempDir Path dir) throws IOException {
    FileImport i = excerpt("lmstat/scania-license-manager-flexlm-lmstat-versions.txt",
        Instant.parse("2024-03-11T23:00:00Z"), dir);
    assertThat(Imports.rejections(i)).singleElement().asString().startsWith("4: not a check-out line");
    assertThat(i.usage().snapshots()).singleElement().satisfies(s -> {
      assertThat(s.totals()).isEqualTo(new SeatSnapshot(Instant.parse("2024-03-11T23:00:00Z"), "ccmppower", Optional.empty(), 40, 3));
      assertThat(s.checkouts()).extracting(SeatCheckout::host).containsExactly("dcv033.com", "n-c41.com", "nid001234");
    });
  }

  @Test
  void aSubFeatureMayBeNamedFeatureEquals(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("lmstat.txt");
    Files.writeString(f, """
        Flexible License Manager status on Mon 3/11/2024 12:00
        Users of MSCONE:  (Total of 750 licenses issued;  Total of 7 licenses in use)
            ann ws1 feature=Nastran (v2023.0331) (srv/29065 11), start Mon 3/11 10:49, 4 licenses
            bob ws2 feature=Nastran (v2023.0331) (srv/29065 12), start Mon 3/11 11:00, 3 licenses
        """);
    FileImport i = FileUsageAdapter.readFile(f, Fixtures.resolver());
    assertThat(i.usage().snapshots()).extracting(SeatSnapshot::feature, SeatSnapshot::inUse)
        .containsExactly(tuple("MSCONE", 7L), tuple("MSCONE:Nastran", 7L));
  }
}
