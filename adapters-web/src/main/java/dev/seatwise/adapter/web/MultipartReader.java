package dev.seatwise.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1), read
 * from the request's stream into one buffer of {@link #BUFFER_BYTES} and handed to a {@link
 * Handler} part by part, as the bytes arrive: the part's headers, then its content in slices of
 * the buffer (never copied), then its end. Nothing is written or kept.
 *
 * <p>It reads what Jetty's {@code MultiPartParser} reads, so that a body answers the same whichever
 * reads it: a preamble before the first delimiter is skipped (the first may come without the CRLF
 * before it), transport padding after a delimiter is skipped to the end of its line, header lines
 * and the line after a delimiter may end in CRLF or LF alone, header names are case-insensitive and
 * values UTF-8 with surrounding white space dropped, a part whose headers are directly followed by
 * the delimiter (no CRLF) is empty, and the epilogue after the closing delimiter is never read.
 *
 * <p>The content is searched for the delimiter ({@code CRLF--boundary}) by its CR, eight bytes at a
 * time ({@link #indexOf}), whatever the boundary (Jetty's Boyer-Moore-Horspool search skips only
 * one or two bytes at a time when the boundary ends in characters frequent in the content, such as
 * the digits of a CSV's dates); a delimiter split across two reads is found because the last
 * {@code n + 3} bytes of a buffer ({@code n} the boundary's length) are kept for the next search.
 * Limits: the body is at most {@code maxBytes} (over it, the {@code tooLarge} problem, checked as
 * bytes arrive); a header line at most {@link #MAX_HEADER_LINE} bytes and a part's headers at most
 * {@link #MAX_HEADER_BYTES}; a boundary 1 to 70 characters (RFC 2046). A body that breaks the
 * format is an {@link IOException} saying how
 * (the caller answers 400). Not thread-safe; one per request.
 */
final class MultipartReader {
  /** Bytes read from the stream at a time, at most. */
  static final int BUFFER_BYTES = 256 * 1024;

  /** The longest header line of a part, in bytes (Jetty's limit too). */
  static final int MAX_HEADER_LINE = 998;

  /** The most header bytes one part may have. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Takes a body's parts as they are read. */
  interface Handler {
    /**
     * A part begins: its headers, names lower-cased (a header given twice: the last), in order.
     */
    void startPart(Map<String, String> headers) throws IOException;

    /** Some of the part's content, in order; {@code bytes} is only valid during the call. */
    void content(byte[] bytes, int offset, int length) throws IOException;

    /** The part ended (its content was handed over whole). */
    void endPart() throws IOException;
  }

  private enum State { PREAMBLE, DELIMITER, HEADERS, CONTENT, END }

  private final byte[] delimiter;
  private final long maxBytes;
  private final java.util.function.Supplier<? extends RuntimeException> tooLarge;

  private byte[] buf;
  private int start;
  private int end;
  private boolean eof;
  private long total;
  private State state = State.PREAMBLE;
  /** Nothing of the body was looked at yet: the first delimiter may come without its CRLF. */
  private boolean bodyStart = true;
  /** Content just began: the delimiter may come without its CRLF (an empty part). */
  private boolean firstContent;
  private int headerBytes;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String lastHeader;

  /**
   * @param boundary the boundary of the content type (1 to 70 characters)
   * @param maxBytes the most bytes the body may have
   * @param tooLarge the failure of a body over {@code maxBytes}
   * @throws IOException when the boundary is missing or too long
   */
  MultipartReader(
      String boundary, long maxBytes, java.util.function.Supplier<? extends RuntimeException> tooLarge)
      throws IOException {
    if (boundary == null || boundary.isEmpty()) {
      throw new IOException("Missing boundary in the multipart content type");
    }
    if (boundary.length() > 70) {
      throw new IOException("Multipart boundary longer than 70 characters");
    }
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.maxBytes = maxBytes;
    this.tooLarge = tooLarge;
  }

  /**
   * Reads the body from {@code in} to its closing delimiter, handing each part to {@code handler};
   * what follows the closing delimiter is not read.
   *
   * @throws IOException a body that breaks the format, or one the stream could not deliver
   */
  void read(InputStream in, Handler handler) throws IOException {
    buf = new byte[BUFFER_BYTES];
    start = 0;
    end = 0;
    while (state != State.END) {
      boolean progressed = step(handler);
      if (state == State.END) {
        break;
      }
      if (!progressed) {
        if (eof) {
          throw new IOException(
              state == State.PREAMBLE ? "Missing initial multi part boundary" : "Incomplete Multipart");
        }
        fill(in);
      }
    }
  }

  /** Reads more of the stream after the unread bytes (moved to the buffer's start). */
  private void fill(InputStream in) throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      // only a header line or a delimiter's line can hold this many unread bytes: bounded below
      throw new IOException("Multipart header or delimiter line too long");
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
      return;
    }
    total += n;
    if (total > maxBytes) {
      throw tooLarge.get();
    }
    end += n;
  }

  /** Takes what the unread bytes allow; false when more bytes are needed first. */
  private boolean step(Handler handler) throws IOException {
    return switch (state) {
      case PREAMBLE -> preamble();
      case DELIMITER -> delimiterLine();
      case HEADERS -> headerLine(handler);
      case CONTENT -> content(handler);
      case END -> true;
    };
  }

  /** {@link #bareDelimiter}: more bytes are needed to tell. */
  private static final int MORE = -1;
  /** {@link #bareDelimiter}: the unread bytes do not start with it. */
  private static final int ABSENT = 0;
  /** {@link #bareDelimiter}: they did, and it was taken. */
  private static final int TAKEN = 1;

  /**
   * Whether the unread bytes start with the delimiter without its leading CRLF ({@code
   * --boundary}, as at the body's start or right after a part's headers), taking it when they do.
   */
  private int bareDelimiter() {
    int m = delimiter.length;
    if (end - start < m - 2) {
      return eof ? ABSENT : MORE;
    }
    if (Arrays.equals(buf, start, start + m - 2, delimiter, 2, m)) {
      start += m - 2;
      return TAKEN;
    }
    return ABSENT;
  }

  /** Skips to the first delimiter: {@code --boundary} at the body's start, else after a CRLF. */
  private boolean preamble() {
    int m = delimiter.length;
    if (bodyStart) {
      // the very start of the body: the delimiter without its CRLF
      int bare = bareDelimiter();
      if (bare == MORE) {
        return false;
      }
      bodyStart = false;
      if (bare == TAKEN) {
        state = State.DELIMITER;
        return true;
      }
    }
    int at = indexOf(start, end);
    if (at >= 0) {
      start = at + m;
      state = State.DELIMITER;
      return true;
    }
    // keep what may be the delimiter's beginning
    start = Math.max(start, end - (m - 1));
    return false;
  }

  /**
   * The rest of a delimiter's line: {@code --} closes the body; otherwise transport padding up to
   * the line's end (CRLF or LF), then a part's headers.
   */
  private boolean delimiterLine() throws IOException {
    if (end - start < 2 && !eof) {
      return false;
    }
    if (end - start >= 2 && buf[start] == '-' && buf[start + 1] == '-') {
      start += 2;
      state = State.END;
      return true;
    }
    int lf = indexOfByte((byte) '\n', start, end);
    if (lf < 0) {
      if (end - start > MAX_HEADER_LINE) {
        throw new IOException("Multipart delimiter line too long");
      }
      return false;
    }
    if (lf - start > MAX_HEADER_LINE) {
      throw new IOException("Multipart delimiter line too long");
    }
    for (int i = start; i < lf; i++) {
      int b = buf[i] & 0xFF;
      if (b == '\r' && i != lf - 1) {
        throw new IOException("Bad EOL after a multipart delimiter");
      }
      if (b != '\r' && b != '\t' && (b < 0x20 || b == 0x7F)) {
        throw new IOException("Illegal character after a multipart delimiter");
      }
    }
    start = lf + 1;
    state = State.HEADERS;
    headers.clear();
    lastHeader = null;
    headerBytes = 0;
    return true;
  }

  /** One header line of a part; the empty line starts its content. */
  private boolean headerLine(Handler handler) throws IOException {
    int lf = indexOfByte((byte) '\n', start, Math.min(end, start + MAX_HEADER_LINE + 2));
    if (lf < 0) {
      if (end - start > MAX_HEADER_LINE + 1) {
        throw new IOException("Header Line Exceeded Max Length");
      }
      return false;
    }
    int lineEnd = lf > start && buf[lf - 1] == '\r' ? lf - 1 : lf;
    headerBytes += lf + 1 - start;
    if (headerBytes > MAX_HEADER_BYTES) {
      throw new IOException("Multipart part headers longer than " + MAX_HEADER_BYTES + " bytes");
    }
    if (lineEnd == start) {
      start = lf + 1;
      handler.startPart(new LinkedHashMap<>(headers));
      state = State.CONTENT;
      firstContent = true;
      return true;
    }
    for (int i = start; i < lineEnd; i++) {
      byte b = buf[i];
      if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7F) {
        throw new IOException("Illegal character in a multipart header");
      }
    }
    String line = utf8(start, lineEnd);
    start = lf + 1;
    if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
      // a folded line continues the header before it
      if (lastHeader == null) {
        throw new IOException("Bad multipart header: a continuation line first");
      }
      headers.merge(lastHeader, line.strip(), (a, b) -> a.isEmpty() ? b : a + " " + b);
      return true;
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IOException("Bad multipart header: no field name");
    }
    String name = line.substring(0, colon);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IOException("Bad multipart header field name");
      }
    }
    lastHeader = name.toLowerCase(Locale.ENGLISH);
    headers.put(lastHeader, line.substring(colon + 1).strip());
    return true;
  }

  private String utf8(int from, int to) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("Multipart header not UTF-8");
    }
  }

  /**
   * Hands over the content up to the next delimiter, or all but the bytes that may begin one; at
   * the delimiter the part ends.
   */
  private boolean content(Handler handler) throws IOException {
    int m = delimiter.length;
    if (firstContent) {
      // a part whose headers are directly followed by the delimiter, without its CRLF, is empty
      int bare = bareDelimiter();
      if (bare == MORE) {
        return false;
      }
      firstContent = false;
      if (bare == TAKEN) {
        handler.endPart();
        state = State.DELIMITER;
        return true;
      }
    }
    int at = indexOf(start, end);
    if (at >= 0) {
      if (at > start) {
        handler.content(buf, start, at - start);
      }
      start = at + m;
      handler.endPart();
      state = State.DELIMITER;
      return true;
    }
    int safe = end - (m - 1);
    if (safe > start) {
      handler.content(buf, start, safe - start);
      start = safe;
    }
    return false;
  }

  /**
   * Where the delimiter starts in {@code buf[from, to)}, or -1: the CRs are found eight bytes at a
   * time (one {@code long} read and a few arithmetic steps per eight bytes, no branch per byte; 32
   * bytes a step while there is no CR), and only at a CR are the delimiter's other bytes compared,
   * most CRs (those ending a text line) being ruled out by the two bytes after their LF. Content
   * without CRs (text with LF line ends) is crossed at about a byte per CPU cycle; text with CRLF
   * line ends costs a few steps per line more.
   */
  int indexOf(int from, int to) {
    return indexOf(buf, from, to, delimiter);
  }

  /** Where {@code p} (a CRLF, "--" and at least one byte more) starts in {@code a[from, to)}, or -1. */
  static int indexOf(byte[] a, int from, int to, byte[] p) {
    int m = p.length;
    int limit = to - m; // the last place the delimiter may start
    int i = from;
    while (i + 31 <= limit) {
      long z0 = crs((long) LONGS.get(a, i));
      long z1 = crs((long) LONGS.get(a, i + 8));
      long z2 = crs((long) LONGS.get(a, i + 16));
      long z3 = crs((long) LONGS.get(a, i + 24));
      if ((z0 | z1 | z2 | z3) != 0) {
        int at = firstAt(a, i, z0, p);
        if (at < 0) {
          at = firstAt(a, i + 8, z1, p);
        }
        if (at < 0) {
          at = firstAt(a, i + 16, z2, p);
        }
        if (at < 0) {
          at = firstAt(a, i + 24, z3, p);
        }
        if (at >= 0) {
          return at;
        }
      }
      i += 32;
    }
    for (; i + 7 <= limit; i += 8) {
      int at = firstAt(a, i, crs((long) LONGS.get(a, i)), p);
      if (at >= 0) {
        return at;
      }
    }
    for (; i <= limit; i++) {
      if (a[i] == '\r' && matchesAt(a, i, p)) {
        return i;
      }
    }
    return -1;
  }

  /** The first CR of the word at {@code i} (its CRs marked in {@code z}) where {@code p} starts, or -1. */
  private static int firstAt(byte[] a, int i, long z, byte[] p) {
    while (z != 0) {
      int cr = i + (Long.numberOfTrailingZeros(z) >>> 3);
      if (matchesAt(a, cr, p)) {
        return cr;
      }
      z &= z - 1;
    }
    return -1;
  }

  /** Whether {@code p} starts at {@code cr}, a CR with room for all of {@code p} after it. */
  private static boolean matchesAt(byte[] a, int cr, byte[] p) {
    // the CRLF of a text line is not followed by "--": most CRs are ruled out by two bytes
    return a[cr + 2] == '-' && a[cr + 3] == '-' && Arrays.equals(a, cr + 1, cr + p.length, p, 1, p.length);
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

  /** The high bit of each byte of {@code word} that is a CR set, and no other bit (exact). */
  private static long crs(long word) {
    long x = word ^ CRS; // CR bytes become zero
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /** The first CR in {@code a[from, to)}, or -1 (eight bytes a step). */
  static int indexOfCr(byte[] a, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long z = crs((long) LONGS.get(a, i));
      if (z != 0) {
        return i + (Long.numberOfTrailingZeros(z) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (a[i] == '\r') {
        return i;
      }
    }
    return -1;
  }

  private int indexOfByte(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
