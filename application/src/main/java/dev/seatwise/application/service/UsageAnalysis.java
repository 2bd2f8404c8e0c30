package dev.seatwise.application.service;

import dev.seatwise.application.LicensingException;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.application.port.out.TokenUsage;
import dev.seatwise.application.port.out.TokenUsageList;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.CollectionPricing;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.metering.FlexReplay;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.plan.FlexDemand;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.reconcile.ChargeTable;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.UserId;
import dev.seatwise.domain.usage.UsageSpan;
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
import java.util.TreeMap;

/**
 * Usage restricted to a period and metered as Flex would meter it (no subscription coverage), shared
 * by the use cases: per user and product, days used, windows and tokens. Sessions belong to the
 * period in which they start; days and windows likewise. Immutable after construction.
 */
public final class UsageAnalysis {
  private final AnalysisPeriod period;
  private final Catalog catalog;
  /** The period's sessions and days; days only once {@link #releaseSessions()} let go of them. */
  private final java.util.concurrent.atomic.AtomicReference<UsageLog> inPeriod;
  /** Whether the period has sessions (kept when {@link #releaseSessions()} lets go of them). */
  private final boolean hasSessions;
  private final Metering flex;
  private final Map<UserId, Map<ProductId, ProductUsage>> byUser;
  private final boolean hasSummaries;
  private final Map<UserId, Map<ProductId, ProductUsage>> summaryUsage;
  private final List<String> collectionNotes;
  private final Optional<UsageSpan> span;
  /** {@link #flexWindows()} of a meter other than the replay, made when first asked for. */
  private final java.util.concurrent.atomic.AtomicReference<WindowTable> windows;
  /** Whether the usage was metered by the Flex replay, which reads no price of the catalog. */
  private final boolean replayed;
  /**
   * The period's launches of the users and products that opened no window ({@link
   * #windowlessLaunches()}); kept when the sessions are let go of (they are few).
   */
  private final SessionTable windowless;
  /** The last {@link #flexDemand}, worked out when first asked for; shared with repriced views. */
  private final java.util.concurrent.atomic.AtomicReference<FlexDemand> demand;
  /** {@link #peaks()}, worked out when first asked for; shared with {@link #repriced} views. */
  private final java.util.concurrent.atomic.AtomicReference<List<ConcurrentSeatMeter.Peak>> peaks;

  /** How a period bound that the query leaves open is chosen. */
  public enum DefaultPeriod {
    /** The span of the data: the first to the last day with data. */
    DATA_SPAN,
    /** Never shorter than a year: see {@link UsageSpan#period}. */
    AT_LEAST_A_YEAR
  }

  private UsageAnalysis(
      AnalysisPeriod period,
      Catalog catalog,
      UsageLog inPeriod,
      Metering flex,
      Map<UserId, Map<ProductId, ProductUsage>> byUser,
      boolean hasSummaries,
      Map<UserId, Map<ProductId, ProductUsage>> summaryUsage,
      List<String> collectionNotes,
      Optional<UsageSpan> span,
      boolean replayed,
      SessionTable windowless) {
    this.summaryUsage = summaryUsage;
    this.windowless = windowless;
    this.span = span;
    this.period = period;
    this.catalog = catalog;
    this.inPeriod = new java.util.concurrent.atomic.AtomicReference<>(inPeriod);
    this.hasSessions = !inPeriod.sessions().isEmpty();
    this.flex = flex;
    this.byUser = byUser;
    this.hasSummaries = hasSummaries;
    this.collectionNotes = List.copyOf(collectionNotes);
    this.windows = new java.util.concurrent.atomic.AtomicReference<>();
    this.replayed = replayed;
    this.peaks = new java.util.concurrent.atomic.AtomicReference<>();
    this.demand = new java.util.concurrent.atomic.AtomicReference<>();
  }

  /**
   * {@code a} with {@code catalog} in its place, sharing everything else (its usage as it is now:
   * letting go of the sessions in one leaves them in the other).
   */
  private UsageAnalysis(UsageAnalysis a, Catalog catalog) {
    this.period = a.period;
    this.catalog = catalog;
    this.inPeriod = new java.util.concurrent.atomic.AtomicReference<>(a.inPeriod.get());
    this.hasSessions = a.hasSessions;
    this.flex = a.flex;
    this.byUser = a.byUser;
    this.hasSummaries = a.hasSummaries;
    this.summaryUsage = a.summaryUsage;
    this.collectionNotes = a.collectionNotes;
    this.span = a.span;
    this.windows = a.windows;
    this.replayed = a.replayed;
    this.windowless = a.windowless;
    this.peaks = a.peaks;
    this.demand = a.demand;
  }

  /**
   * This analysis with the version of {@code catalogs} in force at the period's start (else its
   * first), for catalogs that differ from the analysed ones in their prices only (what-if runs
   * such as {@code PriceScaling}'s): the Flex replay counts days, windows and tokens and reads no
   * price, so its metering, counts and window table are shared rather than made again. Empty when
   * the usage was metered by another meter (a plug-in may read any part of the catalog): analyse
   * it again then.
   */
  Optional<UsageAnalysis> repriced(CatalogHistory catalogs) {
    if (!replayed) {
      return Optional.empty();
    }
    return Optional.of(
        new UsageAnalysis(
            this, catalogs.versionOn(period.from()).orElse(catalogs.versions().get(0))));
  }

  /** How many rows were rejected and why (the first {@value #REASONS_SHOWN}), or empty when none. */
  static String rejectedSummary(ImportedUsage usage) {
    long rejected = usage.report().rejected();
    if (rejected == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" (" + rejected + " row" + (rejected == 1 ? "" : "s")
        + " rejected: ");
    List<dev.seatwise.application.port.out.Rejection> all = usage.report().rejections();
    for (int i = 0; i < Math.min(REASONS_SHOWN, all.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append(all.get(i));
    }
    if (all.size() > REASONS_SHOWN) {
      sb.append("; and ").append(all.size() - REASONS_SHOWN).append(" more");
    }
    return sb.append(')').toString();
  }

  private static final int REASONS_SHOWN = 5;

  /** Resolves the period (defaulting to the data's span) and meters the usage with the standard meters. */
  public static UsageAnalysis of(ImportedUsage usage, CatalogHistory catalogs, PeriodSpec spec) {
    return of(usage, catalogs, spec, MeterRegistry.standard());
  }

  /**
   * Resolves the period (defaulting to the data's span) and meters the usage in it with the meter
   * the catalog names, looked up in {@code meters}.
   *
   * @throws LicensingException when no meter of the catalog's kind is registered
   */
  public static UsageAnalysis of(
      ImportedUsage usage, CatalogHistory catalogs, PeriodSpec spec, MeterRegistry meters) {
    return of(usage, catalogs, spec, meters, DefaultPeriod.DATA_SPAN);
  }

  /**
   * As {@link #of(ImportedUsage, CatalogHistory, PeriodSpec, MeterRegistry)}, with the open bounds
   * of the period chosen by {@code defaults}.
   */
  public static UsageAnalysis of(
      ImportedUsage given,
      CatalogHistory catalogs,
      PeriodSpec spec,
      MeterRegistry meters,
      DefaultPeriod defaults) {
    ImportedUsage usage = given.withChargesAsUsage();
    ZoneId zone = spec.zone();
    Optional<UsageSpan> dataSpan = span(given, zone).map(s -> new UsageSpan(s[0], s[1]));
    AnalysisPeriod period = period(usage, spec, defaults, dataSpan);
    LocalDate from = period.from();
    LocalDate to = period.to();
    Catalog catalog = catalogs.versionOn(from).orElse(catalogs.versions().get(0));
    Instant start = period.startInstant();
    Instant end = period.endInstant();
    SessionTable inPeriodSessions =
        usage.log().sessionTable().startingIn(nanos(start), nanos(end));
    List<DailyUsage> days = new ArrayList<>();
    for (DailyUsage d : usage.log().days()) {
      if (!d.day().isBefore(from) && d.day().isBefore(to)) {
        days.add(d);
      }
    }
    UsageLog log = UsageLog.of(inPeriodSessions, days);
    Meter meter =
        meters
            .forKind(catalog.meter())
            .orElseThrow(
                () ->
                    new LicensingException(
                        "catalog " + catalog.vendor() + " names meter '" + catalog.meter()
                            + "', which is not installed; known: "
                            + meters.meters().stream().map(Meter::kind).toList()));
    MeterContext context = new MeterContext(catalog, dev.seatwise.domain.metering.Coverage.NONE, zone);
    Metering flex;
    List<String> collectionNotes = new ArrayList<>();
    Map<UserId, Map<ProductId, long[]>> counts = new TreeMap<>();
    if (meter instanceof WindowedMeter) {
      // the one replay, by column: charges, days, windows and tokens per user and product
      FlexReplay replay = FlexReplay.of(inPeriodSessions, days, context, THREADS);
      flex = replay.toMetering();
      collectionNotes.addAll(collectionNotes(replay.collectionWindows()));
      for (FlexReplay.Usage u : replay.usage()) {
        counts.computeIfAbsent(u.user(), x -> new TreeMap<>())
            .put(u.product(), new long[] {u.daysUsed(), u.windows(), u.tokens()});
      }
    } else {
      flex = meter.meter(log, context);
      if (Catalog.FLEX_WINDOW.equals(catalog.meter())) {
        collectionNotes.addAll(collectionNotes(CollectionPricing.windows(log, flex, context)));
      }
      countByObjects(log, flex, zone, counts);
    }
    List<Session> freeLaunches = List.of();
    if (given.onlyCharges()) {
      freeLaunches = freeLaunches(given.tokenUsage(), from, to, zone, counts);
      collectionNotes.add(
          "the usage is only what Flex charged (Token Usage export): each day charged is taken as"
              + " one window at the catalog's rate"
              + (freeLaunches.isEmpty()
                  ? ""
                  : "; " + freeLaunches.size() + " user-product day(s) with only rows of 0 tokens"
                      + " (launches under 5 minutes, F7) are days used that open no window")
              + "; set it beside sessions or logs with 'seatwise reconcile' to see where the two"
              + " differ");
    }
    boolean hasSummaries = false;
    Map<UserId, Map<ProductId, long[]>> summaryCounts = new TreeMap<>();
    for (UsageSummary s : usage.summaries()) {
      hasSummaries = true;
      long rate = catalog.flexRate(s.product()).orElse(0L);
      long[] own =
          summaryCounts.computeIfAbsent(s.user(), u -> new TreeMap<>())
              .computeIfAbsent(s.product(), p -> new long[3]);
      own[0] += s.daysUsed();
      own[1] += s.daysUsed();
      own[2] = Math.addExact(own[2], Math.multiplyExact(s.daysUsed(), rate));
      long[] wt =
          counts.computeIfAbsent(s.user(), u -> new TreeMap<>())
              .computeIfAbsent(s.product(), p -> new long[3]);
      wt[0] += s.daysUsed();
      wt[1] += s.daysUsed();
      wt[2] = Math.addExact(wt[2], Math.multiplyExact(s.daysUsed(), rate));
    }
    return new UsageAnalysis(
        period, catalog, log, flex, usageOf(counts), hasSummaries, usageOf(summaryCounts),
        collectionNotes,
        dataSpan,
        meter instanceof WindowedMeter,
        windowless(inPeriodSessions, counts, freeLaunches));
  }

  /**
   * The days of a Token Usage export (used alone) on which a user's rows of a product in {@code
   * [from, to)} all charged 0 tokens: launches under 5 minutes (F7), which count in usage and
   * user counts but open no window. Each is added to {@code counts} as a day used, and returned as
   * a launch of no length at the start of that day in {@code zone} (for the named terms of a user
   * with no window: {@link #windowlessLaunches()}). One pass over the rows, a second only when
   * there are rows of 0 tokens.
   */
  private static List<Session> freeLaunches(
      List<TokenUsage> rows,
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      Map<UserId, Map<ProductId, long[]>> counts) {
    // by column: a row's day, user and product as one key (no object per row)
    ChargeTable table = TokenUsageList.of(rows).charges();
    long first = from.toEpochDay();
    long end = to.toEpochDay();
    long products = table.products().size();
    long users = table.users().size();
    java.util.Set<Long> free = new java.util.LinkedHashSet<>();
    for (int i = 0; i < table.size(); i++) {
      long day = table.epochDay(i);
      if (table.tokens(i) == 0 && day >= first && day < end) {
        free.add(((day - first) * users + table.userIndex(i)) * products + table.productIndex(i));
      }
    }
    if (free.isEmpty()) {
      return List.of();
    }
    for (int i = 0; i < table.size(); i++) {
      long day = table.epochDay(i);
      if (table.tokens(i) > 0 && day >= first && day < end) {
        free.remove(((day - first) * users + table.userIndex(i)) * products + table.productIndex(i));
      }
    }
    List<Session> out = new ArrayList<>();
    for (long key : free) {
      ProductId product = table.products().get((int) (key % products));
      UserId user = table.users().get((int) (key / products % users));
      LocalDate day = LocalDate.ofEpochDay(first + key / products / users);
      counts.computeIfAbsent(user, u -> new TreeMap<>()).computeIfAbsent(product, p -> new long[3])[0]++;
      Instant start = day.atStartOfDay(zone).toInstant();
      out.add(new Session(user, product, start, start));
    }
    return out;
  }

  /**
   * The rows of {@code sessions} (and the {@code freeLaunches} of a Token Usage export) whose user
   * and product were used ({@code counts}: days used, windows, tokens) on some day but opened no
   * window: a small table, found in one pass over the user and product columns when there are such
   * users and products, else empty at no cost.
   */
  private static SessionTable windowless(
      SessionTable sessions, Map<UserId, Map<ProductId, long[]>> counts, List<Session> freeLaunches) {
    Map<UserId, java.util.Set<ProductId>> wanted = new HashMap<>();
    counts.forEach(
        (u, byP) ->
            byP.forEach(
                (p, c) -> {
                  if (c[0] > 0 && c[1] == 0) {
                    wanted.computeIfAbsent(u, x -> new java.util.HashSet<>()).add(p);
                  }
                }));
    SessionTable.Builder out = SessionTable.builder();
    if (wanted.isEmpty()) {
      return out.build();
    }
    for (Session s : freeLaunches) {
      if (wanted.getOrDefault(s.user(), java.util.Set.of()).contains(s.product())) {
        out.add(s);
      }
    }
    List<UserId> users = sessions.users();
    List<ProductId> products = sessions.products();
    Map<ProductId, Integer> productIndex = new HashMap<>();
    for (int p = 0; p < products.size(); p++) {
      productIndex.put(products.get(p), p);
    }
    int width = products.size();
    boolean[] someWanted = new boolean[users.size()];
    java.util.Set<Long> cells = new java.util.HashSet<>();
    for (int u = 0; u < users.size(); u++) {
      for (ProductId p : wanted.getOrDefault(users.get(u), java.util.Set.of())) {
        Integer k = productIndex.get(p);
        if (k != null) {
          cells.add((long) u * width + k);
          someWanted[u] = true;
        }
      }
    }
    sessions.forEachUserAndProductChunk(
        (row, n, u, p) -> {
          for (int i = 0; i < n; i++) {
            if (someWanted[u[i]] && cells.contains((long) u[i] * width + p[i])) {
              out.add(sessions.session(row + i));
            }
          }
        });
    return out.build();
  }

  /**
   * The period that {@link #of(ImportedUsage, CatalogHistory, PeriodSpec, MeterRegistry,
   * DefaultPeriod)} analyses, resolved without metering anything: for a caller that needs it
   * before (or without) the analysis.
   *
   * @throws LicensingException when the usage has no rows to take an open bound from, or the
   *     period is empty
   */
  static AnalysisPeriod period(ImportedUsage given, PeriodSpec spec, DefaultPeriod defaults) {
    ImportedUsage usage = given.withChargesAsUsage();
    return period(
        usage, spec, defaults, span(given, spec.zone()).map(s -> new UsageSpan(s[0], s[1])));
  }

  private static AnalysisPeriod period(
      ImportedUsage usage, PeriodSpec spec, DefaultPeriod defaults, Optional<UsageSpan> dataSpan) {
    Optional<LocalDate[]> chosen =
        defaults == DefaultPeriod.AT_LEAST_A_YEAR
            ? dataSpan.map(s -> s.period(spec.from(), spec.to()))
            : dataSpan.map(s -> new LocalDate[] {s.first(), s.last().plusDays(1)});
    LocalDate from = spec.from().or(() -> chosen.map(s -> s[0])).orElse(null);
    LocalDate to = spec.to().or(() -> chosen.map(s -> s[1])).orElse(null);
    if (from == null || to == null) {
      if (!usage.summaries().isEmpty()) {
        // rows were accepted, but none says when it was used (a Usage Report without Last
        // accessed dates): the period cannot be taken from the data
        throw new LicensingException(
            "no day of use to take the period from: the " + usage.summaries().size()
                + " usage row(s) read are totals without a Last accessed date; give the period"
                + " with --from and --to");
      }
      throw new LicensingException(
          "no usage to analyse: the sources held no accepted rows" + rejectedSummary(usage));
    }
    if (!to.isAfter(from)) {
      throw new LicensingException("the period [" + from + ", " + to + ") is empty");
    }
    return new AnalysisPeriod(from, to, spec.zone());
  }

  private static Map<UserId, Map<ProductId, ProductUsage>> usageOf(
      Map<UserId, Map<ProductId, long[]>> counts) {
    Map<UserId, Map<ProductId, ProductUsage>> byUser = new TreeMap<>();
    counts.forEach(
        (u, byP) -> {
          Map<ProductId, ProductUsage> m = new TreeMap<>();
          byP.forEach((p, c) -> m.put(p, new ProductUsage(p, c[0], c[1], c[2])));
          byUser.put(u, java.util.Collections.unmodifiableMap(m));
        });
    return java.util.Collections.unmodifiableMap(byUser);
  }

  /** Epoch nanoseconds of {@code t}, clamped to the range a table holds (years 1678 to 2261). */
  static long nanos(Instant t) {
    try {
      return SessionTable.toNanos(t);
    } catch (ArithmeticException e) {
      return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Threads one replay uses: the calling thread and at most one more. */
  private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  /**
   * Days used, windows and tokens per user and product from a meter's charges, for meters other
   * than the Flex replay (plug-ins): days used are every calendar day (in the zone) that a session
   * touches or a daily row names.
   */
  private static void countByObjects(
      UsageLog log, Metering flex, ZoneId zone, Map<UserId, Map<ProductId, long[]>> counts) {
    Map<UserId, Map<ProductId, EpochDays>> daysUsed = new HashMap<>();
    ZoneRules rules = zone.getRules();
    for (Session s : log.sessions()) {
      EpochDays set =
          daysUsed.computeIfAbsent(s.user(), u -> new HashMap<>())
              .computeIfAbsent(s.product(), p -> new EpochDays());
      Instant last = s.end().equals(s.start()) ? s.end() : s.end().minusNanos(1);
      long lastDay = CalendarDays.epochDay(last, rules);
      for (long d = CalendarDays.epochDay(s.start(), rules); d <= lastDay; d++) {
        set.add(d);
      }
    }
    for (DailyUsage d : log.days()) {
      daysUsed.computeIfAbsent(d.user(), u -> new HashMap<>())
          .computeIfAbsent(d.product(), p -> new EpochDays())
          .add(d.day().toEpochDay());
    }
    for (Charge c : flex.charges()) {
      long[] wt =
          counts.computeIfAbsent(c.user(), u -> new TreeMap<>())
              .computeIfAbsent(c.product(), p -> new long[3]);
      wt[1]++;
      wt[2] = Math.addExact(wt[2], c.tokens());
    }
    daysUsed.forEach(
        (u, byP) ->
            byP.forEach(
                (p, set) ->
                    counts.computeIfAbsent(u, x -> new TreeMap<>())
                        .computeIfAbsent(p, x -> new long[3])[0] = set.distinct()));
  }

  /**
   * One note per collection checked out: how its windows were priced (the member product that ran
   * is not recorded), by the rule of {@link CollectionPricing}, and how to override it.
   */
  static List<String> collectionNotes(List<CollectionPricing.PricedWindow> windows) {
    Map<ProductId, List<CollectionPricing.PricedWindow>> byCollection = new TreeMap<>();
    for (CollectionPricing.PricedWindow w : windows) {
      byCollection.computeIfAbsent(w.charge().product(), p -> new ArrayList<>()).add(w);
    }
    List<String> notes = new ArrayList<>();
    byCollection.forEach(
        (collection, ws) -> {
          long tokens = 0;
          Map<CollectionPricing.Basis, long[]> byBasis = new java.util.EnumMap<>(CollectionPricing.Basis.class);
          Map<CollectionPricing.Basis, java.util.Set<String>> detail = new java.util.EnumMap<>(CollectionPricing.Basis.class);
          for (CollectionPricing.PricedWindow w : ws) {
            tokens = Math.addExact(tokens, w.charge().tokens());
            long[] n = byBasis.computeIfAbsent(w.rate().basis(), b -> new long[2]);
            n[0]++;
            n[1] = Math.addExact(n[1], w.charge().tokens());
            java.util.Set<String> d = detail.computeIfAbsent(w.rate().basis(), b -> new java.util.TreeSet<>());
            String members = String.join(", ", w.rate().members().stream().map(ProductId::value).toList());
            d.add(w.rate().tokens() + " tokens" + (members.isEmpty() ? "" : ": " + members));
          }
          List<String> parts = new ArrayList<>();
          byBasis.forEach(
              (basis, n) ->
                  parts.add(
                      n[0] + " priced at " + basis.description() + " (" + String.join("; ", detail.get(basis))
                          + ")"));
          notes.add(
              collection + " (collection) checkouts: the member product that ran is not recorded;"
                  + " of " + ws.size() + (ws.size() == 1 ? " window" : " windows") + " (" + tokens
                  + " tokens), " + String.join(", ", parts)
                  + ". To override, state the collection's rate (flexTokensPerDay in the catalog,"
                  + " or --collection-rate on the command line)");
        });
    return notes;
  }

  /**
   * The last calendar day (in {@code zone}) on which the usage shows any use: a session start, a
   * day used (a Token Usage export's row, used alone, of any tokens), a day of pool consumption,
   * or a summary's last access. Empty when there is none.
   */
  public static Optional<LocalDate> lastDayOfUsage(ImportedUsage usage, ZoneId zone) {
    return span(usage, zone).map(s -> s[1]);
  }

  private static Optional<LocalDate[]> span(ImportedUsage given, ZoneId zone) {
    ImportedUsage usage = given.withChargesAsUsage();
    LocalDate min = null;
    LocalDate max = null;
    if (given.onlyCharges()) {
      // a Token Usage export alone: its rows of 0 tokens (launches under 5 minutes) are use too
      ChargeTable charges = TokenUsageList.of(given.tokenUsage()).charges();
      min = LocalDate.ofEpochDay(charges.minEpochDay());
      max = LocalDate.ofEpochDay(charges.maxEpochDay());
    }
    CalendarDays.InZone calendar = CalendarDays.in(zone);
    SessionTable sessions = usage.log().sessionTable();
    if (sessions.size() > 0) {
      // a calendar day never decreases with the instant: the first and last starts give the span
      min = LocalDate.ofEpochDay(calendar.epochDay(sessions.minStartNanos()));
      max = LocalDate.ofEpochDay(calendar.epochDay(sessions.maxStartNanos()));
    }
    for (DailyUsage u : usage.log().days()) {
      min = min == null || u.day().isBefore(min) ? u.day() : min;
      max = max == null || u.day().isAfter(max) ? u.day() : max;
    }
    for (PoolConsumption c : usage.consumption()) {
      min = min == null || c.day().isBefore(min) ? c.day() : min;
      max = max == null || c.day().isAfter(max) ? c.day() : max;
    }
    for (UsageSummary s : usage.summaries()) {
      if (s.lastAccessed().isPresent()) {
        LocalDate d = s.lastAccessed().get();
        min = min == null || d.isBefore(min) ? d : min;
        max = max == null || d.isAfter(max) ? d : max;
      }
    }
    return min == null ? Optional.empty() : Optional.of(new LocalDate[] {min, max});
  }

  /** Epoch days, with repeats, counted once each by {@link #distinct()}. */
  private static final class EpochDays {
    private long[] days = new long[8];
    private int size;

    void add(long day) {
      if (size > 0 && days[size - 1] == day) {
        return; // the same day again: a user's sessions of one day on a product usually follow each other
      }
      if (size == days.length) {
        days = Arrays.copyOf(days, size * 2);
      }
      days[size++] = day;
    }

    int distinct() {
      Arrays.sort(days, 0, size);
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (i == 0 || days[i] != days[i - 1]) {
          n++;
        }
      }
      return n;
    }
  }

  public AnalysisPeriod period() {
    return period;
  }

  /** The catalog version in force at the start of the period. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * The period's launches of each user and product that opened no Flex window there although used
   * (every launch shorter than the minimum billable duration, rule F7): what a named seat must
   * still cover ({@link dev.seatwise.domain.plan.TermChoice#byUser(WindowTable, SessionTable, Map,
   * dev.seatwise.domain.plan.PlanPeriod, dev.seatwise.domain.catalog.CatalogHistory)}); kept when
   * the sessions are let go of.
   */
  public SessionTable windowlessLaunches() {
    return windowless;
  }

  /** Sessions and days that start in the period (days only after {@link #releaseSessions()}). */
  public UsageLog usage() {
    return inPeriod.get();
  }

  /**
   * Lets go of the period's sessions, keeping its days and everything worked out from them (the
   * replay's windows, tokens and counts): for an owner that has read from the sessions all it needs
   * (the compare, once the network scenario has its peaks), so that a large table can be collected
   * while the plans are evaluated. {@link #usage()} has no sessions afterwards.
   */
  void releaseSessions() {
    inPeriod.set(UsageLog.ofDays(inPeriod.get().days()));
  }

  /** Whether sessions start in the period (whether or not {@link #releaseSessions()} let go of them). */
  boolean hasSessions() {
    return hasSessions;
  }

  /**
   * Whether the catalog's meter sizes a pool (capacity demands, e.g. a concurrent token pool) rather
   * than charging per use.
   */
  public boolean isCapacityMetered() {
    return flex.charges().isEmpty() && !flex.demands().isEmpty();
  }

  /**
   * Metering of the period's usage by the catalog's meter as if nobody held a subscription: for
   * Flex, its access-window charges; for a pool meter, its capacity demands.
   */
  public Metering flexMetering() {
    return flex;
  }

  /**
   * The {@link #flexMetering()} charges as a table sorted by start, user and product, built once
   * (the replay's own table, {@code FlexReplay#windowTable}): what plans are evaluated against.
   */
  public WindowTable flexWindows() {
    WindowTable t = windows.get();
    if (t == null) {
      t = WindowTable.of(flex.charges());
      if (!windows.compareAndSet(null, t)) {
        t = windows.get();
      }
    }
    return t;
  }

  /**
   * Each product's peak of concurrent sessions in the period ({@link ConcurrentSeatMeter#peaks}),
   * worked out when first asked for and then kept (a repriced view shares them: the same
   * sessions); read before {@link #releaseSessions()}, or after it once read before.
   *
   * @throws IllegalStateException when first asked for after the sessions were let go of
   */
  List<ConcurrentSeatMeter.Peak> peaks() {
    List<ConcurrentSeatMeter.Peak> p = peaks.get();
    if (p == null) {
      UsageLog log = usage();
      if (hasSessions && log.sessions().isEmpty()) {
        throw new IllegalStateException(
            "the peaks were not worked out before the sessions were let go of");
      }
      p = List.copyOf(ConcurrentSeatMeter.peaks(log));
      if (!peaks.compareAndSet(null, p)) {
        p = peaks.get();
      }
    }
    return p;
  }

  /**
   * The Flex windows of {@link #flexWindows()} by user, product and day over {@code period}, their
   * purchases priced by {@code catalogs} (domain {@link FlexDemand}): worked out once and, for
   * repriced views (the same windows at other prices), re-priced by {@link
   * FlexDemand#withCatalogs}, which works it out again only when the rates differ.
   *
   * @throws RuntimeException what {@link FlexDemand#of} throws when the windows cannot be read so
   */
  FlexDemand flexDemand(PlanPeriod period, CatalogHistory catalogs) {
    FlexDemand d = demand.get();
    if (d == null || !d.period().equals(period)) {
      d = FlexDemand.of(flexWindows(), period, catalogs);
      demand.set(d);
      return d;
    }
    return d.withCatalogs(catalogs);
  }

  /**
   * Lets go of the Flex windows by user, product and day ({@link #flexDemand}) that compare's mixes
   * read, for a caller done with them (the review, once it has the optimum: about 100 MB for the
   * 100,000-user year); asked for again, they are worked out again.
   */
  void letGoOfFlexDemand() {
    demand.set(null);
  }

  /** Per user, per product: days used, windows, tokens. */
  public Map<UserId, Map<ProductId, ProductUsage>> byUser() {
    return byUser;
  }

  /**
   * Notes on assumptions the replay made: how the Flex windows of collection checkouts were priced
   * (one note per collection), and whether the usage was only a Token Usage export.
   */
  public List<String> notes() {
    return collectionNotes;
  }

  /** The first and last day with data (in the period's zone), whatever the period; empty when none. */
  public Optional<UsageSpan> dataSpan() {
    return span;
  }

  /**
   * The part of {@link #byUser} that aggregated usage reports (no dates) contributed: per user and
   * product, days used, windows (one per day used) and tokens (days x the rate); empty without
   * reports.
   */
  public Map<UserId, Map<ProductId, ProductUsage>> summaryUsage() {
    return summaryUsage;
  }

  /** Whether aggregated usage reports (no per-day dates) contributed. */
  public boolean hasSummaries() {
    return hasSummaries;
  }
}
