package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.port.out.HeldUnits;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.domain.metering.ConcurrencyProfile;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Concurrency in units: a session that held N units (a licence manager's status check-out of N
 * licences, tokens or cores, {@link ImportedUsage#heldUnits()}) counts N, whether its feature maps
 * to a catalog product (the session table) or not; a sessions CSV (no such records) counts one a
 * session as before; and the units seen in a snapshot are a floor of the seats needed when no
 * refusals are tolerated.
 */
class AnalyzeConcurrencyServiceTest {
  private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");

  private static Instant at(int minutes) {
    return T.plus(Duration.ofMinutes(minutes));
  }

  private static ConcurrencyReport analyze(ImportedUsage usage, double rate) {
    return new AnalyzeConcurrencyService(() -> usage)
        .analyze(new ConcurrencyQuery(new PeriodSpec(Optional.empty(), Optional.empty(), ZoneOffset.UTC), rate));
  }

  private static ProductConcurrency product(ConcurrencyReport r, String name) {
    return r.products().stream().filter(p -> p.product().equals(name)).findFirst().orElseThrow();
  }

  private static ImportedUsage usage(
      List<Session> mapped, List<Session> unmapped, List<SeatSnapshot> snapshots, List<HeldUnits> held) {
    return new ImportedUsage(
        UsageLog.ofSessions(mapped), unmapped, List.of(), List.of(), List.of(), snapshots,
        ImportReport.EMPTY, List.of(), held);
  }

  @Test
  void aPeriodWithOneBoundGivenTakesTheOtherFromTheData() {
    // sessions on 3 and 12 March: --from 10 March alone ended on 9999-01-01 (and --to alone began
    // on 1970-01-01); the other bound is the data's, as when neither is given
    Session early = Session.of("ann", "ACD", at(0), at(30));
    Session late = Session.of("ben", "ACD", at(9 * 24 * 60), at(9 * 24 * 60 + 30));
    ImportedUsage u = usage(List.of(early, late), List.of(), List.of(), List.of());
    java.time.LocalDate mar10 = java.time.LocalDate.of(2025, 3, 10);

    ConcurrencyReport fromOnly =
        new AnalyzeConcurrencyService(() -> u)
            .analyze(new ConcurrencyQuery(new PeriodSpec(Optional.of(mar10), Optional.empty(), ZoneOffset.UTC), 0));
    ConcurrencyReport toOnly =
        new AnalyzeConcurrencyService(() -> u)
            .analyze(new ConcurrencyQuery(new PeriodSpec(Optional.empty(), Optional.of(mar10), ZoneOffset.UTC), 0));

    assertThat(fromOnly.period().orElseThrow().from()).isEqualTo(mar10);
    assertThat(fromOnly.period().orElseThrow().to()).isEqualTo(java.time.LocalDate.of(2025, 3, 13));
    assertThat(product(fromOnly, "ACD").sessions()).isEqualTo(1);
    assertThat(toOnly.period().orElseThrow().from()).isEqualTo(java.time.LocalDate.of(2025, 3, 3));
    assertThat(toOnly.period().orElseThrow().to()).isEqualTo(mar10);
    assertThat(product(toOnly, "ACD").sessions()).isEqualTo(1);
  }

  @Test
  void aStatusSessionOfNUnitsCountsN() {
    // an Altair feature that maps to no product: 25,000 units from 0, 15,000 from 3 to 63
    Session big = Session.of("vraafg", "GlobalZoneEU", at(0), at(63));
    Session small = Session.of("vraafg", "GlobalZoneEU", at(3), at(63));
    // a mapped product in the session table: ann holds 5 licences, ben 1
    Session ann = Session.of("ann", "ACD", at(0), at(30));
    Session ben = Session.of("ben", "ACD", at(10), at(20));
    ConcurrencyReport r =
        analyze(
            usage(List.of(ann, ben), List.of(big, small), List.of(),
                List.of(new HeldUnits(big, 25_000), new HeldUnits(small, 15_000), new HeldUnits(ann, 5))),
            0);
    ProductConcurrency zone = product(r, "GlobalZoneEU");
    assertThat(zone.inUnits()).isTrue();
    assertThat(zone.sessions()).isEqualTo(2);
    assertThat(zone.peak()).isEqualTo(40_000);
    assertThat(zone.peakAt()).contains(at(3));
    assertThat(zone.p50()).isEqualTo(40_000);
    assertThat(zone.timeAtPeak()).isEqualTo(Duration.ofMinutes(60));
    assertThat(zone.seatsForToleratedRefusals()).isEqualTo(40_000);
    ProductConcurrency acd = product(r, "ACD");
    assertThat(acd.inUnits()).isTrue();
    assertThat(acd.peak()).isEqualTo(6);
    assertThat(acd.timeAtPeak()).isEqualTo(Duration.ofMinutes(10));
    assertThat(acd.seatsForToleratedRefusals()).isEqualTo(6);
    assertThat(acd.distinctUsers()).isEqualTo(2);
  }

  @Test
  void unitsAreMatchedToTheirOwnSessionOnly() {
    // a record naming cy's session gives nothing to dee's session at the same times
    Session cy = Session.of("cy", "ACD", at(0), at(30));
    Session dee = Session.of("dee", "ACD", at(0), at(30));
    ConcurrencyReport r =
        analyze(usage(List.of(dee), List.of(), List.of(), List.of(new HeldUnits(cy, 7))), 0);
    assertThat(product(r, "ACD").peak()).isEqualTo(1);
    assertThat(product(r, "ACD").inUnits()).isFalse();
  }

  @Test
  void twoImportsTogetherKeepEachSessionsUnits() {
    // the same check-out seen in two files (equal sessions) of 3 and of 5 units: 8 at once
    Session a = Session.of("eve", "SRU", at(0), at(60));
    ImportedUsage one = usage(List.of(), List.of(a), List.of(), List.of(new HeldUnits(a, 3)));
    ImportedUsage two = usage(List.of(), List.of(a), List.of(), List.of(new HeldUnits(a, 5)));
    ImportedUsage plain = usage(List.of(), List.of(a), List.of(), List.of());
    assertThat(product(analyze(one.plus(two), 0), "SRU").peak()).isEqualTo(8);
    assertThat(product(analyze(one.plus(plain), 0), "SRU").peak()).isEqualTo(4);
    assertThat(product(analyze(plain.plus(one).withConsumption(List.of()), 0), "SRU").peak()).isEqualTo(4);
  }

  @Test
  void aSessionsCsvCountsOneASessionAsBefore() {
    // a table of sessions without unit records: each product's figures are those of the
    // unweighted profile of its rows
    Random random = new Random(7);
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int start = random.nextInt(600);
      sessions.add(Session.of("u" + random.nextInt(40), random.nextBoolean() ? "ACD" : "RVT", at(start),
          at(start + random.nextInt(120))));
    }
    ImportedUsage csv = ImportedUsage.of(UsageLog.of(SessionTable.of(sessions), List.of()));
    ConcurrencyReport r = analyze(csv, 0.05);
    for (String name : List.of("ACD", "RVT")) {
      List<Session> mine = sessions.stream().filter(s -> s.product().value().equals(name)).toList();
      long[] st = mine.stream().mapToLong(s -> SessionTable.toNanos(s.start())).toArray();
      long[] en = mine.stream().mapToLong(s -> SessionTable.toNanos(s.end())).toArray();
      ConcurrencyProfile p = ConcurrencyProfile.ofNanos(st, en);
      ProductConcurrency c = product(r, name);
      assertThat(c.inUnits()).isFalse();
      assertThat(c.sessions()).isEqualTo(mine.size());
      assertThat(c.peak()).isEqualTo(p.peak());
      assertThat(new long[] {c.p50(), c.p90(), c.p95()})
          .containsExactly(p.percentile(0.5), p.percentile(0.9), p.percentile(0.95));
      assertThat(c.seatsForToleratedRefusals()).isEqualTo(p.capacityForRefusalRate(0.05));
    }
    assertThat(r.notes()).noneMatch(n -> n.contains("count units"));
  }

  @Test
  void unitsSeenInUseInASnapshotAreGrantedSoNoRefusalsNeedAtLeastThem() {
    // six jobs seen in one snapshot without a start time (zero-length sessions) of 80 cores each
    // but one of 40: 440 in use, nothing to replay; needed 440 at any rate
    List<Session> jobs = new ArrayList<>();
    List<HeldUnits> held = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Session s = Session.of("user" + i, "MPPDYNA", at(0), at(0));
      jobs.add(s);
      held.add(new HeldUnits(s, i == 5 ? 40 : 80));
    }
    SeatSnapshot seen = new SeatSnapshot(at(0), "MPPDYNA", Optional.empty(), 500, 440);
    for (double rate : new double[] {0, 0.1}) {
      ProductConcurrency mpp = product(analyze(usage(List.of(), jobs, List.of(seen), held), rate), "MPPDYNA");
      assertThat(mpp.peak()).isEqualTo(440);
      assertThat(mpp.seatsForToleratedRefusals()).as("rate %s", rate).isEqualTo(440);
    }
    // with sessions that hold time, the snapshot is a floor only with no refusals tolerated:
    // 2 sessions of 1 unit, seen 3 in use (a check-out the status did not list)
    Session a = Session.of("a", "X", at(0), at(60));
    Session b = Session.of("b", "X", at(30), at(90));
    SeatSnapshot three = new SeatSnapshot(at(45), "X", Optional.empty(), 10, 3);
    ConcurrencyReport strict = analyze(usage(List.of(), List.of(a, b), List.of(three), List.of()), 0);
    assertThat(product(strict, "X").seatsForToleratedRefusals()).isEqualTo(3);
    assertThat(strict.notes()).anyMatch(n -> n.startsWith("seats needed are the units seen in use at once in a"
        + " status snapshot for [X]"));
    ConcurrencyReport tolerant = analyze(usage(List.of(), List.of(a, b), List.of(three), List.of()), 0.5);
    assertThat(product(tolerant, "X").seatsForToleratedRefusals()).isEqualTo(1);
  }
}
