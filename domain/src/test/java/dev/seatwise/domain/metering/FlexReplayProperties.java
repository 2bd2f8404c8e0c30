package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
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
  private static final Instant ORIGIN = Instant.parse("2025-03-24T00:00:00Z");
  private static final ProductId COL = ProductId.of("COL");
  private static final ProductId STATED = ProductId.of("SCOL");
  private static final List<ProductId> PRODUCTS =
      List.of(ProductId.of("ACD"), ProductId.of("RVT"), ProductId.of("C3D"), ProductId.of("FREE"),
          COL, STATED);
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("+05:30"), ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/Havana"));

  record Instance(UsageLog log, MeterContext context) {}

  static Instance instance(long seed) {
    Random r = new Random(seed);
    Currency usd = Currency.getInstance("USD");
    MeteringParameters params =
        r.nextInt(3) == 0
            ? new MeteringParameters(
                Duration.ofMinutes(30 + r.nextInt(24 * 60)), Duration.ofSeconds(r.nextInt(900)))
            : MeteringParameters.FLEX_DEFAULTS;
    Prices price = Prices.annual(Money.of("3000.00", "USD"));
    Catalog catalog =
        new Catalog(
            "test",
            usd,
            LocalDate.of(2025, 1, 1),
            Catalog.FLEX_WINDOW,
            params,
            Period.ofYears(1),
            List.of(),
            List.of(
                Product.of("ACD", "AutoCAD", Money.of("2030.00", "USD"), 7),
                Product.of("RVT", "Revit", Money.of("2910.00", "USD"), 10),
                Product.of("C3D", "Civil 3D", Money.of("2825.00", "USD"), 9),
                Product.of("FREE", "Viewer", Money.of("0.00", "USD"), 0)),
            List.of(
                new Bundle(COL, "Collection", Set.of(PRODUCTS.get(0), PRODUCTS.get(1), PRODUCTS.get(2)), price),
                new Bundle(STATED, "Stated", Set.of(PRODUCTS.get(0), PRODUCTS.get(2)), price)
                    .withFlexTokensPerDay(1 + r.nextInt(12))));
    int users = 1 + r.nextInt(6);
    int n = r.nextInt(r.nextInt(4) == 0 ? 300 : 40);
    List<Session> sessions = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      UserId u = UserId.of("user" + r.nextInt(users));
      ProductId p = PRODUCTS.get(r.nextInt(PRODUCTS.size()));
      long startSeconds = (long) r.nextInt(20 * 48) * 1800 + (r.nextInt(4) == 0 ? r.nextInt(1800) : 0);
      Instant start = ORIGIN.plusSeconds(startSeconds);
      if (r.nextInt(10) == 0) {
        start = start.plusNanos(r.nextInt(1_000_000_000));
      }
      Duration d =
          switch (r.nextInt(8)) {
            case 0 -> Duration.ofSeconds(r.nextInt(300));
            case 1 -> Duration.ofMinutes(5);
            case 2 -> Duration.ofHours(24);
            case 3 -> Duration.ofHours(24 + r.nextInt(72));
            case 4 -> Duration.ZERO;
            default -> Duration.ofMinutes(30L * (1 + r.nextInt(40)));
          };
      sessions.add(new Session(u, p, start, start.plus(d)));
    }
    List<DailyUsage> days = new ArrayList<>();
    int dayRows = r.nextInt(3) == 0 ? r.nextInt(30) : 0;
    for (int k = 0; k < dayRows; k++) {
      // users past the session users too: daily usage of people with no sessions at all
      days.add(new DailyUsage(UserId.of("user" + r.nextInt(users + 2)),
          PRODUCTS.get(r.nextInt(PRODUCTS.size())),
          LocalDate.of(2025, 3, 22).plusDays(r.nextInt(25))));
    }
    Map<UserId, Set<ProductId>> covered = new HashMap<>();
    if (r.nextBoolean()) {
      for (int k = 0; k < users + 2; k++) {
        if (r.nextInt(3) == 0) {
          covered.put(UserId.of("user" + k), Set.of(PRODUCTS.get(r.nextInt(PRODUCTS.size()))));
        }
      }
    }
    ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
    // sessions as objects or already a table's view: the replay must not care
    UsageLog log =
        r.nextBoolean()
            ? new UsageLog(sessions, days)
            : UsageLog.of(SessionTable.of(sessions), days);
    return new Instance(log, new MeterContext(catalog, new Coverage(covered), zone));
  }

  @Test
  void theEngineChargesExactlyWhatTheObjectReplayCharged() {
    qt().withExamples(500)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
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
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
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
  void collectionWindowsCarryTheBasisTheObjectPathDerives() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
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
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
              Random r = new Random(seed);
              List<Session> sessions = new ArrayList<>(in.log().sessions());
              for (int k = 0; k < 3; k++) {
                Instant t = ORIGIN.plusSeconds(r.nextInt(1_000_000));
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
  private static Map<String, List<Long>> objectUsage(Instance in) {
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
