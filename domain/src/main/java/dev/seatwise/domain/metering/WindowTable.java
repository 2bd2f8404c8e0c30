package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Access windows by column, in the order plan evaluation walks them: by start, then user, then
 * product id (windows equal in all three keep the order they were given in). Users and products are
 * held once each in dictionaries sorted by id (a window's user index is the position of its user
 * there); per window its start (epoch nanoseconds, as {@link SessionTable}), user index, product
 * index, tokens (the window's own, as {@link Charge#tokens()}) and end (one length when every window
 * shares it). Times are limited to the years 1678 to 2261.
 *
 * <p>A table may be a slice of another ({@link #startingIn}), sharing its columns and dictionaries.
 * Immutable and thread-safe.
 */
public final class WindowTable {
  private static final long NANOS = 1_000_000_000L;

  private final UserId[] users;
  private final ProductId[] products;
  /**
   * Starts: {@code base + startSecs[j]} seconds when every start is a whole number of seconds
   * from {@code base} within an {@code int} (the usual case: 4 bytes a window), else {@code
   * starts[j]} nanoseconds; exactly one of the two arrays is non-null.
   */
  private final long base;
  private final int[] startSecs;
  private final long[] starts;
  private final int[] userOf;
  /** Product indexes: one byte each (unsigned) when there are at most 256 products, else ints. */
  private final byte[] product8;
  private final int[] product32;
  /** Tokens: ints when every window's fit, else longs; exactly one is non-null. */
  private final int[] tokens32;
  private final long[] tokens64;
  /** Per window its end, or null when every window lasts {@link #length}. */
  private final long[] ends;
  /** The length of every window in nanoseconds when {@link #ends} is null, else -1. */
  private final long length;
  /** The first window of this table in the columns, and how many it has. */
  private final int from;
  private final int size;

  private WindowTable(
      UserId[] users,
      ProductId[] products,
      Columns c,
      long[] ends,
      long length,
      int from,
      int size) {
    this.users = users;
    this.products = products;
    this.base = c.base;
    this.startSecs = c.startSecs;
    this.starts = c.starts;
    this.userOf = c.userOf;
    this.product8 = c.product8;
    this.product32 = c.product32;
    this.tokens32 = c.tokens32;
    this.tokens64 = c.tokens64;
    this.ends = ends;
    this.length = length;
    this.from = from;
    this.size = size;
  }

  /** The table with no window. */
  public static WindowTable empty() {
    return new WindowTable(
        new UserId[0], new ProductId[0], new Columns(0, 0, false, false, false), null, 0, 0, 0);
  }

  /**
   * A table's columns, in the smallest form that holds the given values exactly (chosen before
   * they are set): see the fields of {@link WindowTable}.
   */
  private static final class Columns {
    private final long base;
    private final int[] startSecs;
    private final long[] starts;
    private final int[] userOf;
    private final byte[] product8;
    private final int[] product32;
    private final int[] tokens32;
    private final long[] tokens64;

    /**
     * Columns of {@code n} windows; starts as seconds from {@code base} when {@code seconds},
     * products as bytes when {@code smallProducts}, tokens as ints when {@code intTokens}.
     */
    Columns(int n, long base, boolean seconds, boolean smallProducts, boolean intTokens) {
      this.base = seconds ? base : 0;
      this.startSecs = seconds ? new int[n] : null;
      this.starts = seconds ? null : new long[n];
      this.userOf = new int[n];
      this.product8 = smallProducts ? new byte[n] : null;
      this.product32 = smallProducts ? null : new int[n];
      this.tokens32 = intTokens ? new int[n] : null;
      this.tokens64 = intTokens ? null : new long[n];
    }

    Columns(long base, int[] startSecs, long[] starts, int[] userOf, byte[] product8,
        int[] product32, int[] tokens32, long[] tokens64) {
      this.base = base;
      this.startSecs = startSecs;
      this.starts = starts;
      this.userOf = userOf;
      this.product8 = product8;
      this.product32 = product32;
      this.tokens32 = tokens32;
      this.tokens64 = tokens64;
    }

    /** Columns of {@code n} windows in the same form as {@code t}'s (a subset of its values). */
    Columns(int n, WindowTable t) {
      this(n, t.base, t.startSecs != null, t.product8 != null, t.tokens32 != null);
    }

    /** The start of window {@code k} in epoch nanoseconds. */
    long start(int k) {
      return startSecs != null ? base + startSecs[k] * NANOS : starts[k];
    }

    /**
     * Reorders windows {@code [from, from + len)}: the window at {@code from + k} becomes the one
     * that was at {@code from + order[k]} (the spares are scratch of at least {@code len}).
     */
    void permute(int from, int[] order, int len, long[] spareLongs, int[] spareInts, byte[] spareBytes) {
      if (startSecs != null) {
        permute(startSecs, from, order, len, spareInts);
      } else {
        for (int k = 0; k < len; k++) {
          spareLongs[k] = starts[from + order[k]];
        }
        System.arraycopy(spareLongs, 0, starts, from, len);
      }
      permute(userOf, from, order, len, spareInts);
      if (product8 != null) {
        for (int k = 0; k < len; k++) {
          spareBytes[k] = product8[from + order[k]];
        }
        System.arraycopy(spareBytes, 0, product8, from, len);
      } else {
        permute(product32, from, order, len, spareInts);
      }
      if (tokens32 != null) {
        permute(tokens32, from, order, len, spareInts);
      } else {
        for (int k = 0; k < len; k++) {
          spareLongs[k] = tokens64[from + order[k]];
        }
        System.arraycopy(spareLongs, 0, tokens64, from, len);
      }
    }

    private static void permute(int[] column, int from, int[] order, int len, int[] spare) {
      for (int k = 0; k < len; k++) {
        spare[k] = column[from + order[k]];
      }
      System.arraycopy(spare, 0, column, from, len);
    }

    void set(int k, long start, int user, int product, long tokens) {
      if (startSecs != null) {
        startSecs[k] = (int) ((start - base) / NANOS);
      } else {
        starts[k] = start;
      }
      userOf[k] = user;
      if (product8 != null) {
        product8[k] = (byte) product;
      } else {
        product32[k] = product;
      }
      if (tokens32 != null) {
        tokens32[k] = (int) tokens;
      } else {
        tokens64[k] = tokens;
      }
    }
  }

  /** Whether {@code start} is a whole number of seconds from {@code base}, within an {@code int}. */
  static boolean inSeconds(long base, long start) {
    if (start < base) {
      return false;
    }
    long d = start - base; // negative when the difference overflows a long
    return d >= 0 && d % NANOS == 0 && d / NANOS <= Integer.MAX_VALUE;
  }

  /** Whether {@code tokens} fits an {@code int}. */
  static boolean isInt(long tokens) {
    return tokens == (int) tokens;
  }

  /** Whether product indexes below {@code products} fit an unsigned byte. */
  static boolean smallProducts(int products) {
    return products <= 256;
  }

  /** This table's columns (shared, not copied). */
  private Columns columns() {
    return new Columns(base, startSecs, starts, userOf, product8, product32, tokens32, tokens64);
  }

  private long startAt(int j) {
    return startSecs != null ? base + startSecs[j] * NANOS : starts[j];
  }

  private int productAtRow(int j) {
    return product8 != null ? product8[j] & 0xFF : product32[j];
  }

  private long tokensAt(int j) {
    return tokens32 != null ? tokens32[j] : tokens64[j];
  }

  /**
   * The windows of {@code charges} (any order) sorted by start, user and product, stably. The
   * charges of a {@link FlexReplay} give its own table ({@link FlexReplay#windowTable()}), built
   * once.
   *
   * @throws ArithmeticException when a time is outside the years 1678 to 2261
   */
  public static WindowTable of(List<Charge> charges) {
    checkNotNull(charges, "charges");
    if (charges instanceof FlexReplay.Charges c) {
      return c.replay().windowTable();
    }
    int n = charges.size();
    if (n == 0) {
      return empty();
    }
    Map<UserId, Integer> userIds = new HashMap<>();
    Map<ProductId, Integer> productIds = new HashMap<>();
    TreeSet<UserId> userSet = new TreeSet<>();
    TreeSet<ProductId> productSet = new TreeSet<>();
    Charge[] given = charges.toArray(new Charge[0]);
    for (Charge c : given) {
      if (!userIds.containsKey(c.user())) {
        userIds.put(c.user(), -1);
        userSet.add(c.user());
      }
      if (!productIds.containsKey(c.product())) {
        productIds.put(c.product(), -1);
        productSet.add(c.product());
      }
    }
    UserId[] users = userSet.toArray(new UserId[0]);
    ProductId[] products = productSet.toArray(new ProductId[0]);
    for (int u = 0; u < users.length; u++) {
      userIds.put(users[u], u);
    }
    for (int p = 0; p < products.length; p++) {
      productIds.put(products[p], p);
    }
    long[] s = new long[n];
    int[] u = new int[n];
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = SessionTable.toNanos(given[i].start());
      u[i] = userIds.get(given[i].user());
      p[i] = productIds.get(given[i].product());
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    IndexOrder order =
        (a, b) -> {
          int c = Long.compare(s[a], s[b]);
          if (c != 0) {
            return c;
          }
          c = Integer.compare(u[a], u[b]);
          return c != 0 ? c : Integer.compare(p[a], p[b]);
        };
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = order.compare(i - 1, i) <= 0;
    }
    if (!sorted) {
      mergeSort(perm, new int[n], 0, n, order);
    }
    long min = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, s[i]);
    }
    boolean seconds = true;
    boolean intTokens = true;
    for (int i = 0; i < n; i++) {
      seconds &= inSeconds(min, s[i]);
      intTokens &= isInt(given[i].tokens());
    }
    Columns cols = new Columns(n, min, seconds, smallProducts(products.length), intTokens);
    long[] ends = new long[n];
    boolean uniform = true;
    long length = -1;
    for (int i = 0; i < n; i++) {
      Charge c = given[perm[i]];
      long start = s[perm[i]];
      cols.set(i, start, u[perm[i]], p[perm[i]], c.tokens());
      ends[i] = SessionTable.toNanos(c.end());
      long len = ends[i] - start;
      if (i == 0) {
        length = len;
      } else if (len != length) {
        uniform = false;
      }
    }
    return new WindowTable(
        users, products, cols, uniform ? null : ends, uniform ? length : -1, 0, n);
  }

  /** Compares two positions. */
  private interface IndexOrder {
    int compare(int a, int b);
  }

  /** Stable merge sort of {@code a[from, to)} by {@code order}. */
  private static void mergeSort(int[] a, int[] tmp, int from, int to, IndexOrder order) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && order.compare(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, order);
    mergeSort(a, tmp, mid, to, order);
    if (order.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && order.compare(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }

  /**
   * The table of a replay: sorted runs of windows (each run one user and product, its windows by
   * start; no two runs share a user and product) merged by start, user and product.
   *
   * @param runUser per run, its user index in {@code users} (sorted by id)
   * @param runProduct per run, its product index in {@code products} (sorted by id)
   * @param runOffset run {@code r} is {@code [runOffset[r], runOffset[r + 1])} of the columns
   * @param runTokens32 the windows' tokens as ints, or null when {@code runTokens64} has them
   */
  static WindowTable merge(
      UserId[] users,
      ProductId[] products,
      int[] runUser,
      int[] runProduct,
      int[] runOffset,
      long[] runStarts,
      int[] runTokens32,
      long[] runTokens64,
      long length) {
    int runs = runUser.length;
    int n = runOffset[runs];
    // runs ranked by user, then product: the tie order of equal starts
    Integer[] boxed = new Integer[runs];
    for (int r = 0; r < runs; r++) {
      boxed[r] = r;
    }
    Arrays.sort(
        boxed,
        (a, b) -> {
          int c = Integer.compare(runUser[a], runUser[b]);
          return c != 0 ? c : Integer.compare(runProduct[a], runProduct[b]);
        });
    int[] byRank = new int[runs];
    for (int k = 0; k < runs; k++) {
      byRank[k] = boxed[k];
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int j = 0; j < n; j++) {
      min = Math.min(min, runStarts[j]);
      max = Math.max(max, runStarts[j]);
    }
    return bucketed(users, products, runUser, runProduct, runOffset, runStarts, runTokens32,
        runTokens64, length, byRank, min, max);
  }

  /**
   * The merge by buckets of start time: the windows are dealt into buckets (each a slice of the
   * time range, a few windows on average) run by run in rank order, written straight into the
   * table's columns at their bucket's next place, then each bucket is sorted stably by start where
   * it is not already in order, which leaves equal starts in rank order. Linear but for crowded
   * buckets; it reads the runs in order and sorts each bucket where it lies (a heap merge jumps
   * between the runs, and gathering each window from its run would miss the cache on most).
   */
  private static WindowTable bucketed(
      UserId[] users,
      ProductId[] products,
      int[] runUser,
      int[] runProduct,
      int[] runOffset,
      long[] runStarts,
      int[] runTokens32,
      long[] runTokens64,
      long length,
      int[] byRank,
      long min,
      long max) {
    int n = runOffset[runUser.length];
    boolean seconds = true;
    for (int j = 0; j < n && seconds; j++) {
      long d = runStarts[j] - min; // negative when the difference overflows a long
      long q = d / NANOS;
      seconds = d >= 0 && q * NANOS == d && q <= Integer.MAX_VALUE;
    }
    boolean intTokens = runTokens32 != null;
    if (!intTokens) {
      intTokens = true;
      for (int j = 0; j < n && intTokens; j++) {
        intTokens = isInt(runTokens64[j]);
      }
    }
    Columns cols = new Columns(n, min, seconds, smallProducts(products.length), intTokens);
    int buckets = Math.max(1, n / 4);
    // unsigned: max - min is exact as an unsigned long, whatever the range
    long width = n == 0 ? 1 : Long.divideUnsigned(max - min, buckets) + 1;
    int[] bucketOf = new int[n];
    int[] first = new int[buckets + 1];
    for (int j = 0; j < n; j++) {
      int b = (int) Long.divideUnsigned(runStarts[j] - min, width);
      bucketOf[j] = b;
      first[b + 1]++;
    }
    int widest = 0;
    for (int b = 0; b < buckets; b++) {
      widest = Math.max(widest, first[b + 1]);
      first[b + 1] += first[b];
    }
    int[] next = Arrays.copyOf(first, buckets);
    for (int r : byRank) {
      int u = runUser[r];
      int p = runProduct[r];
      for (int j = runOffset[r]; j < runOffset[r + 1]; j++) {
        cols.set(next[bucketOf[j]]++, runStarts[j], u, p,
            runTokens32 != null ? runTokens32[j] : runTokens64[j]);
      }
    }
    next = null;
    bucketOf = null;
    long[] keys = new long[widest];
    int[] part = new int[widest];
    int[] tmp = new int[widest];
    long[] spareLongs = new long[widest];
    int[] spareInts = new int[widest];
    byte[] spareBytes = new byte[widest];
    IndexOrder byKey = (a, b) -> Long.compare(keys[a], keys[b]);
    for (int b = 0; b < buckets; b++) {
      int from = first[b];
      int len = first[b + 1] - from;
      if (len < 2) {
        continue;
      }
      boolean sorted = true;
      for (int k = 0; k < len; k++) {
        keys[k] = cols.start(from + k);
        sorted &= k == 0 || keys[k - 1] <= keys[k];
      }
      if (sorted) {
        continue;
      }
      for (int k = 0; k < len; k++) {
        part[k] = k;
      }
      if (len <= 16) {
        for (int i = 1; i < len; i++) {
          int v = part[i];
          int j = i - 1;
          while (j >= 0 && keys[part[j]] > keys[v]) {
            part[j + 1] = part[j];
            j--;
          }
          part[j + 1] = v;
        }
      } else {
        mergeSort(part, tmp, 0, len, byKey);
      }
      cols.permute(from, part, len, spareLongs, spareInts, spareBytes);
    }
    return new WindowTable(users, products, cols, null, length, 0, n);
  }

  /** Windows in this table. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Start of window {@code i} in epoch nanoseconds. */
  public long startNanos(int i) {
    checkElementIndex(i, size, "window");
    return startAt(from + i);
  }

  public Instant start(int i) {
    return SessionTable.toInstant(startNanos(i));
  }

  /** End (exclusive) of window {@code i} in epoch nanoseconds. */
  public long endNanos(int i) {
    checkElementIndex(i, size, "window");
    return ends == null ? startAt(from + i) + length : ends[from + i];
  }

  public Instant end(int i) {
    return SessionTable.toInstant(endNanos(i));
  }

  /** The length every window has, or empty when they differ (or there is none). */
  public Optional<Duration> length() {
    return ends == null && size > 0 ? Optional.of(Duration.ofNanos(length)) : Optional.empty();
  }

  /** Index of window {@code i}'s user in {@link #userAt}. */
  public int userIndex(int i) {
    checkElementIndex(i, size, "window");
    return userOf[from + i];
  }

  public UserId user(int i) {
    return users[userIndex(i)];
  }

  /** Index of window {@code i}'s product in {@link #productAt}. */
  public int productIndex(int i) {
    checkElementIndex(i, size, "window");
    return productAtRow(from + i);
  }

  public ProductId product(int i) {
    return products[productIndex(i)];
  }

  /** The window's own tokens ({@link Charge#tokens()}). */
  public long tokens(int i) {
    checkElementIndex(i, size, "window");
    return tokensAt(from + i);
  }

  /** Window {@code i} as a charge (a new object each call). */
  public Charge charge(int i) {
    return new Charge(user(i), product(i), start(i), end(i), tokens(i));
  }

  /** The windows as charges, made when read. */
  public List<Charge> charges() {
    return new ChargeList();
  }

  /** Users of the dictionary (which a slice shares with the whole table), sorted by id. */
  public int userCount() {
    return users.length;
  }

  public UserId userAt(int index) {
    checkElementIndex(index, users.length, "user");
    return users[index];
  }

  /** The index of {@code user} in the dictionary, or -1 when absent. */
  public int indexOfUser(UserId user) {
    checkNotNull(user, "user");
    int k = Arrays.binarySearch(users, user);
    return k >= 0 ? k : -1;
  }

  /** Products of the dictionary (which a slice shares with the whole table), sorted by id. */
  public int productCount() {
    return products.length;
  }

  public ProductId productAt(int index) {
    checkElementIndex(index, products.length, "product");
    return products[index];
  }

  /** The index of {@code product} in the dictionary, or -1 when absent. */
  public int indexOfProduct(ProductId product) {
    checkNotNull(product, "product");
    int k = Arrays.binarySearch(products, product);
    return k >= 0 ? k : -1;
  }

  /** The first window starting at or after {@code nanos} ({@link #size()} when none does). */
  public int firstStartingAtOrAfter(long nanos) {
    int lo = from;
    int hi = from + size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (startAt(mid) < nanos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - from;
  }

  /** The windows starting in {@code [fromNanos, toNanos)}, a slice sharing this table's columns. */
  public WindowTable startingIn(long fromNanos, long toNanos) {
    checkArgument(fromNanos <= toNanos, "range ends before it starts: %s..%s", fromNanos, toNanos);
    int a = firstStartingAtOrAfter(fromNanos);
    int b = firstStartingAtOrAfter(toNanos);
    return slice(a, b);
  }

  /** Windows {@code [a, b)} of this table, sharing its columns. */
  public WindowTable slice(int a, int b) {
    checkArgument(0 <= a && a <= b && b <= size, "slice %s..%s of %s windows", a, b, size);
    if (a == 0 && b == size) {
      return this;
    }
    return new WindowTable(users, products, columns(), ends, length, from + a, b - a);
  }

  /**
   * The windows {@code i} of this table for which {@code keep} holds, in order (a new table with
   * the same dictionaries).
   */
  public WindowTable filter(IntPredicate keep) {
    checkNotNull(keep, "keep");
    boolean[] kept = new boolean[size];
    int m = 0;
    for (int i = 0; i < size; i++) {
      if (keep.test(i)) {
        kept[i] = true;
        m++;
      }
    }
    if (m == size) {
      return this;
    }
    Columns cols = new Columns(m, this);
    long[] e = ends == null ? null : new long[m];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (kept[i]) {
        int j = from + i;
        cols.set(k, startAt(j), userOf[j], productAtRow(j), tokensAt(j));
        if (e != null) {
          e[k] = ends[j];
        }
        k++;
      }
    }
    return new WindowTable(users, products, cols, e, length, 0, m);
  }

  /**
   * This table with every window moved by {@code nanos} (later when positive): the same windows
   * in the same order, sharing this table's columns when its starts are seconds from a base (the
   * usual case), else with its starts and ends copied.
   *
   * @throws ArithmeticException when a moved time is outside the years 1678 to 2261
   */
  public WindowTable shiftedBy(long nanos) {
    if (nanos == 0) {
      return this;
    }
    long[] e = null;
    if (ends != null) {
      e = new long[ends.length];
      for (int j = 0; j < e.length; j++) {
        e[j] = Math.addExact(ends[j], nanos);
      }
    }
    Columns c;
    if (startSecs != null) {
      // the columns are sorted by start: the last one is the latest start of every table sharing them
      // no start, no base to move (an empty table's base may be any value)
      long shiftedBase = startSecs.length == 0 ? base : Math.addExact(base, nanos);
      if (startSecs.length > 0) {
        Math.addExact(Math.addExact(base, startSecs[startSecs.length - 1] * NANOS), nanos);
      }
      c = new Columns(shiftedBase, startSecs, null, userOf, product8, product32, tokens32, tokens64);
    } else {
      long[] s = new long[starts.length];
      for (int j = 0; j < s.length; j++) {
        s[j] = Math.addExact(starts[j], nanos);
      }
      c = new Columns(0, null, s, userOf, product8, product32, tokens32, tokens64);
    }
    return new WindowTable(users, products, c, e, length, from, size);
  }

  /**
   * The windows at {@code positions} (increasing, no two equal as charges) as a set of charges:
   * a view of this table's columns that makes a charge only when one is read, and answers {@code
   * contains} by a binary search of the positions by start. Unmodifiable.
   */
  public Set<Charge> chargesAt(int[] positions) {
    checkNotNull(positions, "positions");
    int[] at = positions.clone();
    for (int k = 0; k < at.length; k++) {
      checkElementIndex(at[k], size, "window");
      checkArgument(k == 0 || at[k - 1] < at[k], "positions not increasing at %s", k);
    }
    return new ChargeSet(this, at);
  }

  /**
   * Windows of a table by position as an unmodifiable set of charges ({@link #chargesAt}).
   * Immutable and thread-safe.
   */
  public static final class ChargeSet extends java.util.AbstractSet<Charge> {
    private final WindowTable table;
    private final int[] positions;

    private ChargeSet(WindowTable table, int[] positions) {
      this.table = table;
      this.positions = positions;
    }

    @Override
    public int size() {
      return positions.length;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Charge c)) {
        return false;
      }
      long start = saturatedNanos(c.start());
      int lo = 0;
      int hi = positions.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (table.startNanos(positions[mid]) < start) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < positions.length && table.startNanos(positions[k]) == start; k++) {
        if (table.charge(positions[k]).equals(c)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public java.util.Iterator<Charge> iterator() {
      return Arrays.stream(positions).mapToObj(table::charge).iterator();
    }
  }

  /**
   * Epoch nanoseconds of {@code t}, clamped to the range of a {@code long} (for bounds: every
   * window time lies inside it).
   */
  public static long saturatedNanos(Instant t) {
    checkNotNull(t, "t");
    long s = t.getEpochSecond();
    if (s >= Long.MAX_VALUE / NANOS) {
      return Long.MAX_VALUE;
    }
    if (s <= Long.MIN_VALUE / NANOS) {
      return Long.MIN_VALUE;
    }
    return s * NANOS + t.getNano();
  }

  @Override
  public String toString() {
    return "WindowTable[" + size + " windows, " + users.length + " users, " + products.length
        + " products]";
  }

  private final class ChargeList extends AbstractList<Charge> implements RandomAccess {
    @Override
    public Charge get(int index) {
      return charge(index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
