package dev.seatwise.domain.usage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions stored by column, for organisations too large for one object per session: users and
 * products are interned into dictionaries ({@link #users()}, {@link #products()}) and each row is
 * an {@code int} user index, an {@code int} product index and {@code long} start and end instants
 * in epoch nanoseconds (the unit the object meters use, so sub-second instants replay exactly;
 * years 1678 to 2261). A row costs 24 bytes and no object; columns are kept in fixed chunks of
 * {@value #CHUNK} rows, so a table grows without copying.
 *
 * <p>Row {@code i} is the session {@code [startNanos(i), endNanos(i))} of {@code
 * users().get(userIndex(i))} on {@code products().get(productIndex(i))}, in the order rows were
 * added. Immutable and thread-safe; no method accepts or returns null.
 */
public final class SessionTable {
  /**
   * Rows per column chunk: a {@code long} chunk is 256 KiB, below half of G1's smallest region, so
   * chunks are never humongous objects (which would waste the rest of their regions).
   */
  public static final int CHUNK = 1 << 15;

  private static final int SHIFT = 15;
  private static final int MASK = CHUNK - 1;
  private static final long NANOS = 1_000_000_000L;

  private final List<UserId> users;
  private final List<ProductId> products;
  private final int[][] user;
  private final int[][] product;
  private final long[][] start;
  private final long[][] end;
  private final int size;

  private SessionTable(Builder b) {
    this.users = List.copyOf(b.users);
    this.products = List.copyOf(b.products);
    this.user = b.userChunks.toArray(new int[0][]);
    this.product = b.productChunks.toArray(new int[0][]);
    this.start = b.startChunks.toArray(new long[0][]);
    this.end = b.endChunks.toArray(new long[0][]);
    this.size = b.size[0];
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The table of {@code sessions}, in their iteration order. */
  public static SessionTable of(Collection<Session> sessions) {
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
    checkElementIndex(row, size, "row");
    return user[row >>> SHIFT][row & MASK];
  }

  /** Index into {@link #products()} of row {@code row}'s product. */
  public int productIndex(int row) {
    checkElementIndex(row, size, "row");
    return product[row >>> SHIFT][row & MASK];
  }

  /** Start of row {@code row} in epoch nanoseconds. */
  public long startNanos(int row) {
    checkElementIndex(row, size, "row");
    return start[row >>> SHIFT][row & MASK];
  }

  /** End (exclusive) of row {@code row} in epoch nanoseconds. */
  public long endNanos(int row) {
    checkElementIndex(row, size, "row");
    return end[row >>> SHIFT][row & MASK];
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
   * Copies the user-index column of rows {@code [from, from + length)} into {@code dest} from
   * {@code destFrom}: a bulk read for replays, without a bounds check per row.
   */
  public void copyUserIndexes(int from, int[] dest, int destFrom, int length) {
    checkRange(from, length);
    copyInts(user, from, dest, destFrom, length);
  }

  /** Copies the product-index column of rows {@code [from, from + length)} (see {@link #copyUserIndexes}). */
  public void copyProductIndexes(int from, int[] dest, int destFrom, int length) {
    checkRange(from, length);
    copyInts(product, from, dest, destFrom, length);
  }

  /** Copies the start column of rows {@code [from, from + length)} (see {@link #copyUserIndexes}). */
  public void copyStarts(int from, long[] dest, int destFrom, int length) {
    checkRange(from, length);
    copyLongs(start, from, dest, destFrom, length);
  }

  /** Copies the end column of rows {@code [from, from + length)} (see {@link #copyUserIndexes}). */
  public void copyEnds(int from, long[] dest, int destFrom, int length) {
    checkRange(from, length);
    copyLongs(end, from, dest, destFrom, length);
  }

  private void checkRange(int from, int length) {
    checkArgument(
        from >= 0 && length >= 0 && from + length <= size && from + length >= 0,
        "rows [%s, %s + %s) are outside [0, %s)",
        from,
        from,
        length,
        size);
  }

  private static void copyInts(int[][] chunks, int from, int[] dest, int destFrom, int length) {
    int done = 0;
    while (done < length) {
      int row = from + done;
      int n = Math.min(length - done, CHUNK - (row & MASK));
      System.arraycopy(chunks[row >>> SHIFT], row & MASK, dest, destFrom + done, n);
      done += n;
    }
  }

  private static void copyLongs(long[][] chunks, int from, long[] dest, int destFrom, int length) {
    int done = 0;
    while (done < length) {
      int row = from + done;
      int n = Math.min(length - done, CHUNK - (row & MASK));
      System.arraycopy(chunks[row >>> SHIFT], row & MASK, dest, destFrom + done, n);
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
   * chunks grow in lists and the row count in a one-element array.
   */
  public static final class Builder {
    private final Map<UserId, Integer> userIds = new HashMap<>();
    private final Map<ProductId, Integer> productIds = new HashMap<>();
    private final List<UserId> users = new ArrayList<>();
    private final List<ProductId> products = new ArrayList<>();
    private final List<int[]> userChunks = new ArrayList<>();
    private final List<int[]> productChunks = new ArrayList<>();
    private final List<long[]> startChunks = new ArrayList<>();
    private final List<long[]> endChunks = new ArrayList<>();
    private final int[] size = new int[1];

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
      return size[0];
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
      int n = size[0];
      checkArgument(n < Integer.MAX_VALUE, "a table holds at most %s rows", Integer.MAX_VALUE);
      int c = n >>> SHIFT;
      if (c == userChunks.size()) {
        userChunks.add(new int[CHUNK]);
        productChunks.add(new int[CHUNK]);
        startChunks.add(new long[CHUNK]);
        endChunks.add(new long[CHUNK]);
      }
      int at = n & MASK;
      userChunks.get(c)[at] = userIndex;
      productChunks.get(c)[at] = productIndex;
      startChunks.get(c)[at] = startNanos;
      endChunks.get(c)[at] = endNanos;
      size[0] = n + 1;
      return this;
    }

    /**
     * Moves every row of {@code other} to the end of this builder, in order, interning its users
     * and products here, and empties {@code other} (its rows, not its dictionaries). Each of {@code
     * other}'s chunks is released once copied, so joining two halves of a file costs one chunk of
     * extra memory, not half a table.
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
      int n = other.size[0];
      for (int c = 0; c * CHUNK < n; c++) {
        int len = Math.min(CHUNK, n - c * CHUNK);
        int[] u = other.userChunks.get(c);
        int[] p = other.productChunks.get(c);
        long[] st = other.startChunks.get(c);
        long[] en = other.endChunks.get(c);
        for (int k = 0; k < len; k++) {
          add(users[u[k]], products[p[k]], st[k], en[k]);
        }
        other.userChunks.set(c, null);
        other.productChunks.set(c, null);
        other.startChunks.set(c, null);
        other.endChunks.set(c, null);
      }
      other.userChunks.clear();
      other.productChunks.clear();
      other.startChunks.clear();
      other.endChunks.clear();
      other.size[0] = 0;
      return this;
    }

    /**
     * A table of the rows added so far. Rows added later do not appear in it (the last chunk is
     * shared, but only beyond the table's size).
     */
    public SessionTable build() {
      return new SessionTable(this);
    }
  }
}
