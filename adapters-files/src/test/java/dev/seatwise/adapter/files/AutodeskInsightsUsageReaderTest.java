package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.usage.DailyUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Autodesk Insights (Premium reporting) usage export as CSV, JSON and .xlsx. */
class AutodeskInsightsUsageReaderTest {
  static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);

  @TempDir Path dir;

  @Test
  void theCsvGivesOneDayPerRowWithTheChildProductWhenKnown() {
    assertThat(FormatDetector.detect(Fixtures.path("fixtures/autodesk-insights-usage.csv")))
        .isEqualTo(ImportFormat.AUTODESK_INSIGHTS_USAGE);

    FileImport i = Imports.read("fixtures/autodesk-insights-usage.csv");

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-insights-usage");
    assertThat(i.usage().log().days()).containsExactly(
        DailyUsage.of("john.smith@example.com", "ACD", MAR_2),
        // the collection's child product Revit is what ran
        DailyUsage.of("mei.lee@example.com", "RVT", MAR_2),
        // a child the catalog does not know: the collection itself
        DailyUsage.of("mei.lee@example.com", "AECCOL", MAR_2.plusDays(1)),
        // no e-mail, no hashed id: the user id
        DailyUsage.of("MN3B5V7C9X2Z", "C3D", MAR_2.plusDays(3)));
    assertThat(Imports.rejections(i)).containsExactly(
        "5 [product_name]: unknown product 'Photoshop'",
        "6 [usage_date]: missing value: a row with only usageMonth '2026-03' has no day used",
        "7 [tokens]: must be >= 0 but was -7",
        "8 [email]: no user: e-mail and ids are empty");
    assertThat(Imports.report(i).rowsRead()).isEqualTo(8);
    assertThat(Imports.report(i).accepted()).isEqualTo(4);
  }

  @Test
  void theJsonEnvelopeGivesTheSameDaysWithTheLineOfEachRecord() {
    Path json = Fixtures.path("fixtures/autodesk-insights-usage.json");
    assertThat(FormatDetector.detect(json)).isEqualTo(ImportFormat.AUTODESK_INSIGHTS_USAGE);

    FileImport i = Imports.read("fixtures/autodesk-insights-usage.json");

    assertThat(i.usage().log().days()).containsExactly(
        DailyUsage.of("john.smith@example.com", "ACD", MAR_2),
        DailyUsage.of("mei.lee@example.com", "RVT", MAR_2));
    // the third record's '{' is on line 10
    assertThat(Imports.rejections(i)).containsExactly("10 [product_name]: unknown product 'Photoshop'");
    assertThat(Imports.report(i).rowsRead()).isEqualTo(3);
  }

  @Test
  void aTopLevelJsonArrayIsReadToo() {
    FileImport i = Imports.read("fixtures/autodesk-insights-usage-array.json");

    assertThat(i.usage().log().days())
        .containsExactly(DailyUsage.of("c7d2e6f1b0a94e88", "MAYA", LocalDate.of(2026, 3, 6)));
  }

  @Test
  void malformedJsonNamesTheFileAndLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"),
        "[\n{\"productName\": \"AutoCAD\", \"usageDate\": \"2026-03-02\", \"hashedUserId\": \"x\"},\n{\"productName\": }\n]\n");

    assertThatThrownBy(() -> new FileUsageAdapter(List.of(UsageSource.of(bad)), Fixtures.resolver(),
            ImportOptions.defaults()).read())
        .isInstanceOf(UsageImportException.class)
        .hasMessageStartingWith(bad + ":3: malformed JSON");
  }

  @Test
  void aJsonNumberIsQuotedAsWrittenWhenItsRowIsRejected() throws Exception {
    // 1e400 is beyond a double: it was rejected as 'Infinity', a value the file does not hold;
    // 10.0 (a whole number written with a fraction) is still accepted
    Path big = Files.writeString(dir.resolve("big.json"),
        "[\n{\"productName\": \"AutoCAD\", \"usageDate\": \"2026-03-02\", \"hashedUserId\": \"a\","
            + " \"tokens\": 1e400},\n{\"productName\": \"AutoCAD\", \"usageDate\": \"2026-03-03\","
            + " \"hashedUserId\": \"b\", \"tokens\": 7.0}\n]\n");

    FileImport i = new FileUsageAdapter(List.of(UsageSource.of(big)), Fixtures.resolver(),
        ImportOptions.defaults()).read();

    assertThat(Imports.rejections(i)).containsExactly("2 [tokens]: not a whole number: '1E+400'");
    assertThat(i.usage().log().days())
        .containsExactly(DailyUsage.of("b", "ACD", LocalDate.of(2026, 3, 3)));
  }

  @Test
  void aWholeJsonNumberWithAnExponentIsStillAWholeNumber() throws Exception {
    // 1e1 and 2.1e1 are 10 and 21 tokens: read as doubles they were '10.0' and '21.0', accepted;
    // read as written (BigDecimal) they became '1E+1' and '2.1E+1' and were rejected as not whole
    Path exp = Files.writeString(dir.resolve("exp.json"),
        "[\n{\"productName\": \"AutoCAD\", \"usageDate\": \"2026-03-02\", \"hashedUserId\": \"a\","
            + " \"tokens\": 1e1},\n{\"productName\": \"AutoCAD\", \"usageDate\": \"2026-03-03\","
            + " \"hashedUserId\": \"b\", \"tokens\": 2.1E1}\n]\n");

    FileImport i = new FileUsageAdapter(List.of(UsageSource.of(exp)), Fixtures.resolver(),
        ImportOptions.defaults()).read();

    assertThat(Imports.rejections(i)).isEmpty();
    assertThat(i.usage().log().days())
        .containsExactly(
            DailyUsage.of("a", "ACD", LocalDate.of(2026, 3, 2)),
            DailyUsage.of("b", "ACD", LocalDate.of(2026, 3, 3)));
  }

  @Test
  void jsonOfAnotherShapeIsRefusedWithTheFieldsItHas() throws Exception {
    Path other = Files.writeString(dir.resolve("other.json"), "[{\"a\": 1, \"b\": 2}]");

    assertThatThrownBy(() -> FormatDetector.detect(other))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("a JSON file of no known format (fields [a, b])");
  }

  @Test
  void anInsightsWorkbookIsReadLikeTheCsv() {
    Map<String, List<List<Object>>> sheets = Workbooks.sheets();
    sheets.put("Usage", List.of(
        List.of("Product name", "Usage date", "Usage month", "Child product name", "Tokens", "Email address", "Hashed user id"),
        List.of("AutoCAD", MAR_2, "2026-03", "", 7, "john.smith@example.com", "5f0c2a9d71e34b1f")));
    Path file = Workbooks.write(dir.resolve("insights.xlsx"), sheets);

    FileImport i = new FileUsageAdapter(List.of(UsageSource.of(file)), Fixtures.resolver(),
        ImportOptions.defaults()).read();

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-insights-usage");
    assertThat(i.usage().log().days()).containsExactly(DailyUsage.of("john.smith@example.com", "ACD", MAR_2));
  }
}
