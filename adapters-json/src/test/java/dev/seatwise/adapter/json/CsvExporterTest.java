package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvExporterTest {
  private final CsvExporter csv = new CsvExporter();

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"})
  void aTextCellThatCouldRunAsAFormulaGetsALeadingQuote(String text) {
    assertThat(CsvExporter.defuse(text)).isEqualTo("'" + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.com", "ACD", "", " 1", "x=1"})
  void ordinaryTextIsLeftAlone(String text) {
    assertThat(CsvExporter.defuse(text)).isEqualTo(text);
  }

  @Test
  void aFormulaInAUserNameIsDefusedAndQuotedInTheFile() {
    CsvTable table =
        new CsvTable(
            List.of("user", "cost", "reason"),
            List.of(
                List.of("=cmd|' /C calc'!A0", new BigDecimal("12.5"), "a, b"),
                List.of("@x", new BigDecimal("-3"), "said \"hi\"")));

    assertThat(csv.toCsv(table))
        .isEqualTo(
            "user,cost,reason\r\n"
                + "'=cmd|' /C calc'!A0,12.50,\"a, b\"\r\n"
                + "'@x,-3.00,\"said \"\"hi\"\"\"\r\n");
  }

  @Test
  void numbersAreWrittenAsNumbersAndNullAsEmpty() {
    CsvTable table = new CsvTable(List.of("a", "b", "c"), List.of(Arrays.asList(-5L, null, "-5")));

    assertThat(csv.toCsv(table)).isEqualTo("a,b,c\r\n-5,,'-5\r\n");
  }

  @Test
  void aCellWithALineBreakIsQuoted() {
    assertThat(CsvExporter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}
