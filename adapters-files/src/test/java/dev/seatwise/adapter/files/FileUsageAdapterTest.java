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
