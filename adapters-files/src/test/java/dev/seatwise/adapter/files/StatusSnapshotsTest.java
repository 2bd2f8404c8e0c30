package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line loop the licence-server status readers share ({@link StatusSnapshots#read}). */
class StatusSnapshotsTest {
  /** An LM-X banner followed by 10,000 lines that are no rows: the ledger never sees a row. */
  private static Path manyLinesWithoutRows(Path dir) throws IOException {
    Path f = dir.resolve("lmx.txt");
    Files.writeString(f, "LM-X License Server on 6200@licserv0013.com:\n" + "\n".repeat(10_000));
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
}
