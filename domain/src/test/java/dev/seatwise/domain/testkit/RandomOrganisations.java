package dev.seatwise.domain.testkit;

import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.money.Money;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;

/**
 * Random organisations for property tests that replay usage two ways (a fast path against a
 * reference, e.g. the columnar or engine Flex replay against {@code ObjectWindowedMeter}), and
 * for a new vendor's meter tested the same way: a catalog (metering parameters random one time in
 * three, four products of 0 to 10 tokens a day, optionally two collections), sessions of one to
 * six users, coverage, a zone with or without daylight saving, and optionally daily usage.
 *
 * <p>Everything is drawn from one {@link Random} seeded by a QuickTheories long ({@link #seeds()}),
 * so a failing seed shrinks, replays, and can be named in an assertion ({@code .as("seed %s",
 * seed)}). The sessions are those a window replay must get right: overlapping, shorter than the
 * minimum, exactly 5 minutes, exactly 24 hours, longer than 24 hours, empty, starting on a
 * 30-minute grid (so they meet window ends) or off it, some at sub-second instants, unsorted.
 *
 * <p>Two shapes: {@link #SESSIONS} and {@link #SESSIONS_COLLECTIONS_AND_DAYS}; a shape and a seed
 * always give the same organisation.
 *
 * @param origin the earliest session start
 * @param startDays the days after {@code origin} sessions start in
 * @param mostSessions the most sessions of one organisation in one draw of four (otherwise 40)
 * @param subSecondDurations whether a session may last any number of nanoseconds up to about 18
 *     minutes
 * @param longestHalfHours the longest ordinary session, in half hours
 * @param collectionsAndDays whether the catalog sells two collections, sessions check them out
 *     beside their members, daily usage rows come with the sessions (of two more users), coverage
 *     may hold any product, and the log is, at random, objects or a table's view
 */
public record RandomOrganisations(Instant origin, int startDays, int mostSessions,
    boolean subSecondDurations, int longestHalfHours, boolean collectionsAndDays) {

  /** Sessions only, from Monday 2025-01-06 over 40 days, up to 400, some of sub-second length. */
  public static final RandomOrganisations SESSIONS =
      new RandomOrganisations(Instant.parse("2025-01-06T00:00:00Z"), 40, 400, true, 20, false);

  /**
   * Sessions from Monday 2025-03-24 over 20 days, up to 300, with the two
   * collections ({@link #COLLECTION}, and {@link #STATED_COLLECTION} with a stated rate) and daily
   * usage on 2025-03-22 to 2025-04-15.
   */
  public static final RandomOrganisations SESSIONS_COLLECTIONS_AND_DAYS =
      new RandomOrganisations(Instant.parse("2025-03-24T00:00:00Z"), 20, 300, false, 40, true);

  /** The priced products (AutoCAD 7, Revit 10, Civil 3D 9 tokens a day) and a free viewer. */
  public static final List<ProductId> PRODUCTS =
      List.of(ProductId.of("ACD"), ProductId.of("RVT"), ProductId.of("C3D"), ProductId.of("FREE"));

  /** A collection of the three priced products, with no rate of its own. */
  public static final ProductId COLLECTION = ProductId.of("COL");

  /** A collection of AutoCAD and Civil 3D with a stated rate of 1 to 12 tokens a day. */
  public static final ProductId STATED_COLLECTION = ProductId.of("SCOL");

  /** The zones: UTC, a half-hour offset, and two with daylight saving (Havana's at midnight). */
  public static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("+05:30"), ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/Havana"));

  /** One organisation: its sessions and daily usage, as a log, and the context to meter them in. */
  public record Organisation(List<Session> sessions, List<DailyUsage> days, UsageLog log,
      MeterContext context) {}

  /** The seeds to draw organisations from: every long. */
  public static Gen<Long> seeds() {
    return longs().all();
  }

  /** The products sessions are drawn from. */
  public List<ProductId> products() {
    if (!collectionsAndDays) {
      return PRODUCTS;
    }
    List<ProductId> all = new ArrayList<>(PRODUCTS);
    all.add(COLLECTION);
    all.add(STATED_COLLECTION);
    return List.copyOf(all);
  }

  /** The organisation of this shape that {@code seed} gives. */
  public Organisation draw(long seed) {
    Random r = new Random(seed);
    List<ProductId> products = products();
    Catalog catalog = catalog(r);
    int users = 1 + r.nextInt(6);
    int n = r.nextInt(r.nextInt(4) == 0 ? mostSessions : 40);
    List<Session> sessions = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      UserId u = UserId.of("user" + r.nextInt(users));
      ProductId p = products.get(r.nextInt(products.size()));
      long startSeconds = (long) r.nextInt(startDays * 48) * 1800 + (r.nextInt(4) == 0 ? r.nextInt(1800) : 0);
      Instant start = origin.plusSeconds(startSeconds);
      if (r.nextInt(10) == 0) {
        start = start.plusNanos(r.nextInt(1_000_000_000));
      }
      sessions.add(new Session(u, p, start, start.plus(duration(r))));
    }
    List<DailyUsage> days = new ArrayList<>();
    if (collectionsAndDays) {
      int dayRows = r.nextInt(3) == 0 ? r.nextInt(30) : 0;
      for (int k = 0; k < dayRows; k++) {
        // users past the session users too: daily usage of people with no sessions at all
        days.add(new DailyUsage(UserId.of("user" + r.nextInt(users + 2)),
            products.get(r.nextInt(products.size())),
            LocalDate.of(2025, 3, 22).plusDays(r.nextInt(25))));
      }
    }
    Map<UserId, Set<ProductId>> covered = new HashMap<>();
    if (r.nextBoolean()) {
      int coverable = collectionsAndDays ? users + 2 : users;
      for (int k = 0; k < coverable; k++) {
        if (r.nextInt(3) == 0) {
          int product = r.nextInt(collectionsAndDays ? products.size() : 3);
          covered.put(UserId.of("user" + k), Set.of(products.get(product)));
        }
      }
    }
    ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
    // sessions as objects or already a table's view: a replay must not care
    UsageLog log = !collectionsAndDays ? UsageLog.ofSessions(sessions)
        : r.nextBoolean() ? new UsageLog(sessions, days) : UsageLog.of(SessionTable.of(sessions), days);
    return new Organisation(sessions, days, log, new MeterContext(catalog, new Coverage(covered), zone));
  }

  private Catalog catalog(Random r) {
    MeteringParameters params =
        r.nextInt(3) == 0
            ? new MeteringParameters(
                Duration.ofMinutes(30 + r.nextInt(24 * 60)), Duration.ofSeconds(r.nextInt(900)))
            : MeteringParameters.FLEX_DEFAULTS;
    Prices price = Prices.annual(Money.of("3000.00", "USD"));
    List<Bundle> bundles = !collectionsAndDays ? List.of() : List.of(
        new Bundle(COLLECTION, "Collection", Set.of(PRODUCTS.get(0), PRODUCTS.get(1), PRODUCTS.get(2)), price),
        new Bundle(STATED_COLLECTION, "Stated", Set.of(PRODUCTS.get(0), PRODUCTS.get(2)), price)
            .withFlexTokensPerDay(1 + r.nextInt(12)));
    return new Catalog(
        "test",
        Currency.getInstance("USD"),
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
        bundles);
  }

  private Duration duration(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> Duration.ofSeconds(r.nextInt(300));
      case 1 -> Duration.ofMinutes(5);
      case 2 -> Duration.ofHours(24);
      case 3 -> Duration.ofHours(24 + r.nextInt(72));
      case 4 -> Duration.ZERO;
      case 5 -> subSecondDurations ? Duration.ofNanos(r.nextLong() & 0xFFFFFFFFFFL) : halfHours(r);
      default -> halfHours(r);
    };
  }

  private Duration halfHours(Random r) {
    return Duration.ofMinutes(30L * (1 + r.nextInt(longestHalfHours)));
  }
}
