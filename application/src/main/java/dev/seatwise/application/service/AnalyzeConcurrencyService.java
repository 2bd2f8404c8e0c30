package dev.seatwise.application.service;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.AnalyzeConcurrencyUseCase;
import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.port.out.Denial;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.application.port.out.SessionUnits;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.ConcurrencyProfile;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Concurrency per product from sessions with clock times (FlexLM logs, sessions CSV) and from
 * licence-manager status snapshots: peak (for snapshots, the largest in-use count seen), percentiles,
 * time at peak, refusals by reason, and the seats a tolerated refusal rate needs. FlexLM features
 * that map to no catalog product appear under their own name.
 *
 * <p><b>Units.</b> A session counts the units it held ({@link ImportedUsage#heldUnits()}: a status
 * check-out of N licences, tokens or cores counts N; every other session 1), so that a product's
 * peak, percentiles, time at peak and seats needed are all in the same unit as the snapshots'
 * in-use counts. A sessions CSV holds no such records and its sessions are read by column as
 * before, one unit each.
 *
 * <p><b>Seats needed</b> are {@link ConcurrencyProfile#capacityForRefusalRate(double, long)} of the
 * product's profile (sessions and denials) and the most units a status snapshot saw in use at once:
 * with no refusals tolerated never fewer than those units (they were granted), and those units
 * alone when the sessions hold no time (check-outs seen in one snapshot without a start time are
 * zero-length); a note names the products where the snapshot decided.
 */
public final class AnalyzeConcurrencyService implements AnalyzeConcurrencyUseCase {
  private final UsagePort usage;
  private final Optional<CatalogHistory> catalogs;
  private final MeterRegistry meters;

  /** Concurrency of sessions, denials and snapshots only. */
  public AnalyzeConcurrencyService(UsagePort usage) {
    this.usage = requireNonNull(usage, "usage");
    this.catalogs = Optional.empty();
    this.meters = MeterRegistry.standard();
  }

  /**
   * Also reports the pools that the catalog's meter sizes (e.g. tokens held in a concurrent token
   * pool), as rows named {@code pool:<name>}.
   */
  public AnalyzeConcurrencyService(UsagePort usage, CatalogHistory catalogs, MeterRegistry meters) {
    this.usage = requireNonNull(usage, "usage");
    this.catalogs = Optional.of(catalogs);
    this.meters = requireNonNull(meters, "meters");
  }

  @Override
  public ConcurrencyReport analyze(ConcurrencyQuery query) {
    ImportedUsage imported = usage.usage();
    Optional<AnalysisPeriod> period = period(imported, query);
    // the sessions by column: the table's rows that start in the period, per product
    SessionTable table = inPeriod(imported.log().sessionTable(), period);
    ProductColumns mapped = ProductColumns.of(table);
    Map<String, List<Session>> unmappedByKey = new TreeMap<>();
    Set<String> unmapped = new HashSet<>();
    for (Session s : imported.unmapped()) {
      if (in(period, s.start())) {
        unmappedByKey.computeIfAbsent(s.product().value(), k -> new ArrayList<>()).add(s);
        unmapped.add(s.product().value());
      }
    }
    Map<String, Map<String, Long>> denials = new TreeMap<>();
    Map<String, List<Instant>> deniedAt = new TreeMap<>();
    for (Denial d : imported.denials()) {
      if (in(period, d.at())) {
        String key = d.product().map(p -> p.value()).orElse(d.feature());
        if (d.product().isEmpty()) {
          unmapped.add(key);
        }
        denials.computeIfAbsent(key, k -> new TreeMap<>()).merge(d.reason(), 1L, Long::sum);
        deniedAt.computeIfAbsent(key, k -> new ArrayList<>()).add(d.at());
      }
    }
    Map<String, long[]> snapshots = new TreeMap<>(); // issued max, in-use max
    Map<String, Instant> snapshotPeakAt = new TreeMap<>();
    for (SeatSnapshot s : imported.snapshots()) {
      if (!in(period, s.at())) {
        continue;
      }
      String key = s.product().map(p -> p.value()).orElse(s.feature());
      if (s.product().isEmpty()) {
        unmapped.add(key);
      }
      long[] v = snapshots.computeIfAbsent(key, k -> new long[] {0, -1});
      v[0] = Math.max(v[0], s.issued());
      if (s.inUse() > v[1]) {
        v[1] = s.inUse();
        snapshotPeakAt.put(key, s.at());
      }
    }
    Set<String> keys = new java.util.TreeSet<>(mapped.keys());
    keys.addAll(unmappedByKey.keySet());
    keys.addAll(denials.keySet());
    keys.addAll(snapshots.keySet());
    // the units each status check-out held (none for a sessions CSV: then every weight is 1 and
    // no session is looked up)
    SessionUnits units = imported.sessionUnits();
    Set<String> inUnits = new java.util.TreeSet<>();
    Set<String> floored = new java.util.TreeSet<>();
    List<ProductConcurrency> out = new ArrayList<>();
    for (String key : keys) {
      List<Session> others = unmappedByKey.getOrDefault(key, List.of());
      int fromTable = mapped.sessions(key);
      int sessions = fromTable + others.size();
      long[] st = new long[sessions];
      long[] en = new long[sessions];
      mapped.copyStartsAndEnds(key, st, en);
      for (int i = 0; i < others.size(); i++) {
        st[fromTable + i] = SessionTable.toNanos(others.get(i).start());
        en[fromTable + i] = SessionTable.toNanos(others.get(i).end());
      }
      int users;
      if (others.isEmpty()) {
        users = mapped.users(key);
      } else {
        Set<UserId> distinct = new HashSet<>(mapped.userIds(key));
        others.forEach(s -> distinct.add(s.user()));
        users = distinct.size();
      }
      long[] weights = units.holdsAny(key) ? mapped.weights(key, others, st, en, units) : null;
      if (weights != null && Arrays.stream(weights).anyMatch(w -> w != 1)) {
        inUnits.add(key);
      }
      ConcurrencyProfile inUse =
          weights == null ? ConcurrencyProfile.ofNanos(st, en) : ConcurrencyProfile.ofNanos(st, en, weights);
      // demand = in use + denied at each instant: the seats needed are sized on it
      List<Instant> denied = deniedAt.getOrDefault(key, List.of());
      ConcurrencyProfile profile = denied.isEmpty() ? inUse : inUse.withDenials(denied);
      long peak = profile.peak();
      Optional<Instant> peakAt = profile.peakAt();
      long[] snap = snapshots.get(key);
      long seen = snap == null ? 0 : Math.max(0, snap[1]);
      if (seen > peak) {
        peak = seen;
        peakAt = Optional.ofNullable(snapshotPeakAt.get(key));
      }
      long needed = profile.capacityForRefusalRate(query.toleratedRefusalRate(), seen);
      // the replay never asks for more than the peak demand: above it, the snapshot decided
      if (seen > profile.peakDemand() && needed == seen) {
        floored.add(key);
      }
      out.add(
          new ProductConcurrency(
              key,
              !unmapped.contains(key),
              peak,
              peakAt,
              sessions,
              users,
              profile.percentile(0.50),
              profile.percentile(0.90),
              profile.percentile(0.95),
              sessions == 0 ? Duration.ZERO : profile.timeAtOrAbove(profile.peak()),
              denials.getOrDefault(key, Map.of()),
              snap == null || snap[0] == 0 ? Optional.empty() : Optional.of(snap[0]),
              needed,
              profile.peakDemand(),
              inUnits.contains(key)));
    }
    List<String> notes = new ArrayList<>();
    catalogs.ifPresent(history -> pools(table, history, period, query, out, notes));
    if (keys.isEmpty() && out.isEmpty()) {
      notes.add("no sessions with clock times, denials or lmstat snapshots: nothing to size");
    }
    if (!unmapped.isEmpty()) {
      notes.add("features that map to no catalog product are shown under their own name: " + new java.util.TreeSet<>(unmapped));
    }
    if (!inUnits.isEmpty()) {
      notes.add(
          "peak, percentiles, time at peak and seats needed count units, not sessions, for "
              + inUnits + ": a licence manager's status lists check-outs of several licences,"
              + " tokens or cores, and each counts its units while it is held");
    }
    if (!floored.isEmpty()) {
      notes.add(
          "seats needed are the units seen in use at once in a status snapshot for " + floored
              + ": those were granted, so no fewer serve them without refusals (and check-outs seen"
              + " in one snapshot only, without a start time, hold no time to size on)");
    }
    notes.add(
        "percentiles are time-weighted over each product's busy span; demand at an instant is the"
            + " seats in use plus the requests denied at that instant; seats needed keep refusals at"
            + " or below " + query.toleratedRefusalRate() * 100 + "% of requests (sessions and"
            + " denials)");
    return new ConcurrencyReport(period, imported.report(), out, notes);
  }

  private void pools(
      SessionTable inPeriod,
      CatalogHistory history,
      Optional<AnalysisPeriod> period,
      ConcurrencyQuery query,
      List<ProductConcurrency> out,
      List<String> notes) {
    Catalog catalog =
        period.flatMap(p -> history.versionOn(p.from())).orElse(history.latest());
    Optional<Meter> meter = meters.forKind(catalog.meter());
    if (meter.isEmpty()) {
      notes.add("meter '" + catalog.meter() + "' of catalog " + catalog.vendor() + " is not installed");
      return;
    }
    // the network-seat meter's demands are the products' rows above; a meter that never sizes a
    // capacity (the Flex window meter) has none: neither is run
    if (catalog.meter().equals(ConcurrentSeatMeter.KIND) || !meter.get().demandsCapacity()) {
      return;
    }
    Metering metering =
        meter.get().meter(UsageLog.of(inPeriod, List.of()), new MeterContext(catalog, Coverage.NONE, query.period().zone()));
    for (CapacityDemand d : metering.demands()) {
      ConcurrencyProfile p = d.profile();
      out.add(
          new ProductConcurrency(
              "pool:" + d.pool(), true, d.peak(), p.peakAt(), p.intervals(), 0,
              p.percentile(0.50), p.percentile(0.90), p.percentile(0.95),
              p.timeAtOrAbove(p.peak()), Map.of(), Optional.empty(),
              p.capacityForRefusalRate(query.toleratedRefusalRate()), p.peakDemand()));
      notes.add(
          "pool:" + d.pool() + " is a capacity that the " + catalog.meter() + " meter of "
              + catalog.vendor() + " sizes: its peak (a token pool: units held at once; daily"
              + " usage: users in a counted 10-minute interval)");
    }
  }

  private static Optional<AnalysisPeriod> period(ImportedUsage imported, ConcurrencyQuery query) {
    var spec = query.period();
    if (spec.from().isEmpty() && spec.to().isEmpty()) {
      return Optional.empty();
    }
    // the bound not given is the data's: its first day, or the day after its last (sessions,
    // denials and snapshots, in the zone's days), as when neither is given
    Instant[] span = new Instant[2]; // the first and last instant of the data
    java.util.function.Consumer<Instant> seen =
        t -> {
          span[0] = span[0] == null || t.isBefore(span[0]) ? t : span[0];
          span[1] = span[1] == null || t.isAfter(span[1]) ? t : span[1];
        };
    SessionTable table = imported.log().sessionTable();
    if (table.size() > 0) {
      seen.accept(SessionTable.toInstant(table.minStartNanos()));
      seen.accept(SessionTable.toInstant(table.maxStartNanos()));
    }
    imported.unmapped().forEach(u -> seen.accept(u.start()));
    imported.denials().forEach(d -> seen.accept(d.at()));
    imported.snapshots().forEach(s -> seen.accept(s.at()));
    Instant first = span[0];
    Instant last = span[1];
    java.time.ZoneId zone = spec.zone();
    LocalDate from;
    LocalDate to;
    if (spec.from().isPresent()) {
      from = spec.from().get();
      LocalDate dataEnd = last == null ? from : last.atZone(zone).toLocalDate().plusDays(1);
      to = dataEnd.isAfter(from) ? dataEnd : from.plusDays(1);
    } else {
      to = spec.to().get();
      LocalDate dataStart = first == null ? to : first.atZone(zone).toLocalDate();
      from = dataStart.isBefore(to) ? dataStart : to.minusDays(1);
    }
    return Optional.of(new AnalysisPeriod(from, to, zone));
  }

  private static boolean in(Optional<AnalysisPeriod> period, Instant t) {
    return period.map(p -> !t.isBefore(p.startInstant()) && t.isBefore(p.endInstant())).orElse(true);
  }

  /** The rows of {@code table} that start in the period (all of them without one). */
  private static SessionTable inPeriod(SessionTable table, Optional<AnalysisPeriod> period) {
    return period
        .map(p -> table.startingIn(UsageAnalysis.nanos(p.startInstant()), UsageAnalysis.nanos(p.endInstant())))
        .orElse(table);
  }

  /**
   * A session table's rows by product: how many each has, their users, and their starts and ends
   * on request, read by column (no session objects).
   */
  private static final class ProductColumns {
    private final SessionTable table;
    private final Map<String, Integer> indexByKey = new TreeMap<>();
    private final int[] count;
    private final java.util.BitSet[] users;

    private ProductColumns(SessionTable table) {
      this.table = table;
      List<ProductId> products = table.products();
      this.count = new int[products.size()];
      this.users = new java.util.BitSet[products.size()];
      table.forEachUserAndProductChunk(
          (row, len, ub, pb) -> {
            for (int k = 0; k < len; k++) {
              int p = pb[k];
              if (count[p]++ == 0) {
                users[p] = new java.util.BitSet();
              }
              users[p].set(ub[k]);
            }
          });
      for (int p = 0; p < products.size(); p++) {
        if (count[p] > 0) {
          indexByKey.put(products.get(p).value(), p);
        }
      }
    }

    static ProductColumns of(SessionTable table) {
      return new ProductColumns(table);
    }

    /** The products with rows, by their ids' values. */
    Set<String> keys() {
      return indexByKey.keySet();
    }

    int sessions(String key) {
      Integer p = indexByKey.get(key);
      return p == null ? 0 : count[p];
    }

    int users(String key) {
      Integer p = indexByKey.get(key);
      return p == null ? 0 : users[p].cardinality();
    }

    List<UserId> userIds(String key) {
      Integer p = indexByKey.get(key);
      List<UserId> ids = new ArrayList<>();
      if (p != null) {
        users[p].stream().forEach(u -> ids.add(table.users().get(u)));
      }
      return ids;
    }

    /**
     * The units of the product's sessions, in the order of {@link #copyStartsAndEnds} followed by
     * {@code others} (whose times follow the table's in {@code starts} and {@code ends}): each
     * session's user is read from the table's row only here, for a product some of whose
     * sessions hold other than 1 unit.
     */
    long[] weights(String key, List<Session> others, long[] starts, long[] ends, SessionUnits units) {
      long[] w = new long[starts.length];
      Integer p = indexByKey.get(key);
      int at = 0;
      if (p != null) {
        ProductId product = table.products().get(p);
        int[] rowUsers = new int[count[p]];
        int[] n = {0};
        int wanted = p;
        table.forEachUserAndProductChunk(
            (row, len, ub, pb) -> {
              for (int k = 0; k < len; k++) {
                if (pb[k] == wanted) {
                  rowUsers[n[0]++] = ub[k];
                }
              }
            });
        for (; at < rowUsers.length; at++) {
          w[at] = units.take(table.users().get(rowUsers[at]), product, starts[at], ends[at]);
        }
      }
      for (Session s : others) {
        w[at++] = units.take(s);
      }
      return w;
    }

    /** Copies the product's starts and ends (epoch nanoseconds, in row order) from index 0. */
    void copyStartsAndEnds(String key, long[] starts, long[] ends) {
      Integer p = indexByKey.get(key);
      if (p != null) {
        table.copyStartsAndEndsOf(p, starts, ends);
      }
    }
  }
}
