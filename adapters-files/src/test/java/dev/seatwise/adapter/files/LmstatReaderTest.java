package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LmstatReaderTest {
  private static final Instant S1 = Instant.parse("2020-10-15T15:45:00Z");
  private static final Instant S2 = Instant.parse("2020-10-15T16:45:00Z");
  private static final Instant S3 = Instant.parse("2021-01-02T09:00:00Z");

  @Test
  void snapshotsGiveIssuedAndInUsePerFeature() {
    FileImport i = Imports.read("lmstat/autodesk-lmstat-snapshots.txt");

    assertThat(i.usage().snapshots()).containsExactly(
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
    assertThat(i.usage().snapshots().get(1)).isEqualTo(new SeatSnapshot(
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
    assertThat(i.usage().snapshots().get(0)).isEqualTo(new SeatSnapshot(
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
}
