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
  private final long[] starts;
  private final int[] userOf;
  private final int[] productOf;
  private final long[] tokens;
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
      long[] starts,
      int[] userOf,
      int[] productOf,
      long[] tokens,
      long[] ends,
      long length,
      int from,
      int size) {
    this.users = users;
    this.products = products;
    this.starts = starts;
    this.userOf = userOf;
    this.productOf = productOf;
    this.tokens = tokens;
    this.ends = ends;
    this.length = length;
    this.from = from;
    this.size = size;
  }

  /** The table with no window. */
  public static WindowTable empty() {
    return new WindowTable(
        new UserId[0], new ProductId[0], new long[0], new int[0], new int[0], new long[0], null,
        0, 0, 0);
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
    long[] starts = new long[n];
    int[] userOf = new int[n];
    int[] productOf = new int[n];
    long[] tokens = new long[n];
    long[] ends = new long[n];
    boolean uniform = true;
    long length = -1;
    for (int i = 0; i < n; i++) {
      Charge c = given[perm[i]];
      starts[i] = s[perm[i]];
      userOf[i] = u[perm[i]];
      productOf[i] = p[perm[i]];
      tokens[i] = c.tokens();
      ends[i] = SessionTable.toNanos(c.end());
      long len = ends[i] - starts[i];
      if (i == 0) {
        length = len;
      } else if (len != length) {
        uniform = false;
      }
    }
    return new WindowTable(
        users, products, starts, userOf, productOf, tokens, uniform ? null : ends,
        uniform ? length : -1, 0, n);
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
   */
  static WindowTable merge(
      UserId[] users,
      ProductId[] products,
      int[] runUser,
      int[] runProduct,
      int[] runOffset,
      long[] runStarts,
      long[] runTokens,
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
    return bucketed(users, products, runUser, runProduct, runOffset, runStarts, runTokens, length,
        byRank, min, max);
  }

  /**
   * The merge by buckets of start time: the windows are dealt into buckets (each a slice of the
   * time range, a few windows on average) run by run in rank order, then each bucket is sorted
   * stably by start, which leaves equal starts in rank order. Linear but for crowded buckets, and
   * it reads the runs in order (a heap merge jumps between them).
   */
  private static WindowTable bucketed(
      UserId[] users,
      ProductId[] products,
      int[] runUser,
      int[] runProduct,
      int[] runOffset,
      long[] runStarts,
      long[] runTokens,
      long length,
      int[] byRank,
      long min,
      long max) {
    int n = runOffset[runUser.length];
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
    for (int b = 0; b < buckets; b++) {
      first[b + 1] += first[b];
    }
    int[] next = Arrays.copyOf(first, buckets);
    int[] perm = new int[n];
    int[] runOf = new int[n];
    for (int r : byRank) {
      for (int j = runOffset[r]; j < runOffset[r + 1]; j++) {
        perm[next[bucketOf[j]]++] = j;
        runOf[j] = r;
      }
    }
    int[] tmp = new int[n];
    IndexOrder byStart = (a, b) -> Long.compare(runStarts[a], runStarts[b]);
    for (int b = 0; b < buckets; b++) {
      if (first[b + 1] - first[b] > 1) {
        mergeSort(perm, tmp, first[b], first[b + 1], byStart);
      }
    }
    long[] starts = new long[n];
    int[] userOf = new int[n];
    int[] productOf = new int[n];
    long[] tokens = new long[n];
    for (int k = 0; k < n; k++) {
      int j = perm[k];
      int r = runOf[j];
      starts[k] = runStarts[j];
      userOf[k] = runUser[r];
      productOf[k] = runProduct[r];
      tokens[k] = runTokens[j];
    }
    return new WindowTable(users, products, starts, userOf, productOf, tokens, null, length, 0, n);
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
    return starts[from + i];
  }

  public Instant start(int i) {
    return SessionTable.toInstant(startNanos(i));
  }

  /** End (exclusive) of window {@code i} in epoch nanoseconds. */
  public long endNanos(int i) {
    checkElementIndex(i, size, "window");
    return ends == null ? starts[from + i] + length : ends[from + i];
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
    return productOf[from + i];
  }

  public ProductId product(int i) {
    return products[productIndex(i)];
  }

  /** The window's own tokens ({@link Charge#tokens()}). */
  public long tokens(int i) {
    checkElementIndex(i, size, "window");
    return tokens[from + i];
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
      if (starts[mid] < nanos) {
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
    return new WindowTable(
        users, products, starts, userOf, productOf, tokens, ends, length, from + a, b - a);
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
    long[] s = new long[m];
    int[] u = new int[m];
    int[] p = new int[m];
    long[] t = new long[m];
    long[] e = ends == null ? null : new long[m];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (kept[i]) {
        s[k] = starts[from + i];
        u[k] = userOf[from + i];
        p[k] = productOf[from + i];
        t[k] = tokens[from + i];
        if (e != null) {
          e[k] = ends[from + i];
        }
        k++;
      }
    }
    return new WindowTable(users, products, s, u, p, t, e, length, 0, m);
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
