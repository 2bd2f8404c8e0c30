package dev.seatwise.application.service;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.optimize.Assignment;
import dev.seatwise.domain.optimize.BundleOffer;
import dev.seatwise.domain.optimize.HybridOptimizer;
import dev.seatwise.domain.optimize.HybridProblem;
import dev.seatwise.domain.optimize.OptimizationResult;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.optimize.ScheduledMixSearch;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.plan.PlanPeriod;
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
 * The products the compare optimiser leaves each user on Flex (the {@code optimal} scenario of
 * {@code compare} with no pins, exclusions or token cap), over an analysed period: named and bundle
 * prices pro-rated to its days; the exact optimum ({@link HybridOptimizer}) of the single-purchase
 * relaxation ({@link ScheduledMixSearch#relaxation}), improved under purchase schedules ({@link
 * ScheduledMixSearch#improve}, its default budget) when the usage has dated windows. The rules are
 * the domain's; this only builds the problem as {@code compare} does.
 */
final class OptimalFlex {
  private OptimalFlex() {}

  /**
   * Each user's products on Flex in the optimum; empty when there is none (no token packs, a
   * capacity meter, or the optimiser finds the problem infeasible: {@code why[0]} says which).
   */
  static Optional<Map<UserId, Set<ProductId>>> of(
      UsageAnalysis analysis, CatalogHistory catalogs, String[] why) {
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
    HybridProblem relaxation =
        ScheduledMixSearch.relaxation(
            new HybridProblem(named, bundles, flexAllowed, packs.get(), OptionalLong.empty(), demands),
            catalogs);
    OptimizationResult result = HybridOptimizer.solve(relaxation);
    if (result instanceof OptimizationResult.Infeasible infeasible) {
      why[0] = "no optimal plan: " + infeasible.reason();
      return Optional.empty();
    }
    OptimizationResult.Solved relaxed = (OptimizationResult.Solved) result;
    if (!analysis.hasSummaries()) {
      // as compare: the relaxation's optimum improved under purchase schedules
      AnalysisPeriod h = analysis.period();
      try {
        return Optional.of(
            ScheduledMixSearch.improve(
                    relaxation, relaxed, analysis.flexMetering().charges(),
                    new PlanPeriod(h.from(), h.to(), h.zone()), catalogs,
                    ScheduledMixSearch.DEFAULT_BUDGET)
                .onFlex());
      } catch (IllegalArgumentException e) {
        // no schedule can be made: the relaxation's optimum stands
      }
    }
    Map<UserId, Set<ProductId>> flex = new HashMap<>();
    for (Assignment a : relaxed.assignments()) {
      flex.put(a.user(), a.flex());
    }
    return Optional.of(flex);
  }
}
