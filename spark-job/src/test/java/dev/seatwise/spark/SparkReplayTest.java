package dev.seatwise.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job's core in {@code local[2]} against the single-machine replay of the same file,
 * figure by figure. Small batches (a few thousand rows) make each partition replay several batches
 * of whole users, so the job's partitioning and sort by user are load-bearing here.
 */
class SparkReplayTest {
  private static final Path ACME = Path.of("..", "examples", "acme-sessions.csv");
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder()
        .appName("seatwise-replay-test")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void reproducesTheSingleMachineFiguresOnTheAcmeYear() {
    assertThat(ACME).isRegularFile();

    SparkReplay.Result result = SparkReplay.run(spark, ACME, "autodesk", 3, 2_000);
    Figures single = SingleMachineReplay.run(ACME, "autodesk");

    Figures f = result.figures();
    assertThat(result.partitions()).isEqualTo(3);
    assertThat(single.sessions()).isEqualTo(57_601);
    assertThat(single.rejected()).isZero();
    assertThat(f.differences(single)).isEmpty();
    assertThat(f.sessions()).isEqualTo(single.sessions());
    assertThat(f.rejected()).isEqualTo(single.rejected());
    assertThat(f.users()).isEqualTo(single.users());
    assertThat(f.groups()).isEqualTo(single.groups());
    assertThat(f.windows()).isEqualTo(single.windows());
    assertThat(f.tokens()).isEqualTo(single.tokens());
    assertThat(f.daysUsed()).isEqualTo(single.daysUsed());
    assertThat(f.allNamedUsd()).isEqualTo(single.allNamedUsd());
    assertThat(f.allFlexUsd()).isEqualTo(single.allFlexUsd());
    assertThat(f.optimalUsd()).isEqualTo(single.optimalUsd()).doesNotStartWith("refused");
  }

  @Test
  void rejectsTheRowsTheSingleMachineReaderRejectsForTheSameReasons(@TempDir Path dir)
      throws IOException {
    List<String> acme = Files.readAllLines(ACME, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("   ");                                       // blank records before the header
    lines.add(acme.get(0));
    lines.addAll(acme.subList(1, 3_001));
    lines.add(",ACD,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z");                 // no user
    lines.add("bad.one@acme.example,,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z"); // no product
    lines.add("bad.two@acme.example,NOPE,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z");
    lines.add("bad.three@acme.example,ACD,2025-13-03T08:00:00Z,2025-03-03T09:00:00Z");
    lines.add("bad.four@acme.example,ACD,2025-03-03T08:00:00Z,yesterday");
    lines.add("bad.five@acme.example,ACD,2025-03-03T10:00:00Z,2025-03-03T09:00:00Z");
    lines.add("bad.six@acme.example,ACD,1600-03-03T08:00:00Z,2025-03-03T09:00:00Z");
    lines.add("bad.seven@acme.example,ACD,2025-03-03T08:00:00Z");                // short row
    lines.add(" , , , ");                                    // blank record: skipped, not rejected
    lines.add("\"quoted, user\",\"AutoCAD\",2025-03-03 08:00:00,2025-03-03T09:30:00+01:00");
    lines.add("  padded.user@acme.example , RVT ,2025-03-04T08:00:00Z, 2025-03-04T12:00:00Z ");
    lines.addAll(acme.subList(3_001, 6_001));
    Path csv = dir.resolve("with-bad-rows.csv");
    Files.write(csv, lines, StandardCharsets.UTF_8);

    SparkReplay.Result result = SparkReplay.run(spark, csv, "autodesk", 2, 1_000);
    Figures single = SingleMachineReplay.run(csv, "autodesk");

    Figures f = result.figures();
    assertThat(single.rejected()).isEqualTo(8);
    assertThat(single.sessions()).isEqualTo(6_002);
    assertThat(f.rejected()).isEqualTo(8);
    assertThat(f.rejections()).isEqualTo(single.rejections());
    assertThat(f.rejections()).containsKeys(
        "user: missing value", "product: missing value", "product: unknown product 'NOPE'",
        "end: not an ISO-8601 date-time: 'yesterday'");
    assertThat(f.differences(single)).isEmpty();
  }
}
