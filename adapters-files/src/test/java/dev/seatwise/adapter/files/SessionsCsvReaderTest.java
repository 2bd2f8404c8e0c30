package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsCsvReaderTest {

  @Test
  void readsBomCrlfQuotedFieldsOffsetsAndLocalTimesInTheChosenZone() {
    FileImport i = Imports.readIn("fixtures/sessions.csv", "Europe/Berlin");

    assertThat(i.usage().log().sessions()).containsExactly(
        Session.of("alice@example.com", "ACD", Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T17:00:00Z")),
        Session.of("bob@example.com", "ACD", Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T11:30:00Z")),
        Session.of("carol@example.com", "RVT", Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:15:30Z")),
        Session.of("dave \"the builder\"", "C3D", Instant.parse("2026-03-03T07:00:00.250Z"), Instant.parse("2026-03-03T07:04:59Z")));
    FileReport r = Imports.report(i);
    assertThat(r.format()).isEqualTo("sessions-csv");
    assertThat(r.rowsRead()).isEqualTo(4);
    assertThat(r.rejected()).isZero();
  }

  @Test
  void localTimesDefaultToUtc() {
    FileImport i = Imports.read("fixtures/sessions.csv");
    assertThat(i.usage().log().sessions().get(2).start()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
  }

  @Test
  void headersMatchByAliasIgnoringCaseSpacesUnderscoresAndOrder() {
    FileImport i = Imports.read("fixtures/sessions-aliases.csv");
    assertThat(i.usage().log().sessions()).containsExactly(
        Session.of("eve", "MAYA", Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:00:00Z")));
  }

  @Test
  void everyCorruptRowIsRejectedWithFileLineFieldAndReason() {
    FileImport i = Imports.read("fixtures/sessions-corrupt.csv");

    assertThat(Imports.rejections(i)).containsExactly(
        "3 [user]: missing value",
        "4 [product]: unknown product 'Photoshop'",
        "5 [start]: not an ISO-8601 date-time: 'yesterday'",
        "6 [end]: end 2026-03-02T09:00:00Z is before start 2026-03-02T10:00:00Z",
        "7 [end]: missing value",
        "8 [product]: missing value",
        "13 [start]: not an ISO-8601 date-time: '2026-02-30T10:00:00Z'");
    assertThat(i.usage().report().rejections()).allSatisfy(
        rej -> assertThat(rej.file()).endsWith("sessions-corrupt.csv"));
    FileReport r = Imports.report(i);
    assertThat(r.rowsRead()).isEqualTo(9);
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(i.usage().log().sessions()).extracting(s -> s.user().value())
        .containsExactly("alice", "gina\n(two lines)");
  }

  @Test
  void strictModeStopsAtTheFirstBadRowNamingFileLineAndField() {
    ImportOptions strict = ImportOptions.defaults().withStrict(true);
    assertThatThrownBy(() -> Imports.read("fixtures/sessions-corrupt.csv", strict))
        .isInstanceOf(UsageImportException.class)
        .hasMessageEndingWith("sessions-corrupt.csv:3 [user]: missing value (strict mode stops at the first bad row)");
  }

  @Test
  void aMissingColumnListsExpectedAndFoundColumns() {
    assertThatThrownBy(() -> Imports.read("fixtures/sessions-missing-column.csv", ImportFormat.SESSIONS_CSV, ImportOptions.defaults()))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("not a valid seatwise sessions CSV file: missing required column(s) [start, end]")
        .hasMessageContaining("expected [user (user|username|user_id|login|email), product (")
        .hasMessageContaining("found [user, product, begin, finish]");
  }

  @Test
  void aHeaderOnlyFileHasAClearMessage() {
    assertThatThrownBy(() -> Imports.read("fixtures/sessions-header-only.csv"))
        .isInstanceOf(UsageImportException.class)
        .hasMessageEndingWith("sessions-header-only.csv: the file has a header [user, product, start, end] but no data rows");
  }

  @Test
  void anEmptyFileHasAClearMessageWhateverTheFormat() {
    assertThatThrownBy(() -> Imports.read("fixtures/empty.csv"))
        .isInstanceOf(UsageImportException.class)
        .hasMessageEndingWith("empty.csv: the file is empty (0 bytes)");
    assertThatThrownBy(() -> Imports.read("fixtures/empty.csv", ImportFormat.FLEXLM_LOG, ImportOptions.defaults()))
        .hasMessageEndingWith("empty.csv: the file is empty (0 bytes)");
    assertThatThrownBy(() -> Imports.read("fixtures/blank-lines.csv", ImportFormat.SESSIONS_CSV, ImportOptions.defaults()))
        .hasMessageEndingWith("blank-lines.csv: the file is empty (no text, only blank lines)");
  }

  @Test
  void aBinaryFileHasAClearMessage() {
    assertThatThrownBy(() -> Imports.read("fixtures/binary.xlsx"))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("binary.xlsx: this looks like a binary file, not text (it contains NUL bytes)");
    assertThatThrownBy(() -> Imports.read("fixtures/binary.xlsx", ImportFormat.SESSIONS_CSV, ImportOptions.defaults()))
        .hasMessageContaining("this looks like a binary file");
  }

  @Test
  void aMissingFileHasAClearMessage() {
    assertThatThrownBy(() -> new FileUsageAdapter(
            java.util.List.of(UsageSource.of(java.nio.file.Path.of("/no/such/file.csv"), ImportFormat.SESSIONS_CSV)),
            Fixtures.resolver(), ImportOptions.defaults()).usage())
        .isInstanceOf(UsageImportException.class)
        .hasMessage("/no/such/file.csv: file not found");
  }

  @Test
  void utf16WithAByteOrderMarkIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path f = dir.resolve("utf16.csv");
    String text = "\uFEFFuser,product,start,end\r\nzoë,Maya,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z\r\n";
    java.nio.file.Files.write(f, text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    assertThat(FileUsageAdapter.readFile(f, Fixtures.resolver()).usage().log().sessions())
        .containsExactly(Session.of("zoë", "MAYA", Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:00:00Z")));
  }

  @Test
  void aHugeFirstLineDoesNotStopDetection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path f = dir.resolve("wide.csv");
    java.nio.file.Files.writeString(f, "user,product,start,end," + "x".repeat(100_000)
        + "\nann,ACD,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z,\n");
    assertThat(FormatDetector.detect(f)).isEqualTo(ImportFormat.SESSIONS_CSV);
    assertThat(FileUsageAdapter.readFile(f, Fixtures.resolver()).usage().log().sessions()).hasSize(1);
  }
}
