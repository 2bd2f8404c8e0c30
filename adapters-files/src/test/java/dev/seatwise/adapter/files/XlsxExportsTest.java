package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.UserId;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autodesk exports downloaded as .xlsx, written with Apache POI by {@link Workbooks}. */
class XlsxExportsTest {
  @TempDir Path dir;

  static FileImport read(Path file) {
    return new FileUsageAdapter(List.of(UsageSource.of(file)), Fixtures.resolver(), ImportOptions.defaults())
        .read();
  }

  /** A Usage Report workbook: a summary on the first sheet, the users (Title Case) on the second. */
  Path usageReportWorkbook() {
    Map<String, List<List<Object>>> sheets = Workbooks.sheets();
    sheets.put("Summary", List.of(
        List.of("Usage report", "Acme"),
        List.of("Generated", LocalDate.of(2026, 3, 1))));
    sheets.put("Users", List.of(
        List.of("Email", "First name", "Last name", "Product", "Days used", "Last accessed", "Tokens used"),
        List.of("john.smith@example.com", "John", "Smith", "AutoCAD", 14, LocalDate.of(2026, 2, 27), 98),
        List.of("mei.lee@example.com", "Mei", "Lee", "Revit", 41, LocalDateTime.of(2026, 2, 28, 17, 5), 0),
        List.of("tom.nguyen@example.com", "Tom", "Nguyen", "Photoshop", 3, "Never", 30),
        List.of("ana.ruiz@example.com", "Ana", "Ruiz", "Maya", 2.5, "-", 0)));
    return Workbooks.write(dir.resolve("Usage Report.xlsx"), sheets);
  }

  @Test
  void theUsersOnTheSecondSheetOfAUsageReportWorkbookAreRead() {
    Path file = usageReportWorkbook();
    assertThat(FormatDetector.detect(file)).isEqualTo(ImportFormat.AUTODESK_USAGE_REPORT);

    FileImport i = read(file);

    assertThat(i.usage().summaries()).containsExactly(
        new UsageSummary(UserId.of("john.smith@example.com"), ProductId.of("ACD"), 14,
            Optional.of(LocalDate.of(2026, 2, 27)), 98),
        new UsageSummary(UserId.of("mei.lee@example.com"), ProductId.of("RVT"), 41,
            Optional.of(LocalDate.of(2026, 2, 28)), 0));
    // line = row number in the sheet: header on row 1, Photoshop on row 4, Maya on row 5
    assertThat(Imports.rejections(i)).containsExactly(
        "4 [product]: unknown product 'Photoshop'",
        "5 [days_used]: not a whole number: '2.5'");
    assertThat(Imports.report(i).rowsRead()).isEqualTo(4);
    assertThat(Imports.report(i).accepted()).isEqualTo(2);
  }

  @Test
  void aSnakeCaseUsageExportWorkbookWithDateCellsGivesDaysUsed() {
    Map<String, List<List<Object>>> sheets = Workbooks.sheets();
    sheets.put("usage", List.of(
        List.of("day_used", "hashed_autodesk_id", "product_name", "offering_name"),
        List.of(LocalDate.of(2026, 3, 2), "5f0c2a9d71e34b1f", "AutoCAD", "AutoCAD"),
        List.of("2026-03-03", "5f0c2a9d71e34b1f", "AutoCAD", "AutoCAD"),
        List.of("not a day", "5f0c2a9d71e34b1f", "AutoCAD", "AutoCAD")));
    Path file = Workbooks.write(dir.resolve("usage.xlsx"), sheets);

    FileImport i = read(file);

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-usage-export");
    assertThat(i.usage().log().days()).containsExactly(
        DailyUsage.of("5f0c2a9d71e34b1f", "ACD", LocalDate.of(2026, 3, 2)),
        DailyUsage.of("5f0c2a9d71e34b1f", "ACD", LocalDate.of(2026, 3, 3)));
    assertThat(Imports.rejections(i)).hasSize(1).allMatch(r -> r.startsWith("4 [day_used]: not a date"));
  }

  @Test
  void aSubscriptionsWorkbookIsReadAsEntitlements() {
    Map<String, List<List<Object>>> sheets = Workbooks.sheets();
    sheets.put("Subscriptions", List.of(
        List.of("Contract number", "Subscription ID", "Offering name", "Seat quantity", "Start date", "End date", "Term"),
        List.of("110004527731", 72849120, "AutoCAD", 10, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1), "Annual")));
    Path file = Workbooks.write(dir.resolve("subscriptions.xlsx"), sheets);

    FileEntitlements e =
        new FileEntitlementsAdapter(List.of(UsageSource.of(file)), Fixtures.resolver(), ImportOptions.defaults())
            .read();

    assertThat(e.report().files().get(0).format()).isEqualTo("autodesk-subscriptions");
    Subscription s = e.entitlements().subscriptions().get(0);
    assertThat(s.id()).isEqualTo("72849120");
    assertThat(s.seats()).isEqualTo(10);
    assertThat(s.start()).isEqualTo(LocalDate.of(2025, 6, 1));
  }

  @Test
  void aZipBombIsRefusedWithAClearMessage() {
    Path good = usageReportWorkbook();
    Path bomb = Workbooks.bomb(good, dir.resolve("bomb.xlsx"), 20);

    assertThatThrownBy(() -> read(bomb))
        .isInstanceOf(UsageImportException.class)
        .hasMessageStartingWith(bomb + ": ")
        .hasMessageContaining("not a readable Excel .xlsx workbook")
        .hasMessageContaining("Zip bomb detected");
  }

  @Test
  void aWorkbookOverTheSizeLimitIsRefusedBeforeItIsOpened() throws Exception {
    Path big = dir.resolve("big.xlsx");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.write(new byte[] {'P', 'K', 3, 4});
      f.setLength(XlsxTable.MAX_BYTES + 1);
    }

    assertThatThrownBy(() -> read(big))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("workbooks over 32 MiB are refused");
  }

  @Test
  void aWorkbookWithNoAutodeskHeaderNamesEachSheet() {
    Map<String, List<List<Object>>> sheets = Workbooks.sheets();
    sheets.put("Notes", List.of(List.of("hello", "world"), List.of("a", "b")));
    Path file = Workbooks.write(dir.resolve("notes.xlsx"), sheets);

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("no sheet of this workbook has the header of an Autodesk export")
        .hasMessageContaining("[hello, world]");
  }
}
