package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.jetty.server.MultiPartParser;
import org.junit.jupiter.api.Test;

/**
 * {@link MultipartReader} reads what Jetty's {@code MultiPartParser} (which read one-shot uploads
 * before it) reads: the same parts, headers and bytes, on random bodies (preamble, epilogue, CRLF
 * or LF line ends, transport padding, empty parts, content full of CR, LF, dashes and pieces of
 * the delimiter, non-ASCII file names) cut into random reads, so that delimiters and header lines
 * fall across the edges of the stream's reads and of the reader's buffer. Then the hand-made cases:
 * the boundary split at every byte, a wrong boundary, a body cut short, the cap, a header line too
 * long, an empty file.
 */
class MultipartReaderProperties {
  /** What a parser saw: per part, its headers (lower-case names) and its bytes. */
  record Parsed(List<Map<String, String>> headers, List<byte[]> contents) {
    boolean sameAs(Parsed o) {
      if (!headers.equals(o.headers) || contents.size() != o.contents.size()) {
        return false;
      }
      for (int i = 0; i < contents.size(); i++) {
        if (!java.util.Arrays.equals(contents.get(i), o.contents.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** A body made from a seed, with its boundary and the parts it was made of. */
  record Body(String boundary, byte[] bytes, List<byte[]> intended, long seed) {}

  private static final String BCHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";

  static Body body(long seed) {
    Random r = new Random(seed);
    int bl = 1 + r.nextInt(r.nextBoolean() ? 8 : 70);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < bl; i++) {
      b.append(BCHARS.charAt(r.nextInt(BCHARS.length())));
    }
    String boundary = b.toString();
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<byte[]> intended = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      // preamble text, the boundary in it too (not after a CRLF: not a delimiter), then the first
      out.writeBytes(("preamble " + r.nextInt() + " --" + boundary + " \n\r").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(delimiter);
    } else {
      out.writeBytes(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
    }
    int parts = r.nextInt(5);
    String[] names = {"a.csv", "usage.csv", "Jos\u00e9 \u20ac.csv", "C:\\x\\y.csv", "q\\\"uoted.csv", "../../etc/passwd"};
    for (int p = 0; p < parts; p++) {
      out.writeBytes(padding(r).getBytes(StandardCharsets.ISO_8859_1));
      String eol = r.nextBoolean() ? "\r\n" : "\n";
      out.writeBytes(eol.getBytes(StandardCharsets.ISO_8859_1));
      String disposition =
          (r.nextBoolean() ? "Content-Disposition" : "content-disposition")
              + ":" + (r.nextBoolean() ? " " : "  ")
              + "form-data; name=\"usage\"; filename=\"" + names[r.nextInt(names.length)] + "\"";
      out.writeBytes((disposition + eol).getBytes(StandardCharsets.UTF_8));
      if (r.nextBoolean()) {
        out.writeBytes(("Content-Type: text/csv" + (r.nextBoolean() ? "  " : "") + eol).getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(eol.getBytes(StandardCharsets.ISO_8859_1));
      byte[] content = content(r, delimiter);
      intended.add(content);
      out.writeBytes(content);
      out.writeBytes(delimiter);
    }
    out.writeBytes("--".getBytes(StandardCharsets.ISO_8859_1));
    if (r.nextBoolean()) {
      out.writeBytes(("\r\nepilogue " + r.nextInt() + "\r\n--" + boundary + "\r\nnot a part").getBytes(StandardCharsets.ISO_8859_1));
    }
    return new Body(boundary, out.toByteArray(), intended, seed);
  }

  private static String padding(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> " ";
      case 1 -> " \t ";
      default -> "";
    };
  }

  /** Content of random length, full of CR, LF, dashes and pieces of the delimiter (never all of it). */
  private static byte[] content(Random r, byte[] delimiter) {
    int size = switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(20);
      case 2 -> r.nextInt(2_000);
      default -> r.nextInt(600_000);
    };
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    byte[] text = "user,product,start,end\n0123456789-abcdef,\u00e9".getBytes(StandardCharsets.UTF_8);
    while (c.size() < size) {
      switch (r.nextInt(8)) {
        case 0 -> c.writeBytes(java.util.Arrays.copyOf(delimiter, 1 + r.nextInt(delimiter.length - 1)));
        case 1 -> c.write('\r');
        case 2 -> c.write('\n');
        case 3 -> c.write('-');
        case 4 -> c.write(r.nextInt(256));
        default -> c.write(text, 0, 1 + r.nextInt(text.length - 1));
      }
    }
    byte[] bytes = c.toByteArray();
    // the delimiter must not occur in the content (RFC 2046): cut it where it would
    for (int i = 0; i + delimiter.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
        return java.util.Arrays.copyOf(bytes, i);
      }
    }
    // nor may it end with the delimiter's beginning before the closing one follows
    return bytes;
  }

  /** Reads {@code body} through a stream whose reads return random lengths. */
  static Parsed ours(Body body, long seed, long maxBytes) throws IOException {
    Random r = new Random(seed);
    InputStream in = new InputStream() {
      int at;

      @Override
      public int read() {
        return at < body.bytes().length ? body.bytes()[at++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= body.bytes().length) {
          return -1;
        }
        int max = r.nextInt(4) == 0 ? 1 + r.nextInt(8) : 1 + r.nextInt(r.nextBoolean() ? 300 : 300_000);
        int n = Math.min(Math.min(len, max), body.bytes().length - at);
        System.arraycopy(body.bytes(), at, b, off, n);
        at += n;
        return n;
      }
    };
    List<Map<String, String>> headers = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    ByteArrayOutputStream[] current = new ByteArrayOutputStream[1];
    new MultipartReader(body.boundary(), maxBytes, () -> new IllegalStateException("too large"))
        .read(in, new MultipartReader.Handler() {
          @Override
          public void startPart(Map<String, String> h) {
            headers.add(h);
            current[0] = new ByteArrayOutputStream();
          }

          @Override
          public void content(byte[] bytes, int offset, int length) {
            current[0].write(bytes, offset, length);
          }

          @Override
          public void endPart() {
            contents.add(current[0].toByteArray());
            current[0] = null;
          }
        });
    return new Parsed(headers, contents);
  }

  /** Reads {@code body} with Jetty's parser, fed in random slices. */
  static Parsed jetty(Body body, long seed) {
    Random r = new Random(seed);
    List<Map<String, String>> headers = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    Map<String, String> h = new HashMap<>();
    ByteArrayOutputStream[] current = new ByteArrayOutputStream[1];
    boolean[] complete = new boolean[1];
    MultiPartParser parser = new MultiPartParser(new MultiPartParser.Handler() {
      @Override
      public void startPart() {
        h.clear();
      }

      @Override
      public void parsedField(String name, String value) {
        h.put(name.toLowerCase(Locale.ENGLISH), value);
      }

      @Override
      public boolean headerComplete() {
        headers.add(new HashMap<>(h));
        current[0] = new ByteArrayOutputStream();
        return false;
      }

      @Override
      public boolean content(ByteBuffer buffer, boolean last) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        current[0].writeBytes(b);
        if (last) {
          contents.add(current[0].toByteArray());
        }
        return false;
      }

      @Override
      public boolean messageComplete() {
        complete[0] = true;
        return true;
      }
    }, body.boundary());
    byte[] all = body.bytes();
    int at = 0;
    while (at < all.length) {
      int n = Math.min(all.length - at, r.nextInt(4) == 0 ? 1 + r.nextInt(8) : 1 + r.nextInt(70_000));
      if (parser.parse(ByteBuffer.wrap(java.util.Arrays.copyOfRange(all, at, at + n)), false)) {
        break;
      }
      at += n;
    }
    if (!complete[0]) {
      parser.parse(ByteBuffer.allocate(0), true);
    }
    return new Parsed(headers, contents);
  }

  @Test
  void readsWhatJettysParserReadsOnRandomBodiesAndReads() {
    qt().withExamples(300)
        .forAll(longs().all(), longs().all())
        .checkAssert(
            (seed, split) -> {
              Body body = body(seed);
              Parsed expected = jetty(body, split);
              Parsed actual;
              try {
                actual = ours(body, split, Long.MAX_VALUE);
              } catch (IOException e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
              }
              assertThat(actual.sameAs(expected)).as("seed %d split %d: %s vs %s", seed, split,
                  actual.headers(), expected.headers()).isTrue();
              // and the parts are the ones the body was made of
              assertThat(actual.contents()).hasSameSizeAs(body.intended());
              for (int i = 0; i < body.intended().size(); i++) {
                assertThat(actual.contents().get(i)).as("seed %d part %d", seed, i).isEqualTo(body.intended().get(i));
              }
            });
  }

  @Test
  void theEightBytesAStepSearchFindsTheFirstCrAsAByteByByteSearchDoes() {
    qt().withExamples(2000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              byte[] a = new byte[r.nextInt(200)];
              for (int i = 0; i < a.length; i++) {
                // mostly other bytes, some CRs, and bytes one off a CR (0x0C, 0x0E) and 0x8D
                int k = r.nextInt(20);
                a[i] = (byte) (k == 0 ? '\r' : k == 1 ? 0x0C : k == 2 ? 0x0E : k == 3 ? 0x8D : 'a' + r.nextInt(26));
              }
              int from = a.length == 0 ? 0 : r.nextInt(a.length + 1);
              int to = from + r.nextInt(a.length - from + 1);
              int naive = -1;
              for (int i = from; i < to; i++) {
                if (a[i] == '\r') {
                  naive = i;
                  break;
                }
              }
              assertThat(MultipartReader.indexOfCr(a, from, to)).as("seed %d", seed).isEqualTo(naive);
            });
  }

  private static Body fixed(String boundary, String text) {
    return new Body(boundary, text.getBytes(StandardCharsets.UTF_8), List.of(), 0);
  }

  @Test
  void aDelimiterSplitAtEveryByteIsFound() throws IOException {
    String text = "--b0undary\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"a.csv\"\r\n\r\n"
        + "x,y\r\n-\r\n--b0und\r\n--b0undar\r\n--b0undary--\r\n";
    byte[] all = text.getBytes(StandardCharsets.UTF_8);
    for (int cut = 1; cut < all.length; cut++) {
      int c = cut;
      InputStream in = new InputStream() {
        int at;

        @Override
        public int read() {
          return at < all.length ? all[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (at >= all.length) {
            return -1;
          }
          int end = at < c ? c : all.length;
          int n = Math.min(len, end - at);
          System.arraycopy(all, at, b, off, n);
          at += n;
          return n;
        }
      };
      List<String> parts = new ArrayList<>();
      new MultipartReader("b0undary", 1 << 20, () -> new IllegalStateException()).read(in, collect(parts));
      assertThat(parts).as("cut at %d", cut).containsExactly("x,y\r\n-\r\n--b0und\r\n--b0undar");
    }
  }

  @Test
  void emptyFilesLfLineEndsPaddingAndNoPreambleCrlf() throws IOException {
    List<String> parts = new ArrayList<>();
    String text = "--xyz  \nContent-Disposition: form-data; name=\"usage\"; filename=\"e.csv\"\n\n"
        + "--xyz\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"f.csv\"\r\n\r\n\r\n--xyz--";
    read("xyz", text, parts, 1 << 20);
    assertThat(parts).containsExactly("", "");
    assertThat(ours(fixed("xyz", text), 1, 1 << 20).headers().get(0))
        .containsEntry("content-disposition", "form-data; name=\"usage\"; filename=\"e.csv\"");
  }

  @Test
  void aWrongBoundaryACutBodyOrNoClosingDelimiterIsMalformed() {
    String good = "--xyz\r\nContent-Disposition: form-data; name=\"usage\"\r\n\r\na\r\n--xyz--\r\n";
    assertThatThrownBy(() -> read("abc", good, new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Missing initial multi part boundary");
    assertThatThrownBy(() -> read("xyz", good.substring(0, 50), new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Incomplete Multipart");
    assertThatThrownBy(() -> read("xyz", good.replace("--xyz--", "--xyz"), new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Incomplete Multipart");
    assertThatThrownBy(() -> read("xyz", "", new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Missing initial multi part boundary");
    assertThatThrownBy(() -> new MultipartReader("", 10, IllegalStateException::new))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> new MultipartReader("x".repeat(71), 10, IllegalStateException::new))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theCapHeaderLimitsAndControlCharactersAreRefused() {
    String big = "--xyz\r\nContent-Disposition: form-data; name=\"usage\"\r\n\r\n" + "a".repeat(5000) + "\r\n--xyz--";
    assertThatThrownBy(() -> read("xyz", big, new ArrayList<>(), 4096))
        .isInstanceOf(IllegalStateException.class).hasMessage("too large");
    String longLine = "--xyz\r\nContent-Disposition: form-data; name=\"" + "u".repeat(2000) + "\"\r\n\r\na\r\n--xyz--";
    assertThatThrownBy(() -> read("xyz", longLine, new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Max Length");
    String manyHeaders = "--xyz\r\n" + "X-A: b\r\n".repeat(3000) + "\r\na\r\n--xyz--";
    assertThatThrownBy(() -> read("xyz", manyHeaders, new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("headers longer");
    String nul = "--xyz\r\nContent-Disposition: form-data; name=\"u\0\"\r\n\r\na\r\n--xyz--";
    assertThatThrownBy(() -> read("xyz", nul, new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Illegal character");
    String noColon = "--xyz\r\nContent-Disposition form-data\r\n\r\na\r\n--xyz--";
    assertThatThrownBy(() -> read("xyz", noColon, new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Bad multipart header");
    String badEol = "--xyz\r \r\nContent-Disposition: form-data\r\n\r\na\r\n--xyz--";
    assertThatThrownBy(() -> read("xyz", badEol, new ArrayList<>(), 1 << 20))
        .isInstanceOf(IOException.class).hasMessageContaining("Bad EOL");
  }

  @Test
  void manyPartsAreHandedOverInOrder() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      b.append("--q\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"").append(i).append(".csv\"\r\n\r\n").append(i).append("\r\n");
    }
    b.append("--q--\r\n");
    List<String> parts = new ArrayList<>();
    read("q", b.toString(), parts, 1 << 20);
    assertThat(parts).hasSize(100).startsWith("0", "1").endsWith("99");
  }

  private static void read(String boundary, String text, List<String> parts, long max) throws IOException {
    new MultipartReader(boundary, max, () -> new IllegalStateException("too large"))
        .read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), collect(parts));
  }

  private static MultipartReader.Handler collect(List<String> parts) {
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    return new MultipartReader.Handler() {
      @Override
      public void startPart(Map<String, String> headers) {
        current.reset();
      }

      @Override
      public void content(byte[] bytes, int offset, int length) {
        current.write(bytes, offset, length);
      }

      @Override
      public void endPart() {
        parts.add(current.toString(StandardCharsets.UTF_8));
      }
    };
  }
}
