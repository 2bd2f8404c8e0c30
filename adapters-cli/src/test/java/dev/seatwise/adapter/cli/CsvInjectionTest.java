package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User names from input files can hold spreadsheet formulas; CSV output must defuse them. */
class CsvInjectionTest {
  @TempDir Path dir;

  @Test
  void aFormulaInAUserNameIsWrittenAsText() throws Exception {
    Path usage = dir.resolve("evil.csv");
    Files.writeString(
        usage,
        "user,product,start,end\n"
            + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n"
            + "@SUM(1+1),ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n"
            + "+1-2,ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n"
            + "-3,ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n");

    Cli.Result r =
        Cli.run("compare", "--usage", usage.toString(), "--catalog", Cli.TINY, "-o", "csv");

    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().skip(1))
        .hasSize(4)
        .allSatisfy(line -> assertThat(line).matches("^\"?'.*"));
    assertThat(r.out()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    assertThat(r.out()).contains("'@SUM(1+1)").contains("'+1-2").contains("'-3,");
  }
}
