package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Sessions stored by column, for organisations too large for one object per session: users and
 * products are interned into dictionaries ({@link #users()}, {@link #products()}) and each row is
 * an {@code int} user index, an {@code int} product index and {@code long} start and end instants
 * in epoch nanoseconds (the unit the object meters use, so sub-second instants replay exactly;
 * years 1678 to 2261). A row costs no object.
 *
 * <p>Each segment stores its columns in the narrowest form that holds its rows exactly: product
 * indexes as bytes while they are below 256, starts as {@code int} seconds from the segment's first
 * start while every start is a whole number of seconds from it (within 68 years), ends as {@code
 * int} seconds after their own start while every session lasts whole seconds. A row then costs 13
 * bytes instead of 24; a segment whose rows do not allow it widens that column (once) to {@code
 * int} or {@code long} values, so the accessors always give the exact values added.
 *
 * <p>Columns are kept in segments that grow geometrically from {@value #FIRST_SEGMENT} to {@value
 * #MAX_SEGMENT} rows, so a table grows without copying and a small table stays small. A full-size
 * segment's {@code long} arrays are 8 MiB and its {@code int} arrays 4 MiB, array headers
 * included: in G1, with regions of 1 to 4 MiB (heaps up to 16 GB), each is a humongous object
 * filling its regions exactly, allocated straight into the old generation. A large table is then
 * never copied by young collections, which would otherwise move every row at least once while a
 * file is read. With 8 MiB regions (heaps of 16 to 32 GB) the {@code int} arrays each take a whole
 * region (a third more memory per full segment); with larger regions segments are ordinary
 * objects again.
 *
 * <p>Row {@code i} is the session {@code [startNanos(i), endNanos(i))} of {@code
 * users().get(userIndex(i))} on {@code products().get(productIndex(i))}, in the order rows were
 * added. Immutable and thread-safe; no method accepts or returns null.
 */
public final class SessionTable {
  /** Rows in the first segment a builder allocates. */
  public static final int FIRST_SEGMENT = (1 << 12) - 4;

  /**
   * Rows in a full-size segment: {@code 8 * MAX_SEGMENT + 16} bytes (a {@code long} array and its
   * header) is 8 MiB less 16 bytes, and {@code 4 * MAX_SEGMENT + 16} is exactly 4 MiB.
   */
  public static final int MAX_SEGMENT = (1 << 20) - 4;

  private static final long NANOS = 1_000_000_000L;

  private final List<UserId> users;
  private final List<ProductId> products;
  private final int[][] user;
  /** Per segment, its product indexes: {@code byte[]} (unsigned) or {@code int[]}. */
  private final Object[] product;
  /** Per segment, the start its {@code int[]} starts count seconds from. */
  private final long[] base;
  /** Per segment, its starts: {@code int[]} seconds from {@link #base} or {@code long[]} nanos. */
  private final Object[] start;
  /** Per segment, its ends: {@code int[]} seconds after the row's start or {@code long[]} nanos. */
  private final Object[] end;
  /** {@code offset[s]} is segment {@code s}'s first row; {@code offset[segments]} the size. */
  private final int[] offset;
  private final int size;

  private SessionTable(Builder b) {
    this.users = List.copyOf(b.users);
    this.products = List.copyOf(b.products);
    this.user = b.userSegments.toArray(new int[0][]);
    this.product = b.productSegments.toArray();
    this.start = b.startSegments.toArray();
    this.end = b.endSegments.toArray();
    this.base = new long[user.length];
    for (int k = 0; k < user.length; k++) {
      base[k] = b.bases.get(k);
    }
    this.offset = new int[user.length + 1];
    for (int k = 0; k < user.length; k++) {
      offset[k + 1] = offset[k] + b.counts.get(k);
    }
    this.size = offset[user.length];
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The table of {@code sessions}, in their iteration order: the backing table itself when {@code
   * sessions} is a table's {@link #asSessions()} view.
   */
  public static SessionTable of(Collection<Session> sessions) {
    if (sessions instanceof Rows rows) {
      return rows.table;
    }
    Builder b = builder();
    for (Session s : checkNotNull(sessions, "sessions")) {
      b.add(s);
    }
    return b.build();
  }

  /** Number of rows. */
  public int size() {
    return size;
  }

  /** The user dictionary, in order of first appearance. */
  public List<UserId> users() {
    return users;
  }

  /** The product dictionary, in order of first appearance. */
  public List<ProductId> products() {
    return products;
  }

  /** Index into {@link #users()} of row {@code row}'s user. */
  public int userIndex(int row) {
    int s = segment(row);
    return user[s][row - offset[s]];
  }

  /** Index into {@link #products()} of row {@code row}'s product. */
  public int productIndex(int row) {
    int s = segment(row);
    return productOf(product[s], row - offset[s]);
  }

  /** Start of row {@code row} in epoch nanoseconds. */
  public long startNanos(int row) {
    int s = segment(row);
    return startOf(start[s], base[s], row - offset[s]);
  }

  /** End (exclusive) of row {@code row} in epoch nanoseconds. */
  public long endNanos(int row) {
    int s = segment(row);
    int j = row - offset[s];
    return endOf(end[s], start[s], base[s], j);
  }

  private static int productOf(Object column, int j) {
    return column instanceof byte[] b ? b[j] & 0xFF : ((int[]) column)[j];
  }

  private static long startOf(Object column, long base, int j) {
    return column instanceof int[] secs ? base + secs[j] * NANOS : ((long[]) column)[j];
  }

  private static long endOf(Object column, Object starts, long base, int j) {
    return column instanceof int[] secs
        ? startOf(starts, base, j) + secs[j] * NANOS
        : ((long[]) column)[j];
  }

  /** Whether {@code nanos} is a whole number of seconds after {@code from}, within an int. */
  private static boolean inSeconds(long from, long nanos) {
    if (nanos < from) {
      return false;
    }
    long d = nanos - from; // negative when the difference overflows a long
    return d >= 0 && d % NANOS == 0 && d / NANOS <= Integer.MAX_VALUE;
  }

  /** The segment holding {@code row}. */
  private int segment(int row) {
    checkElementIndex(row, size, "row");
    int s = Arrays.binarySearch(offset, row);
    // an exact hit may be an empty segment's offset: take the last segment starting at row
    if (s >= 0) {
      while (s + 1 < user.length && offset[s + 1] == row) {
        s++;
      }
      return s;
    }
    return -s - 2;
  }

  /** Row {@code row} as a session object. */
  public Session session(int row) {
    return new Session(
        users.get(userIndex(row)),
        products.get(productIndex(row)),
        toInstant(startNanos(row)),
        toInstant(endNanos(row)));
  }

  /** All rows as session objects, in row order (one object per row: for small tables and tests). */
  public List<Session> sessions() {
    List<Session> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(session(i));
    }
    return out;
  }

  /**
   * The rows as an immutable list of sessions, each object made when it is read (nothing is
   * copied): the object view of usage for code that iterates sessions, while meters that know the
   * table ({@link #backing(List)}) read its columns.
   */
  public List<Session> asSessions() {
    return new Rows(this);
  }

  /** The table behind {@code sessions} when it is a table's {@link #asSessions()} view. */
  public static Optional<SessionTable> backing(List<Session> sessions) {
    return sessions instanceof Rows rows ? Optional.of(rows.table) : Optional.empty();
  }

  /**
   * The rows whose start lies in {@code [fromNanos, toNanos)}, in order: this table when that is
   * every row, else a new table (with dictionaries of the rows kept, in order of appearance).
   */
  public SessionTable startingIn(long fromNanos, long toNanos) {
    long[] sb = new long[BLOCK];
    boolean all = true;
    for (int from = 0; from < size && all; from += BLOCK) {
      int len = Math.min(BLOCK, size - from);
      copyStarts(from, sb, 0, len);
      for (int k = 0; k < len; k++) {
        if (sb[k] < fromNanos || sb[k] >= toNanos) {
          all = false;
          break;
        }
      }
    }
    return all ? this : rowsWhere((product, start) -> start >= fromNanos && start < toNanos);
  }

  /**
   * The rows of {@code product}, in order: a new table (with dictionaries of the rows kept, in
   * order of appearance); empty when the table has no such product.
   */
  public SessionTable ofProduct(ProductId product) {
    checkNotNull(product, "product");
    int wanted = products.indexOf(product);
    return rowsWhere((p, start) -> p == wanted);
  }

  /** Whether to keep a row, from its product index and start (epoch nanoseconds). */
  private interface RowTest {
    boolean keep(int productIndex, long startNanos);
  }

  /** The rows {@code test} keeps, in order, in a new table whose dictionaries hold theirs only. */
  private SessionTable rowsWhere(RowTest test) {
    Builder b = builder();
    int[] userMap = new int[users.size()];
    int[] productMap = new int[products.size()];
    Arrays.fill(userMap, -1);
    Arrays.fill(productMap, -1);
    forEachChunk(
        (row, len, ub, pb, sb, eb) -> {
          for (int k = 0; k < len; k++) {
            if (test.keep(pb[k], sb[k])) {
              int u = userMap[ub[k]];
              if (u < 0) {
                u = userMap[ub[k]] = b.userIndex(users.get(ub[k]));
              }
              int p = productMap[pb[k]];
              if (p < 0) {
                p = productMap[pb[k]] = b.productIndex(products.get(pb[k]));
              }
              b.add(u, p, sb[k], eb[k]);
            }
          }
        });
    return b.build();
  }

  /** The earliest start of any row in epoch nanoseconds, or {@code Long.MAX_VALUE} when empty. */
  public long minStartNanos() {
    return startBound(true);
  }

  /** The latest start of any row in epoch nanoseconds, or {@code Long.MIN_VALUE} when empty. */
  public long maxStartNanos() {
    return startBound(false);
  }

  private long startBound(boolean min) {
    long bound = min ? Long.MAX_VALUE : Long.MIN_VALUE;
    long[] sb = new long[BLOCK];
    for (int from = 0; from < size; from += BLOCK) {
      int len = Math.min(BLOCK, size - from);
      copyStarts(from, sb, 0, len);
      for (int k = 0; k < len; k++) {
        bound = min ? Math.min(bound, sb[k]) : Math.max(bound, sb[k]);
      }
    }
    return bound;
  }

  private static final int BLOCK = 1 << 12;

  /** A table's rows as sessions, made on each read. */
  private static final class Rows extends AbstractList<Session> implements RandomAccess {
    private final SessionTable table;

    Rows(SessionTable table) {
      this.table = table;
    }

    @Override
    public Session get(int index) {
      return table.session(index);
    }

    @Override
    public int size() {
      return table.size;
    }
  }

  /**
   * What is done with one chunk of rows read in bulk ({@link #forEachChunk}): the {@code n} rows
   * from {@code row}, their user and product indexes, starts and ends in {@code [0, n)} of the
   * arrays (which are reused for the next chunk).
   */
  @FunctionalInterface
  public interface Chunk {
    void rows(int row, int n, int[] users, int[] products, long[] starts, long[] ends);
  }

  /**
   * Reads every row in order, a chunk of columns at a time ({@link #copyUserIndexes} and the other
   * bulk copies into arrays reused from chunk to chunk): the full-row walk without a segment lookup
   * or a session object per row.
   */
  public void forEachChunk(Chunk chunk) {
    checkNotNull(chunk, "chunk");
    int[] users = new int[BLOCK];
    int[] products = new int[BLOCK];
    long[] starts = new long[BLOCK];
    long[] ends = new long[BLOCK];
    for (int from = 0; from < size; from += BLOCK) {
      int n = Math.min(BLOCK, size - from);
      copyUserIndexes(from, users, 0, n);
      copyProductIndexes(from, products, 0, n);
      copyStarts(from, starts, 0, n);
      copyEnds(from, ends, 0, n);
      chunk.rows(from, n, users, products, starts, ends);
    }
  }

  /**
   * What is done with one chunk of rows' user and product indexes ({@link
   * #forEachUserAndProductChunk}): the {@code n} rows from {@code row}, in {@code [0, n)} of the
   * arrays (reused for the next chunk).
   */
  @FunctionalInterface
  public interface UsersAndProducts {
    void rows(int row, int n, int[] users, int[] products);
  }

  /**
   * Reads every row's user and product index in order, a chunk at a time: {@link #forEachChunk}
   * without the times, for a pass that needs only who used what (a count per user or product).
   */
  public void forEachUserAndProductChunk(UsersAndProducts chunk) {
    checkNotNull(chunk, "chunk");
    int[] users = new int[BLOCK];
    int[] products = new int[BLOCK];
    for (int from = 0; from < size; from += BLOCK) {
      int n = Math.min(BLOCK, size - from);
      copyUserIndexes(from, users, 0, n);
      copyProductIndexes(from, products, 0, n);
      chunk.rows(from, n, users, products);
    }
  }

  /**
   * Copies the user-index column of rows {@code [from, from + length)} into {@code dest} from
   * {@code destFrom}: a bulk read for replays, without a bounds check per row.
   */
  public void copyUserIndexes(int from, int[] dest, int destFrom, int length) {
    copy(from, destFrom, length,
        (s, at, to, n) -> System.arraycopy(user[s], at, dest, to, n));
  }

  /** Copies the product-index column of rows {@code [from, from + length)} (see {@link #copyUserIndexes}). */
  public void copyProductIndexes(int from, int[] dest, int destFrom, int length) {
    copy(from, destFrom, length,
        (s, at, to, n) -> {
          if (product[s] instanceof byte[] b) {
            for (int k = 0; k < n; k++) {
              dest[to + k] = b[at + k] & 0xFF;
            }
          } else {
            System.arraycopy(product[s], at, dest, to, n);
          }
        });
  }

  /** Copies the start column of rows {@code [from, from + length)} (see {@link #copyUserIndexes}). */
  public void copyStarts(int from, long[] dest, int destFrom, int length) {
    copy(from, destFrom, length, (s, at, to, n) -> starts(s, at, dest, to, n));
  }

  private void starts(int s, int at, long[] dest, int to, int n) {
    if (start[s] instanceof int[] secs) {
      long b = base[s];
      for (int k = 0; k < n; k++) {
        dest[to + k] = b + secs[at + k] * NANOS;
      }
    } else {
      System.arraycopy(start[s], at, dest, to, n);
    }
  }

  /** Copies the end column of rows {@code [from, from + length)} (see {@link #copyUserIndexes}). */
  public void copyEnds(int from, long[] dest, int destFrom, int length) {
    copy(from, destFrom, length,
        (s, at, to, n) -> {
          if (end[s] instanceof int[] secs) {
            starts(s, at, dest, to, n);
            for (int k = 0; k < n; k++) {
              dest[to + k] += secs[at + k] * NANOS;
            }
          } else {
            System.arraycopy(end[s], at, dest, to, n);
          }
        });
  }

  /**
   * Copies the start and end of every row whose product index is {@code wanted}, in row order,
   * into {@code starts} and {@code ends} from index 0, and returns how many: one pass over the
   * product column, reading the starts and ends of those rows only (what a per-product sweep
   * needs, without converting every row's times once per product).
   *
   * @throws IndexOutOfBoundsException when the arrays are shorter than the product's rows
   */
  public int copyStartsAndEndsOf(int wanted, long[] starts, long[] ends) {
    checkNotNull(starts, "starts");
    checkNotNull(ends, "ends");
    int at = 0;
    for (int s = 0; s < user.length; s++) {
      int rows = offset[s + 1] - offset[s];
      Object pc = this.product[s];
      Object sc = start[s];
      Object ec = end[s];
      long b = base[s];
      if (pc instanceof byte[] pb) {
        if (wanted < 0 || wanted > 255) {
          continue;
        }
        byte key = (byte) wanted;
        for (int j = 0; j < rows; j++) {
          if (pb[j] == key) {
            long st = startOf(sc, b, j);
            starts[at] = st;
            ends[at] = ec instanceof int[] secs ? st + secs[j] * NANOS : ((long[]) ec)[j];
            at++;
          }
        }
      } else {
        int[] pi = (int[]) pc;
        for (int j = 0; j < rows; j++) {
          if (pi[j] == wanted) {
            long st = startOf(sc, b, j);
            starts[at] = st;
            ends[at] = ec instanceof int[] secs ? st + secs[j] * NANOS : ((long[]) ec)[j];
            at++;
          }
        }
      }
    }
    return at;
  }

  /**
   * Copies the product index, start and end of the rows {@code rows[from, from + length)} into
   * {@code products}, {@code starts} and {@code ends} from index 0: a gather of chosen rows (in
   * any order, fastest in ascending order, when consecutive rows share a segment) without a
   * binary search per row.
   *
   * @throws IndexOutOfBoundsException when a row is not in the table or an array is too short
   */
  public void copyRows(
      int[] rows, int from, int length, int[] products, long[] starts, long[] ends) {
    checkNotNull(rows, "rows");
    checkNotNull(products, "products");
    checkNotNull(starts, "starts");
    checkNotNull(ends, "ends");
    int s = 0;
    for (int k = 0; k < length; k++) {
      int row = rows[from + k];
      if (s >= user.length || row < offset[s] || row >= offset[s + 1]) {
        s = segment(row);
      }
      int j = row - offset[s];
      products[k] = productOf(product[s], j);
      long st = startOf(start[s], base[s], j);
      starts[k] = st;
      ends[k] = end[s] instanceof int[] secs ? st + secs[j] * NANOS : ((long[]) end[s])[j];
    }
  }

  /** Copies {@code n} rows of segment {@code s} from its row {@code at} to {@code to} of a destination. */
  private interface Piece {
    void copy(int s, int at, int to, int n);
  }

  /** Rows {@code [from, from + length)}, one piece per segment they span. */
  private void copy(int from, int destFrom, int length, Piece piece) {
    checkArgument(
        from >= 0 && length >= 0 && from + length <= size && from + length >= 0,
        "rows [%s, %s + %s) are outside [0, %s)",
        from,
        from,
        length,
        size);
    int done = 0;
    int s = length == 0 ? 0 : segment(from);
    while (done < length) {
      int row = from + done;
      while (offset[s + 1] <= row) {
        s++;
      }
      int n = Math.min(length - done, offset[s + 1] - row);
      piece.copy(s, row - offset[s], destFrom + done, n);
      done += n;
    }
  }

  /** Epoch nanoseconds of {@code t}; throws {@link ArithmeticException} outside 1678 to 2261. */
  public static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
  }

  /** The instant at {@code nanos} epoch nanoseconds. */
  public static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  @Override
  public String toString() {
    return "SessionTable[" + size + " rows, " + users.size() + " users, " + products.size()
        + " products]";
  }

  /**
   * Appends rows and interns users and products; {@link #build()} snapshots the rows added so far.
   * Mutable and not thread-safe (one builder per reader). Its state sits in final containers: the
   * segments grow in lists, and the segment being filled and the counts sit in small arrays.
   */
  public static final class Builder {
    private static final int SIZE = 0;
    private static final int FILL = 1;
    private static final int BUILT = 2;

    private final Map<UserId, Integer> userIds = new HashMap<>();
    private final Map<ProductId, Integer> productIds = new HashMap<>();
    private final List<UserId> users = new ArrayList<>();
    private final List<ProductId> products = new ArrayList<>();
    private final List<int[]> userSegments = new ArrayList<>();
    /** Per segment, its columns in the forms of {@link SessionTable}'s fields. */
    private final List<Object> productSegments = new ArrayList<>();
    private final List<Object> startSegments = new ArrayList<>();
    private final List<Object> endSegments = new ArrayList<>();
    private final List<Long> bases = new ArrayList<>();
    /** Rows in each segment but the last, which holds {@code state[FILL]}. */
    private final List<Integer> counts = new ArrayList<>();
    /** Rows in all, rows in the last segment, and 1 once a table shares this builder's arrays. */
    private final int[] state = new int[3];
    /** The last segment's user column. */
    private final int[][] ints = new int[1][];
    /** The last segment's product, start and end columns. */
    private final Object[] cols = new Object[3];
    /** The last segment's base (see {@link SessionTable#base}). */
    private final long[] base = new long[1];

    private static final int PRODUCT = 0;
    private static final int START = 1;
    private static final int END = 2;

    private Builder() {}

    /** The index of {@code id} in the user dictionary, adding it when new. */
    public int userIndex(UserId id) {
      checkNotNull(id, "user");
      Integer i = userIds.get(id);
      if (i == null) {
        i = users.size();
        userIds.put(id, i);
        users.add(id);
      }
      return i;
    }

    /** The index of {@code id} in the product dictionary, adding it when new. */
    public int productIndex(ProductId id) {
      checkNotNull(id, "product");
      Integer i = productIds.get(id);
      if (i == null) {
        i = products.size();
        productIds.put(id, i);
        products.add(id);
      }
      return i;
    }

    /** Rows added so far. */
    public int size() {
      return state[SIZE];
    }

    /** Appends a session. */
    public Builder add(Session s) {
      checkNotNull(s, "session");
      return add(userIndex(s.user()), productIndex(s.product()), toNanos(s.start()),
          toNanos(s.end()));
    }

    /**
     * Appends the session {@code [startNanos, endNanos)} of interned user {@code userIndex} on
     * interned product {@code productIndex}.
     *
     * @throws IllegalArgumentException when an index is not interned or the session ends before it
     *     starts
     */
    public Builder add(int userIndex, int productIndex, long startNanos, long endNanos) {
      checkElementIndex(userIndex, users.size(), "user index");
      checkElementIndex(productIndex, products.size(), "product index");
      if (endNanos < startNanos) {
        throw new IllegalArgumentException(
            "session ends " + toInstant(endNanos) + " before it starts " + toInstant(startNanos));
      }
      int n = state[SIZE];
      checkArgument(n < Integer.MAX_VALUE, "a table holds at most %s rows", Integer.MAX_VALUE);
      int at = state[FILL];
      int[] u = ints[0];
      if (u == null || at == u.length) {
        grow();
        u = ints[0];
        at = 0;
      }
      if (at == 0) {
        base[0] = startNanos;
        bases.set(bases.size() - 1, startNanos);
      }
      u[at] = userIndex;
      putProduct(at, productIndex);
      putStart(at, startNanos);
      putEnd(at, startNanos, endNanos);
      state[FILL] = at + 1;
      state[SIZE] = n + 1;
      return this;
    }

    private void putProduct(int at, int p) {
      if (cols[PRODUCT] instanceof byte[] b) {
        if (p < 256) {
          b[at] = (byte) p;
          return;
        }
        int[] wide = new int[b.length];
        for (int k = 0; k < at; k++) {
          wide[k] = b[k] & 0xFF;
        }
        replace(PRODUCT, productSegments, wide);
      }
      ((int[]) cols[PRODUCT])[at] = p;
    }

    private void putStart(int at, long startNanos) {
      if (cols[START] instanceof int[] secs) {
        if (inSeconds(base[0], startNanos)) {
          secs[at] = (int) ((startNanos - base[0]) / NANOS);
          return;
        }
        long[] wide = new long[secs.length];
        for (int k = 0; k < at; k++) {
          wide[k] = base[0] + secs[k] * NANOS;
        }
        replace(START, startSegments, wide);
      }
      ((long[]) cols[START])[at] = startNanos;
    }

    private void putEnd(int at, long startNanos, long endNanos) {
      if (cols[END] instanceof int[] secs) {
        if (inSeconds(startNanos, endNanos)) {
          secs[at] = (int) ((endNanos - startNanos) / NANOS);
          return;
        }
        long[] wide = new long[secs.length];
        for (int k = 0; k < at; k++) {
          wide[k] = endOf(secs, cols[START], base[0], k);
        }
        replace(END, endSegments, wide);
      }
      ((long[]) cols[END])[at] = endNanos;
    }

    /** Widens column {@code c} of the last segment to {@code wide} (its rows already copied). */
    private void replace(int c, List<Object> segments, Object wide) {
      cols[c] = wide;
      segments.set(segments.size() - 1, wide);
    }

    /** Closes the last segment and opens one twice its size, up to {@link #MAX_SEGMENT} rows. */
    private void grow() {
      int capacity = FIRST_SEGMENT;
      if (ints[0] != null) {
        counts.add(state[FILL]);
        capacity = (int) Math.min(MAX_SEGMENT, 2L * (ints[0].length + 4) - 4);
      }
      open(new int[capacity], new byte[capacity], new int[capacity], new int[capacity], 0L, 0);
    }

    private void open(int[] u, Object p, Object s, Object e, long b, int fill) {
      userSegments.add(u);
      productSegments.add(p);
      startSegments.add(s);
      endSegments.add(e);
      bases.add(b);
      ints[0] = u;
      cols[PRODUCT] = p;
      cols[START] = s;
      cols[END] = e;
      base[0] = b;
      state[FILL] = fill;
    }

    /** Appends every row of {@code table}, in order, interning its users and products here. */
    public Builder addAll(SessionTable table) {
      checkNotNull(table, "table");
      int[] userMap = new int[table.users().size()];
      for (int u = 0; u < userMap.length; u++) {
        userMap[u] = userIndex(table.users().get(u));
      }
      int[] productMap = new int[table.products().size()];
      for (int p = 0; p < productMap.length; p++) {
        productMap[p] = productIndex(table.products().get(p));
      }
      table.forEachChunk(
          (row, n, users, products, starts, ends) -> {
            for (int k = 0; k < n; k++) {
              add(userMap[users[k]], productMap[products[k]], starts[k], ends[k]);
            }
          });
      return this;
    }

    /**
     * Moves every row of {@code other} to the end of this builder, in order, interning its users
     * and products here, and empties {@code other} (its rows, not its dictionaries). Unless a table
     * was built from {@code other}, its segments move here whole (their user and product indexes
     * rewritten in place), so joining two halves of a file copies no row.
     */
    public Builder drainFrom(Builder other) {
      checkNotNull(other, "other");
      checkArgument(other != this, "a builder cannot drain itself");
      int[] users = new int[other.users.size()];
      for (int u = 0; u < users.length; u++) {
        users[u] = userIndex(other.users.get(u));
      }
      int[] products = new int[other.products.size()];
      for (int p = 0; p < products.length; p++) {
        products[p] = productIndex(other.products.get(p));
      }
      int segments = other.userSegments.size();
      for (int k = 0; k < segments; k++) {
        int rows = k < segments - 1 ? other.counts.get(k) : other.state[FILL];
        int[] u = other.userSegments.get(k);
        Object p = other.productSegments.get(k);
        Object st = other.startSegments.get(k);
        Object en = other.endSegments.get(k);
        long b = other.bases.get(k);
        if (other.state[BUILT] == 1) {
          for (int r = 0; r < rows; r++) {
            add(users[u[r]], products[productOf(p, r)], startOf(st, b, r), endOf(en, st, b, r));
          }
          continue;
        }
        boolean narrow = p instanceof byte[];
        for (int r = 0; r < rows && narrow; r++) {
          narrow = products[productOf(p, r)] < 256;
        }
        if (narrow) {
          byte[] pb = (byte[]) p;
          for (int r = 0; r < rows; r++) {
            pb[r] = (byte) products[pb[r] & 0xFF];
          }
        } else {
          int[] pi = new int[u.length];
          for (int r = 0; r < rows; r++) {
            pi[r] = products[productOf(p, r)];
          }
          p = pi;
        }
        for (int r = 0; r < rows; r++) {
          u[r] = users[u[r]];
        }
        if (ints[0] != null) {
          counts.add(state[FILL]);
        }
        open(u, p, st, en, b, rows);
        state[SIZE] = Math.addExact(state[SIZE], rows);
      }
      other.userSegments.clear();
      other.productSegments.clear();
      other.startSegments.clear();
      other.endSegments.clear();
      other.bases.clear();
      other.counts.clear();
      Arrays.fill(other.ints, null);
      Arrays.fill(other.cols, null);
      other.state[SIZE] = 0;
      other.state[FILL] = 0;
      other.state[BUILT] = 0;
      return this;
    }

    /**
     * A table of the rows added so far. Rows added later do not appear in it (the last segment is
     * shared, but only beyond the table's size).
     */
    public SessionTable build() {
      state[BUILT] = 1;
      counts.add(state[FILL]);
      try {
        return new SessionTable(this);
      } finally {
        counts.remove(counts.size() - 1);
      }
    }
  }
}
