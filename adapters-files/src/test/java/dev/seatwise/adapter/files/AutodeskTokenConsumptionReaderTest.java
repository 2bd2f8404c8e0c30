package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.domain.catalog.ProductId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Enterprise Token Flex consumption export: Autodesk's own demo file in its real layout
 * (tokenflex/SOURCES.md; figures counted with awk over the file) and small hand-made ones.
 */
class AutodeskTokenConsumptionReaderTest {
  private static final String SAMPLE = "tokenflex/autodesk-tokenflex-consumption-sample.csv";

  @Test
  void theSampleIsDetectedAndEveryRowAndTokenIsKept() {
    assertThat(FormatDetector.detect(Fixtures.path(SAMPLE)))
        .isEqualTo(ImportFormat.AUTODESK_TOKEN_CONSUMPTION);

    FileImport i = Imports.read(SAMPLE);

    FileReport report = Imports.report(i);
    assertThat(report.format()).isEqualTo("autodesk-token-consumption");
    assertThat(report.rowsRead()).isEqualTo(24_511);
    assertThat(report.accepted()).isEqualTo(24_511);
    assertThat(report.rejections()).isEmpty();
    List<PoolConsumption> rows = i.usage().consumption();
    assertThat(rows).hasSize(24_511);
    assertThat(rows.stream().mapToLong(PoolConsumption::tokens).sum()).isEqualTo(137_617);
    Map<String, Long> byPool = rows.stream().collect(
        Collectors.groupingBy(PoolConsumption::pool, TreeMap::new,
            Collectors.summingLong(PoolConsumption::tokens)));
    assertThat(byPool).containsExactly(Map.entry("CY", 135_006L), Map.entry("MY", 2_611L));
    assertThat(rows.stream().map(PoolConsumption::productLine).distinct().count()).isEqualTo(167);
    assertThat(rows.stream().map(PoolConsumption::day).min(LocalDate::compareTo))
        .contains(LocalDate.of(2011, 1, 1));
    assertThat(rows.stream().map(PoolConsumption::day).max(LocalDate::compareTo))
        .contains(LocalDate.of(2011, 12, 30));
    assertThat(i.usage().log().sessions()).isEmpty();
    assertThat(i.usage().log().days()).isEmpty();
  }

  @Test
  void lineTheCatalogKnowsGetItsProductAndOthersKeepTheirOwnCode() {
    List<PoolConsumption> rows = Imports.read(SAMPLE).usage().consumption();

    Map<String, Long> acd = sumWhere(rows, "ACD");
    assertThat(acd).containsExactly(Map.entry("ACD", 1_307L));
    assertThat(rows.stream().filter(r -> r.productLine().equals("MAYA")).map(PoolConsumption::product).distinct())
        .containsExactly(Optional.of(ProductId.of("MAYA")));
    PoolConsumption eagle = rows.stream().filter(r -> r.productLine().equals("EGLPRM")).findFirst().orElseThrow();
    assertThat(eagle.product()).isEmpty();
    assertThat(eagle.productName()).isEqualTo("EAGLE - Premium");
    assertThat(sumWhere(rows, "EGLPRM")).containsExactly(Map.entry("EGLPRM", 18_482L));
  }

  @Test
  void badRowsAreRejectedWithLineAndFieldAndUnknownLinesAreKept() {
    FileImport i = Imports.read("fixtures/autodesk-token-consumption-snake.csv");

    assertThat(Imports.report(i).format()).isEqualTo("autodesk-token-consumption");
    assertThat(i.usage().consumption()).containsExactly(
        new PoolConsumption(LocalDate.of(2026, 3, 2), "CY", "DESKTOP_PRODUCT", "ACD", "AutoCAD",
            Optional.of(ProductId.of("ACD")), 12),
        new PoolConsumption(LocalDate.of(2026, 3, 2), "CY", "DESKTOP_PRODUCT", "ZZTOP",
            "Product Nobody Knows", Optional.empty(), 7),
        new PoolConsumption(LocalDate.of(2026, 3, 3), "MY", "CLOUD_PRODUCT", "RVT", "Revit",
            Optional.of(ProductId.of("RVT")), 10));
    assertThat(Imports.rejections(i)).containsExactly(
        "5 [tokens_consumed]: must be >= 0 but was -3",
        "6 [token_pool]: missing value",
        "7 [usage_date]: not a valid date: '2026-02-30' (Invalid date 'FEBRUARY 30')",
        "8 [product_line_code]: missing value: the row names no product line",
        "9 [tokens_consumed]: not a whole number: '2.5'");
    assertThat(Imports.report(i).rowsRead()).isEqualTo(8);
    assertThat(Imports.report(i).accepted() + Imports.report(i).rejected()).isEqualTo(8);
  }

  @Test
  void theTitleCaseSpellingIsReadToo() {
    FileImport i = Imports.read("fixtures/autodesk-token-consumption-title.csv");

    assertThat(i.usage().consumption()).containsExactly(
        new PoolConsumption(LocalDate.of(2026, 3, 2), "CY", "DESKTOP_PRODUCT", "ACD", "AutoCAD",
            Optional.of(ProductId.of("ACD")), 12));
  }

  private static Map<String, Long> sumWhere(List<PoolConsumption> rows, String line) {
    return rows.stream().filter(r -> r.productLine().equals(line)).collect(
        Collectors.groupingBy(PoolConsumption::productLine, TreeMap::new,
            Collectors.summingLong(PoolConsumption::tokens)));
  }
}
