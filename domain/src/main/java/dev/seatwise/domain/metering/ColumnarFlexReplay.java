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
import java.util.stream.LongStream;

/**
 * Access-window metering (Autodesk Flex) of a {@link SessionTable}, by column: the same windows and
 * tokens as {@link WindowedMeter} gives for the same sessions, without an object per session or per
 * window. Rows are ordered by user and product with two stable counting sorts over an index
 * permutation, each user × product group is ordered by start (already sorted in the common case;
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
  private static final long NANOS = 1_000_000_000L;
  private static final long DAY = 86_400L;

  private final SessionTable table;
  private final int[] groupUser;
  private final int[] groupProduct;
  private final int[] windows;
  private final long[] tokens;
  private final int[] days;
  private final int[] windowOffset;
  private final long[] windowStarts;
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
      long[] windowStarts,
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
    checkNotNull(table, "table");
    checkNotNull(context, "context");
    Catalog catalog = context.catalog();
    MeteringParameters params = catalog.metering();
    long window = params.window().toNanos();
    long minimum = params.minimumBillable().toNanos();
    int n = table.size();
    int userCount = table.users().size();
    int productCount = table.products().size();
    int[] users = new int[n];
    int[] products = new int[n];
    table.copyUserIndexes(0, users, 0, n);
    table.copyProductIndexes(0, products, 0, n);
    int[] order = groupOrder(users, products, userCount, productCount);

    List<UserId> userDict = table.users();
    List<ProductId> productDict = table.products();
    long[] rates = new long[productCount];
    Arrays.fill(rates, -1);
    boolean noCoverage = context.coverage().covered().isEmpty();
    ZoneRules rules = context.zone().getRules();
    boolean fixedOffset = rules.isFixedOffset();
    long offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    ZoneId zone = context.zone();

    int cap = Math.max(16, n / 8);
    int[] gUser = new int[cap];
    int[] gProduct = new int[cap];
    int[] gWindows = new int[cap];
    long[] gTokens = new long[cap];
    int[] gDays = new int[cap];
    int[] gOffset = new int[cap + 1];
    LongStream.Builder starts = LongStream.builder();
    long[] s = new long[64];
    long[] e = new long[64];
    int groups = 0;
    int windowCount = 0;
    long total = 0;
    int i = 0;
    while (i < n) {
      int first = order[i];
      int u = users[first];
      int p = products[first];
      int j = i;
      int len = 0;
      boolean sorted = true;
      long prev = Long.MIN_VALUE;
      while (j < n) {
        int r = order[j];
        if (users[r] != u || products[r] != p) {
          break;
        }
        if (len == s.length) {
          s = Arrays.copyOf(s, len * 2);
          e = Arrays.copyOf(e, len * 2);
        }
        long st = table.startNanos(r);
        s[len] = st;
        e[len] = table.endNanos(r);
        sorted &= st >= prev;
        prev = st;
        len++;
        j++;
      }
      if (!sorted) {
        sortByStart(s, e, len);
      }
      if (groups == gUser.length) {
        int grown = groups * 2;
        gUser = Arrays.copyOf(gUser, grown);
        gProduct = Arrays.copyOf(gProduct, grown);
        gWindows = Arrays.copyOf(gWindows, grown);
        gTokens = Arrays.copyOf(gTokens, grown);
        gDays = Arrays.copyOf(gDays, grown);
        gOffset = Arrays.copyOf(gOffset, grown + 1);
      }
      int w = 0;
      long t = 0;
      if (noCoverage || !context.coverage().covers(userDict.get(u), productDict.get(p))) {
        long rate = rates[p];
        if (rate < 0) {
          rate = catalog.requireProduct(productDict.get(p)).tokenRate().orElse(0L);
          rates[p] = rate;
        }
        w = FlexWindowing.replay(s, e, 0, len, window, minimum, starts);
        t = Math.multiplyExact((long) w, rate);
        total = Math.addExact(total, t);
      }
      gUser[groups] = u;
      gProduct[groups] = p;
      gWindows[groups] = w;
      gTokens[groups] = t;
      gDays[groups] =
          fixedOffset ? daysFixed(s, e, len, offsetSeconds) : daysInZone(s, e, len, zone);
      windowCount = Math.addExact(windowCount, w);
      gOffset[groups + 1] = windowCount;
      groups++;
      i = j;
    }
    return new ColumnarFlexReplay(
        table,
        Arrays.copyOf(gUser, groups),
        Arrays.copyOf(gProduct, groups),
        Arrays.copyOf(gWindows, groups),
        Arrays.copyOf(gTokens, groups),
        Arrays.copyOf(gDays, groups),
        Arrays.copyOf(gOffset, groups + 1),
        starts.build().toArray(),
        window,
        total);
  }

  /**
   * Row indexes ordered by user, then product, then row (two stable counting sorts: by product,
   * then by user).
   */
  private static int[] groupOrder(int[] users, int[] products, int userCount, int productCount) {
    int n = users.length;
    int[] byProduct;
    if (productCount <= 1) {
      byProduct = null;
    } else {
      int[] at = new int[productCount + 1];
      for (int r = 0; r < n; r++) {
        at[products[r] + 1]++;
      }
      for (int k = 0; k < productCount; k++) {
        at[k + 1] += at[k];
      }
      byProduct = new int[n];
      for (int r = 0; r < n; r++) {
        byProduct[at[products[r]]++] = r;
      }
    }
    int[] at = new int[userCount + 1];
    for (int r = 0; r < n; r++) {
      at[users[r] + 1]++;
    }
    for (int k = 0; k < userCount; k++) {
      at[k + 1] += at[k];
    }
    int[] order = new int[n];
    if (byProduct == null) {
      for (int r = 0; r < n; r++) {
        order[at[users[r]]++] = r;
      }
    } else {
      for (int k = 0; k < n; k++) {
        int r = byProduct[k];
        order[at[users[r]]++] = r;
      }
    }
    return order;
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
    return windowStarts[windowOffset[g] + k];
  }

  /** All windows charged. */
  public long totalWindows() {
    return windowStarts.length;
  }

  /** All tokens charged. */
  public long totalTokens() {
    return totalTokens;
  }

  /** The charges, one per window, as {@link WindowedMeter} reports them (group order). */
  public List<Charge> charges() {
    List<Charge> out = new ArrayList<>(windowStarts.length);
    Duration length = Duration.ofNanos(windowNanos);
    for (int g = 0; g < groups(); g++) {
      long rate = windows[g] == 0 ? 0 : tokens[g] / windows[g];
      for (int k = windowOffset[g]; k < windowOffset[g + 1]; k++) {
        Instant start = SessionTable.toInstant(windowStarts[k]);
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
