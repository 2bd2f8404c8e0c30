package dev.seatwise.domain.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the licensing domain, shared by every {@code *Properties} class and
 * published in the domain test-jar for other modules and vendor extenders.
 *
 * <p>Generated time starts at {@link #ORIGIN}. Session starts lie mostly on a 30-minute grid and
 * durations mostly on whole minutes or hours, so that sessions often meet 24 h window boundaries
 * exactly; the mix includes launches shorter than the 5 min minimum, sessions of exactly 5 min and
 * exactly 24 h, sessions longer than 24 h, and (from a small pool of users and products)
 * overlapping sessions. Every generator is stateless; no generated value is null.
 */
public final class LicensingGens {
  private LicensingGens() {}

  /** The origin of generated time, 2024-01-01T00:00Z (a Monday). */
  public static final Instant ORIGIN = Instant.parse("2024-01-01T00:00:00Z");

  /** The users sessions are drawn from by default. */
  public static final List<UserId> USERS =
      List.of(UserId.of("ann"), UserId.of("bob"), UserId.of("cy"));

  /** The products sessions are drawn from by default (those of the fixture catalog). */
  public static final List<ProductId> PRODUCTS =
      List.of(LicensingFixtures.AUTOCAD, LicensingFixtures.REVIT);

  private static final Duration WINDOW = Duration.ofHours(24);

  // ---------------------------------------------------------------- money

  /** Currencies with 0, 2, 3 and 4 decimals. */
  public static Gen<Currency> currencies() {
    return Generate.pick(
        List.of(
            Currency.getInstance("USD"),
            Currency.getInstance("EUR"),
            Currency.getInstance("JPY"),
            Currency.getInstance("BHD"),
            Currency.getInstance("CLF")));
  }

  /**
   * Amounts in {@code currency}, negative, zero and positive, small and up to 10^13 minor units.
   */
  public static Gen<Money> moneyIn(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return minorUnits().map(u -> new Money(BigDecimal.valueOf(u, digits), currency));
  }

  /** Amounts in US dollars. */
  public static Gen<Money> usd() {
    return moneyIn(Currency.getInstance("USD"));
  }

  /** Amounts in any of {@link #currencies()}. */
  public static Gen<Money> money() {
    return currencies().flatMap(LicensingGens::moneyIn);
  }

  /** Minor-unit counts: mostly small (so zero and sign changes occur), sometimes large. */
  public static Gen<Long> minorUnits() {
    return longs()
        .between(-1_000L, 1_000L)
        .mix(longs().between(-10_000_000_000_000L, 10_000_000_000_000L), 40);
  }

  /** Prices per token from 1.000 to 4.000 USD with up to three decimals (sub-cent). */
  public static Gen<UnitPrice> usdPerToken() {
    return integers()
        .between(1_000, 4_000)
        .map(millis -> new UnitPrice(BigDecimal.valueOf(millis, 3), LicensingFixtures.USD));
  }

  // ---------------------------------------------------------------- tokens

  /** Token counts: mostly small, sometimes anywhere up to {@code Long.MAX_VALUE}. */
  public static Gen<Tokens> tokens() {
    return tokenCounts().map(n -> Tokens.of(n));
  }

  /** Non-negative token counts: mostly small, sometimes anywhere up to {@code Long.MAX_VALUE}. */
  public static Gen<Long> tokenCounts() {
    return longs().between(0, 10_000).mix(longs().between(0, Long.MAX_VALUE), 40);
  }

  /** One pack: 1 to 5000 tokens at {@link #usdPerToken()}. */
  public static Gen<TokenPack> tokenPacks() {
    return integers().between(1, 5_000).zip(usdPerToken(), TokenPack::new);
  }

  /**
   * {@code minKinds} to {@code maxKinds} packs with distinct sizes in {@code [1, maxSize]} and
   * distinct prices per token (random: a bigger pack is not always cheaper per token).
   */
  public static Gen<List<TokenPack>> packMenus(int minKinds, int maxKinds, int maxSize) {
    Gen<TokenPack> one = integers().between(1, maxSize).zip(usdPerToken(), TokenPack::new);
    return lists()
        .of(one)
        .ofSizeBetween(minKinds, maxKinds)
        .map(LicensingGens::distinctSizesAndPrices)
        .assuming(packs -> packs.size() >= minKinds);
  }

  private static List<TokenPack> distinctSizesAndPrices(List<TokenPack> packs) {
    Set<Long> sizes = new HashSet<>();
    Set<BigDecimal> prices = new HashSet<>();
    List<TokenPack> out = new ArrayList<>();
    for (TokenPack p : packs) {
      if (sizes.add(p.size()) && prices.add(p.unitPrice().perUnit())) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A lot bought on a whole hour within two years of {@link #ORIGIN}: the sizes of Autodesk packs
   * or a small odd size (so that balances run out), valid one year (rule F11) or 1 to 400 days.
   */
  public static Gen<TokenLot> tokenLots() {
    Gen<Instant> purchased =
        integers().between(0, 2 * 365 * 24).map(h -> ORIGIN.plus(Duration.ofHours(h)));
    Gen<Long> size =
        Generate.pick(List.of(100L, 500L, 1_000L, 5_000L)).mix(longs().between(1, 300), 50);
    Gen<Period> validity =
        Generate.constant(Period.ofYears(1))
            .mix(integers().between(1, 400).map(d -> Period.ofDays(d)), 50);
    return purchased.zip(
        size,
        usdPerToken(),
        validity,
        (at, n, price, valid) -> TokenLot.bought("lot", at, n, price, valid, ZoneOffset.UTC));
  }

  /** 0 to {@code max} lots with distinct ids {@code lot-0, lot-1, ...}. */
  public static Gen<List<TokenLot>> tokenLotLists(int max) {
    return lists()
        .of(tokenLots())
        .ofSizeBetween(0, max)
        .map(
            lots -> {
              List<TokenLot> out = new ArrayList<>();
              for (int i = 0; i < lots.size(); i++) {
                TokenLot l = lots.get(i);
                out.add(
                    new TokenLot("lot-" + i, l.purchased(), l.size(), l.unitPrice(), l.expires()));
              }
              return List.copyOf(out);
            });
  }

  /**
   * 0 to {@code max} charges on whole hours within three years of {@link #ORIGIN} (so they meet
   * purchases and expiries exactly), of 0, 7, 10, 17 or 1 to 400 tokens, with distinct references
   * {@code charge-0, charge-1, ...}.
   */
  public static Gen<List<TokenCharge>> tokenCharges(int max) {
    Gen<Instant> at =
        integers().between(0, 3 * 365 * 24).map(h -> ORIGIN.plus(Duration.ofHours(h)));
    Gen<Long> tokens = Generate.pick(List.of(0L, 7L, 10L, 17L)).mix(longs().between(1, 400), 50);
    return lists()
        .of(at.zip(tokens, Pair::of))
        .ofSizeBetween(0, max)
        .map(
            raw -> {
              List<TokenCharge> out = new ArrayList<>();
              for (int i = 0; i < raw.size(); i++) {
                out.add(new TokenCharge(raw.get(i)._1, raw.get(i)._2, "charge-" + i));
              }
              return List.copyOf(out);
            });
  }

  // ---------------------------------------------------------------- time and usage

  /** Instants on whole seconds within three years of {@link #ORIGIN}. */
  public static Gen<Instant> instants() {
    return longs().between(0, 3L * 365 * 86_400).map(s -> ORIGIN.plusSeconds(s));
  }

  /**
   * Session starts within ten days of {@link #ORIGIN}: mostly on a 30-minute grid, else any second.
   */
  public static Gen<Instant> sessionStarts() {
    Gen<Instant> grid =
        integers().between(0, 10 * 48).map(i -> ORIGIN.plus(Duration.ofMinutes(30L * i)));
    Gen<Instant> anySecond = longs().between(0, 10L * 86_400).map(s -> ORIGIN.plusSeconds(s));
    return grid.mix(anySecond, 30);
  }

  /**
   * Session lengths: zero, under 5 min (a free launch, F7), exactly 5 min, ordinary minutes, whole
   * hours, exactly 24 h, and longer than 24 h (up to 3 days).
   */
  public static Gen<Duration> sessionDurations() {
    List<Pair<Integer, Gen<Duration>>> mix = new ArrayList<>();
    mix.add(Pair.of(1, Generate.constant(Duration.ZERO)));
    mix.add(Pair.of(2, longs().between(1, 299).map(s -> Duration.ofSeconds(s))));
    mix.add(Pair.of(1, Generate.constant(Duration.ofMinutes(5))));
    mix.add(Pair.of(4, longs().between(5, 12 * 60).map(m -> Duration.ofMinutes(m))));
    mix.add(Pair.of(2, longs().between(1, 23).map(h -> Duration.ofHours(h))));
    mix.add(Pair.of(1, Generate.constant(WINDOW)));
    mix.add(Pair.of(2, longs().between(24 * 60 + 1, 72 * 60).map(m -> Duration.ofMinutes(m))));
    return Generate.frequency(mix);
  }

  /** One session of a user and product from the given pools. */
  public static Gen<Session> sessions(List<UserId> users, List<ProductId> products) {
    return Generate.pick(users)
        .zip(
            Generate.pick(products),
            sessionStarts(),
            sessionDurations(),
            (u, p, start, length) -> new Session(u, p, start, start.plus(length)));
  }

  /** One session of {@link #USERS} and {@link #PRODUCTS}. */
  public static Gen<Session> sessions() {
    return sessions(USERS, PRODUCTS);
  }

  /**
   * Two sessions of one user and product that meet the boundary {@code b = s + 24h} of the window
   * the first one opens at {@code s} (when nothing earlier covers it): the second ends exactly at
   * {@code b}, starts exactly at {@code b}, or overlaps the first and ends at {@code b}; or the
   * first lasts exactly to {@code b} and the second starts there.
   */
  public static Gen<List<Session>> windowBoundarySessions(
      List<UserId> users, List<ProductId> products) {
    Gen<int[]> shape =
        integers()
            .between(5, 23 * 60)
            .zip(
                integers().between(5, 23 * 60),
                integers().between(0, 3),
                (first, second, mode) -> new int[] {first, second, mode});
    return Generate.pick(users)
        .zip(
            Generate.pick(products),
            sessionStarts(),
            shape,
            (u, p, s, k) -> {
              Instant boundary = s.plus(WINDOW);
              Duration first = Duration.ofMinutes(k[0]);
              Duration second = Duration.ofMinutes(k[1]);
              switch (k[2]) {
                case 0:
                  return List.of(
                      new Session(u, p, s, s.plus(first)),
                      new Session(u, p, boundary.minus(second), boundary));
                case 1:
                  return List.of(
                      new Session(u, p, s, s.plus(first)),
                      new Session(u, p, boundary, boundary.plus(second)));
                case 2:
                  return List.of(
                      new Session(u, p, s, s.plus(first)),
                      new Session(u, p, s.plus(Duration.ofMinutes(1)), boundary));
                default:
                  return List.of(
                      new Session(u, p, s, boundary),
                      new Session(u, p, boundary, boundary.plus(second)));
              }
            });
  }

  /**
   * Up to {@code maxLoose} independent sessions plus up to two {@link #windowBoundarySessions}
   * pairs, in no particular order.
   */
  public static Gen<List<Session>> sessionLists(
      List<UserId> users, List<ProductId> products, int maxLoose) {
    Gen<List<Session>> loose = lists().of(sessions(users, products)).ofSizeBetween(0, maxLoose);
    Gen<List<List<Session>>> pairs =
        lists().of(windowBoundarySessions(users, products)).ofSizeBetween(0, 2);
    return loose.zip(
        pairs,
        (a, b) -> {
          List<Session> all = new ArrayList<>(a);
          b.forEach(all::addAll);
          return List.copyOf(all);
        });
  }

  /** Sessions of {@link #USERS} and {@link #PRODUCTS}: up to 10 loose ones plus boundary pairs. */
  public static Gen<List<Session>> sessionLists() {
    return sessionLists(USERS, PRODUCTS, 10);
  }

  /** A day of use (no clock times) within two weeks of {@link #ORIGIN}. */
  public static Gen<DailyUsage> dailyUsages(List<UserId> users, List<ProductId> products) {
    LocalDate first = LocalDate.ofInstant(ORIGIN, ZoneOffset.UTC);
    return Generate.pick(users)
        .zip(
            Generate.pick(products),
            integers().between(0, 13),
            (u, p, d) -> new DailyUsage(u, p, first.plusDays(d)));
  }

  /** Usage with sessions ({@link #sessionLists}) and 0 to 4 days of use without clock times. */
  public static Gen<UsageLog> usageLogs(List<UserId> users, List<ProductId> products) {
    return sessionLists(users, products, 10)
        .zip(lists().of(dailyUsages(users, products)).ofSizeBetween(0, 4), UsageLog::new);
  }

  /** Usage of {@link #USERS} and {@link #PRODUCTS}. */
  public static Gen<UsageLog> usageLogs() {
    return usageLogs(USERS, PRODUCTS);
  }

  /** Usage with sessions only. */
  public static Gen<UsageLog> sessionLogs(List<UserId> users, List<ProductId> products) {
    return sessionLists(users, products, 10).map(s -> UsageLog.ofSessions(s));
  }

  /** Session-only usage of {@link #USERS} and {@link #PRODUCTS}. */
  public static Gen<UsageLog> sessionLogs() {
    return sessionLogs(USERS, PRODUCTS);
  }
}
