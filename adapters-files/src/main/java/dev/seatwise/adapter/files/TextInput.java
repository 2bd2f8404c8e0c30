package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsageImportException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a text file for streaming: recognises a UTF-8 or UTF-16 byte-order mark (and drops it),
 * otherwise reads UTF-8 (malformed bytes become U+FFFD rather than failing). Refuses empty and
 * binary files with a clear message. Stateless.
 */
final class TextInput {
  static final int SNIFF_BYTES = 8192;

  private TextInput() {}

  /** A reader positioned after any BOM. The caller closes it. */
  static BufferedReader open(Path file, String name) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      Charset charset = sniff(in, name);
      return new BufferedReader(reader(in, charset), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new UsageImportException(name + ": file not found", e);
    } catch (IOException e) {
      throw new UsageImportException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The first lines of a file (at most {@code maxLines} within its first {@link #SNIFF_BYTES}
   * characters, the last possibly cut short), for format detection. Fails on empty and binary
   * files. Reads a bounded amount whatever the file holds.
   */
  static java.util.List<String> head(Path file, String name, int maxLines) {
    try (BufferedReader r = open(file, name)) {
      char[] buf = new char[SNIFF_BYTES];
      int n = 0;
      int read;
      while (n < buf.length && (read = r.read(buf, n, buf.length - n)) > 0) {
        n += read;
      }
      java.util.List<String> lines = new java.util.ArrayList<>();
      for (String line : new String(buf, 0, n).split("\r?\n|\r", -1)) {
        if (lines.size() == maxLines) {
          break;
        }
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(InputStream in, Charset charset) {
    return new InputStreamReader(
        in,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /** Reads the BOM (consuming it) and checks the first bytes for emptiness and binary content. */
  private static Charset sniff(InputStream in, String name) throws IOException {
    in.mark(SNIFF_BYTES + 4);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    if (head.length == 0) {
      throw new UsageImportException(name + ": the file is empty (0 bytes)");
    }
    Charset charset = StandardCharsets.UTF_8;
    int bom = 0;
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      bom = 3;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      checkNotBinary(head, bom, name);
    }
    if (head.length == bom || isBlank(head, bom, charset)) {
      throw new UsageImportException(name + ": the file is empty (no text, only blank lines)");
    }
    in.skipNBytes(bom);
    return charset;
  }

  private static boolean isBlank(byte[] head, int from, Charset charset) {
    if (head.length == SNIFF_BYTES) {
      return false;
    }
    return new String(head, from, head.length - from, charset).isBlank();
  }

  /**
   * Text files hold no NUL bytes and few control characters; a file that does is refused rather
   * than parsed into thousands of nonsense rejections.
   */
  private static void checkNotBinary(byte[] head, int from, String name) {
    int control = 0;
    for (int i = from; i < head.length; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        throw binary(name, "it contains NUL bytes");
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        control++;
      }
    }
    if (control * 20 > head.length - from) {
      throw binary(name, control + " control characters in the first " + head.length + " bytes");
    }
  }

  private static UsageImportException binary(String name, String why) {
    return new UsageImportException(
        name
            + ": this looks like a binary file, not text ("
            + why
            + "); export the data as CSV or pass the plain-text log");
  }

  /**
   * Whether the file starts like a zip archive ({@code PK\3\4}), as every .xlsx workbook does.
   * Kept apart from {@link XlsxTable} so that text files never load Apache POI.
   */
  static boolean isZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(4);
      return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }
}
