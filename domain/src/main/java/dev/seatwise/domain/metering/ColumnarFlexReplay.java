package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Access-window metering (Autodesk Flex) of a {@link SessionTable}, by column: the same windows and
 * tokens as {@link WindowedMeter} gives for the same sessions, without an object per session or per
 * window. Rows are grouped by user and product with a stable counting sort of row indexes (two, by
 * product and then by user, when there are very many users × products), each user × product group is ordered by start (already sorted in the common case;
 * otherwise a stable merge sort of primitive arrays) and replayed with {@link FlexWindowing}.
 *
 * <p>The result has one <em>group</em> per user and product with at least one session, ordered by
 * user index and then product index (the table's dictionary order): its windows, tokens (windows ×
 * the product's rate; zero when the context's coverage covers the user and product, rule F9), its
 * days used (calendar days in the context's zone that some session touches, as the application's
 * usage analysis counts them) and the start of each window.
 *
 * <p>Immutable and thread-safe; no method accepts or returns null.
 */
public final class ColumnarFlexReplay {
  private static final int INSERTION = 32;
  /** Up to this many user x product keys, rows are grouped by one counting sort over the keys. */
  private static final long DENSE_KEYS = 1 << 24;
  private static final int CHUNK = 1 << 15;
  private static final int SHIFT = 15;
  private static final int MASK = CHUNK - 1;
  private static final long NANOS = 1_000_000_000L;
  private static final long DAY = 86_400L;

  private final SessionTable table;
  private final int[] groupUser;
  private final int[] groupProduct;
  private final int[] windows;
  private final long[] tokens;
  private final int[] days;
  private final int[] windowOffset;
  private final long[][] windowStarts;
  private final long windowNanos;
  private final long totalTokens;

  private ColumnarFlexReplay(
      SessionTable table,
      int[] groupUser,
      int[] groupProduct,
      int[] windows,
      long[] tokens,
      int[] days,
      int[] windowOffset,
      long[][] windowStarts,
      long windowNanos,
      long totalTokens) {
    this.table = table;
    this.groupUser = groupUser;
    this.groupProduct = groupProduct;
    this.windows = windows;
    this.tokens = tokens;
    this.days = days;
    this.windowOffset = windowOffset;
    this.windowStarts = windowStarts;
    this.windowNanos = windowNanos;
    this.totalTokens = totalTokens;
  }

  /**
   * Replays every row of {@code table} under {@code context}'s catalog, coverage and zone.
   *
   * @throws IllegalArgumentException when an uncovered product is not in the catalog (as {@link
   *     WindowedMeter} does)
   */
  public static ColumnarFlexReplay of(SessionTable table, MeterContext context) {
    return of(table, context, DENSE_KEYS);
  }

  /** The same, grouping by one counting sort only up to {@code denseKeys} keys (for tests). */
  static ColumnarFlexReplay of(SessionTable table, MeterContext context, long denseKeys) {
    checkNotNull(table, "table");
    checkNotNull(context, "context");
    Catalog catalog = context.catalog();
    MeteringParameters params = catalog.metering();
    long window = params.window().toNanos();
    long minimum = params.minimumBillable().toNanos();
    Groups groups = Groups.of(table, denseKeys);
    int[] order = groups.order();
    int[] bounds = groups.bounds();
    int count = groups.users().length;

    List<UserId> userDict = table.users();
    List<ProductId> productDict = table.products();
    long[] rates = new long[productDict.size()];
    Arrays.fill(rates, -1);
    boolean noCoverage = context.coverage().covered().isEmpty();
    ZoneRules rules = context.zone().getRules();
    boolean fixedOffset = rules.isFixedOffset();
    long offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    ZoneId zone = context.zone();

    int[] gWindows = new int[count];
    long[] gTokens = new long[count];
    int[] gDays = new int[count];
    int[] gOffset = new int[count + 1];
    List<long[]> chunks = new ArrayList<>();
    int[] fill = {CHUNK};
    LongConsumer sink =
        start -> {
          if (fill[0] == CHUNK) {
            chunks.add(new long[CHUNK]);
            fill[0] = 0;
          }
          chunks.get(chunks.size() - 1)[fill[0]++] = start;
        };
    long[] s = new long[64];
    long[] e = new long[64];
    int windowCount = 0;
    long total = 0;
    for (int g = 0; g < count; g++) {
      int from = bounds[g];
      int len = bounds[g + 1] - from;
      if (len > s.length) {
        s = new long[Math.max(len, s.length * 2)];
        e = new long[s.length];
      }
      boolean sorted = true;
      long prev = Long.MIN_VALUE;
      for (int k = 0; k < len; k++) {
        int r = order[from + k];
        long st = table.startNanos(r);
        s[k] = st;
        e[k] = table.endNanos(r);
        sorted &= st >= prev;
        prev = st;
      }
      if (!sorted) {
        sortByStart(s, e, len);
      }
      int u = groups.users()[g];
      int p = groups.products()[g];
      int w = 0;
      long t = 0;
      if (noCoverage || !context.coverage().covers(userDict.get(u), productDict.get(p))) {
        long rate = rates[p];
        if (rate < 0) {
          rate = catalog.requireProduct(productDict.get(p)).tokenRate().orElse(0L);
          rates[p] = rate;
        }
        w = FlexWindowing.replay(s, e, 0, len, window, minimum, sink);
        t = Math.multiplyExact((long) w, rate);
        total = Math.addExact(total, t);
      }
      gWindows[g] = w;
      gTokens[g] = t;
      gDays[g] = fixedOffset ? daysFixed(s, e, len, offsetSeconds) : daysInZone(s, e, len, zone);
      windowCount = Math.addExact(windowCount, w);
      gOffset[g + 1] = windowCount;
    }
    return new ColumnarFlexReplay(
        table,
        groups.users(),
        groups.products(),
        gWindows,
        gTokens,
        gDays,
        gOffset,
        chunks.toArray(new long[0][]),
        window,
        total);
  }

  /**
   * Row indexes grouped by user and product, in user-index then product-index order, rows of a
   * group in table order; {@code bounds[g]} to {@code bounds[g + 1]} are group {@code g}'s rows in
   * {@code order}.
   */
  private record Groups(int[] order, int[] bounds, int[] users, int[] products) {
    static Groups of(SessionTable table, long denseKeys) {
      long keys = (long) table.users().size() * table.products().size();
      return keys <= denseKeys ? dense(table, (int) keys) : twoPass(table);
    }

    /** One stable counting sort by the key {@code user * products + product}. */
    private static Groups dense(SessionTable table, int keys) {
      int n = table.size();
      int productCount = table.products().size();
      int[] at = new int[keys + 1];
      int[] ub = new int[CHUNK];
      int[] pb = new int[CHUNK];
      for (int from = 0; from < n; from += CHUNK) {
        int len = Math.min(CHUNK, n - from);
        table.copyUserIndexes(from, ub, 0, len);
        table.copyProductIndexes(from, pb, 0, len);
        for (int k = 0; k < len; k++) {
          at[ub[k] * productCount + pb[k] + 1]++;
        }
      }
      int count = 0;
      for (int k = 0; k < keys; k++) {
        if (at[k + 1] > 0) {
          count++;
        }
        at[k + 1] += at[k];
      }
      int[] bounds = new int[count + 1];
      int[] users = new int[count];
      int[] products = new int[count];
      int g = 0;
      for (int k = 0; k < keys; k++) {
        if (at[k + 1] > at[k]) {
          users[g] = k / productCount;
          products[g] = k % productCount;
          bounds[g + 1] = at[k + 1];
          g++;
        }
      }
      int[] order = new int[n];
      for (int from = 0; from < n; from += CHUNK) {
        int len = Math.min(CHUNK, n - from);
        table.copyUserIndexes(from, ub, 0, len);
        table.copyProductIndexes(from, pb, 0, len);
        for (int k = 0; k < len; k++) {
          order[at[ub[k] * productCount + pb[k]]++] = from + k;
        }
      }
      return new Groups(order, bounds, users, products);
    }

    /** Two stable counting sorts, by product and then by user, for very many keys. */
    private static Groups twoPass(SessionTable table) {
      int n = table.size();
      int productCount = table.products().size();
      int userCount = table.users().size();
      int[] buf = new int[CHUNK];
      int[] at = new int[productCount + 1];
      for (int from = 0; from < n; from += CHUNK) {
        int len = Math.min(CHUNK, n - from);
        table.copyProductIndexes(from, buf, 0, len);
        for (int k = 0; k < len; k++) {
          at[buf[k] + 1]++;
        }
      }
      for (int k = 0; k < productCount; k++) {
        at[k + 1] += at[k];
      }
      int[] byProduct = new int[n];
      for (int from = 0; from < n; from += CHUNK) {
        int len = Math.min(CHUNK, n - from);
        table.copyProductIndexes(from, buf, 0, len);
        for (int k = 0; k < len; k++) {
          byProduct[at[buf[k]]++] = from + k;
        }
      }
      int[] uat = new int[userCount + 1];
      for (int from = 0; from < n; from += CHUNK) {
        int len = Math.min(CHUNK, n - from);
        table.copyUserIndexes(from, buf, 0, len);
        for (int k = 0; k < len; k++) {
          uat[buf[k] + 1]++;
        }
      }
      for (int k = 0; k < userCount; k++) {
        uat[k + 1] += uat[k];
      }
      int[] order = new int[n];
      for (int k = 0; k < n; k++) {
        int r = byProduct[k];
        order[uat[table.userIndex(r)]++] = r;
      }
      int[] bounds = new int[16];
      int[] users = new int[16];
      int[] products = new int[16];
      int count = 0;
      int i = 0;
      while (i < n) {
        int u = table.userIndex(order[i]);
        int p = table.productIndex(order[i]);
        int j = i + 1;
        while (j < n && table.userIndex(order[j]) == u && table.productIndex(order[j]) == p) {
          j++;
        }
        if (count + 1 >= bounds.length) {
          bounds = Arrays.copyOf(bounds, bounds.length * 2);
          users = Arrays.copyOf(users, users.length * 2);
          products = Arrays.copyOf(products, products.length * 2);
        }
        users[count] = u;
        products[count] = p;
        bounds[count + 1] = j;
        count++;
        i = j;
      }
      return new Groups(order, Arrays.copyOf(bounds, count + 1), Arrays.copyOf(users, count),
          Arrays.copyOf(products, count));
    }
  }

  /** Stable sort of the pairs {@code (s[k], e[k])}, {@code k < len}, by {@code s}. */
  static void sortByStart(long[] s, long[] e, int len) {
    if (len <= INSERTION) {
      insertion(s, e, 0, len);
      return;
    }
    long[] ts = new long[len];
    long[] te = new long[len];
    mergeSort(s, e, ts, te, 0, len);
  }

  private static void insertion(long[] s, long[] e, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      long ks = s[k];
      long ke = e[k];
      int m = k - 1;
      while (m >= from && s[m] > ks) {
        s[m + 1] = s[m];
        e[m + 1] = e[m];
        m--;
      }
      s[m + 1] = ks;
      e[m + 1] = ke;
    }
  }

  private static void mergeSort(long[] s, long[] e, long[] ts, long[] te, int from, int to) {
    if (to - from <= INSERTION) {
      insertion(s, e, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(s, e, ts, te, from, mid);
    mergeSort(s, e, ts, te, mid, to);
    if (s[mid - 1] <= s[mid]) {
      return;
    }
    System.arraycopy(s, from, ts, from, to - from);
    System.arraycopy(e, from, te, from, to - from);
    int a = from;
    int b = mid;
    for (int k = from; k < to; k++) {
      if (b >= to || (a < mid && ts[a] <= ts[b])) {
        s[k] = ts[a];
        e[k] = te[a++];
      } else {
        s[k] = ts[b];
        e[k] = te[b++];
      }
    }
  }

  /** Days touched, sessions sorted by start, in a zone with one fixed offset. */
  private static int daysFixed(long[] s, long[] e, int len, long offsetSeconds) {
    int count = 0;
    long last = Long.MIN_VALUE;
    for (int k = 0; k < len; k++) {
      long first = Math.floorDiv(Math.floorDiv(s[k], NANOS) + offsetSeconds, DAY);
      long end = e[k] == s[k] ? e[k] : e[k] - 1;
      long lastDay = Math.floorDiv(Math.floorDiv(end, NANOS) + offsetSeconds, DAY);
      if (first > last) {
        count += (int) (lastDay - first + 1);
        last = lastDay;
      } else if (lastDay > last) {
        count += (int) (lastDay - last);
        last = lastDay;
      }
    }
    return count;
  }

  /** Days touched in a zone whose offset changes: each session's days, as a set. */
  private static int daysInZone(long[] s, long[] e, int len, ZoneId zone) {
    Set<Long> seen = new HashSet<>();
    for (int k = 0; k < len; k++) {
      long first = SessionTable.toInstant(s[k]).atZone(zone).toLocalDate().toEpochDay();
      long end = e[k] == s[k] ? e[k] : e[k] - 1;
      long lastDay = SessionTable.toInstant(end).atZone(zone).toLocalDate().toEpochDay();
      for (long d = first; d <= lastDay; d++) {
        seen.add(d);
      }
    }
    return seen.size();
  }

  /** The replayed table. */
  public SessionTable table() {
    return table;
  }

  /** Number of user × product groups (pairs with at least one session). */
  public int groups() {
    return groupUser.length;
  }

  /** Index into the table's user dictionary of group {@code g}. */
  public int userIndex(int g) {
    return groupUser[g];
  }

  /** Index into the table's product dictionary of group {@code g}. */
  public int productIndex(int g) {
    return groupProduct[g];
  }

  public UserId user(int g) {
    return table.users().get(groupUser[g]);
  }

  public ProductId product(int g) {
    return table.products().get(groupProduct[g]);
  }

  /** Access windows charged to group {@code g}. */
  public int windows(int g) {
    return windows[g];
  }

  /** Tokens charged to group {@code g}. */
  public long tokens(int g) {
    return tokens[g];
  }

  /** Calendar days (in the context's zone) on which group {@code g} used its product. */
  public int daysUsed(int g) {
    return days[g];
  }

  /** Start, in epoch nanoseconds, of window {@code k} of group {@code g}. */
  public long windowStartNanos(int g, int k) {
    checkElementIndex(k, windows[g], "window");
    int i = windowOffset[g] + k;
    return windowStarts[i >>> SHIFT][i & MASK];
  }

  /** All windows charged. */
  public long totalWindows() {
    return windowOffset[windowOffset.length - 1];
  }

  /** All tokens charged. */
  public long totalTokens() {
    return totalTokens;
  }

  /** The charges, one per window, as {@link WindowedMeter} reports them (group order). */
  public List<Charge> charges() {
    List<Charge> out = new ArrayList<>((int) totalWindows());
    Duration length = Duration.ofNanos(windowNanos);
    for (int g = 0; g < groups(); g++) {
      long rate = windows[g] == 0 ? 0 : tokens[g] / windows[g];
      for (int k = windowOffset[g]; k < windowOffset[g + 1]; k++) {
        Instant start = SessionTable.toInstant(windowStarts[k >>> SHIFT][k & MASK]);
        out.add(new Charge(user(g), product(g), start, start.plus(length), rate));
      }
    }
    return out;
  }

  /** The charges as a {@link Metering} (no capacity demands). */
  public Metering toMetering() {
    return new Metering(charges(), List.of());
  }

  @Override
  public String toString() {
    return "ColumnarFlexReplay[" + groups() + " groups, " + totalWindows() + " windows, "
        + totalTokens + " tokens]";
  }
}
