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
import java.util.OptionalLong;

/**
 * One effective-dated version of a vendor's price list and metering rules. {@code meter} names the
 * metering plug-in that applies (e.g. {@code flex-window}); vendors are data, not code. {@code
 * covers} says which products' use another product covers (AutoCAD covers AutoCAD LT), {@code
 * networkRetirement} when network licences stopped renewing and when a trade-in was open. Code that
 * rebuilds a catalog with other prices uses the {@code with...} methods, which carry every other
 * component. Immutable and thread-safe; nothing is null.
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
    List<Bundle> bundles,
    Covers covers,
    NetworkRetirement networkRetirement) {

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
    checkNotNull(covers, "covers");
    checkNotNull(networkRetirement, "networkRetirement");
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
    for (ProductId p : covers.products()) {
      checkArgument(byId.containsKey(p), "covers names unknown product %s", p);
    }
    for (TokenPack pack : packs) {
      checkArgument(
          pack.unitPrice().currency().equals(currency), "pack %s is not in %s", pack, currency);
    }
  }

  /** A version where no product covers another and no network retirement is stated. */
  public Catalog(
      String vendor,
      Currency currency,
      LocalDate effective,
      String meter,
      MeteringParameters metering,
      Period tokenExpiry,
      List<TokenPack> packs,
      List<Product> products,
      List<Bundle> bundles) {
    this(vendor, currency, effective, meter, metering, tokenExpiry, packs, products, bundles,
        Covers.NONE, NetworkRetirement.NONE);
  }

  /** This version with other token packs, everything else carried. */
  public Catalog withPacks(List<TokenPack> newPacks) {
    return new Catalog(vendor, currency, effective, meter, metering, tokenExpiry, newPacks, products,
        bundles, covers, networkRetirement);
  }

  /** This version with other products and bundles (same ids for covers), everything else carried. */
  public Catalog withOfferings(List<Product> newProducts, List<Bundle> newBundles) {
    return new Catalog(vendor, currency, effective, meter, metering, tokenExpiry, packs, newProducts,
        newBundles, covers, networkRetirement);
  }

  /** This version with the given covers relation. */
  public Catalog withCovers(Covers newCovers) {
    return new Catalog(vendor, currency, effective, meter, metering, tokenExpiry, packs, products,
        bundles, newCovers, networkRetirement);
  }

  /** This version with the given network-retirement dates. */
  public Catalog withNetworkRetirement(NetworkRetirement retirement) {
    return new Catalog(vendor, currency, effective, meter, metering, tokenExpiry, packs, products,
        bundles, covers, retirement);
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
   * The Flex tokens one access window of {@code id} costs when nothing else is known: a product's
   * token rate (0 when it has none); for a checkout of a collection, whose member product is not
   * recorded, the collection's stated {@code flexTokensPerDay}, else its dearest member's rate
   * (members without a rate count 0). The meter refines a collection's rate per window by the
   * members the user was seen using ({@link dev.seatwise.domain.metering.CollectionPricing}).
   * Empty when the catalog offers no such product or bundle.
   */
  public OptionalLong flexRate(ProductId id) {
    Optional<Product> p = product(id);
    if (p.isPresent()) {
      return OptionalLong.of(p.get().tokenRate().orElse(0L));
    }
    Optional<Bundle> b = bundle(id);
    if (b.isEmpty()) {
      return OptionalLong.empty();
    }
    if (b.get().flexTokensPerDay().isPresent()) {
      return OptionalLong.of(b.get().flexTokensPerDay().get());
    }
    long dearest = 0;
    for (ProductId member : b.get().includes()) {
      dearest = Math.max(dearest, product(member).flatMap(Product::tokenRate).orElse(0L));
    }
    return OptionalLong.of(dearest);
  }

  /**
   * This catalog with {@code tokens} stated as the Flex rate of one window of a checkout of the
   * collection {@code bundle}.
   *
   * @throws IllegalArgumentException if the catalog has no such bundle
   */
  public Catalog withCollectionRate(ProductId bundle, long tokens) {
    checkArgument(bundle(bundle).isPresent(), "no collection %s in the %s catalog", bundle, vendor);
    List<Bundle> changed = new java.util.ArrayList<>();
    for (Bundle b : bundles) {
      changed.add(b.id().equals(bundle) ? b.withFlexTokensPerDay(tokens) : b);
    }
    return new Catalog(vendor, currency, effective, meter, metering, tokenExpiry, packs, products, changed);
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
