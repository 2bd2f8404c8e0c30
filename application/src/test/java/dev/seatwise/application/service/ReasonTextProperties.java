package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.optimize.Assignment;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.TermChoice;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A user's reason ({@link CompareScenariosService#reason}), written with string builders and the
 * named cost looked up per product, is the text the earlier {@code String.format} version with a
 * copied map of named costs wrote (kept below as the oracle): on random assignments (with and
 * without a bundle, products on Flex, named, or neither), usage, named prices (some products not
 * sold named), terms of the user's own (common or not), marginal token prices and pins.
 */
class ReasonTextProperties {
  private static final java.util.Currency USD = java.util.Currency.getInstance("USD");
  private static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);
  private static final PlanPeriod YEAR = new PlanPeriod(JAN1, JAN1.plusYears(1), ZoneOffset.UTC);
  private static final ProductId ACD = ProductId.of("ACD");
  private static final ProductId RVT = ProductId.of("RVT");
  private static final ProductId AEC = ProductId.of("AEC");
  /** Sold named (monthly or annual), not on Flex. */
  private static final ProductId NFX = ProductId.of("NFX");
  /** Not in the catalog: no Flex rate, never in the bundle. */
  private static final ProductId XYZ = ProductId.of("XYZ");

  /**
   * Monthly terms for AutoCAD, NFX and the collection, so that a short use is cheaper on them
   * than the common annual seat (a choice of the user's own); Revit annual only.
   */
  private static Catalog catalog() {
    return new Catalog(
        "TestVendor", USD, LocalDate.of(2024, 1, 1), Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
        List.of(new TokenPack(100, UnitPrice.of("3.00", "USD"))),
        List.of(
            new Product(ACD, "AutoCAD",
                Optional.of(new Prices(Map.of(Term.MONTHLY, usd("255.00"), Term.ANNUAL,
                    usd("2030.00")))),
                Optional.of(7L), Optional.empty()),
            new Product(RVT, "Revit",
                Optional.of(new Prices(Map.of(Term.ANNUAL, usd("2985.00")))),
                Optional.of(10L), Optional.empty()),
            new Product(NFX, "Not on Flex",
                Optional.of(new Prices(Map.of(Term.MONTHLY, usd("100.00"), Term.ANNUAL,
                    usd("900.00")))),
                Optional.empty(), Optional.empty())),
        List.of(
            new Bundle(AEC, "AEC Collection", Set.of(ACD, RVT),
                new Prices(Map.of(Term.MONTHLY, usd("400.00"), Term.ANNUAL, usd("3700.00"))))));
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static final java.util.concurrent.atomic.AtomicInteger OWN_TERMS =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void theReasonIsTheTextTheFormatVersionWrote() {
    Catalog catalog = catalog();
    CatalogHistory history = CatalogHistory.of(catalog);
    qt().withExamples(2000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<ProductId> products = new ArrayList<>(List.of(ACD, RVT, NFX, XYZ));
              java.util.Collections.shuffle(products, r);
              Map<ProductId, ProductUsage> usage = new LinkedHashMap<>();
              for (ProductId p : products) {
                if (r.nextInt(4) != 0) {
                  long windows = r.nextInt(400);
                  usage.put(p, new ProductUsage(p, r.nextInt(366), windows,
                      r.nextBoolean() ? windows * 7 : r.nextInt(1_000_000)));
                }
              }
              Optional<ProductId> bundle = r.nextInt(3) == 0 ? Optional.of(AEC) : Optional.empty();
              TreeSet<ProductId> named = new TreeSet<>();
              TreeSet<ProductId> flex = new TreeSet<>();
              for (ProductId p : usage.keySet()) {
                int k = r.nextInt(3);
                if (k == 0) {
                  named.add(p);
                } else if (k == 1) {
                  flex.add(p);
                }
              }
              Assignment a = new Assignment(UserId.of("u"), bundle, named, flex,
                  Money.of(BigDecimal.valueOf(r.nextInt(1_000_000), 2), catalog.currency()), r.nextInt(5000));
              // named prices: always for a product assigned named, else sometimes none
              Map<ProductId, Money> problemNamed = new HashMap<>();
              for (ProductId p : List.of(ACD, RVT, NFX, XYZ, AEC)) {
                if (named.contains(p) || r.nextInt(4) != 0) {
                  problemNamed.put(p, Money.of(BigDecimal.valueOf(r.nextInt(500_000), 2), catalog.currency()));
                }
              }
              // the user's own terms: short use (not the common seat) or a long one (common)
              Map<ProductId, TermChoice> terms = new HashMap<>();
              for (ProductId p : List.of(ACD, RVT, NFX, AEC)) {
                if (r.nextBoolean()) {
                  boolean shortUse = r.nextBoolean();
                  LocalDate first = JAN1.plusDays(shortUse ? r.nextInt(300) : r.nextInt(30));
                  LocalDate last =
                      shortUse ? first.plusDays(r.nextInt(40)) : JAN1.plusDays(330 + r.nextInt(35));
                  TermChoice.of(p, first, last, YEAR, history).ifPresent(c -> terms.put(p, c));
                }
              }
              BigDecimal marginal =
                  BigDecimal.valueOf(r.nextInt(400), r.nextInt(4)); // 0 to 399, 0 to 3 decimals
              Pin[] pins = Pin.values();
              Pin pin = r.nextInt(pins.length + 1) == 0 ? null : pins[r.nextInt(pins.length)];
              String expected = formatReason(a, usage, problemNamed, terms, marginal, catalog, pin);
              if (terms.values().stream().anyMatch(c -> !c.common())) {
                OWN_TERMS.incrementAndGet();
              }
              assertThat(
                      CompareScenariosService.reason(
                          a, usage, problemNamed, terms, marginal, catalog, pin))
                  .as("seed %s", seed)
                  .isEqualTo(expected);
            });
    // the cases include users with terms of their own (shown in the text)
    assertThat(OWN_TERMS.get()).isPositive();
  }

  /** The earlier version, unchanged: {@code String.format} and a copy of the named costs. */
  private static String formatReason(
      Assignment a,
      Map<ProductId, ProductUsage> usage,
      Map<ProductId, Money> problemNamed,
      Map<ProductId, TermChoice> terms,
      BigDecimal marginal,
      Catalog catalog,
      Pin pin) {
    List<String> parts = new ArrayList<>();
    Map<ProductId, Money> named = new HashMap<>(problemNamed);
    terms.forEach((o, c) -> {
      if (!c.common()) {
        named.put(o, c.attributed());
      }
    });
    if (pin != null && pin != Pin.NONE) {
      parts.add("pinned to " + pin.name().toLowerCase(java.util.Locale.ROOT));
    }
    a.bundle()
        .ifPresent(
            b -> {
              Bundle bundle = catalog.bundle(b).orElseThrow();
              List<String> covered = new ArrayList<>();
              BigDecimal separately = BigDecimal.ZERO;
              for (ProductId p : usage.keySet()) {
                if (bundle.covers(p)) {
                  covered.add(p.value());
                  separately = separately.add(Optional.ofNullable(named.get(p)).map(Money::amount).orElse(BigDecimal.ZERO));
                }
              }
              TermChoice c = terms.get(b);
              parts.add(
                  String.format(
                      "%s covers %s for %s%s (those products named separately: %s) -> bundle",
                      b, String.join(", ", covered),
                      a.subscriptions().amount().toPlainString(),
                      c == null || c.common() ? "" : " (" + c.reason() + ")",
                      separately.toPlainString()));
            });
    for (ProductUsage u : usage.values()) {
      ProductId p = u.product();
      if (a.bundle().isPresent() && catalog.bundle(a.bundle().get()).orElseThrow().covers(p)) {
        continue;
      }
      long rate = catalog.flexRate(p).orElse(0L);
      BigDecimal flex = marginal.multiply(BigDecimal.valueOf(u.tokens())).setScale(2, RoundingMode.HALF_EVEN);
      TermChoice c = terms.get(p);
      String namedText =
          named.containsKey(p)
              ? "named " + named.get(p).amount().toPlainString()
                  + (c == null || c.common() ? "" : " (" + c.reason() + ")")
              : "not sold named";
      String flexText =
          String.format(
              "%s: %d windows x %d tokens = %d tokens ~ %s at %s/token",
              p, u.windows(), rate, u.tokens(), flex.toPlainString(), marginal.toPlainString());
      if (a.flex().contains(p)) {
        parts.add(flexText + (named.containsKey(p) && flex.compareTo(named.get(p).amount()) > 0 ? " > " : " <= ") + namedText + " -> Flex");
      } else if (a.named().contains(p)) {
        boolean onFlex = catalog.isOnFlex(p);
        parts.add(
            onFlex
                ? flexText + (flex.compareTo(named.get(p).amount()) >= 0 ? " >= " : " < ") + namedText + " -> named"
                : p + ": not on Flex -> " + namedText);
      }
    }
    return String.join("; ", parts);
  }
}
