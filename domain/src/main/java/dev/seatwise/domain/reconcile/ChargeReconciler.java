package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

/**
 * Sets what Flex charged beside the replay, per user x product x calendar day (in the context's
 * zone) of {@code [from, to)}. A replayed window counts on the day it opens. A day whose amounts
 * differ gets a {@link Discrepancy}:
 *
 * <ul>
 *   <li>{@code CHARGED_WITHOUT_USAGE}: charged, and no session or daily row of that user and product
 *       touches the day;
 *   <li>{@code USAGE_NOT_CHARGED}: the replay charges, Flex charged nothing;
 *   <li>{@code DIFFERENT_AMOUNT}: otherwise.
 * </ul>
 *
 * and, for the last two, the {@link LikelyRule}, tried in this order:
 *
 * <ol>
 *   <li>{@code UNDER_5_MINUTES}: Flex charged more and a session starting that day is shorter than
 *       the minimum billable launch;
 *   <li>{@code CONTINUATION_PAST_24H}: a replayed window opening that day was opened by a session
 *       still running (no session starts at its opening), or Flex charged more and a session that
 *       started on an earlier day runs into the day;
 *   <li>{@code IDLE_PAUSE}: the replay charged more, for a window opened by a launch less than one
 *       window length after the user's previous window of the product ended;
 *   <li>{@code NONE}.
 * </ol>
 *
 * <p>The work is done on columns: every (day, user, product) is one {@code long} (users and
 * products numbered in their own order, so the numbers sort as the keys do), the keys charged or
 * replayed are one sorted array with the tokens and facts beside it, the replay's windows are read
 * from its table in start order, and a window's launch is found by binary search among the starts
 * of its user and product. On the 10,000-user year (1.8 M sessions, 1.5 M windows, 1.2 M days
 * charged) that is about 8 CPU seconds where the walk on objects took 28 or more
 * (docs/benchmarks.md, "`reconcile` on the one engine").
 *
 * <p>Stateless and thread-safe; no argument may be null.
 */
public final class ChargeReconciler {
  private ChargeReconciler() {}

  // facts about a key, one bit each
  private static final int SEEN = 1;
  private static final int SHORT_LAUNCH = 1 << 1;
  private static final int RUNS_IN = 1 << 2;
  private static final int CONTINUATION = 1 << 3;
  private static final int SOON_AFTER_PREVIOUS = 1 << 4;

  // a key: day from the period's first (23 bits), user (24 bits), product (16 bits)
  private static final int USER_SHIFT = 16;
  private static final int DAY_SHIFT = 40;
  private static final int MAX_USERS = 1 << 24;
  private static final int MAX_PRODUCTS = 1 << 16;
  private static final long MAX_DAYS = 1L << 23;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  /**
   * Reconciles {@code charged} with {@code replay}, the metering of {@code usage} (the same people's
   * sessions and days), over {@code [from, to)}.
   */
  public static Reconciliation reconcile(
      List<ChargedDay> charged,
      UsageLog usage,
      Metering replay,
      MeterContext context,
      LocalDate from,
      LocalDate to) {
    checkNotNull(usage, "usage");
    checkNotNull(replay, "replay");
    return reconcile(
        charged, usage.sessionTable(), usage.days(), WindowTable.of(replay.charges()), context, from,
        to);
  }

  /**
   * Reconciles {@code charged} with {@code windows}, the replay of {@code sessions} and {@code days}
   * (the same people's usage: the table a replay reads and the windows it made, as a {@code
   * FlexReplay} gives them), over {@code [from, to)}.
   */
  public static Reconciliation reconcile(
      List<ChargedDay> charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to) {
    return reconcile(charged, sessions, days, windows, context, from, to, PreviousEnds.MAX_CELLS);
  }

  /**
   * As {@link #reconcile(List, SessionTable, List, WindowTable, MeterContext, LocalDate, LocalDate)},
   * keeping each user and product's last window end in an array only while the window table's
   * users times products are at most {@code maxCells} (else in a map; the tests ask for both).
   */
  static Reconciliation reconcile(
      List<ChargedDay> charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to,
      int maxCells) {
    checkNotNull(charged, "charged");
    checkNotNull(sessions, "sessions");
    checkNotNull(days, "days");
    checkNotNull(windows, "windows");
    checkNotNull(context, "context");
    checkArgument(to.isAfter(checkNotNull(from, "from")), "empty period [%s, %s)", from, to);
    long first = from.toEpochDay();
    long periodDays = to.toEpochDay() - first;
    checkArgument(periodDays < MAX_DAYS, "period [%s, %s) is too long", from, to);
    Dictionary ids = new Dictionary(charged, sessions, days, windows);
    Days calendar = new Days(context.zone());
    long minimum = context.catalog().metering().minimumBillable().toNanos();
    long window = context.catalog().metering().window().toNanos();

    // the keys charged or replayed in the period, sorted: the rows of the answer
    int[] windowUser = ids.of(windows);
    int[] windowProduct = ids.productsOf(windows);
    ChargedDay[] chargedDays = charged.toArray(new ChargedDay[0]);
    long[] keys = new long[chargedDays.length + windows.size()];
    int keyCount = 0;
    long[] chargedKey = new long[chargedDays.length];
    for (int i = 0; i < chargedKey.length; i++) {
      ChargedDay c = chargedDays[i];
      long d = c.day().toEpochDay() - first;
      chargedKey[i] = d >= 0 && d < periodDays ? key(d, ids.user(c.user()), ids.product(c.product())) : -1;
      if (chargedKey[i] >= 0) {
        keys[keyCount++] = chargedKey[i];
      }
    }
    long[] windowDay = new long[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      windowDay[i] = calendar.epochDay(windows.startNanos(i)) - first;
      if (windowDay[i] >= 0 && windowDay[i] < periodDays) {
        keys[keyCount++] =
            key(windowDay[i], windowUser[windows.userIndex(i)], windowProduct[windows.productIndex(i)]);
      }
    }
    long[] key = sortedDistinct(keys, keyCount);
    Keys index = new Keys(key, (int) periodDays);
    long[] chargedTokens = new long[key.length];
    long[] replayedTokens = new long[key.length];
    int[] facts = new int[key.length];

    for (int i = 0; i < chargedKey.length; i++) {
      if (chargedKey[i] >= 0) {
        chargedTokens[index.of(chargedKey[i])] += chargedDays[i].tokens();
      }
    }

    // the windows in start order: each one's launch, and the end of its user and product's last
    Launches launches = new Launches(sessions, ids);
    PreviousEnds previousEnd = new PreviousEnds(windows.userCount(), windows.productCount(), maxCells);
    for (int i = 0; i < windows.size(); i++) {
      int u = windowUser[windows.userIndex(i)];
      int p = windowProduct[windows.productIndex(i)];
      long start = windows.startNanos(i);
      long before = previousEnd.put(windows.userIndex(i), windows.productIndex(i), windows.endNanos(i));
      if (windowDay[i] < 0 || windowDay[i] >= periodDays) {
        continue;
      }
      int at = index.of(key(windowDay[i], u, p));
      replayedTokens[at] += windows.tokens(i);
      if (!launches.isLaunch(u, p, start)) {
        facts[at] |= CONTINUATION;
      } else if (before != PreviousEnds.NONE && start <= before + window) {
        facts[at] |= SOON_AFTER_PREVIOUS;
      }
    }

    // usage seen, short launches and sessions running into a day, for the keys that matter
    int[] sessionUser = ids.of(sessions);
    int[] sessionProduct = ids.productsOf(sessions);
    sessions.forEachChunk(
        (row, n, users, products, starts, ends) -> {
          for (int r = 0; r < n; r++) {
            long s = starts[r];
            long e = ends[r];
            long firstDay = calendar.epochDay(s) - first;
            long lastDay = calendar.epochDay(e > s ? e - 1 : e) - first;
            int u = sessionUser[users[r]];
            int p = sessionProduct[products[r]];
            for (long d = Math.max(firstDay, 0); d <= lastDay && d < periodDays; d++) {
              int at = index.of(key(d, u, p));
              if (at < 0) {
                continue;
              }
              facts[at] |= SEEN;
              if (d == firstDay) {
                if (e - s < minimum) {
                  facts[at] |= SHORT_LAUNCH;
                }
              } else {
                facts[at] |= RUNS_IN;
              }
            }
          }
        });
    for (DailyUsage d : days) {
      long day = d.day().toEpochDay() - first;
      if (day >= 0 && day < periodDays) {
        int at = index.of(key(day, ids.user(d.user()), ids.product(d.product())));
        if (at >= 0) {
          facts[at] |= SEEN;
        }
      }
    }

    List<ReconciledDay> out = new ArrayList<>(key.length);
    LocalDate[] dates = new LocalDate[(int) periodDays]; // one date object per day of the period
    for (int i = 0; i < key.length; i++) {
      long k = key[i];
      int d = (int) (k >>> DAY_SHIFT);
      if (dates[d] == null) {
        dates[d] = LocalDate.ofEpochDay(first + d);
      }
      out.add(
          day(
              dates[d],
              ids.users[(int) ((k >>> USER_SHIFT) & (MAX_USERS - 1))],
              ids.products[(int) (k & (MAX_PRODUCTS - 1))],
              chargedTokens[i],
              replayedTokens[i],
              facts[i]));
    }
    return new Reconciliation(out);
  }

  private static ReconciledDay day(
      LocalDate day, UserId user, ProductId product, long charged, long replayed, int is) {
    if (charged == replayed) {
      return new ReconciledDay(day, user, product, charged, replayed, Optional.empty(), LikelyRule.NONE);
    }
    if (charged > 0 && (is & SEEN) == 0 && replayed == 0) {
      return new ReconciledDay(
          day, user, product, charged, replayed, Optional.of(Discrepancy.CHARGED_WITHOUT_USAGE),
          LikelyRule.NONE);
    }
    LikelyRule rule;
    if (charged > replayed && (is & SHORT_LAUNCH) != 0) {
      rule = LikelyRule.UNDER_5_MINUTES;
    } else if ((is & CONTINUATION) != 0 || (charged > replayed && (is & RUNS_IN) != 0)) {
      rule = LikelyRule.CONTINUATION_PAST_24H;
    } else if (replayed > charged && (is & SOON_AFTER_PREVIOUS) != 0) {
      rule = LikelyRule.IDLE_PAUSE;
    } else {
      rule = LikelyRule.NONE;
    }
    Discrepancy kind = charged == 0 ? Discrepancy.USAGE_NOT_CHARGED : Discrepancy.DIFFERENT_AMOUNT;
    return new ReconciledDay(day, user, product, charged, replayed, Optional.of(kind), rule);
  }

  private static long key(long day, int user, int product) {
    return (day << DAY_SHIFT) | ((long) user << USER_SHIFT) | product;
  }

  /**
   * The sorted keys with the position of each day's first: a key is looked up by binary search
   * among its day's keys only.
   */
  private static final class Keys {
    private final long[] key;
    private final int[] dayStart;

    Keys(long[] key, int days) {
      this.key = key;
      this.dayStart = new int[days + 1];
      int at = 0;
      for (int d = 0; d <= days; d++) {
        while (at < key.length && (key[at] >>> DAY_SHIFT) < d) {
          at++;
        }
        dayStart[d] = at;
      }
    }

    /** The position of {@code k} (of a day in the period), or -1 when it is not a key. */
    int of(long k) {
      int d = (int) (k >>> DAY_SHIFT);
      int at = Arrays.binarySearch(key, dayStart[d], dayStart[d + 1], k);
      return at < 0 ? -1 : at;
    }
  }

  /**
   * The end of the last window seen per user and product of a window table (by its own indexes):
   * an array when the table's users times products are few enough, else a map.
   */
  private static final class PreviousEnds {
    /** No window seen yet (no window ends at the earliest instant a table holds). */
    static final long NONE = Long.MIN_VALUE;

    /** Users times products up to which the ends are an array (4 M cells: 36 MB). */
    static final int MAX_CELLS = 1 << 22;
    private final int products;
    private final long[] end;
    private final boolean[] seen;
    private final Map<Long, Long> map;

    PreviousEnds(int users, int products, int maxCells) {
      this.products = products;
      boolean small = (long) users * products <= maxCells;
      this.end = small ? new long[users * products] : null;
      this.seen = small ? new boolean[users * products] : null;
      this.map = small ? null : new HashMap<>();
    }

    /** Records {@code windowEnd} for the user and product; returns the one before, or {@link #NONE}. */
    long put(int user, int product, long windowEnd) {
      if (map != null) {
        Long before = map.put((long) user * products + product, windowEnd);
        return before == null ? NONE : before;
      }
      int cell = user * products + product;
      long before = seen[cell] ? end[cell] : NONE;
      seen[cell] = true;
      end[cell] = windowEnd;
      return before;
    }
  }

  /**
   * Users and products numbered in their natural order over every input, so that a key's number
   * sorts as (day, user, product) does; and each table's own dictionary mapped onto them.
   */
  private static final class Dictionary {
    final UserId[] users;
    final ProductId[] products;
    private final Map<UserId, Integer> userNumber = new HashMap<>();
    private final Map<ProductId, Integer> productNumber = new HashMap<>();

    Dictionary(
        List<ChargedDay> charged, SessionTable sessions, List<DailyUsage> days, WindowTable windows) {
      // distinct first (most rows repeat a user and product), then sorted
      Set<UserId> u = new HashSet<>(sessions.users());
      Set<ProductId> p = new HashSet<>(sessions.products());
      UserId lastUser = null;
      ProductId lastProduct = null;
      for (ChargedDay c : charged) {
        if (c.user() != lastUser) {
          u.add(lastUser = c.user());
        }
        if (c.product() != lastProduct) {
          p.add(lastProduct = c.product());
        }
      }
      for (DailyUsage d : days) {
        u.add(d.user());
        p.add(d.product());
      }
      for (int i = 0; i < windows.userCount(); i++) {
        u.add(windows.userAt(i));
      }
      for (int i = 0; i < windows.productCount(); i++) {
        p.add(windows.productAt(i));
      }
      checkArgument(u.size() <= MAX_USERS, "more than %s users", MAX_USERS);
      checkArgument(p.size() <= MAX_PRODUCTS, "more than %s products", MAX_PRODUCTS);
      users = u.toArray(new UserId[0]);
      products = p.toArray(new ProductId[0]);
      Arrays.sort(users);
      Arrays.sort(products);
      for (int i = 0; i < users.length; i++) {
        userNumber.put(users[i], i);
      }
      for (int i = 0; i < products.length; i++) {
        productNumber.put(products[i], i);
      }
    }

    int user(UserId u) {
      return userNumber.get(u);
    }

    int product(ProductId p) {
      return productNumber.get(p);
    }

    int[] of(WindowTable t) {
      int[] out = new int[t.userCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = user(t.userAt(i));
      }
      return out;
    }

    int[] productsOf(WindowTable t) {
      int[] out = new int[t.productCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = product(t.productAt(i));
      }
      return out;
    }

    int[] of(SessionTable t) {
      int[] out = new int[t.users().size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = user(t.users().get(i));
      }
      return out;
    }

    int[] productsOf(SessionTable t) {
      int[] out = new int[t.products().size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = product(t.products().get(i));
      }
      return out;
    }
  }

  /**
   * Session starts grouped by user and product (each group sorted), to tell a window opened by a
   * launch from one opened by use running on: a group's starts are found by binary search among the
   * groups, then the start by binary search within its group.
   */
  private static final class Launches {
    /** The groups present, sorted: user * MAX_PRODUCTS + product. */
    private final long[] groups;
    /** {@code offset[g]} is group {@code g}'s first start in {@link #starts}. */
    private final int[] offset;
    private final long[] starts;

    Launches(SessionTable sessions, Dictionary ids) {
      int n = sessions.size();
      int[] userOf = ids.of(sessions);
      int[] productOf = ids.productsOf(sessions);
      long[] group = new long[n];
      long[] start = new long[n];
      sessions.forEachChunk(
          (row, m, users, products, starts, ends) -> {
            System.arraycopy(starts, 0, start, row, m);
            for (int r = 0; r < m; r++) {
              group[row + r] = (long) userOf[users[r]] * MAX_PRODUCTS + productOf[products[r]];
            }
          });
      long[] distinct = group.clone();
      Arrays.sort(distinct);
      int g = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || distinct[i] != distinct[i - 1]) {
          distinct[g++] = distinct[i];
        }
      }
      groups = Arrays.copyOf(distinct, g);
      // counting sort of the starts by group, then each group's starts sorted
      offset = new int[g + 1];
      int[] dense = new int[n];
      for (int i = 0; i < n; i++) {
        dense[i] = Arrays.binarySearch(groups, group[i]);
        offset[dense[i] + 1]++;
      }
      for (int k = 0; k < g; k++) {
        offset[k + 1] += offset[k];
      }
      int[] next = Arrays.copyOf(offset, g);
      starts = new long[n];
      for (int i = 0; i < n; i++) {
        starts[next[dense[i]]++] = start[i];
      }
      for (int k = 0; k < g; k++) {
        Arrays.sort(starts, offset[k], offset[k + 1]);
      }
    }

    /**
     * Whether a session of the user and product starts at {@code start}; true when they have no
     * session at all (a window of daily rows is a launch).
     */
    boolean isLaunch(int user, int product, long start) {
      int g = Arrays.binarySearch(groups, (long) user * MAX_PRODUCTS + product);
      return g < 0 || Arrays.binarySearch(starts, offset[g], offset[g + 1], start) >= 0;
    }
  }

  /**
   * Calendar days of instants in epoch nanoseconds in one zone: a fixed offset added, or the zone's
   * offset at the instant (as {@code CalendarDays} works it out).
   */
  private static final class Days {
    private final ZoneRules rules;
    private final long fixedOffset;
    private final boolean fixed;

    Days(ZoneId zone) {
      this.rules = zone.getRules();
      this.fixed = rules.isFixedOffset();
      this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    long epochDay(long nanos) {
      long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
      long offset =
          fixed ? fixedOffset : rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
      return Math.floorDiv(seconds + offset, SECONDS_PER_DAY);
    }
  }

  /** The first {@code size} values, sorted, each once (sorted in place). */
  private static long[] sortedDistinct(long[] values, int size) {
    Arrays.sort(values, 0, size);
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (n == 0 || values[i] != values[n - 1]) {
        values[n++] = values[i];
      }
    }
    return Arrays.copyOf(values, n);
  }
}
