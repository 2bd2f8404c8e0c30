package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import dev.seatwise.domain.testkit.RandomOrganisations;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The one replay ({@link FlexReplay}, behind {@link WindowedMeter}) is the object replay it
 * replaced ({@link ObjectWindowedMeter}) by another route. On random organisations (several users
 * and products, collections with and without a stated rate checked out beside their members,
 * sessions crossing midnight and lasting past 24 hours, empty and sub-minimum sessions, daily usage
 * alone and beside sessions, coverage, window lengths, zones with and without daylight saving), it
 * gives the same charges in the same order, the same windows and tokens per user and product, the
 * same collection windows with their basis, and days used as the application counted them (the
 * calendar days a session touches or a daily row names).
 */
class FlexReplayProperties {
  private static final RandomOrganisations SHAPE = RandomOrganisations.SESSIONS_COLLECTIONS_AND_DAYS;

  @Test
  void theEngineChargesExactlyWhatTheObjectReplayCharged() {
    qt().withExamples(500)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              Metering objects = new ObjectWindowedMeter().meter(in.log(), in.context());
              Metering engine = new WindowedMeter().meter(in.log(), in.context());
              assertThat(engine.charges()).as("seed %s", seed).isEqualTo(objects.charges());
              assertThat(new ArrayList<>(engine.charges())).isEqualTo(objects.charges());
              assertThat(engine.totalTokens()).isEqualTo(objects.totalTokens());
              for (int i = 0; i < objects.charges().size(); i += 7) {
                assertThat(engine.charges().get(i)).isEqualTo(objects.charges().get(i));
              }
            });
  }

  @Test
  void perUserAndProductTheEngineGivesTheObjectPathsDaysWindowsAndTokens() {
    qt().withExamples(500)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              FlexReplay engine = FlexReplay.of(in.log(), in.context(), 1 + (int) (seed & 1));
              Map<String, List<Long>> actual = new TreeMap<>();
              List<String> order = new ArrayList<>();
              for (FlexReplay.Usage u : engine.usage()) {
                actual.put(u.user() + "/" + u.product(), List.of(u.daysUsed(), u.windows(), u.tokens()));
                order.add(u.user().value() + "\u0000" + u.product().value());
              }
              assertThat(actual).as("seed %s", seed).isEqualTo(objectUsage(in));
              assertThat(order).isSorted();
            });
  }

  @Test
  void groupsKeyedByTheIdsRanksComeInThePlainOrderOfTheirIds() {
    qt().withExamples(300)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              ColumnarFlexReplay replay =
                  ColumnarFlexReplay.of(in.log().sessionTable(), in.log().days(), in.context(), 1);
              // 0 keys allowed: the plain sort by ids; an int's worth: the ranks' primitive keys
              int[] plain = FlexReplay.groupOrder(replay, 0);
              int[] keyed = FlexReplay.groupOrder(replay, Integer.MAX_VALUE);
              assertThat(keyed).as("seed %s", seed).containsExactly(plain);
              List<String> ids = new ArrayList<>();
              Set<Integer> seen = new HashSet<>();
              for (int g : keyed) {
                ids.add(replay.user(g).value() + "\u0000" + replay.product(g).value());
                seen.add(g);
              }
              assertThat(ids).isSorted().doesNotHaveDuplicates();
              assertThat(seen).hasSize(replay.groups());
            });
  }

  @Test
  void collectionWindowsCarryTheBasisTheObjectPathDerives() {
    qt().withExamples(300)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              Metering objects = new ObjectWindowedMeter().meter(in.log(), in.context());
              List<CollectionPricing.PricedWindow> expected =
                  CollectionPricing.windows(in.log(), objects, in.context());
              List<CollectionPricing.PricedWindow> actual =
                  FlexReplay.of(in.log(), in.context(), 1).collectionWindows();
              assertThat(actual).as("seed %s", seed).containsExactlyInAnyOrderElementsOf(expected);
            });
  }

  @Test
  void anUnknownProductFailsAsTheObjectReplayFailed() {
    qt().withExamples(100)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in = SHAPE.draw(seed);
              Random r = new Random(seed);
              List<Session> sessions = new ArrayList<>(in.log().sessions());
              for (int k = 0; k < 3; k++) {
                Instant t = SHAPE.origin().plusSeconds(r.nextInt(1_000_000));
                sessions.add(Session.of("user" + r.nextInt(8), "X" + r.nextInt(3), t, t.plusSeconds(3600)));
              }
              UsageLog log = new UsageLog(sessions, in.log().days());
              Throwable expected = catchThrowable(() -> new ObjectWindowedMeter().meter(log, in.context()));
              Throwable actual = catchThrowable(() -> new WindowedMeter().meter(log, in.context()));
              if (expected == null) {
                assertThat(actual).isNull();
              } else {
                assertThat(actual).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
              }
            });
  }

  /** What the application's usage analysis counted from the object replay (before the engine). */
  private static Map<String, List<Long>> objectUsage(RandomOrganisations.Organisation in) {
    Map<String, long[]> counts = new TreeMap<>();
    for (Charge c : new ObjectWindowedMeter().meter(in.log(), in.context()).charges()) {
      long[] n = counts.computeIfAbsent(c.user() + "/" + c.product(), k -> new long[3]);
      n[1]++;
      n[2] += c.tokens();
    }
    Map<String, Set<Long>> days = new HashMap<>();
    var rules = in.context().zone().getRules();
    for (Session s : in.log().sessions()) {
      Set<Long> set = days.computeIfAbsent(s.user() + "/" + s.product(), k -> new HashSet<>());
      Instant last = s.end().equals(s.start()) ? s.end() : s.end().minusNanos(1);
      for (long d = CalendarDays.epochDay(s.start(), rules); d <= CalendarDays.epochDay(last, rules); d++) {
        set.add(d);
      }
    }
    for (DailyUsage d : in.log().days()) {
      days.computeIfAbsent(d.user() + "/" + d.product(), k -> new HashSet<>()).add(d.day().toEpochDay());
    }
    days.forEach((k, set) -> counts.computeIfAbsent(k, x -> new long[3])[0] = set.size());
    Map<String, List<Long>> out = new TreeMap<>();
    counts.forEach((k, n) -> out.put(k, List.of(n[0], n[1], n[2])));
    return out;
  }
}
