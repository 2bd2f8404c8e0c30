package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

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
 * <p>The work is done on columns, for blocks of users in turn (consecutive in their sorted order, at
 * most 4 M rows of charges, windows and sessions a block): every (day, user,
 * product) is one {@code long} (users and products numbered in their own order, so the numbers
 * sort as the keys do), a block's keys charged or replayed are one sorted array with the tokens
 * and facts beside it, the replay's windows are read from its table in start order, and a
 * window's launch is found by binary search among the starts of its user and product (a counting
 * sort of the block's sessions by user and product). The 10,000-user year (1.8 M sessions, 1.5 M
 * windows, 1.2 M days charged) is one block; the 100,000-user year (18.3 M sessions, 12.3 M days
 * charged) is eleven, and reconciles under a 1 GB heap (docs/benchmarks.md, "`reconcile` on the
 * one engine" and "`reconcile` of the 100,000-user year in `-Xmx1g`").
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
    return reconcile(ChargeTable.of(charged), sessions, days, windows, context, from, to);
  }

  /**
   * As {@link #reconcile(List, SessionTable, List, WindowTable, MeterContext, LocalDate,
   * LocalDate)}, with the charges by column. The days that agree are counted, not kept, and the
   * work is done for blocks of users in turn, so that the memory it needs beside its inputs stays
   * about the same for any number of people (docs/benchmarks.md, "`reconcile` of the
   * 100,000-user year").
   */
  public static Reconciliation reconcile(
      ChargeTable charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to) {
    return reconcile(
        charged, sessions, days, windows, context, from, to, PreviousEnds.MAX_CELLS, BLOCK_ROWS);
  }

  /**
   * Hands every user x product x day charged or replayed over {@code [from, to)} to {@code each},
   * in day, user, product order, agreeing or not: for a caller who wants them all. The days are
   * handed over as they are worked out, all users in one block (its arrays grow with the days,
   * unlike {@link #reconcile(ChargeTable, SessionTable, List, WindowTable, MeterContext,
   * LocalDate, LocalDate)}'s); past about 4 M users times products they come in blocks, and are
   * then held and put in order before they are handed over.
   */
  public static void reconcile(
      ChargeTable charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to,
      Consumer<ReconciledDay> each) {
    reconcile(charged, sessions, days, windows, context, from, to, each, Long.MAX_VALUE);
  }

  /**
   * As {@link #reconcile(ChargeTable, SessionTable, List, WindowTable, MeterContext, LocalDate,
   * LocalDate, Consumer)}, taking users in blocks of at most {@code blockRows} rows: with one block
   * the days are handed over as they are worked out; with more (a dictionary of more users times
   * products than one block's launches hold), they are held and put in order first.
   */
  static void reconcile(
      ChargeTable charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to,
      Consumer<ReconciledDay> each,
      long blockRows) {
    checkNotNull(each, "each");
    Dictionary ids = new Dictionary(charged, sessions, days, windows);
    List<ReconciledDay> held = new ArrayList<>();
    boolean[] streaming = {true};
    walk(charged, sessions, days, windows, context, from, to, PreviousEnds.MAX_CELLS, blockRows,
        ids,
        new DaySink() {
          @Override
          public void blocks(int count) {
            streaming[0] = count <= 1;
          }

          @Override
          public void day(LocalDate date, long key, long c, long r, int facts) {
            ReconciledDay d = ChargeReconciler.day(date, ids, key, c, r, facts);
            if (streaming[0]) {
              each.accept(d);
            } else {
              held.add(d);
            }
          }
        });
    held.sort(Reconciliation.ORDER);
    held.forEach(each);
  }

  /**
   * Rows (charged, windows and sessions) of the users of one block, past one user's own: the
   * block's work takes about 20 bytes a row (a 4 M-row block, 80 MB).
   */
  static final long BLOCK_ROWS = 4_000_000;

  /** Users times products of one block, past one user's own: its launches' cells (16 MB). */
  private static final long MAX_BLOCK_CELLS = 1 << 22;

  /**
   * As {@link #reconcile(ChargeTable, SessionTable, List, WindowTable, MeterContext, LocalDate,
   * LocalDate)}, keeping each user and product's last window end in an array only while the window
   * table's users times products are at most {@code maxCells} (else in a map), and taking users in
   * blocks of at most {@code blockRows} rows (the tests ask for every way).
   */
  static Reconciliation reconcile(
      ChargeTable charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to,
      int maxCells,
      long blockRows) {
    Dictionary ids = new Dictionary(charged, sessions, days, windows);
    long[] totals = new long[3];
    List<ReconciledDay> differences = new ArrayList<>();
    int[] blocks = new int[1];
    walk(charged, sessions, days, windows, context, from, to, maxCells, blockRows, ids,
        new DaySink() {
          @Override
          public void blocks(int count) {
            blocks[0] = count;
          }

          @Override
          public void day(LocalDate date, long key, long c, long r, int facts) {
            totals[0]++;
            totals[1] = Math.addExact(totals[1], c);
            totals[2] = Math.addExact(totals[2], r);
            if (c != r) {
              differences.add(ChargeReconciler.day(date, ids, key, c, r, facts));
            }
          }
        });
    if (blocks[0] > 1) {
      // blocks of users each come in day order: the differences are put in it across blocks
      differences.sort(Reconciliation.ORDER);
    }
    return new Reconciliation(totals[0], totals[1], totals[2], differences);
  }

  /** Receives a day compared: its date, key, tokens charged and replayed, and facts. */
  private interface DaySink {
    void day(LocalDate date, long key, long charged, long replayed, int facts);

    /** How many blocks of users the days come in (told before the first day). */
    void blocks(int count);
  }

  /**
   * Walks the keys charged or replayed in the period, in day, user, product order within each block
   * of users (blocks in user order), handing each to {@code sink} (told first how many blocks).
   */
  private static void walk(
      ChargeTable charged,
      SessionTable sessions,
      List<DailyUsage> days,
      WindowTable windows,
      MeterContext context,
      LocalDate from,
      LocalDate to,
      int maxCells,
      long blockRows,
      Dictionary ids,
      DaySink sink) {
    checkNotNull(charged, "charged");
    checkNotNull(sessions, "sessions");
    checkNotNull(days, "days");
    checkNotNull(windows, "windows");
    checkNotNull(context, "context");
    checkArgument(to.isAfter(checkNotNull(from, "from")), "empty period [%s, %s)", from, to);
    long first = from.toEpochDay();
    long periodDays = to.toEpochDay() - first;
    checkArgument(periodDays < MAX_DAYS, "period [%s, %s) is too long", from, to);
    CalendarDays.InZone calendar = CalendarDays.in(context.zone());
    long minimum = context.catalog().metering().minimumBillable().toNanos();
    long window = context.catalog().metering().window().toNanos();
    // each table's own user and product numbers, onto the dictionary's
    int[] chargedUser = ids.users(charged.users().size(), charged.users()::get);
    int[] chargedProduct = ids.products(charged.products().size(), charged.products()::get);
    int[] windowUser = ids.users(windows.userCount(), windows::userAt);
    int[] windowProduct = ids.products(windows.productCount(), windows::productAt);
    int[] sessionUser = ids.users(sessions.users().size(), sessions.users()::get);
    int[] sessionProduct = ids.products(sessions.products().size(), sessions.products()::get);

    // each user's rows, then blocks of consecutive users (in number order) of at most blockRows
    int users = ids.users.length;
    int[] chargedRows = new int[users];
    int[] windowRows = new int[users];
    int[] sessionRows = new int[users];
    for (int i = 0; i < charged.size(); i++) {
      chargedRows[chargedUser[charged.userIndex(i)]]++;
    }
    for (int i = 0; i < windows.size(); i++) {
      windowRows[windowUser[windows.userIndex(i)]]++;
    }
    sessions.forEachUserAndProductChunk(
        (row, n, us, ps) -> {
          for (int r = 0; r < n; r++) {
            sessionRows[sessionUser[us[r]]]++;
          }
        });
    int[] blockOf = new int[users];
    List<int[]> blockUsers = new ArrayList<>(); // each block's first and last user
    long inBlock = 0;
    int productCount = ids.products.length;
    for (int u = 0; u < users; u++) {
      long rows = (long) chargedRows[u] + windowRows[u] + sessionRows[u];
      int[] open = blockUsers.isEmpty() ? null : blockUsers.get(blockUsers.size() - 1);
      if (open == null
          || inBlock + rows > blockRows
          || (long) (u - open[0] + 1) * productCount > MAX_BLOCK_CELLS) {
        blockUsers.add(open = new int[] {u, u});
        inBlock = 0;
      }
      open[1] = u;
      blockOf[u] = blockUsers.size() - 1;
      inBlock += rows;
    }
    int blocks = blockUsers.size();
    sink.blocks(blocks);
    int[] blockCharged = new int[blocks];
    int[] blockWindows = new int[blocks];
    for (int u = 0; u < users; u++) {
      blockCharged[blockOf[u]] += chargedRows[u];
      blockWindows[blockOf[u]] += windowRows[u];
    }
    LocalDate[] dates = new LocalDate[(int) periodDays]; // one date object per day of the period
    // a user's windows are all in one block, so one record of last ends serves every block
    PreviousEnds previousEnd = new PreviousEnds(windows.userCount(), windows.productCount(), maxCells);
    for (int b = 0; b < blocks; b++) {
      int block = b;

      // the block's keys charged or replayed in the period, sorted: the rows of the answer
      long[] keys = new long[blockCharged[b] + blockWindows[b]];
      int keyCount = 0;
      for (int i = 0; i < charged.size(); i++) {
        int u = chargedUser[charged.userIndex(i)];
        long d = charged.epochDay(i) - first;
        if (blockOf[u] == b && d >= 0 && d < periodDays) {
          keys[keyCount++] = key(d, u, chargedProduct[charged.productIndex(i)]);
        }
      }
      int[] windowDay = new int[blockWindows[b]]; // the day of each of the block's windows
      int w = 0;
      for (int i = 0; i < windows.size(); i++) {
        int u = windowUser[windows.userIndex(i)];
        if (blockOf[u] != b) {
          continue;
        }
        long d = calendar.epochDay(windows.startNanos(i)) - first;
        windowDay[w++] = d >= 0 && d < periodDays ? (int) d : -1;
        if (d >= 0 && d < periodDays) {
          keys[keyCount++] = key(d, u, windowProduct[windows.productIndex(i)]);
        }
      }
      long[] key = sortedDistinct(keys, keyCount);
      keys = null; // let go of the unsorted keys before the block's other arrays are made
      Keys index = new Keys(key, (int) periodDays);
      long[] chargedTokens = new long[key.length];
      long[] replayedTokens = new long[key.length];
      int[] facts = new int[key.length];

      for (int i = 0; i < charged.size(); i++) {
        int u = chargedUser[charged.userIndex(i)];
        long d = charged.epochDay(i) - first;
        if (blockOf[u] == b && d >= 0 && d < periodDays) {
          chargedTokens[index.of(key(d, u, chargedProduct[charged.productIndex(i)]))] +=
              charged.tokens(i);
        }
      }

      // in one pass over the sessions: the block's launches, and usage seen, short launches and
      // sessions running into a day for the keys that matter
      Launches launches =
          new Launches(
              sessions, sessionUser, sessionProduct, blockOf, b, blockUsers.get(b)[0],
              blockUsers.get(b)[1], productCount);
      sessions.forEachChunk(
          (row, n, us, products, starts, ends) -> {
            for (int r = 0; r < n; r++) {
              int u = sessionUser[us[r]];
              if (blockOf[u] != block) {
                continue;
              }
              long s = starts[r];
              long e = ends[r];
              int p = sessionProduct[products[r]];
              launches.add(u, p, s);
              long firstDay = calendar.epochDay(s) - first;
              long lastDay = calendar.epochDay(e > s ? e - 1 : e) - first;
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
      launches.seal();

      // the block's windows in start order: each one's launch, and the end of its user and
      // product's last
      w = 0;
      for (int i = 0; i < windows.size(); i++) {
        int u = windowUser[windows.userIndex(i)];
        if (blockOf[u] != b) {
          continue;
        }
        int p = windowProduct[windows.productIndex(i)];
        long start = windows.startNanos(i);
        long before = previousEnd.put(windows.userIndex(i), windows.productIndex(i), windows.endNanos(i));
        int d = windowDay[w++];
        if (d < 0) {
          continue;
        }
        int at = index.of(key(d, u, p));
        replayedTokens[at] += windows.tokens(i);
        if (!launches.isLaunch(u, p, start)) {
          facts[at] |= CONTINUATION;
        } else if (before != PreviousEnds.NONE && start <= before + window) {
          facts[at] |= SOON_AFTER_PREVIOUS;
        }
      }
      windowDay = null;

      for (DailyUsage d : days) {
        long day = d.day().toEpochDay() - first;
        int u = ids.user(d.user());
        if (blockOf[u] == b && day >= 0 && day < periodDays) {
          int at = index.of(key(day, u, ids.product(d.product())));
          if (at >= 0) {
            facts[at] |= SEEN;
          }
        }
      }

      for (int i = 0; i < key.length; i++) {
        long k = key[i];
        int d = (int) (k >>> DAY_SHIFT);
        if (dates[d] == null) {
          dates[d] = LocalDate.ofEpochDay(first + d);
        }
        sink.day(dates[d], k, chargedTokens[i], replayedTokens[i], facts[i]);
      }
    }
  }

  private static ReconciledDay day(
      LocalDate day, Dictionary ids, long key, long charged, long replayed, int is) {
    return day(
        day,
        ids.users[(int) ((key >>> USER_SHIFT) & (MAX_USERS - 1))],
        ids.products[(int) (key & (MAX_PRODUCTS - 1))],
        charged,
        replayed,
        is);
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

    Dictionary(ChargeTable charged, SessionTable sessions, List<DailyUsage> days, WindowTable windows) {
      // distinct first (the tables hold each once; days repeat them), then sorted
      Set<UserId> u = new HashSet<>(sessions.users());
      Set<ProductId> p = new HashSet<>(sessions.products());
      u.addAll(charged.users());
      p.addAll(charged.products());
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

    /** The numbers of {@code n} users, the {@code i}th being {@code at.apply(i)}. */
    int[] users(int n, IntFunction<UserId> at) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = user(at.apply(i));
      }
      return out;
    }

    /** The numbers of {@code n} products, the {@code i}th being {@code at.apply(i)}. */
    int[] products(int n, IntFunction<ProductId> at) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = product(at.apply(i));
      }
      return out;
    }
  }

  /**
   * The session starts of one block's users, grouped by user and product (each group sorted), to
   * tell a window opened by a launch from one opened by use running on: a group is a cell of the
   * block's users times the products, its starts found by binary search within it. About 8 bytes a
   * session.
   */
  private static final class Launches {
    private final int firstUser;
    private final int products;
    /** {@code offset[c]} is cell {@code c}'s first start in {@link #starts}. */
    private final int[] offset;
    private final long[] starts;

    /** Where each cell's next start goes, until {@link #seal}. */
    private final int[] next;

    /**
     * Room for the launches of the users {@code firstUser} to {@code lastUser} of block {@code
     * block}, of {@code products} products (counted in a pass over the user and product columns);
     * each session of the block is then {@link #add}ed, and the whole {@link #seal}ed.
     */
    Launches(
        SessionTable sessions,
        int[] userOf,
        int[] productOf,
        int[] blockOf,
        int block,
        int firstUser,
        int lastUser,
        int products) {
      this.firstUser = firstUser;
      this.products = products;
      int cells = (lastUser - firstUser + 1) * products;
      offset = new int[cells + 1];
      // a counting sort of the starts by cell, then each cell's starts sorted
      sessions.forEachUserAndProductChunk(
          (row, m, users, ps) -> {
            for (int r = 0; r < m; r++) {
              int u = userOf[users[r]];
              if (blockOf[u] == block) {
                offset[cell(u, productOf[ps[r]]) + 1]++;
              }
            }
          });
      for (int c = 0; c < cells; c++) {
        offset[c + 1] += offset[c];
      }
      next = Arrays.copyOf(offset, cells);
      starts = new long[offset[cells]];
    }

    /** Adds a session of the block's user and product, starting at {@code start}. */
    void add(int user, int product, long start) {
      starts[next[cell(user, product)]++] = start;
    }

    /** Sorts each cell's starts, once every session of the block was added. */
    void seal() {
      for (int c = 0; c + 1 < offset.length; c++) {
        Arrays.sort(starts, offset[c], offset[c + 1]);
      }
    }

    private int cell(int user, int product) {
      return (user - firstUser) * products + product;
    }

    /**
     * Whether a session of the user and product starts at {@code start}; true when they have no
     * session at all (a window of daily rows is a launch).
     */
    boolean isLaunch(int user, int product, long start) {
      int c = cell(user, product);
      return offset[c] == offset[c + 1]
          || Arrays.binarySearch(starts, offset[c], offset[c + 1], start) >= 0;
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
