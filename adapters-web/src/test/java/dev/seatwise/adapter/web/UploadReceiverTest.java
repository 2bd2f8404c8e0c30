package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.usage.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadReceiverTest {
  @TempDir Path tmp;

  @Test
  void aClientFileNameBecomesALabelWithoutFoldersOrControlCharacters() {
    assertThat(UploadReceiver.label("../../etc/passwd", "usage-1")).isEqualTo("passwd");
    assertThat(UploadReceiver.label("C:\\Users\\a\\usage.csv", "usage-1")).isEqualTo("usage.csv");
    assertThat(UploadReceiver.label("a\u0000b\r\nc.csv", "usage-1")).isEqualTo("abc.csv");
    assertThat(UploadReceiver.label("..", "usage-1")).isEqualTo("usage-1");
    assertThat(UploadReceiver.label(null, "usage-2")).isEqualTo("usage-2");
    assertThat(UploadReceiver.label("x".repeat(300), "u")).hasSize(120);
  }

  @Test
  void textWithAMultiByteCharacterCutAtTheSampleEndIsAccepted() throws Exception {
    byte[] head = new byte[UploadReceiver.SNIFF_BYTES + 10];
    Arrays.fill(head, (byte) 'a');
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
    System.arraycopy(euro, 0, head, UploadReceiver.SNIFF_BYTES - 1, euro.length);
    Path file = Files.write(tmp.resolve("cut.csv"), head);
    assertThatCode(() -> UploadReceiver.requireText(file, "cut.csv")).doesNotThrowAnyException();
  }

  @Test
  void nulBytesAndInvalidUtf8AreRefusedButUtf16WithABomIsText() throws Exception {
    Path nul = Files.write(tmp.resolve("nul.csv"), new byte[] {'a', 0, 'b'});
    assertThatThrownBy(() -> UploadReceiver.requireText(nul, "nul.csv"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(415));
    Path latin = Files.write(tmp.resolve("l.csv"), "Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> UploadReceiver.requireText(latin, "l.csv")).isInstanceOf(ApiProblem.class);
    byte[] utf16 = "\uFEFFuser,product\n".getBytes(StandardCharsets.UTF_16LE);
    Path wide = Files.write(tmp.resolve("w.csv"), utf16);
    assertThatCode(() -> UploadReceiver.requireText(wide, "w.csv")).doesNotThrowAnyException();
  }

  @Test
  void hourlyPeaksTreatSessionsAsHalfOpen() {
    Instant origin = Instant.parse("2025-01-06T00:00:00Z");
    List<Session> sessions =
        List.of(
            Session.of("a", "ACD", origin.plusSeconds(3600), origin.plusSeconds(7200)),
            Session.of("b", "ACD", origin.plusSeconds(7200), origin.plusSeconds(9000)),
            Session.of("c", "ACD", origin.plusSeconds(7300), origin.plusSeconds(7400)));
    long[] peaks = ChartExtras.hourlyPeaks(sessions, origin, 4);
    assertThat(peaks).containsExactly(0, 1, 2, 0);
  }
}
