package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.UsageImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {
  @ParameterizedTest
  @CsvSource({
    "fixtures/sessions.csv, SESSIONS_CSV",
    "fixtures/sessions-aliases.csv, SESSIONS_CSV",
    "fixtures/autodesk-usage-export.csv, AUTODESK_USAGE_EXPORT",
    "fixtures/autodesk-usage-export-pii.csv, AUTODESK_USAGE_EXPORT",
    "fixtures/autodesk-usage-report-title.csv, AUTODESK_USAGE_REPORT",
    "fixtures/autodesk-usage-report-snake.csv, AUTODESK_USAGE_REPORT",
    "fixtures/autodesk-token-usage.csv, AUTODESK_TOKEN_USAGE",
    "fixtures/autodesk-subscriptions.csv, AUTODESK_SUBSCRIPTIONS",
    "fixtures/autodesk-users.csv, AUTODESK_USERS",
    "fixtures/token-lots.csv, TOKEN_LOTS",
    "fixtures/adskflex-debug.log, FLEXLM_LOG",
    "fixtures/adskflex-rotated.log, FLEXLM_LOG",
    "lmstat/autodesk-lmstat-snapshots.txt, LMSTAT",
    "lmstat/flexlm_exporter-lmstat_app5.txt, LMSTAT",
    "lmstat/flexlm_exporter-lmstat_server_down.txt, LMSTAT"
  })
  void detectsTheFormatFromTheFirstLines(String resource, ImportFormat expected) {
    assertThat(FormatDetector.detect(Fixtures.path(resource))).isEqualTo(expected);
  }

  @Test
  void anUnknownHeaderNamesWhatWasFoundAndHowToOverride(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, "colour,size\nred,1\n");
    assertThatThrownBy(() -> FormatDetector.detect(f))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("cannot tell the format from the first line [colour, size]")
        .hasMessageContaining("name the format explicitly (sessions-csv, autodesk-usage-export");
  }

  @Test
  void anIdentityMapIsNotTakenForUsage() {
    assertThatThrownBy(() -> FormatDetector.detect(Fixtures.path("fixtures/identity-map.csv")))
        .hasMessageContaining("this is an identity map, not usage");
  }

  @Test
  void formatsAreNamedByLabelOrEnumName() {
    assertThat(ImportFormat.fromLabel("flexlm-log")).isEqualTo(ImportFormat.FLEXLM_LOG);
    assertThat(ImportFormat.fromLabel("LMSTAT")).isEqualTo(ImportFormat.LMSTAT);
    assertThatThrownBy(() -> ImportFormat.fromLabel("xlsx")).hasMessageStartingWith("unknown format 'xlsx'; known: sessions-csv");
  }
}
