package dev.seatwise.application.service;

import static dev.seatwise.application.service.CompareScenariosServiceTest.JAN1;
import static dev.seatwise.application.service.CompareScenariosServiceTest.YEAR_2025;
import static dev.seatwise.application.service.CompareScenariosServiceTest.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.out.GroupBy;
import dev.seatwise.application.testing.FakeEntitlementsPort;
import dev.seatwise.application.testing.FakeUsagePort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The comparison works out its independent scenarios beside each other (all-flex and the network
 * scenario on a second thread, {@link Forked}); its answer, notes and chargeback in their order
 * included, is the one it gives working them out one after the other, run after run and with
 * several comparisons at once.
 */
class CompareInParallelProperties {
  /** A user's sessions of one product: every {@code step} days from {@code start}, {@code hours} long. */
  record Use(int user, boolean revit, int start, int step, int hour, int hours) {}

  static Gen<Use> use() {
    return integers()
        .between(0, 5)
        .zip(
            booleans().all(),
            integers().between(0, 364),
            integers().between(1, 60),
            (u, r, s, k) -> new int[] {u, r ? 1 : 0, s, k})
        .zip(
            integers().between(0, 23),
            integers().between(0, 30),
            (a, h, l) -> new Use(a[0], a[1] == 1, a[2], a[3], h, l));
  }

  static ImportedUsage usage(List<Use> uses) {
    List<Session> out = new ArrayList<>();
    for (Use use : uses) {
      for (int d = use.start(); d < 365; d += use.step()) {
        Instant start = JAN1.plusDays(d).atTime(use.hour(), 0).toInstant(ZoneOffset.UTC);
        out.add(
            Session.of(
                "u" + use.user(), use.revit() ? "RVT" : "ACD", start,
                start.plusSeconds(use.hours() * 3600L)));
      }
    }
    return ImportedUsage.of(UsageLog.ofSessions(out));
  }

  /** Two ACD seats for 2025, one held by u0: a current scenario beside the others. */
  static final Entitlements HELD =
      new Entitlements(
          List.of(
              new Subscription(
                  "S1", ProductId.of("ACD"), 2, Term.ANNUAL, JAN1, LocalDate.of(2026, 1, 1),
                  Optional.empty())),
          List.of(new SeatAssignment(UserId.of("u0"), ProductId.of("ACD"))),
          List.of());

  static CompareScenariosService service(ImportedUsage usage, Entitlements held) {
    return new CompareScenariosService(
        new FakeUsagePort(usage),
        CatalogHistory.of(catalog()),
        new FakeEntitlementsPort(held),
        MeterRegistry.standard(),
        ChargebackTest.ORG);
  }

  static final CompareScenariosQuery BY_TEAM = YEAR_2025.withBreakdown(GroupBy.TEAM);

  @Test
  void scenariosWorkedOutBesideEachOtherGiveTheAnswerOfOneAfterTheOther() {
    qt().withExamples(40)
        .forAll(lists().of(use()).ofSizeBetween(1, 8), booleans().all())
        .checkAssert(
            (uses, held) -> {
              CompareScenariosService s = service(usage(uses), held ? HELD : Entitlements.NONE);
              Comparison inSequence = s.parallel(false).compare(BY_TEAM);
              for (int run = 0; run < 3; run++) {
                assertThat(s.parallel(true).compare(BY_TEAM)).isEqualTo(inSequence);
              }
            });
  }

  @Test
  void severalComparisonsAtOnceEachGiveTheAnswerOfOneAfterTheOther() throws Exception {
    List<Use> uses = new ArrayList<>();
    for (int u = 0; u < 6; u++) {
      uses.add(new Use(u, u % 2 == 1, u * 7, 1 + u, 8 + u, 1 + 3 * u));
      uses.add(new Use(u, u % 2 == 0, u * 11, 2 + u, 20 - u, 2 + u));
    }
    CompareScenariosService s = service(usage(uses), HELD);
    Comparison inSequence = s.parallel(false).compare(BY_TEAM);
    // a note from the network part (worked out on the second thread), compared in its place
    assertThat(inSequence.notes())
        .anyMatch(n -> n.startsWith("network: no network seat price for [RVT]"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Comparison>> runs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        Callable<Comparison> run = () -> s.parallel(true).compare(BY_TEAM);
        runs.add(pool.submit(run));
      }
      for (Future<Comparison> r : runs) {
        assertThat(r.get()).isEqualTo(inSequence);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
