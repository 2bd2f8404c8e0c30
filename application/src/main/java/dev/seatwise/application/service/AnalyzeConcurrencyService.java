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
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Concurrency per product from sessions with clock times (FlexLM logs, sessions CSV) and from
 * {@code lmstat} snapshots: peak (for snapshots, the largest in-use count seen), percentiles, time at
 * peak, refusals by reason, and the seats a tolerated refusal rate needs. FlexLM features that map
 * to no catalog product appear under their own name.
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
    Map<String, List<Session>> byProduct = new TreeMap<>();
    Set<String> unmapped = new HashSet<>();
    for (Session s : imported.log().sessions()) {
      if (in(period, s.start())) {
        byProduct.computeIfAbsent(s.product().value(), k -> new ArrayList<>()).add(s);
      }
    }
    for (Session s : imported.unmapped()) {
      if (in(period, s.start())) {
        byProduct.computeIfAbsent(s.product().value(), k -> new ArrayList<>()).add(s);
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
    Set<String> keys = new java.util.TreeSet<>(byProduct.keySet());
    keys.addAll(denials.keySet());
    keys.addAll(snapshots.keySet());
    List<ProductConcurrency> out = new ArrayList<>();
    for (String key : keys) {
      List<Session> sessions = byProduct.getOrDefault(key, List.of());
      Instant[] st = new Instant[sessions.size()];
      Instant[] en = new Instant[sessions.size()];
      Set<UserId> users = new HashSet<>();
      for (int i = 0; i < st.length; i++) {
        st[i] = sessions.get(i).start();
        en[i] = sessions.get(i).end();
        users.add(sessions.get(i).user());
      }
      ConcurrencyProfile inUse = ConcurrencyProfile.of(st, en);
      // demand = in use + denied at each instant: the seats needed are sized on it
      ConcurrencyProfile profile = inUse.withDenials(deniedAt.getOrDefault(key, List.of()));
      long peak = profile.peak();
      Optional<Instant> peakAt = profile.peakAt();
      long[] snap = snapshots.get(key);
      if (snap != null && snap[1] > peak) {
        peak = snap[1];
        peakAt = Optional.ofNullable(snapshotPeakAt.get(key));
      }
      out.add(
          new ProductConcurrency(
              key,
              !unmapped.contains(key),
              peak,
              peakAt,
              sessions.size(),
              users.size(),
              profile.percentile(0.50),
              profile.percentile(0.90),
              profile.percentile(0.95),
              sessions.isEmpty() ? Duration.ZERO : profile.timeAtOrAbove(profile.peak()),
              denials.getOrDefault(key, Map.of()),
              snap == null || snap[0] == 0 ? Optional.empty() : Optional.of(snap[0]),
              sessions.isEmpty()
                  ? Math.max(peak, profile.peakDemand())
                  : profile.capacityForRefusalRate(query.toleratedRefusalRate()),
              profile.peakDemand()));
    }
    List<String> notes = new ArrayList<>();
    catalogs.ifPresent(history -> pools(imported, history, period, query, out, notes));
    if (keys.isEmpty() && out.isEmpty()) {
      notes.add("no sessions with clock times, denials or lmstat snapshots: nothing to size");
    }
    if (!unmapped.isEmpty()) {
      notes.add("features that map to no catalog product are shown under their own name: " + new java.util.TreeSet<>(unmapped));
    }
    notes.add(
        "percentiles are time-weighted over each product's busy span; demand at an instant is the"
            + " seats in use plus the requests denied at that instant; seats needed keep refusals at"
            + " or below " + query.toleratedRefusalRate() * 100 + "% of requests (sessions and"
            + " denials)");
    return new ConcurrencyReport(period, imported.report(), out, notes);
  }

  private void pools(
      ImportedUsage imported,
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
    List<Session> sessions = new ArrayList<>();
    for (Session s : imported.log().sessions()) {
      if (in(period, s.start())) {
        sessions.add(s);
      }
    }
    Metering metering =
        meter.get().meter(UsageLog.ofSessions(sessions), new MeterContext(catalog, Coverage.NONE, query.period().zone()));
    for (CapacityDemand d : metering.demands()) {
      if (catalog.meter().equals(ConcurrentSeatMeter.KIND)) {
        continue;
      }
      ConcurrencyProfile p = d.profile();
      out.add(
          new ProductConcurrency(
              "pool:" + d.pool(), true, d.peak(), p.peakAt(), p.intervals(), 0,
              p.percentile(0.50), p.percentile(0.90), p.percentile(0.95),
              p.timeAtOrAbove(p.peak()), Map.of(), Optional.empty(),
              p.capacityForRefusalRate(query.toleratedRefusalRate()), p.peakDemand()));
      notes.add(
          "pool:" + d.pool() + " is the " + catalog.meter() + " pool of " + catalog.vendor()
              + ": units held at once (each session holds its product's rate)");
    }
  }

  private static Optional<AnalysisPeriod> period(ImportedUsage imported, ConcurrencyQuery query) {
    var spec = query.period();
    if (spec.from().isEmpty() && spec.to().isEmpty()) {
      return Optional.empty();
    }
    LocalDate from = spec.from().orElse(LocalDate.of(1970, 1, 1));
    LocalDate to = spec.to().orElse(LocalDate.of(9999, 1, 1));
    return Optional.of(new AnalysisPeriod(from, to, spec.zone()));
  }

  private static boolean in(Optional<AnalysisPeriod> period, Instant t) {
    return period.map(p -> !t.isBefore(p.startInstant()) && t.isBefore(p.endInstant())).orElse(true);
  }
}
