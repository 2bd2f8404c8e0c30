package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One effective-dated version of a vendor's price list and metering rules. {@code meter} names the
 * metering plug-in that applies (e.g. {@code flex-window}); vendors are data, not code. Immutable
 * and thread-safe; nothing is null.
 */
public record Catalog(
    String vendor,
    Currency currency,
    LocalDate effective,
    String meter,
    MeteringParameters metering,
    Period tokenExpiry,
    List<TokenPack> packs,
    List<Product> products,
    List<Bundle> bundles) {

  public static final String FLEX_WINDOW = "flex-window";

  public Catalog {
    checkNotNull(vendor, "vendor");
    checkNotNull(currency, "currency");
    checkNotNull(effective, "effective");
    checkNotNull(meter, "meter");
    checkNotNull(metering, "metering");
    checkNotNull(tokenExpiry, "tokenExpiry");
    packs = List.copyOf(packs);
    products = List.copyOf(products);
    bundles = List.copyOf(bundles);
    Map<ProductId, Product> byId = new LinkedHashMap<>();
    for (Product p : products) {
      checkArgument(byId.put(p.id(), p) == null, "duplicate product %s", p.id());
      p.namedUser().ifPresent(pr -> checkCurrency(currency, pr.annual(), p.id()));
      p.networkSeat().ifPresent(pr -> checkCurrency(currency, pr.annual(), p.id()));
    }
    for (Bundle b : bundles) {
      checkArgument(!byId.containsKey(b.id()), "bundle %s clashes with a product id", b.id());
      checkCurrency(currency, b.namedUser().annual(), b.id());
      for (ProductId inc : b.includes()) {
        checkArgument(byId.containsKey(inc), "bundle %s includes unknown product %s", b.id(), inc);
      }
    }
    for (TokenPack pack : packs) {
      checkArgument(
          pack.unitPrice().currency().equals(currency), "pack %s is not in %s", pack, currency);
    }
  }

  private static void checkCurrency(Currency currency, Money m, ProductId id) {
    checkArgument(m.currency().equals(currency), "price of %s is not in %s: %s", id, currency, m);
  }

  public Optional<Product> product(ProductId id) {
    for (Product p : products) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public Product requireProduct(ProductId id) {
    return product(id).orElseThrow(() -> new IllegalArgumentException("unknown product " + id));
  }

  public Optional<Bundle> bundle(ProductId id) {
    for (Bundle b : bundles) {
      if (b.id().equals(id)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code id} names a product or a bundle (collection) of this catalog. */
  public boolean offers(ProductId id) {
    return product(id).isPresent() || bundle(id).isPresent();
  }

  /**
   * The Flex tokens one access window of {@code id} costs: a product's token rate (0 when it has
   * none); for a collection checkout, whose member product is not recorded, the dearest member's
   * rate (members without a rate count 0). Empty when the catalog offers no such product or bundle.
   */
  public java.util.OptionalLong flexRate(ProductId id) {
    Optional<Product> p = product(id);
    if (p.isPresent()) {
      return java.util.OptionalLong.of(p.get().tokenRate().orElse(0L));
    }
    Optional<Bundle> b = bundle(id);
    if (b.isEmpty()) {
      return java.util.OptionalLong.empty();
    }
    long dearest = 0;
    for (ProductId member : b.get().includes()) {
      dearest = Math.max(dearest, product(member).flatMap(Product::tokenRate).orElse(0L));
    }
    return java.util.OptionalLong.of(dearest);
  }

  /**
   * Whether use of {@code id} can be charged in Flex tokens: a product with a token rate, or a
   * collection with at least one such member (its checkouts are priced by {@link #flexRate}).
   */
  public boolean isOnFlex(ProductId id) {
    Optional<Product> p = product(id);
    if (p.isPresent()) {
      return p.get().isOnFlex();
    }
    return bundle(id)
        .map(b -> b.includes().stream().anyMatch(m -> product(m).map(Product::isOnFlex).orElse(false)))
        .orElse(false);
  }

  /** The pack pricing of this catalog; empty when it sells no packs. */
  public Optional<PackPricing> packPricing() {
    return packs.isEmpty() ? Optional.empty() : Optional.of(PackPricing.of(packs));
  }

  public Money zero() {
    return Money.zero(currency);
  }
}
