package dev.seatwise.domain.metering;

import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingGens.PRODUCTS;
import static dev.seatwise.domain.testkit.LicensingGens.USERS;
import static dev.seatwise.domain.testkit.LicensingGens.dailyUsages;
import static dev.seatwise.domain.testkit.LicensingGens.sessionLogs;
import static dev.seatwise.domain.testkit.LicensingGens.sessionStarts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The Flex access-window laws (licensing-rules.md F2 to F9) on generated usage, through {@link
 * WindowedMeter}. Together, "every billable instant is in exactly one window" and "every window
 * opens at an instant of billable use" pin the windows down to Autodesk's rule: each window opens
 * at the first billable instant that no earlier window covers.
 */
class FlexWindowProperties {
  private static final Catalog CATALOG = autodeskLikeCatalog();
  private static final Duration MINIMUM = CATALOG.metering().minimumBillable();
  private static final Duration WINDOW = CATALOG.metering().window();
  private static final Duration NANO = Duration.ofNanos(1);

  private final WindowedMeter meter = new WindowedMeter();

  private List<Charge> windows(UsageLog usage) {
    return meter.meter(usage, flexContext()).charges();
  }

  private static boolean billable(Session s) {
    return s.duration().compareTo(MINIMUM) >= 0 && s.end().isAfter(s.start());
  }

  private static List<Charge> of(List<Charge> windows, UserId user, ProductId product) {
    return windows.stream()
        .filter(c -> c.user().equals(user) && c.product().equals(product))
        .toList();
  }

  @Test
  void everyBillableInstantIsCoveredByExactlyOneWindowOfItsUserAndProduct() {
    qt().withExamples(500)
        .forAll(sessionLogs())
        .checkAssert(
            usage -> {
              List<Charge> windows = windows(usage);
              for (Session s : usage.sessions()) {
                if (!billable(s)) {
                  continue;
                }
                List<Charge> own = of(windows, s.user(), s.product());
                for (Instant t : probes(s, own)) {
                  long covering = own.stream().filter(w -> w.window().contains(t)).count();
                  assertThat(covering).as("windows of %s covering %s", s, t).isEqualTo(1);
                }
              }
            });
  }

  /** The start, the last nanosecond, the middle, and both sides of every window edge inside. */
  private static List<Instant> probes(Session s, List<Charge> windows) {
    List<Instant> probes = new ArrayList<>();
    probes.add(s.start());
    probes.add(s.end().minus(NANO));
    probes.add(s.start().plus(s.duration().dividedBy(2)));
    for (Charge w : windows) {
      for (Instant edge : List.of(w.start(), w.end())) {
        for (Instant t : List.of(edge, edge.minus(NANO))) {
          if (!t.isBefore(s.start()) && t.isBefore(s.end())) {
            probes.add(t);
          }
        }
      }
    }
    return probes;
  }

  @Test
  void everyWindowOpensAtAnInstantOfBillableUse() {
    qt().withExamples(500)
        .forAll(sessionLogs())
        .checkAssert(
            usage ->
                assertThat(windows(usage))
                    .allSatisfy(
                        w ->
                            assertThat(usage.sessions())
                                .anySatisfy(
                                    s -> {
                                      assertThat(billable(s)).isTrue();
                                      assertThat(s.user()).isEqualTo(w.user());
                                      assertThat(s.product()).isEqualTo(w.product());
                                      assertThat(w.start())
                                          .isBetween(s.start(), s.end().minus(NANO));
                                    })));
  }

  @Test
  void windowsOfOneUserAndProductNeverOverlapAndLastTheCatalogsWindow() {
    qt().withExamples(500)
        .forAll(sessionLogs())
        .checkAssert(
            usage -> {
              List<Charge> windows = windows(usage);
              for (UserId user : USERS) {
                for (ProductId product : PRODUCTS) {
                  List<Charge> own = new ArrayList<>(of(windows, user, product));
                  own.sort((a, b) -> a.start().compareTo(b.start()));
                  for (int i = 0; i < own.size(); i++) {
                    assertThat(Duration.between(own.get(i).start(), own.get(i).end()))
                        .isEqualTo(WINDOW);
                    if (i > 0) {
                      assertThat(own.get(i).start()).isAfterOrEqualTo(own.get(i - 1).end());
                    }
                  }
                }
              }
            });
  }

  @Test
  void everyWindowCostsTheProductsTokenRate() {
    qt().forAll(sessionLogs())
        .checkAssert(
            usage ->
                assertThat(windows(usage))
                    .allSatisfy(
                        w ->
                            assertThat(w.tokens())
                                .isEqualTo(CATALOG.requireProduct(w.product()).tokenRate().get())));
  }

  /** Launches shorter than the minimum, of any user and product, at any time. */
  private static Gen<List<Session>> shortLaunches() {
    Gen<Session> one =
        Generate.pick(USERS)
            .zip(
                Generate.pick(PRODUCTS),
                sessionStarts(),
                longs().between(0, MINIMUM.toNanos() - 1),
                (u, p, start, nanos) -> new Session(u, p, start, start.plusNanos(nanos)));
    return lists().of(one).ofSizeBetween(1, 20);
  }

  @Test
  void launchesShorterThanTheMinimumOpenNoWindow() {
    qt().forAll(shortLaunches())
        .checkAssert(short_ -> assertThat(windows(UsageLog.ofSessions(short_))).isEmpty());
  }

  @Test
  void addingLaunchesShorterThanTheMinimumChangesNoWindow() {
    qt().withExamples(500)
        .forAll(sessionLogs(), shortLaunches())
        .checkAssert(
            (usage, short_) -> {
              List<Session> more = new ArrayList<>(usage.sessions());
              more.addAll(short_);
              assertThat(windows(UsageLog.ofSessions(more))).isEqualTo(windows(usage));
            });
  }

  /** A session long enough to split into two billable parts: 2 x minimum up to three days. */
  private static Gen<Session> splittableSessions() {
    return Generate.pick(USERS)
        .zip(
            Generate.pick(PRODUCTS),
            sessionStarts(),
            longs().between(2 * MINIMUM.toSeconds(), 3 * 86_400),
            (u, p, start, seconds) -> new Session(u, p, start, start.plusSeconds(seconds)));
  }

  @Test
  void splittingASessionAtAnInteriorInstantChangesNoWindow() {
    // the cut is on the 30-minute grid half of the time, so that it often falls on a window edge
    qt().withExamples(500)
        .forAll(sessionLogs(), splittableSessions(), longs().all(), Generate.booleans())
        .checkAssert(
            (usage, whole, random, onGrid) -> {
              long room = whole.duration().minus(MINIMUM.multipliedBy(2)).toSeconds();
              Instant earliest = whole.start().plus(MINIMUM);
              Instant cut =
                  onGrid
                      ? earliest.plus(
                          Duration.ofMinutes(30)
                              .multipliedBy(Math.floorMod(random, room / 1800 + 1)))
                      : earliest.plusSeconds(Math.floorMod(random, room + 1));
              Session first = new Session(whole.user(), whole.product(), whole.start(), cut);
              Session second = new Session(whole.user(), whole.product(), cut, whole.end());
              assertThat(first.duration()).isGreaterThanOrEqualTo(MINIMUM);
              assertThat(second.duration()).isGreaterThanOrEqualTo(MINIMUM);

              List<Session> joined = new ArrayList<>(usage.sessions());
              joined.add(whole);
              List<Session> split = new ArrayList<>(usage.sessions());
              split.add(first);
              split.add(second);
              assertThat(windows(UsageLog.ofSessions(split)))
                  .isEqualTo(windows(UsageLog.ofSessions(joined)));
            });
  }

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneOffset.UTC,
          ZoneId.of("Europe/London"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneOffset.ofHoursMinutes(-9, -30),
          ZoneOffset.ofHours(14));

  @Test
  void writingTheInstantsInAnotherUtcOffsetChangesNothing() {
    // Rewriting each instant as a local time in another offset and back is exact in java.time, so
    // the part that can fail here is the meter: the context's zone must not touch sessions.
    qt().withExamples(300)
        .forAll(sessionLogs(), Generate.pick(ZONES), integers().between(-18 * 4, 18 * 4))
        .checkAssert(
            (usage, zone, quarters) -> {
              ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarters * 15 * 60);
              List<Session> rewritten = new ArrayList<>();
              for (Session s : usage.sessions()) {
                LocalDateTime start = LocalDateTime.ofInstant(s.start(), offset);
                LocalDateTime end = LocalDateTime.ofInstant(s.end(), offset);
                rewritten.add(
                    new Session(
                        s.user(), s.product(), start.toInstant(offset), end.toInstant(offset)));
              }
              List<Charge> inUtc = windows(usage);
              List<Charge> elsewhere =
                  meter
                      .meter(
                          UsageLog.ofSessions(rewritten),
                          new MeterContext(CATALOG, Coverage.NONE, zone))
                      .charges();
              assertThat(elsewhere).isEqualTo(inUtc);
            });
  }

  @Test
  void coveringOneUserAndProductRemovesExactlyItsWindows() {
    qt().withExamples(300)
        .forAll(sessionLogs(), Generate.pick(USERS), Generate.pick(PRODUCTS))
        .checkAssert(
            (usage, user, product) -> {
              Coverage coverage = new Coverage(Map.of(user, Set.of(product)));
              List<Charge> covered =
                  meter.meter(usage, new MeterContext(CATALOG, coverage, ZoneOffset.UTC)).charges();
              List<Charge> expected =
                  windows(usage).stream()
                      .filter(c -> !(c.user().equals(user) && c.product().equals(product)))
                      .toList();
              assertThat(covered).isEqualTo(expected);
            });
  }

  @Test
  void dailyUsageCostsOneWindowPerDistinctDayFromMidnightInTheContextZone() {
    qt().forAll(lists().of(dailyUsages(USERS, PRODUCTS)).ofSizeBetween(0, 12), Generate.pick(ZONES))
        .checkAssert(
            (days, zone) -> {
              List<Charge> charges =
                  meter
                      .meter(UsageLog.ofDays(days), new MeterContext(CATALOG, Coverage.NONE, zone))
                      .charges();
              Set<List<Object>> expected = new HashSet<>();
              for (DailyUsage d : days) {
                Instant midnight = d.day().atStartOfDay(zone).toInstant();
                expected.add(List.of(d.user(), d.product(), midnight, midnight.plus(WINDOW)));
              }
              Map<List<Object>, Integer> actual = new HashMap<>();
              for (Charge c : charges) {
                actual.merge(List.of(c.user(), c.product(), c.start(), c.end()), 1, Integer::sum);
              }
              assertThat(actual.keySet()).isEqualTo(expected);
              assertThat(actual.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
            });
  }
}
