package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds of {@link Limits} that the FlexLM readers ({@code lmstat}, debug log) apply besides
 * those their own tests show: a check-out start within the plausible dates, and rejections that
 * quote at most {@link Limits#MAX_QUOTED_CHARS} characters of the input.
 */
class FlexlmLimitsTest {
  private static FileImport read(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return FileUsageAdapter.readFile(f, Fixtures.resolver());
  }

  @Test
  void lmstatRejectsAStartBeforeThePlausibleDatesAndQuotesLongTotalsShort(@TempDir Path dir)
      throws IOException {
    FileImport i = read(dir, "lmstat.txt", String.join("\n",
        "Flexible License Manager status on Mon 1/1/1990 10:00",
        "Users of F:  (Total of 5 licenses issued;  Total of 2 licenses in use)",
        "    u1 h1 h1 (v1.0) (srv/27000 101), start Sun 12/31 9:00", // 1989-12-31: within a day's margin
        "    u2 h2 h2 (v1.0) (srv/27000 102), start Fri 12/1 9:00", // 1989-12-01
        "Users of G:  (" + "x".repeat(300) + ")",
        ""));
    assertThat(Imports.rejections(i)).containsExactly(
        "4 [start]: start 1989-12-01 is outside the plausible dates 1990-01-01 to 2100-12-31",
        "5 [issued]: no issued/in-use totals for G: (" + "x".repeat(200) + "... (300 characters))");
    assertThat(Imports.report(i).accepted()).isEqualTo(2);
    assertThat(i.usage().unmapped()).hasSize(1);
  }

  @Test
  void theFlexlmLogQuotesALongCheckInShort(@TempDir Path dir) throws IOException {
    String feature = "f".repeat(250);
    FileImport i = read(dir, "debug.log", String.join("\n",
        "10:00:00 (lmgrd) TIMESTAMP 1/2/2024",
        "10:00:01 (adskflex) IN: \"" + feature + "\" u@h",
        ""));
    assertThat(Imports.rejections(i)).containsExactly("2: check-in of " + "f".repeat(200)
        + "... (250 characters) by u@h without a matching check-out (the OUT may precede this log)");
  }
}
