package dev.seatwise.application.service;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.Assignment;
import dev.seatwise.domain.optimize.BundleOffer;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.plan.Proration;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The products the compare optimiser ({@link HybridOptimizer}, the {@code optimal} scenario of
 * {@code compare} with no pins, exclusions or token cap) leaves each user on Flex, over an analysed
 * period: named and bundle prices pro-rated to its days, Flex tokens bought at once from the
 * catalog's packs. The rule is the domain's; this only builds the problem as {@code compare} does.
 */
final class OptimalFlex {
  private OptimalFlex() {}

  /**
   * Each user's products on Flex in the optimum; empty when there is none (no token packs, a
   * capacity meter, or the optimiser finds the problem infeasible: {@code why[0]} says which).
   */
  static Optional<Map<UserId, Set<ProductId>>> of(UsageAnalysis analysis, String[] why) {
    Catalog catalog = analysis.catalog();
    Optional<PackPricing> packs = catalog.packPricing();
    if (analysis.isCapacityMetered()) {
      why[0] = "the catalog's meter sizes a pool: there is no per-user optimum";
      return Optional.empty();
    }
    if (packs.isEmpty()) {
      why[0] = "the catalog sells no token packs, so there is no optimal plan";
      return Optional.empty();
    }
    Proration proration = Proration.ofDays(analysis.period().days());
    Map<ProductId, Money> named = new HashMap<>();
    for (Product p : catalog.products()) {
      p.namedUser().ifPresent(pr -> named.put(p.id(), proration.apply(pr.annual())));
    }
    List<BundleOffer> bundles = new ArrayList<>();
    for (Bundle b : catalog.bundles()) {
      bundles.add(new BundleOffer(b.id(), b.coverage(), proration.apply(b.namedUser().annual())));
    }
    Set<ProductId> flexAllowed = new HashSet<>();
    for (Product p : catalog.products()) {
      if (p.isOnFlex()) {
        flexAllowed.add(p.id());
      }
    }
    for (Bundle b : catalog.bundles()) {
      if (catalog.isOnFlex(b.id())) {
        flexAllowed.add(b.id());
      }
    }
    List<UserDemand> demands = new ArrayList<>();
    analysis
        .byUser()
        .forEach(
            (user, byProduct) -> {
              Map<ProductId, Long> tokens = new TreeMap<>();
              byProduct.forEach((p, u) -> tokens.put(p, u.tokens()));
              demands.add(new UserDemand(user, tokens, Pin.NONE));
            });
    OptimizationResult result =
        HybridOptimizer.solve(
            new HybridProblem(named, bundles, flexAllowed, packs.get(), OptionalLong.empty(), demands));
    if (result instanceof OptimizationResult.Infeasible infeasible) {
      why[0] = "no optimal plan: " + infeasible.reason();
      return Optional.empty();
    }
    Map<UserId, Set<ProductId>> flex = new HashMap<>();
    for (Assignment a : ((OptimizationResult.Solved) result).assignments()) {
      flex.put(a.user(), a.flex());
    }
    return Optional.of(flex);
  }
}
