package dev.seatwise.spark;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.BundleOffer;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The three scenarios of the replay benchmark ({@code SeatwiseReplay.totals} and {@code problem} in
 * the {@code benchmarks} module, which this module cannot depend on): every user on named-user
 * subscriptions, every user on Flex, and the exact optimal mix, at the catalog's annual prices with
 * all its bundles and token packs. Both the Spark job and its single-machine check call this, so the
 * two answers differ only if the replays do.
 */
final class Scenarios {
  /** The three totals, as plain decimal amounts. */
  record Totals(String allNamed, String allFlex, String optimal) {}

  private Scenarios() {}

  static Totals solve(Catalog catalog, List<UserDemand> demands) {
    HybridProblem base = problem(catalog, catalog.bundles(), catalog.packs(), demands);
    OptimizationResult.Solved named = HybridOptimizer.solve(base.withAllPinned(Pin.NAMED)).orElseThrow();
    OptimizationResult.Solved flex = HybridOptimizer.solve(base.withAllPinned(Pin.FLEX)).orElseThrow();
    String optimal;
    try {
      optimal = plain(HybridOptimizer.solve(base).orElseThrow().total());
    } catch (IllegalArgumentException e) {
      // the exact search refuses instances beyond HybridOptimizer.MAX_CELLS
      optimal = "refused (" + e.getMessage() + ")";
    }
    return new Totals(plain(named.total()), plain(flex.total()), optimal);
  }

  /** The hybrid problem at the catalog's annual prices, with the given bundles and packs. */
  static HybridProblem problem(
      Catalog catalog, List<Bundle> bundles, List<TokenPack> packs, List<UserDemand> demands) {
    Map<ProductId, Money> named = new HashMap<>();
    Set<ProductId> flex = new HashSet<>();
    for (Product p : catalog.products()) {
      p.namedUser().ifPresent(pr -> named.put(p.id(), pr.annual()));
      if (p.isOnFlex()) {
        flex.add(p.id());
      }
    }
    List<BundleOffer> offers = new ArrayList<>();
    for (Bundle b : bundles) {
      offers.add(new BundleOffer(b.id(), b.includes(), b.namedUser().annual()));
    }
    return new HybridProblem(named, offers, flex, PackPricing.of(packs), OptionalLong.empty(), demands);
  }

  private static String plain(Money m) {
    return m.amount().toPlainString();
  }
}
