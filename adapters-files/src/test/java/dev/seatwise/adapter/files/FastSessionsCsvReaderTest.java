package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.UsageImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastSessionsCsvReaderTest {
  @TempDir Path dir;

  @Test
  void aFileLargerThanTheBufferReadsLikeTheStandardReader() throws IOException {
    StringBuilder sb = new StringBuilder("user,product,start,end\n");
    Instant t = Instant.parse("2025-01-06T08:00:00Z");
    for (int i = 0; i < 60_000; i++) {
      Instant s = t.plusSeconds(i * 97L);
      sb.append("user").append(i % 977).append("@example.com,")
          .append(i % 3 == 0 ? "ACD" : "Revit").append(',')
          .append(s).append(',').append(s.plusSeconds(3600 + i % 7)).append('\n');
    }
    Path f = dir.resolve("big.csv");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    assertThat(Files.size(f)).isGreaterThan(2L << 20);
    FastSessionsCsvReaderProperties.assertSameAsStandardReader(f, ImportOptions.defaults());
    SessionTableImport read = new FastSessionsCsvReader().read(f, "big.csv",
        FastSessionsCsvReaderProperties.RESOLVER, ImportOptions.defaults());
    assertThat(read.sessions().size()).isEqualTo(60_000);
    assertThat(read.sessions().users()).hasSize(977);
    assertThat(read.report().rowsRead()).isEqualTo(60_000);
  }

  @Test
  void aQuotedFieldSpanningLinesKeepsLineNumbersInStep() throws IOException {
    Path f = dir.resolve("q.csv");
    Files.writeString(f, "user,product,start,end\n\"a\nb\",ACD,2025-01-06T08:00:00Z,2025-01-06T09:00:00Z\n"
        + "bob,MAYA,2025-01-06T08:00:00Z,2025-01-06T09:00:00Z\n\"x\"\"y\",ACD,bad,2025-01-06T09:00:00Z\n");
    FastSessionsCsvReaderProperties.assertSameAsStandardReader(f, ImportOptions.defaults());
  }

  @Test
  void emptyHeaderOnlyAndUtf16FilesBehaveAsInTheStandardReader() throws IOException {
    Path empty = dir.resolve("e.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> new FastSessionsCsvReader().read(empty,
            FastSessionsCsvReaderProperties.RESOLVER, ImportOptions.defaults()))
        .isInstanceOf(UsageImportException.class);
    Path header = dir.resolve("h.csv");
    Files.writeString(header, "user,product,start,end\n\n");
    FastSessionsCsvReaderProperties.assertSameAsStandardReader(header, ImportOptions.defaults());
    Path utf16 = dir.resolve("u.csv");
    Files.write(utf16, ("\uFEFFuser,product,start,end\nann,ACD,2025-01-06T08:00:00Z,"
        + "2025-01-06T09:00:00Z\n").getBytes(StandardCharsets.UTF_16LE));
    FastSessionsCsvReaderProperties.assertSameAsStandardReader(utf16, ImportOptions.defaults());
    Path missing = dir.resolve("m.csv");
    Files.writeString(missing, "user,product,start\nann,ACD,2025-01-06T08:00:00Z\n");
    FastSessionsCsvReaderProperties.assertSameAsStandardReader(missing, ImportOptions.defaults());
  }

  @Test
  void byteKeysFindEveryKeyAddedAndNothingElse() {
    FastSessionsCsvReader.ByteKeys keys = new FastSessionsCsvReader.ByteKeys();
    java.util.List<byte[]> added = new java.util.ArrayList<>();
    String longPrefix = "x".repeat(47);
    for (int i = 0; i < 5000; i++) {
      String k = switch (i % 4) {
        case 0 -> "u" + i + "@example.com";
        case 1 -> longPrefix + i;
        case 2 -> "x".repeat(i % 90) + "|" + i;
        default -> Integer.toString(i);
      };
      byte[] b = ("##" + k + "##").getBytes(StandardCharsets.UTF_8);
      assertThat(keys.find(b, 2, b.length - 2)).isEqualTo(-1);
      assertThat(keys.add(b, 2, b.length - 2)).isEqualTo(i);
      added.add(b);
    }
    for (int i = 0; i < added.size(); i++) {
      byte[] b = added.get(i);
      assertThat(keys.find(b, 2, b.length - 2)).isEqualTo(i);
      assertThat(keys.find(b, 2, b.length - 3)).isNotEqualTo(i);
    }
    byte[] other = (longPrefix + "999999").getBytes(StandardCharsets.UTF_8);
    assertThat(keys.find(other, 0, other.length)).isEqualTo(-1);
  }

  @Test
  void epochDaysMatchTheCalendar() {
    for (int y = 1900; y < 2200; y += 7) {
      for (int m = 1; m <= 12; m++) {
        java.time.LocalDate d = java.time.LocalDate.of(y, m, 28);
        assertThat(FastSessionsCsvReader.epochDayForTest(y, m, 28)).isEqualTo(d.toEpochDay());
      }
    }
  }
}
