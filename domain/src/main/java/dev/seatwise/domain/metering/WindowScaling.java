package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Usage multiplied by a factor {@code f} so that the access windows it replays to are multiplied by
 * {@code f}, deterministically, for what-if runs ("usage +20%").
 *
 * <p>Usage is scaled in whole <b>visits</b>: for one user and product, a visit is a run of sessions
 * that one chain of access windows covers (the window opened by its first billable session and the
 * continuation windows of use that runs past a window's end; {@link FlexWindowing}). A visit of
 * {@code k} windows replays to {@code k} windows wherever it is placed, as long as it overlaps no
 * other visit of that user and product, so dropping or repeating whole visits changes the windows by
 * exactly their {@code k}. A day of daily usage (no clock times) is a visit of one window. Sessions
 * shorter than the minimum billable use, outside any window, are kept as they are.
 *
 * <p>Only visits that start in {@code [from, to)} (days in {@code [firstDay, endDay)}) are scaled;
 * the others are kept. They are taken in one sequence (users, then products, in id order, sessions
 * before days, each by start), {@code W} windows in all. <b>One rounding:</b> the target is {@code
 * T = floor(f W)}. Visit {@code i} with {@code k} windows, after {@code C} windows of the sequence
 * (including its own) and {@code A} placed so far, occurs {@code n = round-half-up((floor(f C) - A)
 * / k)} times (at least 0, and at most 1 when {@code f <= 1}, so that scaling down only drops
 * visits): 0 drops it, 1 keeps it, more add copies. So the windows kept stay
 * within {@code K/2} of {@code floor(f C)} at every step, {@code K} the longest visit's windows
 * ({@code K = 1}, the usual case: exactly {@code floor(f C)}), and the drops and copies are spread
 * evenly along the sequence rather than taken from one user.
 *
 * <p>A copy is the visit shifted by whole days (24 h: +1, -1, +2, -2, ..., nearest first) to the
 * nearest place where its span (first start to the end of its last window, or of its last session
 * if later) lies inside the period and meets no other visit's span of that user and product,
 * original or copy. A copy with no such place is left out and counted in {@link Scaled#unplaced()}
 * (with its windows in {@link Scaled#unplacedWindows()}).
 *
 * <p>The sessions are read by column ({@link SessionTable}: a user's rows gathered at once, visits
 * and the spans taken as primitive arrays) and the scaled sessions are written to a new table, so
 * that scaling costs no object per session; the scaled usage holds them as that table's view.
 * Stateless; thread-safe.
 */
public final class WindowScaling {
  private WindowScaling() {}

  /**
   * The scaled usage; {@code windows} (W) in the period before, {@code target} = floor(f W), and
   * {@code scaledWindows}: the windows the scaled visits replay to (the kept ones and the copies
   * placed), within {@code K/2} of the target when every copy found a place, {@code K} the windows
   * of the longest visit ({@code maxVisitWindows}). Immutable; nothing is null.
   */
  public record Scaled(
      UsageLog usage,
      BigDecimal factor,
      long windows,
      long target,
      long scaledWindows,
      long maxVisitWindows,
      long unplaced,
      long unplacedWindows) {
    public Scaled {
      checkNotNull(usage, "usage");
      checkNotNull(factor, "factor");
    }
  }

  /** One day in nanoseconds: the step by which copies are shifted. */
  private static final long DAY = Duration.ofDays(1).toNanos();

  /** Rows read at once while the rows are counted by user. */
  private static final int BLOCK = 1 << 12;

  /**
   * Scales {@code log} by {@code factor} (>= 0) over sessions starting in {@code [from, to)} and
   * days in {@code [firstDay, endDay)}, with the catalog's window and minimum billable use.
   */
  public static Scaled scale(
      UsageLog log,
      BigDecimal factor,
      Instant from,
      Instant to,
      LocalDate firstDay,
      LocalDate endDay,
      MeteringParameters metering) {
    checkNotNull(log, "log");
    checkNotNull(factor, "factor");
    checkArgument(factor.signum() >= 0, "factor must be >= 0 but was %s", factor);
    long maxShift = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(firstDay, endDay));
    Sequence sequence = new Sequence(factor);
    Scaler scaler =
        new Scaler(
            log.sessionTable(), sequence, metering.window().toNanos(),
            metering.minimumBillable().toNanos(), Instants.toNanos(from), Instants.toNanos(to),
            maxShift);
    SessionTable sessions = scaler.scale();
    List<DailyUsage> days = days(log.days(), firstDay, endDay, maxShift, sequence);
    long total = sequence.counted();
    return new Scaled(
        UsageLog.of(sessions, days),
        factor,
        total,
        floor(total, factor),
        sequence.placed() - sequence.unplacedWindows(),
        sequence.longest(),
        sequence.unplaced(),
        sequence.unplacedWindows());
  }

  /** The days of use scaled one by one (each a visit of one window), after the sessions. */
  private static List<DailyUsage> days(
      List<DailyUsage> in, LocalDate firstDay, LocalDate endDay, long maxShift, Sequence sequence) {
    List<DailyUsage> outDays = new ArrayList<>();
    Map<UserId, Map<ProductId, TreeSet<LocalDate>>> days = new TreeMap<>();
    for (DailyUsage d : in) {
      days.computeIfAbsent(d.user(), u -> new TreeMap<>())
          .computeIfAbsent(d.product(), p -> new TreeSet<>())
          .add(d.day());
    }
    days.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, set) -> {
                  TreeSet<LocalDate> used = new TreeSet<>(set);
                  for (LocalDate d : set) {
                    if (d.isBefore(firstDay) || !d.isBefore(endDay)) {
                      outDays.add(new DailyUsage(user, product, d));
                      continue;
                    }
                    long n = sequence.occurrences(1);
                    if (n >= 1) {
                      outDays.add(new DailyUsage(user, product, d));
                    }
                    for (long extra = 1; extra < n; extra++) {
                      LocalDate copy = null;
                      for (long k = 1; k <= maxShift && copy == null; k++) {
                        for (long sign : new long[] {1, -1}) {
                          LocalDate c = d.plusDays(sign * k);
                          if (!c.isBefore(firstDay) && c.isBefore(endDay) && !used.contains(c)) {
                            copy = c;
                            break;
                          }
                        }
                      }
                      if (copy == null) {
                        sequence.unplaced(1);
                      } else {
                        used.add(copy);
                        outDays.add(new DailyUsage(user, product, copy));
                      }
                    }
                  }
                }));
    return outDays;
  }

  /** {@code floor(n f)}. */
  public static long floor(long n, BigDecimal factor) {
    return BigDecimal.valueOf(n).multiply(factor).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /**
   * The one sequence of visits and its counts: {@code C} (windows so far), {@code A} (windows
   * placed so far, copies that found no place included), the copies left out and their windows, and
   * {@code K} (the longest visit). Mutable, in final arrays; one per scaling.
   */
  private static final class Sequence {
    private static final int COUNTED = 0;
    private static final int PLACED = 1;
    private static final int UNPLACED = 2;
    private static final int UNPLACED_WINDOWS = 3;
    private static final int LONGEST = 4;

    private final BigDecimal factor;
    /** Whether {@code f <= 1}: then a visit occurs at most once (scaling down only drops). */
    private final boolean downOnly;
    /** {@code f} as {@code unscaled / divisor} when both fit a long (else -1: by BigDecimal). */
    private final long unscaled;

    private final long divisor;
    private final long[] state = new long[5];

    Sequence(BigDecimal factor) {
      this.factor = factor;
      this.downOnly = factor.compareTo(BigDecimal.ONE) <= 0;
      boolean exact =
          factor.scale() >= 0 && factor.scale() <= 18 && factor.unscaledValue().bitLength() < 63;
      this.unscaled = exact ? factor.unscaledValue().longValueExact() : -1;
      this.divisor = exact ? BigDecimal.ONE.scaleByPowerOfTen(factor.scale()).longValueExact() : 1;
    }

    /** {@code floor(n f)} for {@code n >= 0}, in longs when the product fits one. */
    long floor(long n) {
      if (unscaled >= 0 && (unscaled == 0 || n <= Long.MAX_VALUE / unscaled)) {
        return n * unscaled / divisor;
      }
      return WindowScaling.floor(n, factor);
    }

    /**
     * Occurrences of the next visit of {@code k} windows: {@code round-half-up((floor(f C) - A) /
     * k)}, at least 0, where {@code C} includes this visit; updates {@code C}, {@code A} and {@code
     * K}.
     */
    long occurrences(long k) {
      state[COUNTED] += k;
      state[LONGEST] = Math.max(state[LONGEST], k);
      long d = floor(state[COUNTED]) - state[PLACED];
      long n = d <= 0 ? 0 : Math.floorDiv(2 * d + k, 2 * k);
      if (downOnly) {
        n = Math.min(n, 1); // scaling down only drops: the usage stays a subset of the original
      }
      state[PLACED] += n * k;
      return n;
    }

    /** A copy of {@code k} windows that found no place. */
    void unplaced(long k) {
      state[UNPLACED]++;
      state[UNPLACED_WINDOWS] += k;
    }

    long counted() {
      return state[COUNTED];
    }

    long placed() {
      return state[PLACED];
    }

    long unplaced() {
      return state[UNPLACED];
    }

    long unplacedWindows() {
      return state[UNPLACED_WINDOWS];
    }

    long longest() {
      return state[LONGEST];
    }
  }

  /**
   * Scales a table's sessions: users in id order, each user's rows gathered from the table at once
   * and sorted by product (id order), start and end (ties in row order), each product's rows split
   * into visits and scaled, the scaled rows appended to a new table in the order the rule gives
   * (per user and product: the kept visits outside the scaling, then each scaled visit with its
   * copies). One per scaling; not thread-safe.
   */
  private static final class Scaler {
    private final SessionTable table;
    private final Sequence sequence;
    private final long window;
    private final long minimum;
    private final long from;
    private final long to;
    private final long maxShift;
    private final SessionTable.Builder out = SessionTable.builder();
    /** Per table user and product, its index in {@link #out} (-1 until its first row there). */
    private final int[] outUser;

    private final int[] outProduct;
    private final Runs occupied = new Runs();

    Scaler(
        SessionTable table,
        Sequence sequence,
        long window,
        long minimum,
        long from,
        long to,
        long maxShift) {
      this.table = table;
      this.sequence = sequence;
      this.window = window;
      this.minimum = minimum;
      this.from = from;
      this.to = to;
      this.maxShift = maxShift;
      this.outUser = new int[table.users().size()];
      this.outProduct = new int[table.products().size()];
      Arrays.fill(outUser, -1);
      Arrays.fill(outProduct, -1);
    }

    SessionTable scale() {
      int n = table.size();
      int users = table.users().size();
      int[] userRank = ranks(table.users());
      int[] productRank = ranks(table.products());
      // the rows by user in id order, each user's in row order (a counting sort, which is stable)
      int[] first = new int[users + 1];
      int[] block = new int[BLOCK];
      for (int at = 0; at < n; at += BLOCK) {
        int len = Math.min(BLOCK, n - at);
        table.copyUserIndexes(at, block, 0, len);
        for (int k = 0; k < len; k++) {
          first[userRank[block[k]] + 1]++;
        }
      }
      for (int r = 0; r < users; r++) {
        first[r + 1] += first[r];
      }
      int[] next = Arrays.copyOf(first, users);
      int[] rows = new int[n];
      for (int at = 0; at < n; at += BLOCK) {
        int len = Math.min(BLOCK, n - at);
        table.copyUserIndexes(at, block, 0, len);
        for (int k = 0; k < len; k++) {
          rows[next[userRank[block[k]]]++] = at + k;
        }
      }
      int[] userAt = new int[users];
      for (int u = 0; u < users; u++) {
        userAt[userRank[u]] = u;
      }
      int most = 0;
      for (int r = 0; r < users; r++) {
        most = Math.max(most, first[r + 1] - first[r]);
      }
      int[] products = new int[most];
      long[] starts = new long[most];
      long[] ends = new long[most];
      int[] idx = new int[most];
      int[] tmp = new int[most];
      for (int r = 0; r < users; r++) {
        int len = first[r + 1] - first[r];
        table.copyRows(rows, first[r], len, products, starts, ends);
        for (int k = 0; k < len; k++) {
          idx[k] = k;
        }
        sort(idx, tmp, 0, len, productRank, products, starts, ends);
        for (int a = 0; a < len; ) {
          int p = products[idx[a]];
          int b = a + 1;
          while (b < len && products[idx[b]] == p) {
            b++;
          }
          group(userAt[r], p, idx, a, b, starts, ends);
          a = b;
        }
      }
      return out.build();
    }

    /**
     * One user and product's sessions, {@code idx[a, b)} sorted by start and end: split into
     * visits, which are kept, dropped or repeated by the sequence.
     */
    private void group(int user, int product, int[] idx, int a, int b, long[] starts, long[] ends) {
      Visits found = new Visits(b - a);
      int visits = 0;
      int current = -1;
      int currentEnd = -1;
      long windows = 0;
      long spanStart = 0;
      long spanEnd = 0;
      long openEnd = Long.MIN_VALUE;
      for (int k = a; k < b; k++) {
        long s = starts[idx[k]];
        long e = ends[idx[k]];
        boolean billable = e > s && e - s >= minimum;
        if (current < 0 || s >= openEnd) {
          if (!billable) { // free use: a visit of its own that opens nothing
            visits = found.put(visits, k, k + 1, 0, s, Math.max(s, e));
            continue;
          }
          if (current >= 0) {
            visits = found.put(visits, current, currentEnd, windows, spanStart, spanEnd);
          }
          current = k;
          windows = 0;
          spanStart = s;
          spanEnd = s;
          openEnd = Long.MIN_VALUE;
        }
        currentEnd = k + 1;
        if (billable) {
          while (e > openEnd) {
            long open = Math.max(s, openEnd);
            openEnd = open + window;
            windows++;
          }
        }
        spanEnd = Math.max(spanEnd, Math.max(e, openEnd));
      }
      if (current >= 0) {
        visits = found.put(visits, current, currentEnd, windows, spanStart, spanEnd);
      }
      int[] vFrom = found.from;
      int[] vTo = found.to;
      long[] vWindows = found.windows;
      long[] vStart = found.start;
      long[] vEnd = found.end;
      // by span start, equal starts in the order found (an insertion sort: only a visit closed
      // after the free launches that followed it moves, past those)
      int[] order = new int[visits];
      for (int i = 0; i < visits; i++) {
        int v = i;
        int j = i - 1;
        while (j >= 0 && vStart[order[j]] > vStart[v]) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = v;
      }
      occupied.clear();
      int[] scaled = new int[visits];
      int count = 0;
      for (int i = 0; i < visits; i++) {
        int v = order[i];
        occupied.add(vStart[v], vEnd[v]);
        if (vWindows[v] > 0 && vStart[v] >= from && vStart[v] < to) {
          scaled[count++] = v;
        } else {
          emit(user, product, idx, vFrom[v], vTo[v], starts, ends, 0); // outside, or free use
        }
      }
      for (int i = 0; i < count; i++) {
        int v = scaled[i];
        long n = sequence.occurrences(vWindows[v]);
        if (n >= 1) {
          emit(user, product, idx, vFrom[v], vTo[v], starts, ends, 0);
        }
        for (long extra = 1; extra < n; extra++) {
          long shift = placeFor(vStart[v], vEnd[v]);
          if (shift == 0) {
            sequence.unplaced(vWindows[v]);
          } else {
            occupied.add(vStart[v] + shift, vEnd[v] + shift);
            emit(user, product, idx, vFrom[v], vTo[v], starts, ends, shift);
          }
        }
      }
    }

    /**
     * The visits of one user and product, by column: visit {@code v}'s positions {@code [from[v],
     * to[v])} among the group's sorted rows, its windows and its span {@code [start[v], end[v])}.
     */
    private static final class Visits {
      final int[] from;
      final int[] to;
      final long[] windows;
      final long[] start;
      final long[] end;

      Visits(int capacity) {
        this.from = new int[capacity];
        this.to = new int[capacity];
        this.windows = new long[capacity];
        this.start = new long[capacity];
        this.end = new long[capacity];
      }

      /** Writes visit {@code v}'s five columns; returns {@code v + 1}, the next visit. */
      int put(int v, int fromRow, int toRow, long windowCount, long spanStart, long spanEnd) {
        from[v] = fromRow;
        to[v] = toRow;
        windows[v] = windowCount;
        start[v] = spanStart;
        end[v] = spanEnd;
        return v + 1;
      }
    }

    /**
     * The nearest shift by whole days (+1, -1, +2, -2, ...) that puts the span {@code [s, e)}
     * inside the period and clear of every occupied span; 0 when there is none. Once both
     * directions leave the period, no larger shift can enter it again.
     */
    private long placeFor(long s, long e) {
      for (long k = 1; k <= maxShift; k++) {
        long d = k * DAY;
        boolean later = s + d >= from && e + d <= to;
        if (later && !occupied.overlaps(s + d, e + d)) {
          return d;
        }
        boolean earlier = s - d >= from && e - d <= to;
        if (earlier && !occupied.overlaps(s - d, e - d)) {
          return -d;
        }
        if (e + d > to && s - d < from) {
          break;
        }
      }
      return 0;
    }

    /** Appends the sessions at {@code idx[a, b)} shifted by {@code shift} nanoseconds. */
    private void emit(
        int user, int product, int[] idx, int a, int b, long[] starts, long[] ends, long shift) {
      int u = outUser[user];
      if (u < 0) {
        u = outUser[user] = out.userIndex(table.users().get(user));
      }
      int p = outProduct[product];
      if (p < 0) {
        p = outProduct[product] = out.productIndex(table.products().get(product));
      }
      for (int k = a; k < b; k++) {
        out.add(u, p, starts[idx[k]] + shift, ends[idx[k]] + shift);
      }
    }
  }

  /** Each id's rank in id order. */
  private static <T extends Comparable<? super T>> int[] ranks(List<T> ids) {
    Integer[] byId = new Integer[ids.size()];
    for (int i = 0; i < byId.length; i++) {
      byId[i] = i;
    }
    Arrays.sort(byId, Comparator.comparing(ids::get));
    int[] rank = new int[byId.length];
    for (int r = 0; r < byId.length; r++) {
      rank[byId[r]] = r;
    }
    return rank;
  }

  /**
   * Sorts the positions {@code idx[from, to)} by product rank, start, end and position (a merge
   * sort; with the position last every key is distinct, so equal sessions keep their row order).
   */
  private static void sort(
      int[] idx, int[] tmp, int from, int to, int[] rank, int[] products, long[] starts,
      long[] ends) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = idx[i];
        int j = i - 1;
        while (j >= from && before(x, idx[j], rank, products, starts, ends)) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(idx, tmp, from, mid, rank, products, starts, ends);
    sort(idx, tmp, mid, to, rank, products, starts, ends);
    if (!before(idx[mid], idx[mid - 1], rank, products, starts, ends)) {
      return; // already in order
    }
    System.arraycopy(idx, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && !before(tmp[j], tmp[i], rank, products, starts, ends))) {
        idx[k] = tmp[i++];
      } else {
        idx[k] = tmp[j++];
      }
    }
  }

  /** Whether position {@code x} sorts before position {@code y}. */
  private static boolean before(
      int x, int y, int[] rank, int[] products, long[] starts, long[] ends) {
    int px = rank[products[x]];
    int py = rank[products[y]];
    if (px != py) {
      return px < py;
    }
    if (starts[x] != starts[y]) {
      return starts[x] < starts[y];
    }
    if (ends[x] != ends[y]) {
      return ends[x] < ends[y];
    }
    return x < y;
  }

  /**
   * A union of half-open nanosecond intervals kept as disjoint, merged runs sorted by start, in two
   * arrays: a run that meets or overlaps the one added is merged into it (an empty run counts as its
   * point). Mutable, in final arrays; reused by one scaling.
   */
  private static final class Runs {
    /** The runs' starts and ends, in start order. */
    private final long[][] runs = {new long[16], new long[16]};

    private final int[] size = new int[1];

    void clear() {
      size[0] = 0;
    }

    void add(long start, long end) {
      long[] st = runs[0];
      long[] en = runs[1];
      int n = size[0];
      int f = lastAtOrBefore(st, n, start);
      long s = start;
      long e = end;
      int lo = f + 1;
      if (f >= 0 && en[f] >= s) {
        lo = f;
        s = st[f];
        e = Math.max(e, en[f]);
      }
      int hi = f + 1;
      while (hi < n && st[hi] <= e) {
        e = Math.max(e, en[hi]);
        hi++;
      }
      int removed = hi - lo;
      if (removed == 0) {
        if (n == st.length) {
          st = runs[0] = Arrays.copyOf(st, 2 * n);
          en = runs[1] = Arrays.copyOf(en, 2 * n);
        }
        System.arraycopy(st, lo, st, lo + 1, n - lo);
        System.arraycopy(en, lo, en, lo + 1, n - lo);
      } else if (removed > 1) {
        System.arraycopy(st, hi, st, lo + 1, n - hi);
        System.arraycopy(en, hi, en, lo + 1, n - hi);
      }
      st[lo] = s;
      en[lo] = e;
      size[0] = n - removed + 1;
    }

    /** Whether the last run starting before {@code end} ends after {@code start}. */
    boolean overlaps(long start, long end) {
      int last = lastAtOrBefore(runs[0], size[0], end - 1);
      return last >= 0 && runs[1][last] > start;
    }

    /** The index of the last start {@code <= x}, or -1. */
    private static int lastAtOrBefore(long[] st, int n, long x) {
      if (n > 0 && st[n - 1] <= x) {
        return n - 1; // runs are mostly added in start order
      }
      int lo = 0;
      int hi = n - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (st[mid] <= x) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }
  }
}
