package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.domain.usage.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SessionsCsvProperties {
  @TempDir Path dir;

  private List<Session> roundTrip(List<Session> sessions) {
    try {
      Path file = Files.createTempFile(dir, "sessions", ".csv");
      try (SessionsCsvWriter w = SessionsCsvWriter.to(file)) {
        w.writeAll(sessions);
      }
      return FileUsageAdapter.readFile(file, Fixtures.resolver()).usage().log().sessions();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void sessionsWrittenThenReadBackAreUnchanged() {
    qt().withExamples(200).forAll(lists().of(SessionGens.sessions()).ofSizeBetween(1, 25))
        .checkAssert(sessions -> assertThat(roundTrip(sessions)).isEqualTo(sessions));
  }

  /** A row: either a good session or one of the corrupt shapes the reader must reject. */
  private static Gen<String> rows() {
    Gen<String> good = SessionGens.sessions().map(s -> "u" + Math.abs(s.user().value().hashCode())
        + "," + s.product() + "," + s.start() + "," + s.end());
    Gen<String> bad = Generate.pick(List.of(
        ",ACD,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z",
        "x,Photoshop,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z",
        "x,ACD,soon,2026-01-01T01:00:00Z",
        "x,ACD,2026-01-01T02:00:00Z,2026-01-01T01:00:00Z",
        "x,ACD",
        "\"x\",\"\",\"\",\"\""));
    return Generate.oneOf(good, bad);
  }

  @Test
  void everyNonBlankRowIsCountedOnceAsAcceptedOrRejected() {
    qt().withExamples(200).forAll(lists().of(rows()).ofSizeBetween(1, 40)).checkAssert(rows -> {
      try {
        Path file = Files.createTempFile(dir, "mixed", ".csv");
        List<String> lines = new ArrayList<>();
        lines.add("user,product,start,end");
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
        FileReport r = FileUsageAdapter.readFile(file, Fixtures.resolver()).usage().report().files().get(0);
        assertThat(r.rowsRead()).isEqualTo(rows.size());
        assertThat(r.accepted() + r.rejected()).isEqualTo(r.rowsRead());
        assertThat(r.rejections()).allSatisfy(x -> assertThat(x.line()).isBetween(2L, rows.size() + 1L));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
