package dev.seatwise.application.service;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Catalogs and holdings with prices multiplied by a factor, for what-if runs. A named price is money
 * at the currency's scale, so each is rounded once (half-even). A price per token is rounded
 * (half-even) to as many decimals as it had, and at least the currency's: the exact optimiser
 * ({@code HybridOptimizer}) rejects a price per token finer than its pack prices' cost scale (2.70 x
 * 1.37 = 3.699 would throw), so 3.699 becomes 3.70. Network-seat prices are left alone: they are
 * legacy and not a named price.
 */
final class PriceScaling {
  private PriceScaling() {}

  /** Every version's packs at {@code factor} times their price per token. */
  static CatalogHistory tokenPrices(CatalogHistory history, BigDecimal factor) {
    List<Catalog> out = new ArrayList<>();
    for (Catalog c : history.versions()) {
      List<TokenPack> packs = new ArrayList<>();
      for (TokenPack p : c.packs()) {
        packs.add(new TokenPack(p.size(), scaled(p.unitPrice(), factor)));
      }
      out.add(c.withPacks(packs));
    }
    return new CatalogHistory(out);
  }

  /** The lots held at {@code factor} times their price per token. */
  static Entitlements tokenPrices(Entitlements held, BigDecimal factor) {
    List<TokenLot> lots = new ArrayList<>();
    for (TokenLot l : held.lots()) {
      lots.add(new TokenLot(l.id(), l.purchased(), l.size(), scaled(l.unitPrice(), factor), l.expires()));
    }
    return new Entitlements(held.subscriptions(), held.assignments(), lots);
  }

  /**
   * Every version's named prices (products and bundles, every term) at {@code factor} times; a
   * collection's stated Flex rate (tokens, not a price) is carried.
   */
  static CatalogHistory namedPrices(CatalogHistory history, BigDecimal factor) {
    List<Catalog> out = new ArrayList<>();
    for (Catalog c : history.versions()) {
      List<Product> products = new ArrayList<>();
      for (Product p : c.products()) {
        products.add(
            new Product(
                p.id(), p.name(), p.namedUser().map(pr -> scaled(pr, factor)), p.tokenRate(),
                p.networkSeat()));
      }
      List<Bundle> bundles = new ArrayList<>();
      for (Bundle b : c.bundles()) {
        bundles.add(
            new Bundle(
                b.id(), b.name(), b.includes(), scaled(b.namedUser(), factor),
                b.flexTokensPerDay()));
      }
      out.add(c.withOfferings(products, bundles));
    }
    return new CatalogHistory(out);
  }

  /** Negotiated subscription prices at {@code factor} times. */
  static Entitlements namedPrices(Entitlements held, BigDecimal factor) {
    List<Subscription> subs = new ArrayList<>();
    for (Subscription s : held.subscriptions()) {
      subs.add(
          new Subscription(
              s.id(), s.offering(), s.seats(), s.term(), s.start(), s.end(),
              s.price().map(m -> scaled(m, factor))));
    }
    return new Entitlements(subs, held.assignments(), held.lots());
  }

  private static Prices scaled(Prices prices, BigDecimal factor) {
    Map<Term, Money> out = new EnumMap<>(Term.class);
    prices.byTerm().forEach((t, m) -> out.put(t, scaled(m, factor)));
    return new Prices(out);
  }

  /** {@code price x factor}, rounded half-even to the price's decimals (at least the currency's). */
  static UnitPrice scaled(UnitPrice price, BigDecimal factor) {
    int digits = Math.max(price.currency().getDefaultFractionDigits(), Math.max(0, price.perUnit().scale()));
    return new UnitPrice(
        price.perUnit().multiply(factor).setScale(digits, RoundingMode.HALF_EVEN), price.currency());
  }

  private static Money scaled(Money m, BigDecimal factor) {
    return m.multipliedBy(factor, RoundingMode.HALF_EVEN);
  }
}
