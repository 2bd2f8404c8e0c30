package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Laws of the columnar Flex demand ({@link FlexDemand}) against the object path ({@link
 * MixPlan#flexWindows} and {@link TokenPurchaseSchedule#cheapest} of its windows), on random small
 * timelines over about two and a half years: random zones (some with offset changes at midnight,
 * as São Paulo's in 2018-2019), one or two catalog versions (rates and packs change, a product
 * leaves the catalog), a collection on Flex (its windows' own tokens), a product with no Flex rate
 * and one unknown to the catalog, periods that cut the timeline, and random mixes.
 */
class FlexDemandProperties {
  private static final List<String> ZONES =
      List.of("UTC", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Asia/Kolkata",
          "Pacific/Apia");
  private static final List<LocalDate> ORIGINS =
      List.of(LocalDate.of(2018, 6, 1), LocalDate.of(2025, 1, 1));
  private static final ProductId A = ProductId.of("A");
  private static final ProductId B = ProductId.of("B");
  private static final ProductId NONE = ProductId.of("N");
  private static final ProductId COL = ProductId.of("COL");
  private static final ProductId UNKNOWN = ProductId.of("X");
  private static final List<ProductId> PRODUCTS = List.of(A, B, NONE, COL, UNKNOWN);

  /** One random case: windows, catalogs, period and a mix. */
  private record Case(
      List<Charge> windows,
      CatalogHistory catalogs,
      PlanPeriod period,
      Map<UserId, Set<ProductId>> onFlex) {}

  private static Catalog version(Random r, LocalDate effective, boolean withB) {
    List<Product> products = new ArrayList<>();
    products.add(Product.of("A", "Alpha", usd("20.00"), r.nextInt(10)));
    if (withB) {
      products.add(Product.of("B", "Beta", usd("12.00"), 1 + r.nextInt(6)));
    }
    products.add(
        new Product(NONE, "Named only", Optional.of(Prices.annual(usd("9.00"))), Optional.empty(),
            Optional.empty()));
    List<Bundle> bundles =
        withB
            ? List.of(new Bundle(COL, "Collection", Set.of(A, B), Prices.annual(usd("30.00"))))
            : List.of();
    List<TokenPack> packs =
        r.nextBoolean()
            ? List.of(pack(10, r.nextBoolean() ? "1.00" : "1.10"))
            : List.of(pack(10, "1.00"), pack(40 + r.nextInt(20), r.nextBoolean() ? "0.85" : "0.90"));
    return new Catalog(
        "Test", USD, effective, Catalog.FLEX_WINDOW, MeteringParameters.FLEX_DEFAULTS,
        Period.ofMonths(12), packs, products, bundles);
  }

  private static Case randomCase(long seed) {
    Random r = new Random(seed);
    ZoneId zone = ZoneId.of(ZONES.get(r.nextInt(ZONES.size())));
    LocalDate origin = ORIGINS.get(r.nextInt(ORIGINS.size()));
    Catalog first = version(r, origin.minusYears(1), true);
    CatalogHistory catalogs =
        r.nextBoolean()
            ? CatalogHistory.of(first)
            : CatalogHistory.of(
                first, version(r, origin.plusDays(1 + r.nextInt(800)), r.nextInt(3) > 0));
    int users = 1 + r.nextInt(4);
    int n = r.nextInt(r.nextInt(4) == 0 ? 200 : 30);
    List<Charge> windows = new ArrayList<>();
    Instant start = origin.atStartOfDay(zone).toInstant();
    for (int k = 0; k < n; k++) {
      // whole hours mostly (so midnights and offset changes are hit), any second sometimes
      long seconds = 3600L * r.nextInt(900 * 24) + (r.nextInt(3) == 0 ? r.nextInt(3600) : 0);
      Instant open = start.plusSeconds(seconds);
      windows.add(
          new Charge(
              UserId.of("u" + r.nextInt(users)), PRODUCTS.get(r.nextInt(PRODUCTS.size())), open,
              open.plusSeconds(86_400), r.nextInt(13)));
    }
    LocalDate from = origin.plusDays(r.nextInt(4) == 0 ? r.nextInt(300) : 0);
    LocalDate to = from.plusDays(1 + r.nextInt(1_000));
    Map<UserId, Set<ProductId>> onFlex = new TreeMap<>();
    for (int u = 0; u < users; u++) {
      Set<ProductId> ps = new TreeSet<>();
      for (ProductId p : PRODUCTS) {
        if (r.nextInt(3) > 0) {
          ps.add(p);
        }
      }
      onFlex.put(UserId.of("u" + u), ps);
    }
    return new Case(windows, catalogs, new PlanPeriod(from, to, zone), onFlex);
  }

  private static TreeMap<LocalDate, Long> perDay(List<TokenCharge> windows, ZoneId zone) {
    TreeMap<LocalDate, Long> out = new TreeMap<>();
    for (TokenCharge w : windows) {
      if (w.tokens() > 0) {
        out.merge(LocalDate.ofInstant(w.at(), zone), w.tokens(), Long::sum);
      }
    }
    return out;
  }

  private static TreeMap<LocalDate, Long> perDay(FlexDemand demand, long[] dayTokens) {
    TreeMap<LocalDate, Long> out = new TreeMap<>();
    for (int i = 0; i < dayTokens.length; i++) {
      if (dayTokens[i] != 0) {
        out.put(demand.firstDay().plusDays(i), dayTokens[i]);
      }
    }
    return out;
  }

  @Test
  void theColumnarScheduleIsTheObjectPathSchedule() {
    qt().withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              TokenPurchaseSchedule objects =
                  TokenPurchaseSchedule.cheapest(
                      MixPlan.flexWindows(c.onFlex(), c.windows(), c.period(), c.catalogs()),
                      c.catalogs(), c.period().zone());
              FlexDemand demand = FlexDemand.of(WindowTable.of(c.windows()), c.period(), c.catalogs());
              TokenPurchaseSchedule columns = MixPlan.schedule(c.onFlex(), demand);
              assertThat(columns.purchases()).isEqualTo(objects.purchases());
              assertThat(columns.total()).isEqualTo(objects.total());
              assertThat(columns.exactTotal()).isEqualByComparingTo(objects.exactTotal());
              assertThat(columns.tokensBought()).isEqualTo(objects.tokensBought());
              assertThat(columns.lots("flex")).isEqualTo(objects.lots("flex"));
            });
  }

  /** {@code history} with every pack and named price times {@code factor} (rates kept). */
  private static CatalogHistory repriced(CatalogHistory history, java.math.BigDecimal factor) {
    List<Catalog> out = new ArrayList<>();
    for (Catalog c : history.versions()) {
      List<TokenPack> packs = new ArrayList<>();
      for (TokenPack p : c.packs()) {
        packs.add(
            new TokenPack(
                p.size(),
                new dev.seatwise.domain.money.UnitPrice(
                    p.unitPrice().perUnit().multiply(factor).setScale(2, java.math.RoundingMode.HALF_EVEN),
                    USD)));
      }
      List<Product> products = new ArrayList<>();
      for (Product p : c.products()) {
        products.add(
            new Product(p.id(), p.name(),
                p.namedUser().map(x -> Prices.annual(x.annual().multipliedBy(factor, java.math.RoundingMode.HALF_EVEN))),
                p.tokenRate(), p.networkSeat()));
      }
      out.add(c.withPacks(packs).withOfferings(products, c.bundles()));
    }
    return new CatalogHistory(out);
  }

  @Test
  void aDemandRepricedIsTheDemandWorkedOutAtThoseCatalogs() {
    // other prices (the counts shared), or another case's catalogs (other rates or versions: the
    // demand worked out again): either way what FlexDemand.of gives at those catalogs
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              Random r = new Random(seed + 1);
              CatalogHistory other =
                  r.nextInt(3) > 0
                      ? repriced(c.catalogs(), java.math.BigDecimal.valueOf(50 + r.nextInt(150), 2))
                      : randomCase(r.nextLong()).catalogs();
              WindowTable table = WindowTable.of(c.windows());
              FlexDemand shared = FlexDemand.of(table, c.period(), c.catalogs()).withCatalogs(other);
              FlexDemand fresh = FlexDemand.of(table, c.period(), other);
              assertThat(shared.catalogs()).isSameAs(other);
              assertThat(shared.firstDay()).isEqualTo(fresh.firstDay());
              assertThat(shared.days()).isEqualTo(fresh.days());
              long[] dayTokens = fresh.dayTokens(c.onFlex());
              assertThat(shared.dayTokens(c.onFlex())).isEqualTo(dayTokens);
              for (UserId u : c.onFlex().keySet()) {
                for (ProductId p : PRODUCTS) {
                  assertThat(shared.tokens(u, p)).isEqualTo(fresh.tokens(u, p));
                }
              }
              TokenPurchaseSchedule a = shared.schedule(dayTokens);
              TokenPurchaseSchedule b = fresh.schedule(dayTokens);
              assertThat(a.purchases()).isEqualTo(b.purchases());
              assertThat(a.total()).isEqualTo(b.total());
            });
  }

  @Test
  void theDayVectorSumsTheObjectPathWindowsPerDayAndPair() {
    qt().withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              List<TokenCharge> objects =
                  MixPlan.flexWindows(c.onFlex(), c.windows(), c.period(), c.catalogs());
              FlexDemand demand = FlexDemand.of(c.windows(), c.period(), c.catalogs());
              assertThat(perDay(demand, demand.dayTokens(c.onFlex())))
                  .isEqualTo(perDay(objects, c.period().zone()));
              Map<String, Long> byPair = new TreeMap<>();
              for (TokenCharge w : objects) {
                byPair.merge(w.reference(), w.tokens(), Long::sum);
              }
              c.onFlex()
                  .forEach(
                      (u, ps) -> {
                        for (ProductId p : ps) {
                          assertThat(demand.tokens(u, p))
                              .as("%s %s", u, p)
                              .isEqualTo(byPair.getOrDefault(u + " " + p, 0L));
                        }
                      });
            });
  }

  @Test
  void dayTokensBeyondAnIntAreKeptExactly() {
    // a collection's windows carry their own tokens: make some of them so large that one day's
    // sum of a pair passes Integer.MAX_VALUE, so the demand keeps its entries as longs
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              Random r = new Random(seed);
              List<Charge> big = new ArrayList<>();
              for (Charge w : c.windows()) {
                long tokens =
                    w.product().equals(COL) && r.nextBoolean()
                        ? Integer.MAX_VALUE - 5L + r.nextInt(12)
                        : w.tokens();
                big.add(new Charge(w.user(), w.product(), w.start(), w.end(), tokens));
              }
              List<TokenCharge> objects =
                  MixPlan.flexWindows(c.onFlex(), big, c.period(), c.catalogs());
              FlexDemand demand = FlexDemand.of(big, c.period(), c.catalogs());
              assertThat(perDay(demand, demand.dayTokens(c.onFlex())))
                  .isEqualTo(perDay(objects, c.period().zone()));
            });
  }

  @Test
  void addingAndTakingOffPairsGivesTheDayVectorOfTheResultingMix() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              FlexDemand demand = FlexDemand.of(c.windows(), c.period(), c.catalogs());
              Map<UserId, Set<ProductId>> mix = new TreeMap<>();
              c.onFlex().forEach((u, ps) -> mix.put(u, new TreeSet<>(ps)));
              long[] days = demand.dayTokens(mix);
              Random r = new Random(seed + 1);
              List<UserId> users = new ArrayList<>(mix.keySet());
              for (int k = 0; k < 12; k++) {
                UserId u = users.get(r.nextInt(users.size()));
                ProductId p = PRODUCTS.get(r.nextInt(PRODUCTS.size()));
                boolean on = mix.get(u).contains(p);
                demand.add(days, u, p, on ? -1 : 1);
                if (on) {
                  mix.get(u).remove(p);
                } else {
                  mix.get(u).add(p);
                }
                assertThat(days).containsExactly(demand.dayTokens(mix));
              }
            });
  }

  @Test
  void theScheduleOfDaysIsTheScheduleOfTheirWindows() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              ZoneId zone = c.period().zone();
              List<TokenCharge> windows =
                  MixPlan.flexWindows(c.onFlex(), c.windows(), c.period(), c.catalogs());
              TreeMap<LocalDate, Long> perDay = perDay(windows, zone);
              LocalDate first = perDay.isEmpty() ? c.period().from() : perDay.firstKey().minusDays(2);
              int length = perDay.isEmpty() ? 0 : (int) (perDay.lastKey().toEpochDay() - first.toEpochDay() + 3);
              long[] days = new long[length];
              perDay.forEach((d, t) -> days[(int) (d.toEpochDay() - first.toEpochDay())] = t);
              TokenPurchaseSchedule byDays =
                  TokenPurchaseSchedule.cheapest(first, days, c.catalogs(), zone);
              TokenPurchaseSchedule byWindows =
                  TokenPurchaseSchedule.cheapest(windows, c.catalogs(), zone);
              assertThat(byDays.purchases()).isEqualTo(byWindows.purchases());
              assertThat(byDays.exactTotal()).isEqualByComparingTo(byWindows.exactTotal());
            });
  }
}
