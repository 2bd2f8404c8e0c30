package dev.seatwise.domain.optimize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
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
 * An instance of the cheapest-hybrid problem. {@code namedCost} is the period cost of one named
 * subscription per product (absent: not sold alone); {@code flexAllowed} are the products that may
 * go on Flex; {@code tokenCap}, if present, bounds the total Flex tokens charged. Immutable; nothing
 * is null.
 */
public record HybridProblem(
    Map<ProductId, Money> namedCost,
    List<BundleOffer> bundles,
    Set<ProductId> flexAllowed,
    PackPricing packs,
    OptionalLong tokenCap,
    List<UserDemand> users) {

  public HybridProblem {
    namedCost = Map.copyOf(namedCost);
    bundles = List.copyOf(bundles);
    flexAllowed = Set.copyOf(flexAllowed);
    checkNotNull(packs, "packs");
    checkNotNull(tokenCap, "tokenCap");
    users = List.copyOf(users);
    tokenCap.ifPresent(c -> checkArgument(c >= 0, "token cap must be >= 0"));
    for (Money m : namedCost.values()) {
      checkArgument(m.currency().equals(packs.currency()), "named cost %s not in pack currency", m);
    }
    for (UserDemand u : users) {
      for (Money m : u.namedCost().values()) {
        checkArgument(
            m.currency().equals(packs.currency()),
            "named cost %s of %s not in pack currency",
            m,
            u.user());
      }
    }
  }

  /**
   * The problem at {@code catalog}'s annual prices: a named subscription for every product the
   * catalog sells one for, the given bundles at their annual named-user price, Flex for every
   * product on Flex, the given token packs, and no token cap.
   */
  public static HybridProblem atAnnualPrices(
      Catalog catalog, List<Bundle> bundles, List<TokenPack> packs, List<UserDemand> users) {
    Map<ProductId, Money> named = new HashMap<>();
    Set<ProductId> flex = new HashSet<>();
    for (Product p : catalog.products()) {
      p.namedUser().ifPresent(pr -> named.put(p.id(), pr.annual()));
      if (p.isOnFlex()) {
        flex.add(p.id());
      }
    }
    for (Bundle b : catalog.bundles()) {
      if (catalog.isOnFlex(b.id())) {
        flex.add(b.id()); // a collection checkout on Flex, priced by Catalog.flexRate
      }
    }
    List<BundleOffer> offers = new ArrayList<>();
    for (Bundle b : bundles) {
      offers.add(new BundleOffer(b.id(), b.coverage(), b.namedUser().annual()));
    }
    return new HybridProblem(
        named, offers, flex, PackPricing.of(packs), OptionalLong.empty(), users);
  }

  public HybridProblem withUsers(List<UserDemand> others) {
    return new HybridProblem(namedCost, bundles, flexAllowed, packs, tokenCap, others);
  }

  public HybridProblem withAllPinned(Pin pin) {
    return withUsers(users.stream().map(u -> u.withPin(pin)).toList());
  }

  public HybridProblem withTokenCap(long cap) {
    return new HybridProblem(namedCost, bundles, flexAllowed, packs, OptionalLong.of(cap), users);
  }
}
