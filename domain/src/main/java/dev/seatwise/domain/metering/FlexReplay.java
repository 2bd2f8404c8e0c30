package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Access-window metering (Autodesk Flex, rules F2 to F9) of all usage, the one replay behind {@link
 * WindowedMeter} and the use cases: sessions by column ({@link ColumnarFlexReplay}, collection
 * checkouts priced by {@link CollectionPricing}) and daily usage (no clock times: one window per
 * distinct day, starting at the start of that day in the context's zone, only for a user and product
 * with no sessions). A user whose subscription covers the product is never charged (F9).
 *
 * <p>The charges come in user, then product id order, each group's windows by start, then the
 * charges of daily usage in user, product and day order; they are made when read ({@link
 * #charges()} holds no object per window). {@link #usage()} sums them per user and product with the
 * days used (calendar days in the context's zone that a session touches or a daily row names).
 * Immutable and thread-safe.
 */
public final class FlexReplay {
  private final ColumnarFlexReplay sessions;
  /** Groups of {@link #sessions} in user, then product id order. */
  private final int[] order;
  /** {@code windowsBefore[i]}: the windows of the groups before {@code order[i]} in that order. */
  private final long[] windowsBefore;
  private final List<Charge> dailyCharges;
  private final List<CollectionPricing.PricedWindow> dailyCollectionWindows;
  private final List<Usage> usage;
  /** {@link #windowTable()}, built when first asked for. */
  private final AtomicReference<WindowTable> windowTable = new AtomicReference<>();

  /** Days used, windows and tokens of one user on one product. */
  public record Usage(UserId user, ProductId product, long daysUsed, long windows, long tokens) {
    public Usage {
      checkNotNull(user, "user");
      checkNotNull(product, "product");
    }
  }

  private FlexReplay(
      ColumnarFlexReplay sessions,
      int[] order,
      long[] windowsBefore,
      List<Charge> dailyCharges,
      List<CollectionPricing.PricedWindow> dailyCollectionWindows,
      List<Usage> usage) {
    this.sessions = sessions;
    this.order = order;
    this.windowsBefore = windowsBefore;
    this.dailyCharges = List.copyOf(dailyCharges);
    this.dailyCollectionWindows = List.copyOf(dailyCollectionWindows);
    this.usage = List.copyOf(usage);
  }

  /** Replays {@code usage} (its sessions by column: see {@link UsageLog#sessionTable()}). */
  public static FlexReplay of(UsageLog usage, MeterContext context, int parallelism) {
    checkNotNull(usage, "usage");
    return of(usage.sessionTable(), usage.days(), context, parallelism);
  }

  /**
   * Replays the sessions of {@code table} and the daily usage {@code days} on up to {@code
   * parallelism} threads (the result does not depend on it).
   *
   * @throws IllegalArgumentException when an uncovered product is not in the catalog
   */
  public static FlexReplay of(
      SessionTable table, List<DailyUsage> days, MeterContext context, int parallelism) {
    checkNotNull(table, "table");
    checkNotNull(days, "days");
    checkNotNull(context, "context");
    ColumnarFlexReplay replay = ColumnarFlexReplay.of(table, days, context, parallelism);
    int groups = replay.groups();
    int[] order = groupOrder(replay, Integer.MAX_VALUE);
    long[] before = new long[groups + 1];
    for (int i = 0; i < groups; i++) {
      before[i + 1] = before[i] + replay.windows(order[i]);
    }

    // daily usage: one window a day, for a user and product with no sessions
    Catalog catalog = context.catalog();
    Map<UserId, Integer> userIndex = new HashMap<>();
    Map<ProductId, Integer> productIndex = new HashMap<>();
    Set<Long> withSessions = new HashSet<>();
    int productCount = table.products().size();
    if (!days.isEmpty()) {
      for (int u = 0; u < table.users().size(); u++) {
        userIndex.put(table.users().get(u), u);
      }
      for (int p = 0; p < productCount; p++) {
        productIndex.put(table.products().get(p), p);
      }
      for (int g = 0; g < groups; g++) {
        withSessions.add((long) replay.userIndex(g) * productCount + replay.productIndex(g));
      }
    }
    Map<UserId, Map<ProductId, Set<LocalDate>>> daily = new TreeMap<>();
    Map<UserId, Map<ProductId, Set<LocalDate>>> dailyBesideSessions = new HashMap<>();
    for (DailyUsage d : days) {
      int u = userIndex.getOrDefault(d.user(), -1);
      int p = productIndex.getOrDefault(d.product(), -1);
      boolean sessionsToo = u >= 0 && p >= 0 && withSessions.contains((long) u * productCount + p);
      (sessionsToo ? dailyBesideSessions : daily)
          .computeIfAbsent(d.user(), x -> new TreeMap<>())
          .computeIfAbsent(d.product(), x -> new TreeSet<>())
          .add(d.day());
    }
    Duration window = catalog.metering().window();
    List<Charge> dailyCharges = new ArrayList<>();
    List<CollectionPricing.PricedWindow> dailyCollections = new ArrayList<>();
    Map<ProductId, Long> rates = new HashMap<>();
    CollectionRates[] collectionRates = {null};
    daily.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, dates) -> {
                  if (context.coverage().covers(user, product)) {
                    return;
                  }
                  long rate =
                      rates.computeIfAbsent(
                          product,
                          p ->
                              catalog
                                  .flexRate(p)
                                  .orElseThrow(
                                      () -> new IllegalArgumentException("unknown product " + p)));
                  Bundle collection = ColumnarFlexReplay.collectionOf(catalog, product);
                  for (LocalDate day : dates) {
                    Instant start = day.atStartOfDay(context.zone()).toInstant();
                    Instant end = start.plus(window);
                    if (collection == null) {
                      dailyCharges.add(new Charge(user, product, start, end, rate));
                      continue;
                    }
                    if (collectionRates[0] == null) {
                      collectionRates[0] = collectionRates(table, days, context, userIndex);
                    }
                    CollectionPricing.Rate r =
                        collectionRates[0].rate(
                            collection, userIndex.getOrDefault(user, -1), user,
                            Instants.toNanos(start), Instants.toNanos(end));
                    Charge c = new Charge(user, product, start, end, r.tokens());
                    dailyCharges.add(c);
                    dailyCollections.add(new CollectionPricing.PricedWindow(c, r));
                  }
                }));

    List<Usage> usage =
        usage(table, replay, order, dailyCharges, dailyBesideSessions, days, context, productCount);
    return new FlexReplay(replay, order, before, dailyCharges, dailyCollections, usage);
  }

  /**
   * The replay's groups by user, then product id. When there are at most {@code maxKeys} (user,
   * product) pairs, the ids' ranks in their dictionaries (each sorted once) make one primitive key
   * per group, sorted as longs (a group is one user and product, so keys are distinct; the group
   * in the low half breaks no tie but keeps the sort total); else the groups are sorted by their
   * ids (the plain order, which the keys give). {@code maxKeys} is at most {@link
   * Integer#MAX_VALUE} (a key's half of the long).
   */
  static int[] groupOrder(ColumnarFlexReplay replay, long maxKeys) {
    checkArgument(maxKeys <= Integer.MAX_VALUE, "keys beyond an int: %s", maxKeys);
    int groups = replay.groups();
    int[] order = new int[groups];
    long productKeys = replay.products().size();
    if ((long) replay.users().size() * productKeys <= maxKeys) {
      int[] userRank = ranks(replay.users());
      int[] productRank = ranks(replay.products());
      long[] keys = new long[groups];
      for (int g = 0; g < groups; g++) {
        long key =
            userRank[replay.userIndex(g)] * productKeys + productRank[replay.productIndex(g)];
        keys[g] = key << 32 | g;
      }
      Arrays.sort(keys);
      for (int i = 0; i < groups; i++) {
        order[i] = (int) keys[i];
      }
    } else {
      Integer[] boxed = new Integer[groups];
      for (int g = 0; g < groups; g++) {
        boxed[g] = g;
      }
      Arrays.sort(
          boxed,
          (a, b) -> {
            int c = replay.user(a).compareTo(replay.user(b));
            return c != 0 ? c : replay.product(a).compareTo(replay.product(b));
          });
      for (int i = 0; i < groups; i++) {
        order[i] = boxed[i];
      }
    }
    return order;
  }

  /** Each entry's rank in {@code ids} sorted (the entries are distinct). */
  private static <T extends Comparable<? super T>> int[] ranks(List<T> ids) {
    Integer[] byId = new Integer[ids.size()];
    for (int k = 0; k < byId.length; k++) {
      byId[k] = k;
    }
    Arrays.sort(byId, (a, b) -> ids.get(a).compareTo(ids.get(b)));
    int[] rank = new int[byId.length];
    for (int r = 0; r < byId.length; r++) {
      rank[byId[r]] = r;
    }
    return rank;
  }

  /** Collection pricing over the rows of every user with daily usage. */
  private static CollectionRates collectionRates(
      SessionTable table, List<DailyUsage> days, MeterContext context, Map<UserId, Integer> index) {
    boolean[] users = new boolean[table.users().size()];
    for (DailyUsage d : days) {
      Integer u = index.get(d.user());
      if (u != null) {
        users[u] = true;
      }
    }
    return new CollectionRates(
        context.catalog(), UserRows.of(table, users), days, context.zone());
  }

  /** Per user and product, in id order: days used, windows and tokens. */
  private static List<Usage> usage(
      SessionTable table,
      ColumnarFlexReplay replay,
      int[] order,
      List<Charge> dailyCharges,
      Map<UserId, Map<ProductId, Set<LocalDate>>> dailyBesideSessions,
      List<DailyUsage> days,
      MeterContext context,
      int productCount) {
    Map<UserId, Map<ProductId, long[]>> counts = new TreeMap<>();
    for (Charge c : dailyCharges) {
      long[] n =
          counts.computeIfAbsent(c.user(), u -> new TreeMap<>())
              .computeIfAbsent(c.product(), p -> new long[3]);
      n[1]++;
      n[2] = Math.addExact(n[2], c.tokens());
    }
    // days used of daily usage with no sessions beside: the distinct days (covered or not)
    Map<UserId, Map<ProductId, Set<LocalDate>>> onlyDaily = new HashMap<>();
    for (DailyUsage d : days) {
      if (!dailyBesideSessions.getOrDefault(d.user(), Map.of()).containsKey(d.product())) {
        onlyDaily.computeIfAbsent(d.user(), u -> new HashMap<>())
            .computeIfAbsent(d.product(), p -> new HashSet<>())
            .add(d.day());
      }
    }
    onlyDaily.forEach(
        (u, byP) ->
            byP.forEach(
                (p, set) ->
                    counts.computeIfAbsent(u, x -> new TreeMap<>())
                        .computeIfAbsent(p, x -> new long[3])[0] = set.size()));
    // days used of sessions beside daily usage: the union of the days of both
    UserRows besideRows = null;
    if (!dailyBesideSessions.isEmpty()) {
      boolean[] users = new boolean[replay.users().size()];
      for (int g = 0; g < replay.groups(); g++) {
        if (dailyBesideSessions.getOrDefault(replay.user(g), Map.of()).containsKey(replay.product(g))) {
          users[replay.userIndex(g)] = true;
        }
      }
      besideRows = UserRows.of(table, users);
    }
    CalendarDays.InZone calendar = CalendarDays.in(context.zone());
    List<Usage> out = new ArrayList<>(order.length + counts.size());
    Iterator<Map.Entry<UserId, Map<ProductId, long[]>>> dailyUsers = counts.entrySet().iterator();
    Map.Entry<UserId, Map<ProductId, long[]>> pending = dailyUsers.hasNext() ? dailyUsers.next() : null;
    int i = 0;
    while (i < order.length) {
      UserId user = replay.user(order[i]);
      while (pending != null && pending.getKey().compareTo(user) < 0) {
        addAll(out, pending);
        pending = dailyUsers.hasNext() ? dailyUsers.next() : null;
      }
      Map<ProductId, long[]> userDaily =
          pending != null && pending.getKey().equals(user) ? pending.getValue() : Map.of();
      Map<ProductId, long[]> merged = new TreeMap<>(userDaily);
      for (; i < order.length && replay.user(order[i]).equals(user); i++) {
        int g = order[i];
        long daysUsed = replay.daysUsed(g);
        Set<LocalDate> extra = dailyBesideSessions.getOrDefault(user, Map.of()).get(replay.product(g));
        if (extra != null) {
          daysUsed =
              unionDays(besideRows, replay.userIndex(g), replay.productIndex(g), extra, calendar);
        }
        long[] n = merged.computeIfAbsent(replay.product(g), p -> new long[3]);
        n[0] = daysUsed;
        n[1] += replay.windows(g);
        n[2] = Math.addExact(n[2], replay.tokens(g));
      }
      merged.forEach((p, n) -> out.add(new Usage(user, p, n[0], n[1], n[2])));
      if (pending != null && pending.getKey().equals(user)) {
        pending = dailyUsers.hasNext() ? dailyUsers.next() : null;
      }
    }
    while (pending != null) {
      addAll(out, pending);
      pending = dailyUsers.hasNext() ? dailyUsers.next() : null;
    }
    return out;
  }

  private static void addAll(List<Usage> out, Map.Entry<UserId, Map<ProductId, long[]>> e) {
    e.getValue().forEach((p, n) -> out.add(new Usage(e.getKey(), p, n[0], n[1], n[2])));
  }

  /** Distinct days the user's sessions of the product touch, with {@code extra} days. */
  private static long unionDays(
      UserRows rows, int u, int p, Set<LocalDate> extra, CalendarDays.InZone calendar) {
    Set<Long> seen = new HashSet<>();
    for (LocalDate d : extra) {
      seen.add(d.toEpochDay());
    }
    for (int k = 0; k < rows.rows(u); k++) {
      if (rows.product(u, k) != p) {
        continue;
      }
      long s = rows.start(u, k);
      long e = rows.end(u, k);
      long last = e == s ? e : e - 1;
      long lastDay = calendar.epochDay(last);
      for (long d = calendar.epochDay(s); d <= lastDay; d++) {
        seen.add(d);
      }
    }
    return seen.size();
  }

  /** The sessions' replay, by column. */
  public ColumnarFlexReplay sessions() {
    return sessions;
  }

  /**
   * Every charge, one per window, in the order of the class comment; each is made when read, so
   * iterating twice makes equal but new objects.
   */
  public List<Charge> charges() {
    return new Charges();
  }

  /**
   * The charges as a table sorted by start, user and product ({@link WindowTable}): built from the
   * columns when first asked for (merging each user and product's windows, already in time order),
   * then kept.
   */
  public WindowTable windowTable() {
    WindowTable t = windowTable.get();
    if (t != null) {
      return t;
    }
    synchronized (windowTable) {
      t = windowTable.get();
      if (t == null) {
        t = buildWindowTable();
        windowTable.set(t);
      }
      return t;
    }
  }

  private WindowTable buildWindowTable() {
    long length = sessions.windowNanos();
    for (Charge c : dailyCharges) {
      if (Instants.toNanos(c.end()) - Instants.toNanos(c.start()) != length) {
        return WindowTable.of(new ArrayList<>(charges())); // never with one window length
      }
    }
    // dictionaries: the users and products with windows, sorted by id
    int tableUsers = sessions.users().size();
    int tableProducts = sessions.products().size();
    boolean[] userSeen = new boolean[tableUsers];
    boolean[] productSeen = new boolean[tableProducts];
    TreeSet<UserId> userSet = new TreeSet<>();
    TreeSet<ProductId> productSet = new TreeSet<>();
    for (int g : order) {
      if (sessions.windows(g) == 0) {
        continue;
      }
      if (!userSeen[sessions.userIndex(g)]) {
        userSeen[sessions.userIndex(g)] = true;
        userSet.add(sessions.user(g));
      }
      if (!productSeen[sessions.productIndex(g)]) {
        productSeen[sessions.productIndex(g)] = true;
        productSet.add(sessions.product(g));
      }
    }
    for (Charge c : dailyCharges) {
      userSet.add(c.user());
      productSet.add(c.product());
    }
    UserId[] users = userSet.toArray(new UserId[0]);
    ProductId[] products = productSet.toArray(new ProductId[0]);
    int[] userAt = new int[tableUsers];
    for (int u = 0; u < tableUsers; u++) {
      userAt[u] = userSeen[u] ? Arrays.binarySearch(users, sessions.users().get(u)) : -1;
    }
    int[] productAt = new int[tableProducts];
    for (int p = 0; p < tableProducts; p++) {
      productAt[p] =
          productSeen[p] ? Arrays.binarySearch(products, sessions.products().get(p)) : -1;
    }
    // runs: each group with windows, then each user and product of the daily charges
    int n = Math.toIntExact(windowsBefore[order.length] + dailyCharges.size());
    long[] starts = new long[n];
    boolean intTokens = sessions.windowTokensFitInt();
    for (int d = 0; d < dailyCharges.size() && intTokens; d++) {
      intTokens = WindowTable.isInt(dailyCharges.get(d).tokens());
    }
    int[] tokens32 = intTokens ? new int[n] : null;
    long[] tokens64 = intTokens ? null : new long[n];
    int runs = 0;
    for (int g : order) {
      if (sessions.windows(g) > 0) {
        runs++;
      }
    }
    for (int d = 0; d < dailyCharges.size(); d++) {
      if (d == 0 || !sameRun(dailyCharges.get(d - 1), dailyCharges.get(d))) {
        runs++;
      }
    }
    int[] runUser = new int[runs];
    int[] runProduct = new int[runs];
    int[] runOffset = new int[runs + 1];
    int r = 0;
    int at = 0;
    for (int g : order) {
      int w = sessions.windows(g);
      if (w == 0) {
        continue;
      }
      runUser[r] = userAt[sessions.userIndex(g)];
      runProduct[r] = productAt[sessions.productIndex(g)];
      runOffset[r] = at;
      sessions.copyWindowStarts(g, starts, at);
      if (intTokens) {
        sessions.copyWindowTokens(g, tokens32, at);
      } else {
        sessions.copyWindowTokens(g, tokens64, at);
      }
      at += w;
      r++;
    }
    for (int d = 0; d < dailyCharges.size(); d++) {
      Charge c = dailyCharges.get(d);
      if (d == 0 || !sameRun(dailyCharges.get(d - 1), c)) {
        runUser[r] = Arrays.binarySearch(users, c.user());
        runProduct[r] = Arrays.binarySearch(products, c.product());
        runOffset[r] = at;
        r++;
      }
      starts[at] = Instants.toNanos(c.start());
      if (intTokens) {
        tokens32[at] = (int) c.tokens();
      } else {
        tokens64[at] = c.tokens();
      }
      at++;
    }
    runOffset[runs] = at;
    return WindowTable.merge(
        users, products, runUser, runProduct, runOffset, starts, tokens32, tokens64, length);
  }

  private static boolean sameRun(Charge a, Charge b) {
    return a.user().equals(b.user()) && a.product().equals(b.product());
  }

  /** The charges as a {@link Metering} (no capacity demands), holding no object per window. */
  public Metering toMetering() {
    return new Metering(charges(), List.of());
  }

  /** Per user and product with usage, in user then product id order: days used, windows, tokens. */
  public List<Usage> usage() {
    return usage;
  }

  /** Every window of a collection checkout with the basis of its rate, in charge order. */
  public List<CollectionPricing.PricedWindow> collectionWindows() {
    List<CollectionPricing.PricedWindow> out = new ArrayList<>();
    Duration length = Duration.ofNanos(sessions.windowNanos());
    for (int g : order) {
      for (int k = 0; k < sessions.windows(g); k++) {
        var rate = sessions.collectionRate(g, k);
        if (rate.isEmpty()) {
          break;
        }
        Instant start = SessionTable.toInstant(sessions.windowStartNanos(g, k));
        out.add(new CollectionPricing.PricedWindow(
            new Charge(sessions.user(g), sessions.product(g), start, start.plus(length),
                rate.get().tokens()),
            rate.get()));
      }
    }
    out.addAll(dailyCollectionWindows);
    return out;
  }

  /** The charges, made when read. */
  final class Charges extends AbstractList<Charge> implements RandomAccess {
    private final long sessionWindows = windowsBefore[order.length];
    private final Duration length = Duration.ofNanos(sessions.windowNanos());

    /** The replay these are the charges of. */
    FlexReplay replay() {
      return FlexReplay.this;
    }

    @Override
    public int size() {
      return Math.toIntExact(sessionWindows + dailyCharges.size());
    }

    @Override
    public Charge get(int index) {
      if (index < 0 || index >= size()) {
        throw new IndexOutOfBoundsException("charge " + index + " of " + size());
      }
      if (index >= sessionWindows) {
        return dailyCharges.get((int) (index - sessionWindows));
      }
      int i = Arrays.binarySearch(windowsBefore, index);
      if (i < 0) {
        i = -i - 2;
      }
      while (i + 1 < windowsBefore.length && windowsBefore[i + 1] <= index) {
        i++; // skip groups with no window
      }
      return charge(order[i], (int) (index - windowsBefore[i]));
    }

    private Charge charge(int g, int k) {
      Instant start = SessionTable.toInstant(sessions.windowStartNanos(g, k));
      return new Charge(sessions.user(g), sessions.product(g), start, start.plus(length),
          sessions.windowTokens(g, k));
    }

    @Override
    public Iterator<Charge> iterator() {
      return new Iterator<>() {
        /** The position in {@code order}, the window within that group, and whether loaded. */
        private final int[] at = {0, 0, 0};
        /** The window starts of the current group. */
        private final long[][] starts = {new long[16]};
        private final Iterator<Charge> daily = dailyCharges.iterator();

        @Override
        public boolean hasNext() {
          while (at[0] < order.length && at[1] >= sessions.windows(order[at[0]])) {
            at[0]++;
            at[1] = 0;
            at[2] = 0;
          }
          return at[0] < order.length || daily.hasNext();
        }

        @Override
        public Charge next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          if (at[0] >= order.length) {
            return daily.next();
          }
          int g = order[at[0]];
          if (at[2] == 0) {
            if (starts[0].length < sessions.windows(g)) {
              starts[0] = new long[Math.max(sessions.windows(g), 2 * starts[0].length)];
            }
            sessions.copyWindowStarts(g, starts[0]);
            at[2] = 1;
          }
          int k = at[1]++;
          Instant start = SessionTable.toInstant(starts[0][k]);
          return new Charge(sessions.user(g), sessions.product(g), start, start.plus(length),
              sessions.windowTokens(g, k));
        }
      };
    }
  }
}
