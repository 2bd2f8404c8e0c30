package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsageImportException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileUsageAdapterTest {
  @Test
  void mergesEveryFileIntoOneImportWithAReportPerFile() {
    FileUsageAdapter adapter = new FileUsageAdapter(
        List.of(
            UsageSource.of(Fixtures.path("fixtures/sessions.csv")),
            UsageSource.of(Fixtures.path("fixtures/autodesk-usage-export.csv")),
            UsageSource.of(Fixtures.path("fixtures/autodesk-usage-report-title.csv")),
            UsageSource.of(Fixtures.path("fixtures/autodesk-token-usage.csv")),
            UsageSource.of(Fixtures.path("fixtures/adskflex-debug.log"), ImportFormat.FLEXLM_LOG),
            UsageSource.of(Fixtures.path("lmstat/autodesk-lmstat-snapshots.txt"))),
        Fixtures.resolver(),
        ZoneId.of("Europe/Berlin"),
        Optional.of(IdentityMap.read(Fixtures.path("fixtures/identity-map.csv"))),
        false);

    FileImport read = adapter.read();
    ImportedUsage u = read.usage();

    assertThat(u.report().files()).extracting(f -> f.format()).containsExactly(
        "sessions-csv", "autodesk-usage-export", "autodesk-usage-report", "autodesk-token-usage",
        "flexlm-log", "lmstat");
    assertThat(u.log().sessions()).hasSize(4 + 9 + 4);
    assertThat(u.log().days()).hasSize(5);
    assertThat(u.summaries()).hasSize(3);
    assertThat(u.tokenUsage()).hasSize(3);
    assertThat(u.denials()).hasSize(3);
    assertThat(u.snapshots()).hasSize(7);
    assertThat(u.unmapped()).hasSize(4 + 2);
    assertThat(read.notes()).hasSize(2);
    assertThat(u.report().rowsRead()).isEqualTo(u.report().accepted() + u.report().rejected());
    assertThat(adapter.usage()).isEqualTo(u);
  }

  @Test
  void aSessionsFileIsHeldByColumnAndItsRepeatsAreNoted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    // rows 2 and 4 repeat row 1 exactly, row 5 repeats row 3 once: 3 repeats, the worst one 3 times
    java.nio.file.Path f = dir.resolve("s.csv");
    java.nio.file.Files.writeString(f, String.join("\n",
        "user,product,start,end",
        "ann,ACD,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z",
        "ann,ACD,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z",
        "bob,RVT,2025-03-03T08:00:00Z,2025-03-03T10:00:00Z",
        "ann,ACD,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z",
        "bob,RVT,2025-03-03T08:00:00Z,2025-03-03T10:00:00Z",
        "ann,ACD,2025-03-03T08:00:00Z,2025-03-03T09:00:01Z",
        ""));
    FileImport read = FileUsageAdapter.readFile(f, Fixtures.resolver());
    assertThat(dev.seatwise.domain.usage.SessionTable.backing(read.usage().log().sessions()))
        .as("the sessions are a table's view, not objects").isPresent();
    assertThat(read.usage().log().sessions()).hasSize(6);
    assertThat(read.notes()).extracting(ImportNote::message).containsExactly(
        "3 row(s) repeat an earlier session exactly (same user, product, start and end), e.g. ann"
            + " on ACD from 2025-03-03T08:00:00Z 3 times; each counts as one more seat in use at"
            + " once (was a file appended twice?)");
  }

  @Test
  void sessionsOfSeveralFilesFollowEachOtherInFileOrder() {
    FileImport one = FileUsageAdapter.readFile(Fixtures.path("fixtures/sessions.csv"), Fixtures.resolver());
    FileImport both = new FileUsageAdapter(
        List.of(UsageSource.of(Fixtures.path("fixtures/sessions.csv")),
            UsageSource.of(Fixtures.path("fixtures/adskflex-debug.log"), ImportFormat.FLEXLM_LOG),
            UsageSource.of(Fixtures.path("fixtures/sessions.csv"))),
        Fixtures.resolver(), ImportOptions.defaults()).read();
    FileImport log = new FileUsageAdapter(
        List.of(UsageSource.of(Fixtures.path("fixtures/adskflex-debug.log"), ImportFormat.FLEXLM_LOG)),
        Fixtures.resolver(), ImportOptions.defaults()).read();
    List<dev.seatwise.domain.usage.Session> expected = new java.util.ArrayList<>(one.usage().log().sessions());
    expected.addAll(log.usage().log().sessions());
    expected.addAll(one.usage().log().sessions());
    assertThat(both.usage().log().sessions()).isEqualTo(expected);
  }

  @Test
  void oneIdentityMapMakesOnePersonOneUserAcrossSources() {
    FileImport read = new FileUsageAdapter(
        List.of(UsageSource.of(Fixtures.path("fixtures/adskflex-debug.log")),
            UsageSource.of(Fixtures.path("fixtures/autodesk-token-usage.csv"))),
        Fixtures.resolver(),
        ImportOptions.defaults().withIdentity(IdentityMap.read(Fixtures.path("fixtures/identity-map.csv"))))
        .read();
    assertThat(read.usage().log().sessions()).extracting(s -> s.user().value()).contains("John Smith");
    assertThat(read.usage().tokenUsage()).extracting(t -> t.user().value()).contains("John Smith");
  }

  @Test
  void entitlementExportsAreRefusedWithAPointer() {
    assertThatThrownBy(() -> FileUsageAdapter.readFile(
            Fixtures.path("fixtures/autodesk-subscriptions.csv"), Fixtures.resolver()))
        .isInstanceOf(UsageImportException.class)
        .hasMessageEndingWith("autodesk-subscriptions holds entitlements, not usage; read it with FileEntitlementsAdapter");
  }

  @Test
  void aForcedFormatSkipsDetection() {
    assertThatThrownBy(() -> Imports.read("fixtures/autodesk-token-usage.csv", ImportFormat.SESSIONS_CSV, ImportOptions.defaults()))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("missing required column(s) [start, end]")
        .hasMessageContaining("found [Day used, Email, First name, Last name, Product, Feature, Team, Tokens used]");
  }
}
