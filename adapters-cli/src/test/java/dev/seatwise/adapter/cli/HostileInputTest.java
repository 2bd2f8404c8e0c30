package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.adapter.cli.config.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input at the command line (issue 16): no exit 3, no raw control characters. */
class HostileInputTest {
  @TempDir static Path dir;
  static Path names;
  static Path allBad;
  static Path huge;

  @BeforeAll
  static void writeFiles() throws Exception {
    names = dir.resolve("names.csv");
    Files.writeString(names, "user,product,start,end\n"
        + "\"ann\u001b[2J\u001b[31mred\",ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n"
        + "\"bell\u0007\",ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n"
        + "\"two\nlines | 999 | fake row\",ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n");
    allBad = dir.resolve("all-bad.csv");
    Files.writeString(allBad, "user,product,start,end\n"
        + "a,ACD,0001-01-01T09:00:00Z,0001-01-01T17:00:00Z\n"
        + "b,XYZ,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n");
    huge = dir.resolve("huge.log");
    Files.writeString(huge, " 8:00:00 (lmgrd) TIMESTAMP 3/3/2025\n"
        + " 8:00:01 (adskflex) OUT: \"ACD\" ann@ws1  (2147483648 licenses)\n");
  }

  @Test
  void controlCharactersInNamesAreEscapedInTheTable() {
    Cli.Result r = Cli.run("compare", "--usage", names.toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007")
        .contains("ann\\u001b[2J").contains("bell\\u0007").contains("two\\nlines");
    assertThat(r.out().lines()).noneMatch(l -> l.startsWith("lines | 999"));
  }

  @Test
  void whenEveryRowIsRejectedTheReasonsAreShown() {
    Cli.Result r = Cli.run("compare", "--usage", allBad.toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("2 rows rejected")
        .contains(allBad + ":2 [start]: '0001-01-01T09:00:00Z' is outside the plausible dates")
        .contains(allBad + ":3 [product]: unknown product 'XYZ'");
  }

  @Test
  void aHugeLicenceCountIsARejectionNotAnInternalError() {
    Cli.Result r = Cli.run("compare", "--usage", huge.toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("above the plausible maximum of 10000").doesNotContain("internal");
  }

  @Test
  void outOfMemoryNamesTheInputSizeAndTheHeapOption() throws Exception {
    Path big = dir.resolve("big.csv");
    Files.write(big, new byte[3 * 1024 * 1024]);

    String m = Main.outOfMemory(new String[] {"compare", "--usage=" + big}, 256L * 1024 * 1024);

    assertThat(m).contains("input files (3 MB)").contains("Java heap of 256 MB").contains("-Xmx");
  }

  @Test
  void textSafeEscapesEveryControlCharacterAndLeavesTextAlone() {
    assertThat(Text.safe("plain Zürich")).isEqualTo("plain Zürich");
    assertThat(Text.safe("a\u001b[0m\u0085\u202e\tb")).isEqualTo("a\\u001b[0m\\u0085\\u202e\\tb");
  }
}
