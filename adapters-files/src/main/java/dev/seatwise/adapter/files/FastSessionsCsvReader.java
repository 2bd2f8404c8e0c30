package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.files.catalog.ProductResolver;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the seatwise sessions CSV straight into a {@link SessionTable}: the rules of {@link
 * SessionsCsvReader} (same header aliases, same row checks in the same order, same rejection
 * reasons and line numbers, blank records skipped), without a {@code String}, {@code Instant} or
 * {@code Session} per row.
 *
 * <p>Bytes are read in 1 MiB blocks and split into records and fields in place. Users and products
 * are looked up once per distinct spelling (a byte-keyed cache in front of the identity map and the
 * product resolver). Instants of the common forms {@code 2025-01-06T08:00:00Z}, {@code
 * 2025-01-06 08:00:00.5+01:00} (and without an offset when the zone has a fixed offset) are parsed
 * by hand; anything else goes through the standard reader's parser. A record whose field starts
 * with a quote is parsed by the RFC 4180 rules; a file with a UTF-16 byte-order mark is read by the
 * standard reader. A file of 8 MiB or more is read in two halves on two threads when the machine has
 * two processors and strict mode is off (rows, dictionaries and the report are joined in file order,
 * so the result is the same); a file whose fields start with quotes is read in one pass. Instants
 * must lie in the years 1678 to 2261 (the table's epoch-nanosecond range);
 * a row outside them is rejected.
 *
 * <p>Stateless; each call reads the file again.
 */
public final class FastSessionsCsvReader {
  private static final int BLOCK = 1 << 20;
  /** Records whose user lookups are started together (see {@code Pass.flushBatch}). */
  private static final int BATCH = 64;
  /** Files from this size are read in two halves on two threads (when two processors exist). */
  private static final long PARALLEL_FROM = 8L << 20;
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
  private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
  private static final long NANOS = 1_000_000_000L;
  private static final int BLANK = -2;
  private static final int NOT_INTERNED = -1;
  private static final int USER = 0;
  private static final int PRODUCT = 1;
  private static final int START = 2;
  private static final int END = 3;

  /**
   * Reads {@code file} (named {@code name} in the report) with {@code resolver} and {@code
   * options}.
   *
   * @throws UsageImportException when the file cannot be read at all (empty, binary, header only,
   *     missing columns), or in strict mode at the first bad row
   */
  public SessionTableImport read(
      Path file, String name, ProductResolver resolver, ImportOptions options) {
    requireNonNull(file, "file");
    requireNonNull(name, "name");
    ReadContext ctx = new ReadContext(requireNonNull(resolver, "resolver"),
        requireNonNull(options, "options"));
    RowLedger ledger = new RowLedger(name, options.strict());
    SessionTable table = read(file, name, ctx, ledger);
    return new SessionTableImport(table, ledger.report(ImportFormat.SESSIONS_CSV));
  }

  /** The same, naming the file by its file name. */
  public SessionTableImport read(Path file, ProductResolver resolver, ImportOptions options) {
    return read(file, String.valueOf(file.getFileName()), resolver, options);
  }

  SessionTable read(Path file, String name, ReadContext ctx, RowLedger ledger) {
    return read(file, name, ctx, ledger, PARALLEL_FROM);
  }

  /** The same, reading in two halves from {@code parallelFrom} bytes (for tests). */
  SessionTable read(Path file, String name, ReadContext ctx, RowLedger ledger, long parallelFrom) {
    // the standard checks: missing, empty and binary files fail with the same messages
    try {
      TextInput.open(file, name).close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
          || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
        return viaStandardReader(file, name, ctx, ledger);
      }
      int bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF ? 3 : 0;
      if (!ctx.options().strict() && Runtime.getRuntime().availableProcessors() >= 2
          && Files.size(file) >= parallelFrom) {
        SessionTable table = readInTwoHalves(file, name, ctx, ledger, bom);
        if (table != null) {
          return table;
        }
      }
      Pass pass = new Pass(ctx, ledger, name, head, bom, in);
      pass.run(false);
      return pass.finish();
    } catch (NoSuchFileException e) {
      throw new UsageImportException(name + ": file not found", e);
    } catch (IOException e) {
      throw new UsageImportException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  static long epochDayForTest(int year, int month, int day) {
    return Pass.epochDay(year, month, day);
  }

  /**
   * Reads the two halves of the file (split after a line end) on two threads and joins them in file
   * order: the same table, rows and report as one pass. Returns null, having recorded nothing, when
   * that cannot be done safely (no line end to split at, the header is not in the first half, or a
   * field starts with a quote, so the split might fall inside a quoted field).
   */
  private static SessionTable readInTwoHalves(
      Path file, String name, ReadContext ctx, RowLedger ledger, int bom) throws IOException {
    long size = Files.size(file);
    long cut = lineEndAfter(file, size / 2);
    if (cut < 0 || cut >= size) {
      return null;
    }
    RowLedger firstLedger = new RowLedger(name, false);
    RowLedger secondLedger = new RowLedger(name, false);
    try (FileChannel a = FileChannel.open(file); FileChannel b = FileChannel.open(file)) {
      Pass first = new Pass(ctx, firstLedger, name, new byte[0], 0,
          new Slice(a.position(bom), cut - bom));
      first.run(true);
      if (!first.headerSeen) {
        return null;
      }
      first.quotesAbort = true;
      Pass second = new Pass(ctx, secondLedger, name, new byte[0], 0,
          new Slice(b.position(cut), size - cut));
      second.presetHeader(first);
      Throwable[] failure = new Throwable[1];
      Thread worker = new Thread(() -> {
        try {
          second.run(false);
        } catch (Throwable t) {
          failure[0] = t;
        }
      }, "seatwise-csv-second-half");
      worker.start();
      try {
        first.run(false);
      } catch (QuotedField e) {
        worker.join();
        return null;
      } finally {
        worker.join();
      }
      if (failure[0] instanceof QuotedField) {
        return null;
      }
      if (failure[0] instanceof IOException e) {
        throw e;
      }
      if (failure[0] instanceof RuntimeException e) {
        throw e;
      }
      if (failure[0] != null) {
        throw new IllegalStateException(failure[0]);
      }
      long lineOffset = first.line - 1;
      replay(firstLedger, ledger, 0);
      replay(secondLedger, ledger, lineOffset);
      first.dataRows += second.dataRows;
      first.table.drainFrom(second.table);
      return first.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageImportException(name + ": interrupted while reading", e);
    }
  }

  private static void replay(RowLedger from, RowLedger to, long lineOffset) {
    var report = from.report(ImportFormat.SESSIONS_CSV);
    for (var r : report.rejections()) {
      to.reject(r.line() + lineOffset, r.field(), r.reason());
    }
    for (long k = 0; k < report.accepted(); k++) {
      to.accept();
    }
  }

  /** The offset just past the first LF at or after {@code from}, or -1. */
  private static long lineEndAfter(Path file, long from) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(1 << 16);
      long at = from;
      while (true) {
        bb.clear();
        int n = ch.read(bb, at);
        if (n <= 0) {
          return -1;
        }
        for (int i = 0; i < n; i++) {
          if (bb.get(i) == '\n') {
            return at + i + 1;
          }
        }
        at += n;
      }
    }
  }

  /** A field starting with a quote in a half of a file read in two halves. */
  private static final class QuotedField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QuotedField() {
      super(null, null, false, false);
    }
  }

  /** {@code length} bytes of a channel from its position. */
  private static final class Slice extends InputStream {
    private final InputStream in;
    private long left;

    Slice(FileChannel ch, long length) {
      this.in = java.nio.channels.Channels.newInputStream(ch);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  private static SessionTable viaStandardReader(
      Path file, String name, ReadContext ctx, RowLedger ledger) {
    UsageCollector out = new UsageCollector();
    new SessionsCsvReader().read(file, name, ctx, out, ledger);
    return out.sessions.build();
  }

  /** One read of one file. Not thread-safe. */
  private static final class Pass {
    private final ReadContext ctx;
    private final RowLedger ledger;
    private final String name;
    private final InputStream in;
    private final SessionTable.Builder table = SessionTable.builder();
    private final ByteKeys users = new ByteKeys();
    private final ByteKeys products = new ByteKeys();
    private final List<UserId> userIds = new ArrayList<>();
    private final List<ProductId> productIds = new ArrayList<>();
    private final List<String> productNames = new ArrayList<>();
    private final long zoneOffsetSeconds;
    private final boolean fixedZone;
    private int[] userSlotIndex = new int[256];
    private int[] productSlotIndex = new int[64];
    private byte[] buf = new byte[BLOCK];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private int[] fieldFrom = new int[16];
    private int[] fieldTo = new int[16];
    private int fields;
    private int[] column;
    private boolean headerSeen;
    private boolean quotesAbort;
    private List<String> headerFound = List.of();
    private long dataRows;
    /** Records kept for {@link #flushBatch}: their user, product, start and end field bounds. */
    private final int[] batchBounds = new int[BATCH * 8];
    private final long[] batchLines = new long[BATCH];
    private final int[] batchHashes = new int[BATCH];
    private int batched;
    /** Sum of the entries {@link #flushBatch} loaded, kept so the loads are not dropped. */
    private long prefetched;
    private long parsed;
    private final byte[] lastDate = new byte[10];
    private long lastEpochDay;

    Pass(ReadContext ctx, RowLedger ledger, String name, byte[] head, int bom, InputStream in) {
      this.ctx = ctx;
      this.ledger = ledger;
      this.name = name;
      this.in = in;
      System.arraycopy(head, bom, buf, 0, head.length - bom);
      this.limit = head.length - bom;
      ZoneRules rules = ctx.options().zone().getRules();
      this.fixedZone = rules.isFixedOffset();
      this.zoneOffsetSeconds = fixedZone ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
      Arrays.fill(userSlotIndex, -1);
      Arrays.fill(productSlotIndex, -1);
    }

    /** Reads records to the end (or, with {@code untilHeader}, until the header is bound). */
    void run(boolean untilHeader) throws IOException {
      while (!(untilHeader && headerSeen)) {
        if (pos >= limit && !fill()) {
          break;
        }
        long recordLine = line;
        if (!scanRecord()) {
          // a field starts with a quote: RFC 4180 record, after the rows before it
          flushBatch();
          if (quotesAbort) {
            throw new QuotedField();
          }
          List<String> fields = quotedRecord();
          if (!CsvTable.allBlank(fields)) {
            stringRow(recordLine, fields);
          }
          continue;
        }
        if (isBlankRecord()) {
          continue;
        }
        if (!headerSeen) {
          header(stringFields());
        } else {
          dataRows++;
          batch(recordLine);
        }
      }
      flushBatch();
    }

    /**
     * Keeps the record just scanned for {@link #flushBatch}, which runs when {@link #BATCH}
     * records are kept, before the buffer is refilled or moved, before a record read another way,
     * and at the end.
     */
    private void batch(long recordLine) {
      int o = batched * 8;
      for (int x = 0; x < 4; x++) {
        int f = column[x];
        batchBounds[o + 2 * x] = f < fields ? fieldFrom[f] : 0;
        batchBounds[o + 2 * x + 1] = f < fields ? fieldTo[f] : 0;
      }
      batchLines[batched++] = recordLine;
      if (batched == BATCH) {
        flushBatch();
      }
    }

    /**
     * Reads the kept records in order. With many users the user table does not fit in the cache
     * and a lookup waits for memory; parsing a record between lookups keeps one such wait in flight
     * at a time. So the table entries of all kept records' users are loaded first, in a loop short
     * enough that their waits overlap, and the records are then read against a warm table.
     */
    private void flushBatch() {
      int n = batched;
      if (n == 0) {
        return;
      }
      batched = 0;
      for (int i = 0; i < n; i++) {
        int a = trimFrom(batchBounds[i * 8], batchBounds[i * 8 + 1]);
        int b = trimTo(a, batchBounds[i * 8 + 1]);
        batchHashes[i] = users.hash(buf, a, b);
      }
      // a loop of a few instructions per load, so that dozens of misses are in flight at once
      long sink = 0;
      for (int i = 0; i < n; i++) {
        sink += users.touch(batchHashes[i]);
      }
      prefetched += sink;
      int width = 0;
      for (int f : column) {
        width = Math.max(width, f + 1);
      }
      for (int i = 0; i < n; i++) {
        for (int x = 0; x < 4; x++) {
          fieldFrom[column[x]] = batchBounds[i * 8 + 2 * x];
          fieldTo[column[x]] = batchBounds[i * 8 + 2 * x + 1];
        }
        fields = width;
        row(batchLines[i]);
      }
    }

    /** The table, after the file-level checks of the standard reader. */
    SessionTable finish() {
      if (!headerSeen) {
        throw new UsageImportException(name + ": the file is empty (no header row)");
      }
      if (dataRows == 0) {
        throw new UsageImportException(
            name + ": the file has a header " + headerFound + " but no data rows");
      }
      return table.build();
    }

    /** Takes the header bound by {@code first}; quoted fields then abort this pass. */
    void presetHeader(Pass first) {
      this.column = first.column;
      this.headerFound = first.headerFound;
      this.headerSeen = true;
      this.quotesAbort = true;
    }

    private void header(List<String> fields) {
      HeaderSpec.Header h = SessionsCsvReader.SPEC.bind(fields, name);
      headerFound = h.found();
      List<String> probe = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        probe.add(Integer.toString(i));
      }
      column = new int[] {
          Integer.parseInt(h.get(probe, "user")),
          Integer.parseInt(h.get(probe, "product")),
          Integer.parseInt(h.get(probe, "start")),
          Integer.parseInt(h.get(probe, "end"))};
      headerSeen = true;
    }

    /** Reads more bytes, keeping {@code [pos, limit)}; false at the end of the file. */
    private boolean fill() throws IOException {
      flushBatch(); // kept records point into the buffer that this moves
      if (eof) {
        return false;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    }

    /**
     * Splits the record at {@code pos} into fields ({@code fieldFrom/fieldTo}) and moves past its
     * line end. Returns false, without moving, when a field starts with a quote.
     */
    private boolean scanRecord() throws IOException {
      while (true) {
        int p = pos;
        int f = 0;
        int from = p;
        boolean complete = false;
        boolean quoted = false;
        int next = -1;
        if (p < limit && buf[p] == '"') {
          quoted = true;
        } else {
          while (p < limit) {
            p = nextSpecial(buf, p, limit);
            if (p >= limit) {
              break;
            }
            byte b = buf[p];
            if (b == ',') {
              f = addField(f, from, p);
              p++;
              from = p;
              if (p < limit && buf[p] == '"') {
                quoted = true;
                break;
              }
            } else if (b == '\n') {
              next = p + 1;
              complete = true;
              break;
            } else if (b == '\r') {
              if (p + 1 < limit) {
                next = buf[p + 1] == '\n' ? p + 2 : p + 1;
                complete = true;
              } else if (eof) {
                next = p + 1;
                complete = true;
              }
              break;
            } else {
              p++;
            }
          }
        }
        if (quoted) {
          return false;
        }
        if (!complete) {
          if (!eof) {
            fill();
            continue;
          }
          // end of file without a line end: the record ends here
          next = limit;
        }
        addField(f, from, p);
        fields = f + 1;
        pos = next;
        line++;
        return true;
      }
    }

    /**
     * The first index in {@code [p, limit)} holding a comma, CR or LF, or {@code limit}: eight
     * bytes at a time (SWAR), then byte by byte.
     */
    private static int nextSpecial(byte[] x, int p, int limit) {
      while (p + 8 <= limit) {
        long w = (long) LONGS.get(x, p);
        long m = zeroByte(w ^ COMMAS) | zeroByte(w ^ LFS) | zeroByte(w ^ CRS);
        if (m != 0) {
          return p + (Long.numberOfTrailingZeros(m) >>> 3);
        }
        p += 8;
      }
      while (p < limit) {
        byte b = x[p];
        if (b == ',' || b == '\n' || b == '\r') {
          return p;
        }
        p++;
      }
      return limit;
    }

    /** High bit set in each byte of {@code v} that is zero (exact for the lowest such byte). */
    private static long zeroByte(long v) {
      return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
    }

    private int addField(int f, int from, int to) {
      if (f == fieldFrom.length) {
        fieldFrom = Arrays.copyOf(fieldFrom, f * 2);
        fieldTo = Arrays.copyOf(fieldTo, f * 2);
      }
      fieldFrom[f] = from;
      fieldTo[f] = to;
      return f + 1;
    }

    private boolean isBlankRecord() {
      for (int f = 0; f < fields; f++) {
        for (int i = fieldFrom[f]; i < fieldTo[f]; i++) {
          int b = buf[i] & 0xFF;
          if (b >= 0x80) {
            return CsvTable.allBlank(stringFields());
          }
          if (!isAsciiWhitespace(b)) {
            return false;
          }
        }
      }
      return true;
    }

    private static boolean isAsciiWhitespace(int b) {
      return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
    }

    private List<String> stringFields() {
      List<String> out = new ArrayList<>(fields);
      for (int f = 0; f < fields; f++) {
        out.add(new String(buf, fieldFrom[f], fieldTo[f] - fieldFrom[f], StandardCharsets.UTF_8));
      }
      return out;
    }

    /** Reads one RFC 4180 record from {@code pos} (refilling as needed) and moves past it. */
    private List<String> quotedRecord() throws IOException {
      List<String> out = new ArrayList<>();
      java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();
      boolean inQuotes = false;
      boolean atFieldStart = true;
      while (true) {
        if (pos >= limit && !fill()) {
          break;
        }
        byte b = buf[pos];
        if (inQuotes) {
          if (b == '"') {
            if (pos + 1 >= limit && !eof) {
              fill();
            }
            if (pos + 1 < limit && buf[pos + 1] == '"') {
              field.write('"');
              pos += 2;
            } else {
              inQuotes = false;
              pos++;
            }
          } else {
            if (b == '\n') {
              line++;
            } else if (b == '\r') {
              if (pos + 1 >= limit && !eof) {
                fill();
              }
              if (pos + 1 >= limit || buf[pos + 1] != '\n') {
                line++;
              }
            }
            field.write(b);
            pos++;
          }
          atFieldStart = false;
          continue;
        }
        if (b == '"' && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
          pos++;
        } else if (b == ',') {
          out.add(field.toString(StandardCharsets.UTF_8));
          field.reset();
          atFieldStart = true;
          pos++;
        } else if (b == '\n' || b == '\r') {
          pos++;
          if (b == '\r') {
            if (pos >= limit && !eof) {
              fill();
            }
            if (pos < limit && buf[pos] == '\n') {
              pos++;
            }
          }
          line++;
          out.add(field.toString(StandardCharsets.UTF_8));
          return out;
        } else {
          field.write(b);
          atFieldStart = false;
          pos++;
        }
      }
      out.add(field.toString(StandardCharsets.UTF_8));
      line++;
      return out;
    }

    private static final long EARLIEST_NANOS = SessionTable.toNanos(Limits.EARLIEST_INSTANT);
    private static final long LATEST_NANOS = SessionTable.toNanos(Limits.LATEST_INSTANT);

    /** A record parsed the slow way: the standard reader's rules on strings. */
    private void stringRow(long recordLine, List<String> fields) {
      if (!headerSeen) {
        header(fields);
        return;
      }
      dataRows++;
      String swallowed = CsvTable.swallowedLines(fields, recordLine);
      if (swallowed != null) {
        ledger.reject(recordLine, "", swallowed);
        return;
      }
      String user = get(fields, USER);
      if (user.isEmpty()) {
        ledger.reject(recordLine, "user", "missing value");
        return;
      }
      String productName = get(fields, PRODUCT);
      if (productName.isEmpty()) {
        ledger.reject(recordLine, "product", "missing value");
        return;
      }
      Optional<ProductId> product = ctx.resolver().byName(productName);
      if (product.isEmpty()) {
        ledger.reject(recordLine, "product", "unknown product '" + Limits.quote(productName) + "'");
        return;
      }
      Instant start;
      Instant end;
      try {
        start = Values.instant(get(fields, START), ctx.options().zone());
      } catch (Values.BadValue e) {
        ledger.reject(recordLine, "start", e.getMessage());
        return;
      }
      try {
        end = Values.instant(get(fields, END), ctx.options().zone());
      } catch (Values.BadValue e) {
        ledger.reject(recordLine, "end", e.getMessage());
        return;
      }
      if (end.isBefore(start)) {
        ledger.reject(recordLine, "end", "end " + end + " is before start " + start);
        return;
      }
      long s;
      long e;
      try {
        s = SessionTable.toNanos(start);
        e = SessionTable.toNanos(end);
      } catch (ArithmeticException x) {
        ledger.reject(recordLine, "start", "outside the years 1678 to 2261");
        return;
      }
      UserId id = ctx.identity().anyUser(user, ctx.privacy());
      table.add(new Session(id, product.get(), start, end));
      ledger.accept();
    }

    private String get(List<String> fields, int logical) {
      int i = column[logical];
      return i >= fields.size() ? "" : fields.get(i).strip();
    }

    /** A record split in place: the same checks, on bytes. */
    private void row(long recordLine) {
      // user
      int uf = column[USER];
      int ua = uf < fields ? trimFrom(fieldFrom[uf], fieldTo[uf]) : 0;
      int ub = uf < fields ? trimTo(ua, fieldTo[uf]) : 0;
      if (ua == ub) {
        ledger.reject(recordLine, "user", "missing value");
        return;
      }
      int userSlot = users.find(buf, ua, ub);
      if (userSlot < 0) {
        String raw = new String(buf, ua, ub - ua, StandardCharsets.UTF_8).strip();
        userSlot = users.add(buf, ua, ub);
        userIds.add(raw.isEmpty() ? null : ctx.identity().anyUser(raw, ctx.privacy()));
        if (userSlot >= userSlotIndex.length) {
          userSlotIndex = Arrays.copyOf(userSlotIndex, userSlotIndex.length * 2);
        }
        userSlotIndex[userSlot] = raw.isEmpty() ? BLANK : NOT_INTERNED;
      }
      // one int per distinct user says blank, not yet interned, or its table index
      int u = userSlotIndex[userSlot];
      if (u == BLANK) {
        ledger.reject(recordLine, "user", "missing value");
        return;
      }
      // product
      int pf = column[PRODUCT];
      int pa = pf < fields ? trimFrom(fieldFrom[pf], fieldTo[pf]) : 0;
      int pb = pf < fields ? trimTo(pa, fieldTo[pf]) : 0;
      if (pa == pb) {
        ledger.reject(recordLine, "product", "missing value");
        return;
      }
      int productSlot = products.find(buf, pa, pb);
      if (productSlot < 0) {
        String raw = new String(buf, pa, pb - pa, StandardCharsets.UTF_8).strip();
        productSlot = products.add(buf, pa, pb);
        productNames.add(raw);
        productIds.add(raw.isEmpty() ? null : ctx.resolver().byName(raw).orElse(null));
      }
      String productName = productNames.get(productSlot);
      if (productName.isEmpty()) {
        ledger.reject(recordLine, "product", "missing value");
        return;
      }
      ProductId productId = productIds.get(productSlot);
      if (productId == null) {
        ledger.reject(recordLine, "product", "unknown product '" + Limits.quote(productName) + "'");
        return;
      }
      // instants
      String why = instant(START);
      if (why != null) {
        ledger.reject(recordLine, "start", why);
        return;
      }
      long s = parsed;
      why = instant(END);
      if (why != null) {
        ledger.reject(recordLine, "end", why);
        return;
      }
      long e = parsed;
      if (e < s) {
        ledger.reject(recordLine, "end", "end " + SessionTable.toInstant(e)
            + " is before start " + SessionTable.toInstant(s));
        return;
      }
      if (u == NOT_INTERNED) {
        u = table.userIndex(userIds.get(userSlot));
        userSlotIndex[userSlot] = u;
      }
      if (productSlot >= productSlotIndex.length) {
        int old = productSlotIndex.length;
        productSlotIndex = Arrays.copyOf(productSlotIndex, Math.max(productSlot + 1, old * 2));
        Arrays.fill(productSlotIndex, old, productSlotIndex.length, -1);
      }
      int p = productSlotIndex[productSlot];
      if (p < 0) {
        p = table.productIndex(productId);
        productSlotIndex[productSlot] = p;
      }
      table.add(u, p, s, e);
      ledger.accept();
    }

    private int trimFrom(int a, int b) {
      while (a < b && isAsciiWhitespace(buf[a] & 0xFF)) {
        a++;
      }
      return a;
    }

    private int trimTo(int a, int b) {
      while (b > a && isAsciiWhitespace(buf[b - 1] & 0xFF)) {
        b--;
      }
      return b;
    }

    /**
     * Parses the instant in logical column {@code logical} into {@link #parsed}; returns null,
     * or the reason for rejecting the row.
     */
    private String instant(int logical) {
      int f = column[logical];
      int a = f < fields ? trimFrom(fieldFrom[f], fieldTo[f]) : 0;
      int b = f < fields ? trimTo(a, fieldTo[f]) : 0;
      long nanos = fastInstant(a, b);
      if (nanos != Long.MIN_VALUE) {
        if (nanos < EARLIEST_NANOS || nanos >= LATEST_NANOS) {
          String raw = new String(buf, a, b - a, StandardCharsets.UTF_8).strip();
          try {
            Values.plausible(SessionTable.toInstant(nanos), raw);
          } catch (Values.BadValue x) {
            return x.getMessage();
          }
        }
        parsed = nanos;
        return null;
      }
      String raw = a == b ? "" : new String(buf, a, b - a, StandardCharsets.UTF_8).strip();
      Instant t;
      try {
        t = Values.instant(raw, ctx.options().zone());
      } catch (Values.BadValue e) {
        return e.getMessage();
      }
      try {
        parsed = SessionTable.toNanos(t);
      } catch (ArithmeticException e) {
        return "outside the years 1678 to 2261: '" + raw + "'";
      }
      return null;
    }

    /**
     * {@code YYYY-MM-DD(T| )HH:MM:SS[.fraction](Z|+HH:MM|-HH:MM|)} in epoch nanoseconds, for years
     * 1900 to 2199 and valid fields; {@code Long.MIN_VALUE} for anything else (left to the standard
     * parser).
     */
    private long fastInstant(int a, int b) {
      int len = b - a;
      if (len < 19) {
        return Long.MIN_VALUE;
      }
      byte[] x = buf;
      if (x[a + 4] != '-' || x[a + 7] != '-' || (x[a + 10] != 'T' && x[a + 10] != ' ')
          || x[a + 13] != ':' || x[a + 16] != ':') {
        return Long.MIN_VALUE;
      }
      long epochDay;
      if (Arrays.equals(x, a, a + 10, lastDate, 0, 10)) {
        epochDay = lastEpochDay;
      } else {
        int year = digits(x, a, 4);
        int month = digits(x, a + 5, 2);
        int day = digits(x, a + 8, 2);
        if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1
            || day > monthLength(year, month)) {
          return Long.MIN_VALUE;
        }
        epochDay = epochDay(year, month, day);
        System.arraycopy(x, a, lastDate, 0, 10);
        lastEpochDay = epochDay;
      }
      int hour = digits(x, a + 11, 2);
      int minute = digits(x, a + 14, 2);
      int second = digits(x, a + 17, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return Long.MIN_VALUE;
      }
      int p = a + 19;
      long nano = 0;
      if (p < b && x[p] == '.') {
        p++;
        int digits = 0;
        while (p < b && x[p] >= '0' && x[p] <= '9') {
          nano = nano * 10 + (x[p] - '0');
          digits++;
          p++;
        }
        if (digits == 0 || digits > 9) {
          return Long.MIN_VALUE;
        }
        for (int k = digits; k < 9; k++) {
          nano *= 10;
        }
      }
      long offset;
      if (p == b) {
        if (!fixedZone) {
          return Long.MIN_VALUE;
        }
        offset = zoneOffsetSeconds;
      } else if (x[p] == 'Z' && p + 1 == b) {
        offset = 0;
      } else if ((x[p] == '+' || x[p] == '-') && p + 6 == b && x[p + 3] == ':') {
        int oh = digits(x, p + 1, 2);
        int om = digits(x, p + 4, 2);
        if (oh < 0 || oh > 17 || om < 0 || om > 59) {
          return Long.MIN_VALUE;
        }
        offset = (oh * 3600L + om * 60L) * (x[p] == '-' ? -1 : 1);
      } else {
        return Long.MIN_VALUE;
      }
      long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second
          - offset;
      return seconds * NANOS + nano;
    }

    /** The value of {@code n} ASCII digits, or -1000 when one is not a digit. */
    private static int digits(byte[] x, int at, int n) {
      int v = 0;
      for (int i = at; i < at + n; i++) {
        int d = x[i] - '0';
        if (d < 0 || d > 9) {
          return -1000;
        }
        v = v * 10 + d;
      }
      return v;
    }

    private static int monthLength(int year, int month) {
      switch (month) {
        case 2:
          return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        case 4:
        case 6:
        case 9:
        case 11:
          return 30;
        default:
          return 31;
      }
    }

    /** Days since 1970-01-01 of a valid date (proleptic Gregorian). */
    static long epochDay(int year, int month, int day) {
      long y = month <= 2 ? year - 1 : year;
      long era = Math.floorDiv(y, 400);
      long yoe = y - era * 400;
      long mp = (month + 9) % 12;
      long doy = (153 * mp + 2) / 5 + day - 1;
      long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
      return era * 146_097 + doe - 719_468;
    }
  }

  /**
   * Distinct byte strings, each given a slot number in order of first appearance. Open addressing
   * with one 64-byte entry per key: the hash, the slot, the length and the first 48 bytes of the key
   * sit in one cache line, so a lookup of a key up to 48 bytes (an e-mail, a product id) touches
   * one line of the table; longer keys are compared in an arena. Not thread-safe.
   */
  static final class ByteKeys {
    private static final int WORDS = 8;
    private static final int INLINE = 48;
    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    /** Per slot: arena offset (high 32 bits) and length (low 32 bits). */
    private long[] keys = new long[64];
    private int count;
    /** Entries of {@link #WORDS} longs: hash << 32 | slot + 1 (0: empty), length, key bytes. */
    private long[] table = new long[128 * WORDS];
    private final long[] probe = new long[INLINE / 8];

    ByteKeys() {}

    int size() {
      return count;
    }

    /** The slot of {@code bytes[from, to)}, or -1 when it was never added. */
    int find(byte[] bytes, int from, int to) {
      int len = to - from;
      int h = load(bytes, from, to);
      int words = Math.min(len, INLINE) + 7 >>> 3;
      int mask = table.length / WORDS - 1;
      for (int i = h & mask; ; i = (i + 1) & mask) {
        int base = i * WORDS;
        long entry = table[base];
        if (entry == 0) {
          return -1;
        }
        if ((int) (entry >>> 32) == h && table[base + 1] == len) {
          boolean same = true;
          for (int k = 0; k < words && same; k++) {
            same = table[base + 2 + k] == probe[k];
          }
          if (same && len > INLINE) {
            long key = keys[(int) entry - 1];
            same = sameBytes(arena, (int) (key >>> 32) + INLINE, bytes, from + INLINE, len - INLINE);
          }
          if (same) {
            return (int) entry - 1;
          }
        }
      }
    }

    /**
     * Reads the first table entry that a lookup of a key with hash {@code h} will probe, so that
     * a batch of lookups can have its cache misses in flight together; returns it to keep the load.
     */
    long touch(int h) {
      int mask = table.length / WORDS - 1;
      return table[(h & mask) * WORDS];
    }

    /** The hash {@link #find} uses for {@code bytes[from, to)}. */
    int hash(byte[] bytes, int from, int to) {
      return load(bytes, from, to);
    }

    /** Adds {@code bytes[from, to)} (which must not be present) and returns its slot. */
    int add(byte[] bytes, int from, int to) {
      int len = to - from;
      if (arenaSize + len > arena.length) {
        arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
      }
      System.arraycopy(bytes, from, arena, arenaSize, len);
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
      }
      int slot = count++;
      keys[slot] = ((long) arenaSize << 32) | len;
      arenaSize += len;
      if (count * 2 > table.length / WORDS) {
        long[] old = table;
        table = new long[old.length * 2];
        for (int base = 0; base < old.length; base += WORDS) {
          if (old[base] != 0) {
            System.arraycopy(old, base, table, free((int) (old[base] >>> 32)), WORDS);
          }
        }
      }
      int h = load(bytes, from, to);
      int base = free(h);
      table[base] = ((long) h << 32) | (slot + 1L);
      table[base + 1] = len;
      System.arraycopy(probe, 0, table, base + 2, Math.min(len, INLINE) + 7 >>> 3);
      return slot;
    }

    private int free(int h) {
      int mask = table.length / WORDS - 1;
      int i = h & mask;
      while (table[i * WORDS] != 0) {
        i = (i + 1) & mask;
      }
      return i * WORDS;
    }

    /**
     * Loads the first {@link #INLINE} bytes of the key into {@link #probe} as little-endian words
     * (the last one zero-padded) and returns the key's hash.
     */
    private int load(byte[] bytes, int from, int to) {
      int len = to - from;
      int n = Math.min(len, INLINE);
      long h = 0x9E3779B97F4A7C15L ^ len;
      int k = 0;
      int i = from;
      for (; i + 8 <= from + n; i += 8, k++) {
        long w = (long) LONGS.get(bytes, i);
        probe[k] = w;
        h = (h ^ w) * 0xBF58476D1CE4E5B9L;
      }
      if (i < from + n) {
        int rest = from + n - i;
        long tail;
        if (i + 8 <= bytes.length) {
          // one read past the key, masked to its last bytes (little-endian: the low ones)
          tail = (long) LONGS.get(bytes, i) & (-1L >>> (64 - 8 * rest));
        } else {
          tail = 0;
          for (int shift = 0; i < from + n; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
          }
        }
        probe[k] = tail;
        h = (h ^ tail) * 0xBF58476D1CE4E5B9L;
      }
      for (i = from + n; i < to; i++) {
        h = (h ^ (bytes[i] & 0xFFL)) * 0x94D049BB133111EBL;
      }
      h ^= h >>> 31;
      return (int) (h ^ (h >>> 32));
    }

    /** Whether {@code a[af, af + len)} equals {@code b[bf, bf + len)}. */
    private static boolean sameBytes(byte[] a, int af, byte[] b, int bf, int len) {
      return Arrays.equals(a, af, af + len, b, bf, bf + len);
    }
  }
}
