package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.TokenUsage;
import dev.seatwise.application.port.out.TokenUsageList;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutodeskExportReadersTest {
  private static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);

  @Test
  void theUsageExportGivesOneDayPerUserProductAndDay() {
    FileImport i = Imports.read("fixtures/autodesk-usage-export.csv");

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-usage-export");
    assertThat(i.usage().log().days()).containsExactly(
        DailyUsage.of("5f0c2a9d71e34b1f", "ACD", MAR_2),
        DailyUsage.of("9b41e07c55aa2d30", "RVT", MAR_2),
        DailyUsage.of("9b41e07c55aa2d30", "RVT", MAR_2.plusDays(1)),
        DailyUsage.of("c7d2e6f1b0a94e88", "C3D", MAR_2.plusDays(2)),
        DailyUsage.of("c7d2e6f1b0a94e88", "C3D", MAR_2.plusDays(3)));
    assertThat(Imports.rejections(i)).containsExactly(
        "6 [product_name]: unknown product 'Photoshop'",
        "9 [day_used]: not a valid date: '2026-13-01' (Invalid value for MonthOfYear (valid values 1 - 12): 13)",
        "10 [hashed_autodesk_id]: no user: e-mail and hashed id are empty");
    assertThat(Imports.report(i).rowsRead()).isEqualTo(9);
    assertThat(Imports.report(i).accepted()).isEqualTo(6);
  }

  @Test
  void withPiiOnTheEmailIsTheUserAndMaskedCellsFallBackToTheId() {
    FileImport i = Imports.read("fixtures/autodesk-usage-export-pii.csv");
    assertThat(i.usage().log().days()).containsExactly(
        DailyUsage.of("john.smith@example.com", "ACD", MAR_2),
        DailyUsage.of("PL2R7XW1QB3K", "RVT", MAR_2));
  }

  @Test
  void theTitleCaseUsageReportGivesSummaries() {
    FileImport i = Imports.read("fixtures/autodesk-usage-report-title.csv");

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-usage-report");
    assertThat(i.usage().summaries()).containsExactly(
        new UsageSummary(UserId.of("john.smith@example.com"), ProductId.of("ACD"), 14, Optional.of(LocalDate.of(2026, 2, 27)), 98),
        new UsageSummary(UserId.of("mei.lee@example.com"), ProductId.of("RVT"), 41, Optional.of(LocalDate.of(2026, 2, 28)), 0),
        new UsageSummary(UserId.of("tom.nguyen@example.com"), ProductId.of("NAVMAN"), 3, Optional.empty(), 30));
    assertThat(Imports.rejections(i)).containsExactly(
        "5 [product]: unknown product 'Photoshop'",
        "6 [days_used]: not a whole number: 'many'",
        "7 [last_accessed]: not a valid date: '2026-02-31' (Invalid date 'FEBRUARY 31')");
  }

  @Test
  void theSnakeCaseUsageReportIsReadToo() {
    FileImport i = Imports.read("fixtures/autodesk-usage-report-snake.csv");

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-usage-report");
    assertThat(i.usage().summaries()).containsExactly(
        new UsageSummary(UserId.of("5f0c2a9d71e34b1f"), ProductId.of("ACD"), 14, Optional.of(LocalDate.of(2026, 2, 27)), 98),
        new UsageSummary(UserId.of("9b41e07c55aa2d30"), ProductId.of("AECCOL"), 41, Optional.of(LocalDate.of(2026, 2, 28)), 0));
    assertThat(Imports.report(i).rejected()).isZero();
  }

  @Test
  void theTokenUsageExportGivesWhatFlexCharged() {
    FileImport i = Imports.read("fixtures/autodesk-token-usage.csv");

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-token-usage");
    assertThat(i.usage().tokenUsage()).containsExactly(
        new TokenUsage(MAR_2, UserId.of("john.smith@example.com"), ProductId.of("ACD"), 7),
        new TokenUsage(MAR_2, UserId.of("john.smith@example.com"), ProductId.of("RVT"), 10),
        new TokenUsage(MAR_2.plusDays(1), UserId.of("mei.lee@example.com"), ProductId.of("RVT"), 10));
    assertThat(Imports.rejections(i)).containsExactly(
        "5 [tokens_used]: must be >= 0 but was -10",
        "6 [tokens_used]: not a whole number: '2.5'",
        "7 [product]: unknown product 'Photoshop'");
    // the rows are held by column: a person named on several rows is held once (a large export
    // repeats them), a day is a number
    List<TokenUsage> rows = i.usage().tokenUsage();
    assertThat(rows).isInstanceOf(TokenUsageList.class);
    assertThat(((TokenUsageList) rows).charges().users())
        .containsExactly(UserId.of("john.smith@example.com"), UserId.of("mei.lee@example.com"));
  }

  @Test
  void privacyModeKeepsHashedIdsHashedEvenWhenAnEmailIsThere() {
    ImportOptions privacy = ImportOptions.defaults()
        .withIdentity(IdentityMap.read(Fixtures.path("fixtures/identity-map.csv")))
        .withPrivacy(true);
    FileImport i = Imports.read("fixtures/autodesk-usage-report-title.csv", privacy);
    assertThat(i.usage().summaries()).extracting(s -> s.user().value())
        .containsExactly("5f0c2a9d71e34b1f", "Mei Lee", "tom.nguyen@example.com");

    FileImport snake = Imports.read("fixtures/autodesk-usage-report-snake.csv", privacy);
    assertThat(snake.usage().summaries()).extracting(s -> s.user().value())
        .containsExactly("5f0c2a9d71e34b1f", "9b41e07c55aa2d30");
  }

  @Test
  void withoutPrivacyModeTheIdentityMapGivesPersons() {
    ImportOptions named = ImportOptions.defaults()
        .withIdentity(IdentityMap.read(Fixtures.path("fixtures/identity-map.csv")));
    FileImport snake = Imports.read("fixtures/autodesk-usage-report-snake.csv", named);
    assertThat(snake.usage().summaries()).extracting(s -> s.user().value())
        .containsExactly("John Smith", "9b41e07c55aa2d30");
  }
}
