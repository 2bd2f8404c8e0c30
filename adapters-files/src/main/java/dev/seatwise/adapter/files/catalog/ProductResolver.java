package dev.seatwise.adapter.files.catalog;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Maps the names products go by in the wild to catalog {@link ProductId}s: export names ("AutoCAD -
 * including specialized toolsets", "Autodesk Revit") through aliases, and FlexLM feature names
 * ({@code 87224ACD_2024_0F}) through regular expressions. This is adapter-side data read from the
 * same catalog YAML ({@code aliases}, {@code flexlmFeatures}); the domain never sees it.
 *
 * <p>Names match ignoring case and whitespace; a product's id and name always match it. Feature
 * patterns are tried in catalog order with {@link java.util.regex.Matcher#find()}; the first match
 * wins. Each match runs with a step budget ({@link BudgetedText#MAX_STEPS} character reads): a
 * pattern that backtracks catastrophically ({@code (.*a){12}$}) fails with a {@link
 * dev.seatwise.application.port.out.CatalogException} naming it instead of running for minutes,
 * and a match stops when its thread is interrupted (a cancelled web analysis). Immutable and
 * thread-safe (feature look-ups are memoised in a bounded concurrent cache);
 * no argument may be null and nothing returned is null.
 */
public final class ProductResolver {
  private static final int FEATURE_CACHE_LIMIT = 10_000;

  private final Map<String, ProductId> exact;
  private final Map<String, ProductId> normalized;
  private final List<FeaturePattern> features;
  private final Map<String, Optional<ProductId>> featureCache = new ConcurrentHashMap<>();

  private record FeaturePattern(Pattern pattern, ProductId product) {}

  private ProductResolver(
      Map<String, ProductId> exact,
      Map<String, ProductId> normalized,
      List<FeaturePattern> features) {
    this.exact = Map.copyOf(exact);
    this.normalized = Map.copyOf(normalized);
    this.features = List.copyOf(features);
  }

  /** A resolver knowing nothing: every lookup is empty. */
  public static ProductResolver empty() {
    return builder().build();
  }

  /** A resolver that knows the ids and names of every product and bundle of {@code history}. */
  public static ProductResolver of(CatalogHistory history) {
    Builder b = builder();
    for (Catalog c : history.versions()) {
      for (Product p : c.products()) {
        b.name(p.id().value(), p.id()).name(p.name(), p.id());
      }
      for (Bundle bu : c.bundles()) {
        b.name(bu.id().value(), bu.id()).name(bu.name(), bu.id());
      }
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The product or bundle called {@code name} (an id, name or alias, any case or spacing). */
  public Optional<ProductId> byName(String name) {
    requireNonNull(name, "name");
    ProductId id = exact.get(name);
    if (id == null) {
      id = normalized.get(normalize(name));
    }
    return Optional.ofNullable(id);
  }

  /** The product or bundle whose FlexLM feature pattern matches {@code feature}. */
  public Optional<ProductId> byFeature(String feature) {
    requireNonNull(feature, "feature");
    Optional<ProductId> cached = featureCache.get(feature);
    if (cached != null) {
      return cached;
    }
    Optional<ProductId> found = Optional.empty();
    for (FeaturePattern fp : features) {
      if (BudgetedText.find(fp.pattern(), feature, fp.product())) {
        found = Optional.of(fp.product());
        break;
      }
    }
    if (featureCache.size() < FEATURE_CACHE_LIMIT) {
      featureCache.put(feature, found);
    }
    return found;
  }

  /** How names are compared: lower case, whitespace removed. */
  public static String normalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00A0') {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ProductResolver[" + normalized.size() + " names, " + features.size() + " patterns]";
  }

  /**
   * Collects names and patterns. A name claimed by two different products is an error; the same
   * name for the same product twice is fine (versions of one catalog repeat their aliases).
   */
  public static final class Builder {
    private final Map<String, ProductId> exact = new HashMap<>();
    private final Map<String, ProductId> normalized = new LinkedHashMap<>();
    private final List<FeaturePattern> features = new ArrayList<>();
    private final Map<String, ProductId> patternsSeen = new HashMap<>();

    private Builder() {}

    /**
     * Adds a name (id, product name or alias) for {@code product}.
     *
     * @throws IllegalArgumentException if the name already belongs to another product
     */
    public Builder name(String name, ProductId product) {
      requireNonNull(name, "name");
      requireNonNull(product, "product");
      String key = normalize(name);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("blank alias for " + product);
      }
      ProductId before = normalized.putIfAbsent(key, product);
      if (before != null && !before.equals(product)) {
        throw new IllegalArgumentException(
            "name '" + name + "' is claimed by both " + before + " and " + product);
      }
      exact.putIfAbsent(name, product);
      return this;
    }

    /**
     * Adds a FlexLM feature pattern (a Java regular expression, matched with {@code find()}).
     *
     * @throws IllegalArgumentException if the pattern is not a valid regular expression
     */
    public Builder feature(String regex, ProductId product) {
      requireNonNull(regex, "regex");
      requireNonNull(product, "product");
      ProductId before = patternsSeen.putIfAbsent(regex, product);
      if (before != null) {
        if (!before.equals(product)) {
          throw new IllegalArgumentException(
              "feature pattern '" + regex + "' is claimed by both " + before + " and " + product);
        }
        return this;
      }
      features.add(new FeaturePattern(Pattern.compile(regex), product));
      return this;
    }

    public ProductResolver build() {
      return new ProductResolver(exact, normalized, features);
    }
  }
}
