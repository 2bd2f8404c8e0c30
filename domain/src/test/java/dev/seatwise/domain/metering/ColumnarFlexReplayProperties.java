package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.domain.testkit.RandomOrganisations;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The columnar replay is the object meter by another route: on random sessions (overlapping,
 * shorter than the minimum, exactly one window, meeting window ends, longer than a window, sub-second
 * instants, unsorted), random coverage, window lengths and zones, it gives exactly the windows and
 * tokens of {@link WindowedMeter} and the days used the application counts.
 */
class ColumnarFlexReplayProperties {
  private static final RandomOrganisations SHAPE = RandomOrganisations.SESSIONS;

  @Test
  void columnarReplayChargesExactlyTheWindowsOfTheObjectMeter() {
    qt().withExamples(400)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              Metering objects = new ObjectWindowedMeter().meter(UsageLog.ofSessions(in.sessions()),
                  in.context());
              ColumnarFlexReplay columns =
                  ColumnarFlexReplay.of(SessionTable.of(in.sessions()), in.context());
              assertThat(columns.toMetering().chargesByUserAndProduct())
                  .isEqualTo(objects.chargesByUserAndProduct());
              assertThat(columns.totalTokens()).isEqualTo(objects.totalTokens());
              assertThat(columns.totalWindows()).isEqualTo(objects.charges().size());
            });
  }

  @Test
  void groupingByTwoCountingSortsGivesTheSameReplayAsGroupingByOne() {
    qt().withExamples(200)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              SessionTable table = SessionTable.of(in.sessions());
              ColumnarFlexReplay one = ColumnarFlexReplay.of(table, in.context());
              ColumnarFlexReplay two = ColumnarFlexReplay.of(table, in.context(), 0, 1, 1 << 22);
              assertSameReplay(two, one, seed);
            });
  }

  /** Same charges, groups, and per group the same user, product, windows, days and tokens. */
  private static void assertSameReplay(ColumnarFlexReplay actual, ColumnarFlexReplay expected, long seed) {
    assertThat(actual.charges()).as("seed %s", seed).isEqualTo(expected.charges());
    assertThat(actual.groups()).isEqualTo(expected.groups());
    assertThat(actual.totalTokens()).isEqualTo(expected.totalTokens());
    for (int g = 0; g < expected.groups(); g++) {
      assertThat(actual.user(g)).isEqualTo(expected.user(g));
      assertThat(actual.product(g)).isEqualTo(expected.product(g));
      assertThat(actual.windows(g)).isEqualTo(expected.windows(g));
      assertThat(actual.daysUsed(g)).isEqualTo(expected.daysUsed(g));
      assertThat(actual.tokens(g)).isEqualTo(expected.tokens(g));
    }
  }

  @Test
  void bandsAndThreadsDoNotChangeTheReplay() {
    // groups are cut into bands of at most bandRows rows (one group may exceed it) and the bands
    // replayed on several threads: windows, tokens and days must not depend on either
    qt().withExamples(200)
        .forAll(RandomOrganisations.seeds(), integers().between(1, 40), integers().between(1, 4))
        .checkAssert(
            (seed, bandRows, threads) -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              SessionTable table = SessionTable.of(in.sessions());
              ColumnarFlexReplay one = ColumnarFlexReplay.of(table, in.context());
              ColumnarFlexReplay banded =
                  ColumnarFlexReplay.of(table, in.context(), 1 << 24, threads, bandRows);
              assertSameReplay(banded, one, seed);
            });
  }

  @Test
  void windowStartsReadBackAcrossTheirChunks() {
    // 30,000 sessions 25 hours apart: one window each, stored in chunks of 4,096, 8,192 and
    // 16,384 starts and more; every start must read back, on one thread and on two
    java.util.List<dev.seatwise.domain.usage.Session> sessions = new java.util.ArrayList<>();
    java.time.Instant t = java.time.Instant.parse("2000-01-03T08:00:00Z");
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      java.time.Instant start = t.plusSeconds(90_000L * i);
      sessions.add(dev.seatwise.domain.usage.Session.of("ann", "ACD", start, start.plusSeconds(600)));
      sessions.add(dev.seatwise.domain.usage.Session.of("bob", "RVT", start, start.plusSeconds(600)));
    }
    SessionTable table = SessionTable.of(sessions);
    MeterContext context = dev.seatwise.domain.testkit.LicensingFixtures.flexContext();
    for (ColumnarFlexReplay replay : java.util.List.of(
        ColumnarFlexReplay.of(table, context), ColumnarFlexReplay.of(table, context, 1 << 24, 2, 1))) {
      assertThat(replay.groups()).isEqualTo(2);
      for (int g = 0; g < 2; g++) {
        assertThat(replay.windows(g)).isEqualTo(n);
        long[] all = new long[n];
        replay.copyWindowStarts(g, all);
        for (int k = 0; k < n; k++) {
          assertThat(replay.windowStartNanos(g, k))
              .isEqualTo(SessionTable.toNanos(t.plusSeconds(90_000L * k)));
          assertThat(all[k]).isEqualTo(replay.windowStartNanos(g, k));
        }
        // the engine's charges, read in order, walk the same chunks
        List<Charge> charges = FlexReplay.of(table, List.of(), context, 2).charges();
        int i = 0;
        for (Charge c : charges) {
          assertThat(c).isEqualTo(charges.get(i++));
        }
        assertThat(i).isEqualTo(2 * n);
      }
    }
  }

  @Test
  void anUncataloguedProductFailsTheSameWayOnAnyNumberOfThreads() {
    // users 0..39 each use ACD; users 7 and 30 also use products the catalog does not sell: the
    // error names the first of them in user id order ("user30" < "user7"), as the object replay
    // did, however the groups are cut and run
    java.util.List<dev.seatwise.domain.usage.Session> sessions = new java.util.ArrayList<>();
    java.time.Instant t = java.time.Instant.parse("2025-03-03T08:00:00Z");
    for (int u = 0; u < 40; u++) {
      sessions.add(dev.seatwise.domain.usage.Session.of("user" + u, "ACD", t, t.plusSeconds(3_600)));
      if (u == 7 || u == 30) {
        String product = u == 7 ? "ZZZ" : "AAA";
        sessions.add(dev.seatwise.domain.usage.Session.of("user" + u, product, t, t.plusSeconds(600)));
      }
    }
    SessionTable table = SessionTable.of(sessions);
    MeterContext context = dev.seatwise.domain.testkit.LicensingFixtures.flexContext();
    String expected = org.assertj.core.api.Assertions.catchThrowable(
        () -> ColumnarFlexReplay.of(table, context)).getMessage();
    assertThat(expected).contains("AAA");
    assertThat(expected).isEqualTo(org.assertj.core.api.Assertions.catchThrowable(
        () -> new ObjectWindowedMeter().meter(UsageLog.ofSessions(sessions), context)).getMessage());
    for (int threads = 1; threads <= 4; threads++) {
      for (int bandRows = 1; bandRows <= 5; bandRows++) {
        int th = threads;
        int rows = bandRows;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ColumnarFlexReplay.of(table, context, 1 << 24, th, rows))
            .as("%s threads, bands of %s rows", th, rows)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(expected);
      }
    }
  }

  @Test
  void groupTokensAreTheSumOfTheObjectMetersChargesPerUserAndProduct() {
    qt().withExamples(300)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              Map<String, long[]> expected = new TreeMap<>();
              for (Charge c : new ObjectWindowedMeter()
                  .meter(UsageLog.ofSessions(in.sessions()), in.context()).charges()) {
                long[] wt = expected.computeIfAbsent(c.user() + "/" + c.product(), k -> new long[2]);
                wt[0]++;
                wt[1] += c.tokens();
              }
              ColumnarFlexReplay columns =
                  ColumnarFlexReplay.of(SessionTable.of(in.sessions()), in.context());
              Map<String, long[]> actual = new TreeMap<>();
              for (int g = 0; g < columns.groups(); g++) {
                if (columns.windows(g) > 0) {
                  actual.put(columns.user(g) + "/" + columns.product(g),
                      new long[] {columns.windows(g), columns.tokens(g)});
                }
              }
              assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
            });
  }

  @Test
  void daysUsedAreTheCalendarDaysSessionsTouchInTheZone() {
    qt().withExamples(300)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              ZoneId zone = in.context().zone();
              Map<String, Set<LocalDate>> expected = new TreeMap<>();
              for (Session s : in.sessions()) {
                Set<LocalDate> set =
                    expected.computeIfAbsent(s.user() + "/" + s.product(), k -> new HashSet<>());
                LocalDate d = s.start().atZone(zone).toLocalDate();
                Instant last = s.end().equals(s.start()) ? s.end() : s.end().minusNanos(1);
                LocalDate lastDay = last.atZone(zone).toLocalDate();
                while (!d.isAfter(lastDay)) {
                  set.add(d);
                  d = d.plusDays(1);
                }
              }
              ColumnarFlexReplay columns =
                  ColumnarFlexReplay.of(SessionTable.of(in.sessions()), in.context());
              Map<String, Integer> actual = new TreeMap<>();
              for (int g = 0; g < columns.groups(); g++) {
                actual.put(columns.user(g) + "/" + columns.product(g), columns.daysUsed(g));
              }
              Map<String, Integer> counts = new TreeMap<>();
              expected.forEach((k, v) -> counts.put(k, v.size()));
              assertThat(actual).isEqualTo(counts);
            });
  }

  @Test
  void aTableGivesBackTheSessionsItWasBuiltFrom() {
    qt().forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              List<Session> sessions = SHAPE.draw(seed).sessions();
              SessionTable table = SessionTable.of(sessions);
              assertThat(table.size()).isEqualTo(sessions.size());
              assertThat(table.sessions()).isEqualTo(sessions);
            });
  }

  @Test
  void theMergeSortOrdersByStartAndKeepsEqualStartsInInputOrder() {
    qt().forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              int n = r.nextInt(300);
              long[] s = new long[n];
              long[] e = new long[n];
              for (int k = 0; k < n; k++) {
                s[k] = r.nextInt(50);
                e[k] = k;
              }
              ColumnarFlexReplay.sortByStart(s, e, n);
              for (int k = 1; k < n; k++) {
                assertThat(s[k - 1]).isLessThanOrEqualTo(s[k]);
                if (s[k - 1] == s[k]) {
                  assertThat(e[k - 1]).isLessThan(e[k]);
                }
              }
            });
  }
}
