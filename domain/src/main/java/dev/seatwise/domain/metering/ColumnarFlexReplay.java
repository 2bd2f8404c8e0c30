package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Access-window metering (Autodesk Flex) of a {@link SessionTable}, by column: the same windows and
 * tokens as {@link WindowedMeter} gives for the same sessions, without an object per session or per
 * window. Rows are grouped by user and product with a stable counting sort over the key {@code
 * user × products + product}; consecutive groups form bands of at most {@value #BAND_ROWS} rows
 * (larger past {@value #MAX_BANDS} bands), and each band copies its rows' starts and ends into arrays of its own in one sequential pass
 * over the table (reading a group's rows where they lie would miss the cache on almost every row).
 * When there are very many users × products, two counting sorts of row indexes (by product, then
 * by user) replace the first. Each group is ordered by start (already sorted in the common case;
 * otherwise a stable merge sort of primitive arrays) and replayed with {@link FlexWindowing}.
 * Bands are independent, so {@link #of(SessionTable, MeterContext, int)} replays them on several
 * threads.
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
  /**
   * Most rows one band scatters (two {@code long} arrays of this length per thread: 64 MiB), so
   * that a replay needs little more heap than its table.
   */
  private static final int BAND_ROWS = 1 << 22;
  /** Most bands one replay cuts (each reads the whole table once). */
  private static final int MAX_BANDS = 64;
  /** Up to this many user x product keys, rows are grouped by one counting sort over the keys. */
  private static final long DENSE_KEYS = 1 << 24;
  private static final int CHUNK = 1 << 15;
  private static final long NANOS = 1_000_000_000L;

  /**
   * The replayed table's users and products (its dictionaries, which groups index): not the table,
   * whose rows a finished replay no longer reads, so that it can be collected.
   */
  private final List<UserId> userDict;
  private final List<ProductId> productDict;
  /** How many sessions (rows of the table) were replayed. */
  private final int sessions;
  private final int[] groupUser;
  private final int[] groupProduct;
  private final int[] windows;
  private final long[] tokens;
  private final int[] days;
  private final int[] windowOffset;
  /** The first group of each band, and each band's window starts in chunks of {@link #CHUNK}. */
  private final int[] bandFirstGroup;
  private final Object[][] windowStarts;
  /**
   * Per band and chunk: the start its {@code int[]} chunk counts seconds from. A chunk is an {@code
   * int[]} of seconds when every start in it is a whole number of seconds from the chunk's earliest
   * (4 bytes a window), else a {@code long[]} of epoch nanoseconds.
   */
  private final long[][] windowChunkBase;
  /** Per band, the index (within the band) of the first window start of each chunk. */
  private final int[][] windowChunkStarts;
  private final long windowNanos;
  private final long totalTokens;
  /** Per group, the tokens of each window when the group's product is a collection, else null. */
  private final long[][] windowTokens;
  /** Per group, the rate of each window when the group's product is a collection, else null. */
  private final CollectionPricing.Rate[][] windowRates;

  private ColumnarFlexReplay(
      SessionTable table,
      int[] groupUser,
      int[] groupProduct,
      int[] windows,
      long[] tokens,
      int[] days,
      int[] windowOffset,
      int[] bandFirstGroup,
      Object[][] windowStarts,
      long[][] windowChunkBase,
      int[][] windowChunkStarts,
      long windowNanos,
      long totalTokens,
      long[][] windowTokens,
      CollectionPricing.Rate[][] windowRates) {
    this.windowTokens = windowTokens;
    this.windowRates = windowRates;
    this.userDict = table.users();
    this.productDict = table.products();
    this.sessions = table.size();
    this.groupUser = groupUser;
    this.groupProduct = groupProduct;
    this.windows = windows;
    this.tokens = tokens;
    this.days = days;
    this.windowOffset = windowOffset;
    this.bandFirstGroup = bandFirstGroup;
    this.windowStarts = windowStarts;
    this.windowChunkBase = windowChunkBase;
    this.windowChunkStarts = windowChunkStarts;
    this.windowNanos = windowNanos;
    this.totalTokens = totalTokens;
  }

  /**
   * Replays every row of {@code table} under {@code context}'s catalog, coverage and zone, on the
   * calling thread.
   *
   * @throws IllegalArgumentException when an uncovered product is not in the catalog (as {@link
   *     WindowedMeter} does)
   */
  public static ColumnarFlexReplay of(SessionTable table, MeterContext context) {
    return of(table, context, 1);
  }

  /**
   * The same replay on up to {@code parallelism} threads: the calling thread and {@code
   * parallelism - 1} threads it starts and joins before returning. The result does not depend on
   * {@code parallelism}.
   *
   * @throws IllegalArgumentException when an uncovered product is not in the catalog, or {@code
   *     parallelism < 1}
   */
  public static ColumnarFlexReplay of(SessionTable table, MeterContext context, int parallelism) {
    return of(table, List.of(), context, DENSE_KEYS, parallelism, BAND_ROWS);
  }

  /**
   * The same replay with the daily usage (days without clock times) beside the table, which only
   * the pricing of collection checkouts reads (a member used that day was seen in the window, see
   * {@link CollectionPricing}); the daily usage itself is not replayed here.
   */
  public static ColumnarFlexReplay of(
      SessionTable table, List<DailyUsage> days, MeterContext context, int parallelism) {
    return of(table, days, context, DENSE_KEYS, parallelism, BAND_ROWS);
  }

  static ColumnarFlexReplay of(
      SessionTable table, MeterContext context, long denseKeys, int parallelism, int bandRows) {
    return of(table, List.of(), context, denseKeys, parallelism, bandRows);
  }

  /**
   * The same, grouping by one counting sort only up to {@code denseKeys} keys and scattering at
   * most {@code bandRows} rows per band (for tests).
   */
  static ColumnarFlexReplay of(
      SessionTable table,
      List<DailyUsage> days,
      MeterContext context,
      long denseKeys,
      int parallelism,
      int bandRows) {
    checkNotNull(table, "table");
    checkNotNull(days, "days");
    checkNotNull(context, "context");
    checkArgument(parallelism >= 1, "parallelism must be >= 1 but was %s", parallelism);
    checkArgument(bandRows >= 1, "bandRows must be >= 1 but was %s", bandRows);
    long keys = (long) table.users().size() * table.products().size();
    Grouping grouping = keys <= denseKeys ? Dense.of(table, (int) keys) : TwoPass.of(table);
    Replayer replayer = new Replayer(table, context, grouping);
    replayer.checkProducts();
    Band[] bands = grouping.bands(replayer, parallelism, bandRows);
    // bands are handed out in order; after a failure no more are, so every band before the first
    // failing one has run and its failure is the one a single thread would have met first
    AtomicInteger next = new AtomicInteger();
    Throwable[] failed = new Throwable[bands.length];
    Runnable worker = () -> {
      for (int b = next.getAndIncrement(); b < bands.length; b = next.getAndIncrement()) {
        try {
          bands[b].replay();
        } catch (Throwable x) {
          failed[b] = x;
          next.set(bands.length);
        }
      }
    };
    runOn(Math.min(parallelism, bands.length), worker);
    for (Throwable x : failed) {
      if (x instanceof RuntimeException r) {
        throw r;
      }
      if (x instanceof Error err) {
        throw err;
      }
      if (x != null) {
        throw new IllegalStateException(x);
      }
    }
    return replayer.result(bands).priceCollections(table, days, context);
  }

  /**
   * This replay with each window of a collection checkout priced by {@link CollectionPricing}
   * (the members the same user was seen using in it, read from {@code table}, the replayed one).
   */
  private ColumnarFlexReplay priceCollections(
      SessionTable table, List<DailyUsage> daily, MeterContext context) {
    Catalog catalog = context.catalog();
    if (catalog.bundles().isEmpty()) {
      return this;
    }
    Bundle[] collection = new Bundle[table.products().size()];
    boolean any = false;
    for (int p = 0; p < collection.length; p++) {
      collection[p] = collectionOf(catalog, table.products().get(p));
      any |= collection[p] != null;
    }
    if (!any) {
      return this;
    }
    boolean[] users = new boolean[table.users().size()];
    boolean priced = false;
    for (int g = 0; g < groups(); g++) {
      if (collection[groupProduct[g]] != null && windows[g] > 0) {
        users[groupUser[g]] = true;
        priced = true;
      }
    }
    if (!priced) {
      return this;
    }
    CollectionRates rates =
        new CollectionRates(catalog, UserRows.of(table, users), daily, context.zone());
    long[] groupTokens = tokens.clone();
    long[][] perWindow = new long[groups()][];
    CollectionPricing.Rate[][] perRate = new CollectionPricing.Rate[groups()][];
    long total = 0;
    for (int g = 0; g < groups(); g++) {
      Bundle b = collection[groupProduct[g]];
      if (b != null && windows[g] > 0) {
        perWindow[g] = new long[windows[g]];
        perRate[g] = new CollectionPricing.Rate[windows[g]];
        long sum = 0;
        for (int k = 0; k < windows[g]; k++) {
          long start = windowStartNanos(g, k);
          CollectionPricing.Rate r =
              rates.rate(b, groupUser[g], user(g), start, start + windowNanos);
          perRate[g][k] = r;
          perWindow[g][k] = r.tokens();
          sum = Math.addExact(sum, r.tokens());
        }
        groupTokens[g] = sum;
      }
      total = Math.addExact(total, groupTokens[g]);
    }
    return new ColumnarFlexReplay(table, groupUser, groupProduct, windows, groupTokens, days,
        windowOffset, bandFirstGroup, windowStarts, windowChunkBase, windowChunkStarts, windowNanos,
        total,
        perWindow, perRate);
  }

  /** The bundle {@code product} names when it is a collection rather than a product, else null. */
  static Bundle collectionOf(Catalog catalog, ProductId product) {
    return catalog.product(product).isPresent() ? null : catalog.bundle(product).orElse(null);
  }

  /**
   * Runs {@code worker} (which records its own failures) on the calling thread and {@code threads
   * - 1} others, and waits for them all.
   */
  private static void runOn(int threads, Runnable worker) {
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      Thread t = new Thread(worker, "seatwise-replay-" + i);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread t : helpers) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The per-group replay shared by all bands: rates, coverage and zone, and the per-group results
   * (each group is written by exactly one band).
   */
  private static final class Replayer {
    final SessionTable table;
    final MeterContext context;
    final Catalog catalog;
    final long window;
    final long minimum;
    final long[] rates;
    final boolean noCoverage;
    final CalendarDays.InZone calendar;
    final int[] users;
    final int[] products;
    final int[] bounds;
    final int[] windows;
    final long[] tokens;
    final int[] days;

    Replayer(SessionTable table, MeterContext context, Grouping grouping) {
      this.table = table;
      this.context = context;
      this.catalog = context.catalog();
      MeteringParameters params = catalog.metering();
      this.window = params.window().toNanos();
      this.minimum = params.minimumBillable().toNanos();
      List<ProductId> productDict = table.products();
      this.rates = new long[productDict.size()];
      for (int p = 0; p < rates.length; p++) {
        // -1: not in the catalog, which is an error only for a group that Flex charges
        rates[p] = catalog.flexRate(productDict.get(p)).orElse(-1L);
      }
      this.noCoverage = context.coverage().covered().isEmpty();
      this.calendar = CalendarDays.in(context.zone());
      this.users = grouping.users();
      this.products = grouping.products();
      this.bounds = grouping.bounds();
      this.windows = new int[users.length];
      this.tokens = new long[users.length];
      this.days = new int[users.length];
    }

    /**
     * Fails as the object meter would, before any replay: on the first uncovered group (in user,
     * then product id order) whose product the catalog does not know.
     */
    void checkProducts() {
      List<ProductId> productDict = table.products();
      boolean anyUnknown = false;
      for (long r : rates) {
        anyUnknown |= r < 0;
      }
      if (!anyUnknown) {
        return;
      }
      UserId firstUser = null;
      ProductId firstProduct = null;
      for (int g = 0; g < users.length; g++) {
        if (rates[products[g]] >= 0) {
          continue;
        }
        UserId u = table.users().get(users[g]);
        ProductId p = productDict.get(products[g]);
        if (!noCoverage && context.coverage().covers(u, p)) {
          continue;
        }
        int c = firstUser == null ? -1 : u.compareTo(firstUser);
        if (firstUser == null || c < 0 || (c == 0 && p.compareTo(firstProduct) < 0)) {
          firstUser = u;
          firstProduct = p;
        }
      }
      if (firstUser != null) {
        throw new IllegalArgumentException("unknown product " + firstProduct);
      }
    }

    /**
     * Replays group {@code g}, whose sessions are {@code (s[k], e[k])} for {@code k} in {@code
     * [from, from + len)} in table order; window starts go to {@code sink}.
     */
    void replay(int g, long[] s, long[] e, int from, int len, Windows sink) {
      boolean sorted = true;
      for (int k = from + 1; k < from + len; k++) {
        if (s[k] < s[k - 1]) {
          sorted = false;
          break;
        }
      }
      if (!sorted) {
        long[] ts = Arrays.copyOfRange(s, from, from + len);
        long[] te = Arrays.copyOfRange(e, from, from + len);
        sortByStart(ts, te, len);
        s = ts;
        e = te;
        from = 0;
      }
      int u = users[g];
      int p = products[g];
      int w = 0;
      long t = 0;
      List<ProductId> productDict = table.products();
      if (noCoverage || !context.coverage().covers(table.users().get(u), productDict.get(p))) {
        long rate = rates[p];
        if (rate < 0) {
          throw new IllegalArgumentException("unknown product " + productDict.get(p));
        }
        w = FlexWindowing.replay(s, e, from, from + len, window, minimum, sink);
        t = Math.multiplyExact((long) w, rate);
      }
      windows[g] = w;
      tokens[g] = t;
      days[g] = calendar.isFixedOffset()
          ? daysFixed(s, e, from, len, calendar)
          : daysInZone(s, e, from, len, calendar);
    }

    ColumnarFlexReplay result(Band[] bands) {
      int count = users.length;
      int[] offset = new int[count + 1];
      long total = 0;
      for (int g = 0; g < count; g++) {
        offset[g + 1] = Math.addExact(offset[g], windows[g]);
        total = Math.addExact(total, tokens[g]);
      }
      int[] firstGroup = new int[bands.length];
      Object[][] starts = new Object[bands.length][];
      long[][] bases = new long[bands.length][];
      int[][] chunkStarts = new int[bands.length][];
      for (int b = 0; b < bands.length; b++) {
        firstGroup[b] = bands[b].firstGroup;
        chunkStarts[b] = bands[b].windows.chunkStarts();
        bases[b] = new long[chunkStarts[b].length];
        starts[b] = bands[b].windows.compactChunks(bases[b]);
      }
      return new ColumnarFlexReplay(table, users, products, windows, tokens, days, offset,
          firstGroup, starts, bases, chunkStarts, window, total, new long[users.length][],
          new CollectionPricing.Rate[users.length][]);
    }
  }

  /**
   * Window starts of one band, in chunks that double from 4,096 starts to 1,048,574 (8 MiB with
   * the array header: like the table's segments, large chunks fill G1 regions and are not copied).
   */
  private static final class Windows implements LongConsumer {
    private static final int FIRST = 1 << 12;
    private static final int MAX = (1 << 20) - 2;
    private final List<long[]> chunks = new ArrayList<>();
    private final long[][] current = {new long[0]};
    private final int[] fill = {0};

    @Override
    public void accept(long start) {
      long[] c = current[0];
      if (fill[0] == c.length) {
        c = new long[chunks.isEmpty() ? FIRST : (int) Math.min(MAX, 2L * c.length)];
        chunks.add(c);
        current[0] = c;
        fill[0] = 0;
      }
      c[fill[0]++] = start;
    }

    /**
     * The chunks, each as {@code int} seconds from its earliest start (written to {@code bases})
     * when every start in it is a whole number of seconds from that within an {@code int}, else as
     * it is; each long chunk is let go once converted.
     */
    Object[] compactChunks(long[] bases) {
      Object[] out = new Object[chunks.size()];
      for (int c = 0; c < out.length; c++) {
        long[] chunk = chunks.get(c);
        int used = c == out.length - 1 ? fill[0] : chunk.length;
        long min = Long.MAX_VALUE;
        for (int k = 0; k < used; k++) {
          min = Math.min(min, chunk[k]);
        }
        boolean seconds = true;
        for (int k = 0; k < used && seconds; k++) {
          seconds = WindowTable.inSeconds(min, chunk[k]);
        }
        if (!seconds || used == 0) {
          out[c] = chunk;
          continue;
        }
        int[] secs = new int[chunk.length];
        for (int k = 0; k < used; k++) {
          secs[k] = (int) ((chunk[k] - min) / NANOS);
        }
        bases[c] = min;
        out[c] = secs;
        chunks.set(c, null);
      }
      current[0] = new long[0];
      return out;
    }

    /** The index of the first window start in each chunk. */
    int[] chunkStarts() {
      int[] at = new int[chunks.size()];
      for (int c = 1; c < at.length; c++) {
        at[c] = at[c - 1] + chunks.get(c - 1).length;
      }
      return at;
    }
  }

  /** Rows grouped by user and product: the groups, and how to cut them into bands. */
  private interface Grouping {
    int[] users();

    int[] products();

    /** Group {@code g}'s rows are {@code bounds[g]} to {@code bounds[g + 1]} in group order. */
    int[] bounds();

    Band[] bands(Replayer replayer, int parallelism, int bandRows);
  }

  /** A run of consecutive groups replayed by one thread. */
  private abstract static class Band {
    final Replayer replayer;
    final int firstGroup;
    final int endGroup;
    final Windows windows = new Windows();

    Band(Replayer replayer, int firstGroup, int endGroup) {
      this.replayer = replayer;
      this.firstGroup = firstGroup;
      this.endGroup = endGroup;
    }

    abstract void replay();
  }

  /**
   * Grouping by one stable counting sort over the key {@code user * products + product}: groups
   * come in user-index then product-index order, and {@code at[key]} is where the key's rows start
   * in that order. Each band scatters its groups' rows, in table order, into arrays of its own by
   * one sequential pass over the table, so that no row is read at random.
   */
  private record Dense(SessionTable table, int[] at, int[] users, int[] products, int[] bounds)
      implements Grouping {
    private static final int BLOCK = 1 << 12;

    static Dense of(SessionTable table, int keys) {
      int n = table.size();
      int productCount = table.products().size();
      int[] at = new int[keys + 1];
      int[] ub = new int[BLOCK];
      int[] pb = new int[BLOCK];
      for (int from = 0; from < n; from += BLOCK) {
        int len = Math.min(BLOCK, n - from);
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
      return new Dense(table, at, users, products, bounds);
    }

    /**
     * Consecutive groups cut into bands of about equal rows, at most {@code bandRows} each unless
     * one group is larger or that would take more than {@link #MAX_BANDS} bands (each band reads
     * the whole table once, so the bands grow instead), and a multiple of {@code parallelism} bands
     * where that fits, so the threads share the work evenly.
     */
    @Override
    public Band[] bands(Replayer replayer, int parallelism, int bandRows) {
      int groups = bounds.length - 1;
      int n = bounds[groups];
      if (groups == 0) {
        return new Band[0];
      }
      // each band reads the whole table once: at most MAX_BANDS of them (larger bands beyond
      // MAX_BANDS x bandRows rows), a multiple of the threads used where that fits
      long wanted = Math.max(1, (n + (long) bandRows - 1) / bandRows);
      int threads = Math.min(parallelism, MAX_BANDS);
      wanted = Math.min(MAX_BANDS, (wanted + threads - 1) / threads * threads);
      long target = Math.max(1, (n + wanted - 1) / wanted);
      List<Band> out = new ArrayList<>();
      int first = 0;
      for (int g = 0; g < groups; g++) {
        boolean last = g == groups - 1;
        long rows = bounds[g + 1] - bounds[first];
        long withNext = last ? Long.MAX_VALUE : bounds[g + 2] - bounds[first];
        if (last || rows >= target || withNext > Math.max(bandRows, target)) {
          out.add(new DenseBand(replayer, first, g + 1));
          first = g + 1;
        }
      }
      return out.toArray(new Band[0]);
    }

    private final class DenseBand extends Band {
      DenseBand(Replayer replayer, int firstGroup, int endGroup) {
        super(replayer, firstGroup, endGroup);
      }

      @Override
      void replay() {
        int productCount = table.products().size();
        int rowFrom = bounds[firstGroup];
        int rows = bounds[endGroup] - rowFrom;
        int keyFrom = key(firstGroup, productCount);
        int keySpan = key(endGroup - 1, productCount) + 1 - keyFrom;
        long[] bs = new long[rows];
        long[] be = new long[rows];
        int[] ub = new int[BLOCK];
        int[] pb = new int[BLOCK];
        long[] sb = new long[BLOCK];
        long[] eb = new long[BLOCK];
        int n = table.size();
        for (int from = 0; from < n; from += BLOCK) {
          int len = Math.min(BLOCK, n - from);
          table.copyUserIndexes(from, ub, 0, len);
          table.copyProductIndexes(from, pb, 0, len);
          table.copyStarts(from, sb, 0, len);
          table.copyEnds(from, eb, 0, len);
          for (int k = 0; k < len; k++) {
            int key = ub[k] * productCount + pb[k];
            if (Integer.compareUnsigned(key - keyFrom, keySpan) < 0) {
              int pos = at[key]++ - rowFrom;
              bs[pos] = sb[k];
              be[pos] = eb[k];
            }
          }
        }
        for (int g = firstGroup; g < endGroup; g++) {
          replayer.replay(g, bs, be, bounds[g] - rowFrom, bounds[g + 1] - bounds[g], windows);
        }
      }

      private int key(int g, int productCount) {
        return users[g] * productCount + products[g];
      }
    }
  }

  /**
   * Grouping by two stable counting sorts, by product and then by user, for very many keys; one
   * band gathers each group's rows through the sorted row indexes.
   */
  private record TwoPass(SessionTable table, int[] order, int[] users, int[] products, int[] bounds)
      implements Grouping {
    static TwoPass of(SessionTable table) {
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
      return new TwoPass(table, order, Arrays.copyOf(users, count), Arrays.copyOf(products, count),
          Arrays.copyOf(bounds, count + 1));
    }

    @Override
    public Band[] bands(Replayer replayer, int parallelism, int bandRows) {
      if (users.length == 0) {
        return new Band[0];
      }
      return new Band[] {new Band(replayer, 0, users.length) {
        @Override
        void replay() {
          gather(replayer, firstGroup, endGroup, windows);
        }
      }};
    }

    private void gather(Replayer replayer, int firstGroup, int endGroup, Windows windows) {
      long[] s = new long[64];
      long[] e = new long[64];
      for (int g = firstGroup; g < endGroup; g++) {
        int from = bounds[g];
        int len = bounds[g + 1] - from;
        if (len > s.length) {
          s = new long[Math.max(len, s.length * 2)];
          e = new long[s.length];
        }
        for (int k = 0; k < len; k++) {
          int r = order[from + k];
          s[k] = table.startNanos(r);
          e[k] = table.endNanos(r);
        }
        replayer.replay(g, s, e, 0, len, windows);
      }
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

  /**
   * Days touched, sessions sorted by start, in a zone with one fixed offset (where a later time is
   * never on an earlier day, so the days are counted as runs).
   */
  private static int daysFixed(long[] s, long[] e, int from, int len, CalendarDays.InZone calendar) {
    int count = 0;
    long last = Long.MIN_VALUE;
    for (int k = from; k < from + len; k++) {
      long first = calendar.epochDay(s[k]);
      long end = e[k] == s[k] ? e[k] : e[k] - 1;
      long lastDay = calendar.epochDay(end);
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
  private static int daysInZone(
      long[] s, long[] e, int from, int len, CalendarDays.InZone calendar) {
    Set<Long> seen = new HashSet<>();
    for (int k = from; k < from + len; k++) {
      long first = calendar.epochDay(s[k]);
      long end = e[k] == s[k] ? e[k] : e[k] - 1;
      long lastDay = calendar.epochDay(end);
      for (long d = first; d <= lastDay; d++) {
        seen.add(d);
      }
    }
    return seen.size();
  }

  /** How many sessions (rows of the replayed table) were replayed. */
  public int sessions() {
    return sessions;
  }

  /** The replayed table's users, in its dictionary order (what {@link #userIndex} indexes). */
  public List<UserId> users() {
    return userDict;
  }

  /** The replayed table's products, in its dictionary order (what {@link #productIndex} indexes). */
  public List<ProductId> products() {
    return productDict;
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
    return userDict.get(groupUser[g]);
  }

  public ProductId product(int g) {
    return productDict.get(groupProduct[g]);
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

  /**
   * Copies the starts (epoch nanoseconds) of all windows of group {@code g}, in order, into {@code
   * dest} from index 0: one lookup for the group rather than one per window.
   */
  void copyWindowStarts(int g, long[] dest) {
    copyWindowStarts(g, dest, 0);
  }

  /** Copies the starts of group {@code g}'s windows into {@code dest} from index {@code at}. */
  void copyWindowStarts(int g, long[] dest, int at) {
    int count = windows[g];
    if (count == 0) {
      return;
    }
    int b = Arrays.binarySearch(bandFirstGroup, g);
    if (b < 0) {
      b = -b - 2;
    }
    int i = windowOffset[g] - windowOffset[bandFirstGroup[b]];
    int[] chunkAt = windowChunkStarts[b];
    int c = Arrays.binarySearch(chunkAt, i);
    if (c < 0) {
      c = -c - 2;
    }
    int done = 0;
    while (done < count) {
      Object chunk = windowStarts[b][c];
      int from = i + done - chunkAt[c];
      if (chunk instanceof int[] secs) {
        long base = windowChunkBase[b][c];
        int n = Math.min(count - done, secs.length - from);
        for (int k = 0; k < n; k++) {
          dest[at + done + k] = base + secs[from + k] * NANOS;
        }
        done += n;
      } else {
        long[] nanos = (long[]) chunk;
        int n = Math.min(count - done, nanos.length - from);
        System.arraycopy(nanos, from, dest, at + done, n);
        done += n;
      }
      c++;
    }
  }

  /** Copies the tokens of group {@code g}'s windows into {@code dest} from index {@code at}. */
  void copyWindowTokens(int g, long[] dest, int at) {
    int count = windows[g];
    if (count == 0) {
      return;
    }
    long[] own = windowTokens[g];
    if (own != null) {
      System.arraycopy(own, 0, dest, at, count);
    } else {
      Arrays.fill(dest, at, at + count, tokens[g] / count);
    }
  }

  /** Whether every window's tokens fit an {@code int} (see {@link #copyWindowTokens(int, int[], int)}). */
  boolean windowTokensFitInt() {
    for (int g = 0; g < windows.length; g++) {
      if (windows[g] == 0) {
        continue;
      }
      long[] own = windowTokens[g];
      if (own == null) {
        long t = tokens[g] / windows[g];
        if (t != (int) t) {
          return false;
        }
      } else {
        for (long t : own) {
          if (t != (int) t) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Copies the tokens of group {@code g}'s windows into {@code dest} from index {@code at}, as
   * ints: only when {@link #windowTokensFitInt()}.
   */
  void copyWindowTokens(int g, int[] dest, int at) {
    int count = windows[g];
    if (count == 0) {
      return;
    }
    long[] own = windowTokens[g];
    if (own != null) {
      for (int k = 0; k < count; k++) {
        dest[at + k] = (int) own[k];
      }
    } else {
      Arrays.fill(dest, at, at + count, (int) (tokens[g] / count));
    }
  }

  /** Start, in epoch nanoseconds, of window {@code k} of group {@code g}. */
  public long windowStartNanos(int g, int k) {
    checkElementIndex(k, windows[g], "window");
    int b = Arrays.binarySearch(bandFirstGroup, g);
    if (b < 0) {
      b = -b - 2; // the last band starting before g
    }
    int i = windowOffset[g] + k - windowOffset[bandFirstGroup[b]];
    int c = Arrays.binarySearch(windowChunkStarts[b], i);
    if (c < 0) {
      c = -c - 2; // the last chunk starting before i
    }
    Object chunk = windowStarts[b][c];
    int j = i - windowChunkStarts[b][c];
    return chunk instanceof int[] secs
        ? windowChunkBase[b][c] + secs[j] * NANOS
        : ((long[]) chunk)[j];
  }

  /**
   * Tokens of window {@code k} of group {@code g}: the product's rate, or for a collection the
   * window's own rate ({@link CollectionPricing}).
   */
  public long windowTokens(int g, int k) {
    checkElementIndex(k, windows[g], "window");
    long[] own = windowTokens[g];
    return own != null ? own[k] : tokens[g] / windows[g];
  }

  /** The rate of window {@code k} of group {@code g} when its product is a collection. */
  java.util.Optional<CollectionPricing.Rate> collectionRate(int g, int k) {
    checkElementIndex(k, windows[g], "window");
    CollectionPricing.Rate[] own = windowRates[g];
    return own == null ? java.util.Optional.empty() : java.util.Optional.of(own[k]);
  }

  /** Length of a window in nanoseconds. */
  long windowNanos() {
    return windowNanos;
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
      for (int k = 0; k < windows[g]; k++) {
        Instant start = SessionTable.toInstant(windowStartNanos(g, k));
        out.add(new Charge(user(g), product(g), start, start.plus(length), windowTokens(g, k)));
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
