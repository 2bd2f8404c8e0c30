package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.SeatSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.seatwise.application.port.out.FileReport;

/** The line loop the licence-server status readers share ({@link StatusSnapshots#read}). */
class StatusSnapshotsTest {
  /** An LM-X banner followed by 10,000 lines that are no rows: the ledger never sees a row. */
  private static Path manyLinesWithoutRows(Path dir) throws IOException {
    Path f = dir.resolve("lmx.txt");
    Files.writeString(f, BANNER + "\n" + "\n".repeat(10_000));
    return f;
  }

  @Test
  void aCancelledReadStopsEvenWhenNoLineIsARow(@TempDir Path dir) throws IOException {
    Path f = manyLinesWithoutRows(dir);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> FileUsageAdapter.readFile(f, Fixtures.resolver()))
          .isInstanceOf(CancellationException.class)
          .hasMessageContaining("lmx.txt: reading was cancelled");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void withoutCancellationTheSameFileIsReadToTheEnd(@TempDir Path dir) throws IOException {
    FileImport i = FileUsageAdapter.readFile(manyLinesWithoutRows(dir), Fixtures.resolver());
    assertThat(Imports.report(i).rowsRead()).isZero();
  }

  private static FileImport read(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-05-06T07:08:09Z")));
    return FileUsageAdapter.readFile(f, Fixtures.resolver());
  }

  private static final String BANNER = "LM-X License Server on 6200@licserv:";

  /** An LM-X output of these lines, its file dated 2024-05-06T07:08:09Z. */
  private static FileImport lmx(Path dir, String... lines) throws IOException {
    return read(dir, "lmx.txt", String.join("\n", lines) + "\n");
  }

  /** The two lines of an LM-X feature block: its name and its {@code U of N} totals. */
  private static String feature(String name, String totals) {
    return "Feature: " + name + " Version: 1 Vendor: X\n" + totals + " license(s) used";
  }

  @Test
  void countsAreBoundedByLimitsAndEveryRowIsCounted(@TempDir Path dir) throws IOException {
    FileImport i = lmx(dir, BANNER,
        feature("A", "0 of 2147483646"), // 2-3: above MAX_STATUS_COUNT and not the marker
        feature("B", "2147483647 of 5"), // 4-5: the marker means nothing as an in-use count
        feature("C", "7 of 100000000"), // 6-7: the largest count allowed
        "0 license(s) used by u1@h1", // 8: a check-out holds at least 1
        "100000001 license(s) used by u2@h2", // 9
        "7 license(s) used by u3@h3", // 10
        "Login time: 1970-01-01 00:00   Checkout time: 1970-01-01 00:00"); // 11
    assertThat(Imports.rejections(i)).containsExactly(
        "3 [issued]: count out of range: 0 of 2147483646 license(s) used",
        "2 [issued]: no 'N of M license(s) used' line for feature A",
        "5 [in use]: count out of range: 2147483647 of 5 license(s) used",
        "4 [issued]: no 'N of M license(s) used' line for feature B",
        "8 [count]: not a check-out count from 1 to 100000000: '0'",
        "9 [count]: not a check-out count from 1 to 100000000: '100000001'",
        "11 [checkout time]: '1970-01-01 00:00' is outside the plausible dates 1990-01-01 to 2100-12-31");
    FileReport r = Imports.report(i);
    // rows: 3 totals lines, 3 check-out lines, 1 bad time line; 2 feature lines without totals
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.rowsRead()).isEqualTo(r.accepted() + r.rejected()).isEqualTo(9);
    assertThat(i.usage().snapshots()).singleElement().satisfies(s -> {
      assertThat(s.issued()).isEqualTo(Limits.MAX_STATUS_COUNT);
      assertThat(s.checkouts()).singleElement().satisfies(c -> {
        assertThat(c.count()).isEqualTo(7);
        assertThat(c.since()).isEmpty(); // the check-out stays, without its rejected time
      });
    });
  }

  @Test
  void anUnlimitedFeatureListedTwiceStaysUnlimited(@TempDir Path dir) throws IOException {
    FileImport i = lmx(dir, BANNER, feature("D", "0 of 5"), feature("D", "1 of 2147483647"),
        "1 license(s) used by u1@h1");
    assertThat(Imports.report(i).rejected()).isZero();
    assertThat(i.usage().snapshots()).extracting(SeatSnapshot::totals).containsExactly(
        new SeatSnapshot(Instant.parse("2024-05-06T07:08:09Z"), "D", java.util.Optional.empty(),
            Limits.UNLIMITED_ISSUED, 1));
    assertThat(i.notes()).extracting(n -> n.line() + ": " + n.message()).contains("5: issued 2147483647"
        + " (2^31 - 1) is the licence server's marker for an unlimited count, not a number of"
        + " licences: D read as unlimited, issued kept as 2147483647 (no licence limit to size"
        + " against)");
  }

  @Test
  void aDateLineOutsideThePlausibleDatesDatesNothing(@TempDir Path dir) throws IOException {
    FileImport i = lmx(dir, "1970-01-01T00:00:00Z", BANNER, feature("A", "0 of 5"));
    assertThat(i.usage().snapshots()).singleElement()
        .satisfies(s -> assertThat(s.at()).isEqualTo("2024-05-06T07:08:09Z"));
    assertThat(i.notes()).extracting(n -> n.line() + ": " + n.message()).first().isEqualTo(
        "1: '1970-01-01T00:00:00Z' is not a date from 1990-01-01 to 2100-12-31; the line"
            + " dates nothing");
    assertThat(Imports.report(i).accepted()).isEqualTo(1);
  }

  @Test
  void dslsCountsAboveTheLimitAreRejectedAsSuchAndLongLinesAreQuotedShort(@TempDir Path dir)
      throws IOException {
    String header = "Editor,EditorId,Feature,Model,Commercial Type,Max Release Number,Max Release Date,"
        + "Pricing Structure,Max Casual Duration,Expiration Date,Customer ID,Count,Inuse,Tokens,"
        + "Casual Usage (mn),Host,User";
    String row = "Dassault Systemes,5E756A80,%s,Token,STD,8,2025-01-01 00:59:00,YLC,0,2025-01-01 00:59:00,10001723,%s";
    FileImport i = read(dir, "dsls.txt", String.join("\n",
        "License Administration Tool Version 6.425.4",
        header,
        row.formatted("PAC", "100000001,0,"),
        row.formatted("PAJ", "6,0,"),
        row.formatted("PW7", "2000,2,0,,nid001627 (263.0)/127.0.0.1,user_1"),
        "x".repeat(300),
        ""));
    assertThat(Imports.rejections(i)).containsExactly(
        "3 [Count]: out of range 0 to 100000000: '100000001'",
        "5 [Tokens]: not a check-out count from 1 to 100000000: '0'",
        "6: too few fields (1) for a usage row: " + "x".repeat(200) + "... (300 characters)");
    assertThat(Imports.report(i).accepted()).isEqualTo(1);
  }
}
