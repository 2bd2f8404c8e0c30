package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The Flex tokens a period's access windows draw, per user, product and day: each window opening
 * within the period, on its day in the period's zone, at the tokens {@link PlanEvaluation} charges
 * it (the product's rate in the catalog version in force that day; a collection checkout's own
 * tokens), exactly as {@link MixPlan#flexWindows} rates them. Built once from a {@link WindowTable}
 * in two passes over its columns (no object per window), it gives the tokens per day of any mix's
 * Flex part, the sum of its (user, product) pairs' day vectors, which is all a {@link
 * TokenPurchaseSchedule} reads of the windows: a mix's schedule, and a search changing one user's
 * assignment at a time, no longer walk the windows.
 *
 * <p>Day vectors ({@link #dayTokens}) are indexed by day from {@link #firstDay()} and are {@link
 * #days()} long. Immutable and thread-safe; nothing is null.
 */
public final class FlexDemand {
  /** A (version, product) whose windows draw their own tokens (a collection on Flex). */
  private static final long OWN = -1;
  /** A (version, product) not rated yet. */
  private static final long UNKNOWN = -2;

  private final WindowTable windows;
  private final PlanPeriod period;
  private final CatalogHistory catalogs;
  private final long firstDay;
  private final int days;
  /** Pair {@code user * products + product}: its entries are {@code [pairStart[k], pairStart[k + 1])}. */
  private final int[] pairStart;
  private final int[] entryDay;
  /**
   * Each entry's tokens: ints when every entry's sum fits one (the usual case: 4 bytes an entry,
   * about 50 MB less for the 100,000-user year), else longs; exactly one of the two is non-null.
   */
  private final int[] entryTokens32;
  private final long[] entryTokens64;
  private final long[] pairTokens;

  private FlexDemand(
      WindowTable windows,
      PlanPeriod period,
      CatalogHistory catalogs,
      long firstDay,
      int days,
      int[] pairStart,
      int[] entryDay,
      int[] entryTokens32,
      long[] entryTokens64,
      long[] pairTokens) {
    this.windows = windows;
    this.period = period;
    this.catalogs = catalogs;
    this.firstDay = firstDay;
    this.days = days;
    this.pairStart = pairStart;
    this.entryDay = entryDay;
    this.entryTokens32 = entryTokens32;
    this.entryTokens64 = entryTokens64;
    this.pairTokens = pairTokens;
  }

  /**
   * The demand of {@code windows} (any charges; a replay's are read as its {@link WindowTable}).
   *
   * @throws ArithmeticException when a time is outside the years 1678 to 2261, or tokens overflow
   */
  public static FlexDemand of(List<Charge> windows, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(windows, "windows");
    return of(WindowTable.of(windows), period, catalogs);
  }

  /**
   * The demand of the windows of {@code table} that open within {@code period}.
   *
   * @throws ArithmeticException when tokens overflow
   * @throws IllegalArgumentException when the table has more (user, product) pairs than an array
   *     holds
   */
  public static FlexDemand of(WindowTable table, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(table, "table");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");
    WindowTable in =
        table.startingIn(
            WindowTable.saturatedNanos(period.start()), WindowTable.saturatedNanos(period.end()));
    int products = in.productCount();
    long pairCount = (long) in.userCount() * products;
    checkArgument(pairCount < Integer.MAX_VALUE, "%s (user, product) pairs", pairCount);
    int pairs = (int) pairCount;
    // pass 1: entries per pair (one per day with tokens), and the first and last day
    int[] count = new int[pairs + 1];
    long[] lastDay = new long[pairs];
    Arrays.fill(lastDay, Long.MIN_VALUE);
    long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
    // each pair's running entry sum, to know whether every entry's tokens fit an int
    long[][] runs = {new long[pairs]};
    boolean[] wide = {false};
    walk(
        in, period, catalogs,
        (pair, day, tokens) -> {
          if (lastDay[pair] != day) {
            lastDay[pair] = day;
            count[pair + 1]++;
            runs[0][pair] = 0;
          }
          long[] run = runs[0];
          run[pair] = Math.addExact(run[pair], tokens);
          wide[0] |= run[pair] > Integer.MAX_VALUE;
          span[0] = Math.min(span[0], day);
          span[1] = Math.max(span[1], day);
        });
    runs[0] = null;
    int[] pairStart = new int[pairs + 1];
    for (int k = 0; k < pairs; k++) {
      pairStart[k + 1] = pairStart[k] + count[k + 1];
    }
    int entries = pairStart[pairs];
    if (entries == 0) {
      return new FlexDemand(
          in, period, catalogs, period.from().toEpochDay(), 0, pairStart, new int[0], new int[0],
          null, new long[pairs]);
    }
    // pass 2: the entries, each pair's in time order (a day may recur only in a zone's overlap)
    long minDay = span[0];
    int[] entryDay = new int[entries];
    int[] entryTokens32 = wide[0] ? null : new int[entries];
    long[] entryTokens64 = wide[0] ? new long[entries] : null;
    long[] pairTokens = new long[pairs];
    int[] next = Arrays.copyOf(pairStart, pairs);
    Arrays.fill(lastDay, Long.MIN_VALUE);
    walk(
        in, period, catalogs,
        (pair, day, tokens) -> {
          if (lastDay[pair] != day) {
            lastDay[pair] = day;
            entryDay[next[pair]++] = (int) (day - minDay);
          }
          int e = next[pair] - 1;
          if (entryTokens64 != null) {
            entryTokens64[e] = Math.addExact(entryTokens64[e], tokens);
          } else {
            // pass 1 found every entry's sum within an int
            entryTokens32[e] = Math.toIntExact(entryTokens32[e] + tokens);
          }
          pairTokens[pair] = Math.addExact(pairTokens[pair], tokens);
        });
    return new FlexDemand(
        in, period, catalogs, minDay, Math.toIntExact(span[1] - minDay + 1), pairStart, entryDay,
        entryTokens32, entryTokens64, pairTokens);
  }

  /**
   * This demand with its purchases priced by {@code other}. A window's tokens are its product's
   * rate (or a collection's own tokens) in the catalog version in force on its day, never a price:
   * when {@code other}'s versions take effect on the same days and rate every product and
   * collection alike (a change of prices only), the counts are shared and only purchase schedules
   * read {@code other}; else the demand of the same windows is worked out again.
   */
  public FlexDemand withCatalogs(CatalogHistory other) {
    checkNotNull(other, "other");
    if (other == catalogs) {
      return this;
    }
    if (!sameRates(catalogs, other)) {
      return of(windows, period, other);
    }
    return new FlexDemand(
        windows, period, other, firstDay, days, pairStart, entryDay, entryTokens32, entryTokens64,
        pairTokens);
  }

  /** Whether the versions take effect on the same days and read windows' tokens alike. */
  private static boolean sameRates(CatalogHistory a, CatalogHistory b) {
    List<Catalog> x = a.versions();
    List<Catalog> y = b.versions();
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).effective().equals(y.get(i).effective())
          || !rates(x.get(i)).equals(rates(y.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * What {@link #walk} reads of a version: each product's Flex rate (empty when none) and, for each
   * collection, whether it is on Flex (its windows then draw their own tokens).
   */
  private static Map<ProductId, Object> rates(Catalog version) {
    Map<ProductId, Object> out = new java.util.HashMap<>();
    version.products().forEach(p -> out.put(p.id(), p.tokenRate()));
    version.bundles().forEach(b -> out.putIfAbsent(b.id(), version.isOnFlex(b.id())));
    return out;
  }

  /**
   * Receives a window that draws tokens: its (user, product) pair ({@code user * products +
   * product}), day (epoch day) and tokens.
   */
  private interface WindowVisitor {
    void visit(int pair, long day, long tokens);
  }

  /**
   * Visits, in order, every window of {@code table} that draws tokens (its day in the period's
   * zone, as {@link LocalDate#ofInstant}; its tokens at the rate in force that day, as {@link
   * MixPlan#flexWindows} rates it).
   */
  private static void walk(
      WindowTable table, PlanPeriod period, CatalogHistory catalogs, WindowVisitor visitor) {
    List<Catalog> versions = catalogs.versions();
    ZoneRules rules = period.zone().getRules();
    int products = table.productCount();
    // per (version, product): its fixed rate (0 for none), OWN or UNKNOWN
    long[] rates = new long[versions.size() * products];
    Arrays.fill(rates, UNKNOWN);
    long offsetUntil = Long.MIN_VALUE;
    int offsetSeconds = 0;
    long day = Long.MIN_VALUE;
    // the instants [dayFrom, dayUntil) lie on day {@code day} at the current offset
    long dayFrom = Long.MAX_VALUE;
    long dayUntil = Long.MIN_VALUE;
    int version = -1;
    int n = table.size();
    for (int i = 0; i < n; i++) {
      long t = table.startNanos(i);
      if (t >= offsetUntil) {
        // the zone's offset holds until its next transition (windows come in time order)
        Instant at = table.start(i);
        offsetSeconds = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(at);
        offsetUntil = next == null ? Long.MAX_VALUE : WindowTable.saturatedNanos(next.getInstant());
        dayFrom = Long.MAX_VALUE;
        dayUntil = Long.MIN_VALUE;
      }
      if (t < dayFrom || t >= dayUntil) {
        // as LocalDate.ofInstant: the day of the local second
        long d = Math.floorDiv(Math.floorDiv(t, NANOS) + offsetSeconds, DAY);
        // the day's local seconds [d x DAY, (d + 1) x DAY) as instants, clamped to a long
        dayFrom = nanosOfSecond(d * DAY - offsetSeconds);
        dayUntil = nanosOfSecond((d + 1) * DAY - offsetSeconds);
        if (d != day) {
          day = d;
          version = versions.indexOf(SeatHolding.versionOn(catalogs, LocalDate.ofEpochDay(d)));
        }
      }
      int p = table.productIndex(i);
      int k = version * products + p;
      long rate = rates[k];
      if (rate == UNKNOWN) {
        Catalog v = versions.get(version);
        OptionalLong r = PlanEvaluation.rate(v, table.charge(i));
        if (v.product(table.productAt(p)).isEmpty() && r.isPresent()) {
          rate = OWN; // a collection on Flex: the window's own tokens
        } else {
          rate = r.isPresent() ? Math.max(0, r.getAsLong()) : 0; // a product's rate, or none
        }
        rates[k] = rate;
      }
      long tokens = rate == OWN ? table.tokens(i) : rate;
      if (tokens > 0) {
        visitor.visit(table.userIndex(i) * products + p, day, tokens);
      }
    }
  }

  private static final long NANOS = 1_000_000_000L;
  private static final long DAY = 86_400L;

  /**
   * The first instant (epoch nanoseconds) of epoch second {@code second}, clamped to the range of a
   * long (every window start lies inside it, so a clamped bound still holds the same windows).
   */
  private static long nanosOfSecond(long second) {
    if (second > Long.MAX_VALUE / NANOS) {
      return Long.MAX_VALUE;
    }
    if (second < Long.MIN_VALUE / NANOS) {
      return Long.MIN_VALUE;
    }
    return second * NANOS;
  }

  /** The period's windows (those opening within it). */
  public WindowTable windows() {
    return windows;
  }

  public PlanPeriod period() {
    return period;
  }

  public CatalogHistory catalogs() {
    return catalogs;
  }

  /** The day of index 0 of the day vectors (the period's first day when no window draws tokens). */
  public LocalDate firstDay() {
    return LocalDate.ofEpochDay(firstDay);
  }

  /** The length of the day vectors: from the first to the last day with tokens (0 when none). */
  public int days() {
    return days;
  }

  /** The tokens {@code user}'s windows of {@code product} draw in the period (0 when none). */
  public long tokens(UserId user, ProductId product) {
    int pair = pairOf(user, product);
    return pair < 0 ? 0 : pairTokens[pair];
  }

  /**
   * Adds {@code sign} times the tokens per day of {@code user}'s windows of {@code product} into
   * {@code dayTokens} (a day vector, {@link #days()} long): +1 puts the pair on Flex, -1 takes it
   * off.
   *
   * @throws ArithmeticException on overflow
   */
  public void add(long[] dayTokens, UserId user, ProductId product, int sign) {
    checkArgument(
        dayTokens.length == days, "a day vector of %s days, not %s", dayTokens.length, days);
    checkArgument(sign == 1 || sign == -1, "sign must be 1 or -1 but was %s", sign);
    int pair = pairOf(user, product);
    if (pair < 0) {
      return;
    }
    for (int e = pairStart[pair]; e < pairStart[pair + 1]; e++) {
      int d = entryDay[e];
      long t = entryTokens64 != null ? entryTokens64[e] : entryTokens32[e];
      dayTokens[d] = Math.addExact(dayTokens[d], sign * t);
    }
  }

  /**
   * The tokens per day of the mix whose users are on Flex for the products {@code onFlex} gives
   * them (a new day vector): the day sums of {@link MixPlan#flexWindows}.
   */
  public long[] dayTokens(Map<UserId, ? extends Collection<ProductId>> onFlex) {
    checkNotNull(onFlex, "onFlex");
    long[] out = new long[days];
    for (Map.Entry<UserId, ? extends Collection<ProductId>> e : onFlex.entrySet()) {
      for (ProductId p : e.getValue()) {
        add(out, e.getKey(), p, 1);
      }
    }
    return out;
  }

  /**
   * The cheapest purchase schedule of a day vector ({@link TokenPurchaseSchedule#cheapest(LocalDate,
   * long[], CatalogHistory, java.time.ZoneId)}), in the period's zone.
   *
   * @throws IllegalArgumentException as that method does
   */
  public TokenPurchaseSchedule schedule(long[] dayTokens) {
    return TokenPurchaseSchedule.cheapest(firstDay(), dayTokens, catalogs, period.zone());
  }

  private int pairOf(UserId user, ProductId product) {
    checkNotNull(user, "user");
    checkNotNull(product, "product");
    int u = windows.indexOfUser(user);
    int p = u < 0 ? -1 : windows.indexOfProduct(product);
    return p < 0 ? -1 : u * windows.productCount() + p;
  }

  @Override
  public String toString() {
    return "FlexDemand[" + windows.size() + " windows, " + days + " days from " + firstDay() + "]";
  }
}
