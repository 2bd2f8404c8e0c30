package dev.seatwise.adapter.files.catalog;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seatwise.adapter.files.Limits;
import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.NetworkRetirement;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenPack;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the catalog YAML format (docs/catalog-format.md) into a {@link LoadedCatalog}. Every error
 * names the source, the line and the key path ({@code products[2].namedUser.annual}). Unknown keys
 * are errors too, so a typo ({@code flexTokenPerDay}) is caught rather than silently ignored.
 * Stateless and thread-safe.
 *
 * <p>The YAML is read in one streaming pass (Jackson's YAML parser over SnakeYAML) into a small tree
 * of its own ({@link YamlValue}) that holds what Jackson's tree model would (the same values, the
 * same text of each scalar), without building an {@code ObjectMapper}: a short command-line run
 * spent a good part of its start on the mapper.
 */
final class CatalogYamlParser {
  private static final Set<String> VERSION_KEYS =
      Set.of("vendor", "currency", "effective", "meter", "tokens", "flex", "products", "bundles",
          "networkRetirement", "notes", "source");
  private static final Set<String> TOP_KEYS = union(VERSION_KEYS, Set.of("versions"));
  private static final Set<String> PRODUCT_KEYS =
      Set.of("id", "name", "aliases", "flexlmFeatures", "namedUser", "flexTokensPerDay",
          "networkSeat", "covers", "notes", "source");
  private static final Set<String> RETIREMENT_KEYS =
      Set.of("renewalsEnd", "tradeInFrom", "tradeInEnds", "notes", "source");
  private static final Set<String> BUNDLE_KEYS =
      Set.of("id", "name", "aliases", "flexlmFeatures", "includes", "namedUser", "flexTokensPerDay",
          "notes", "source");
  private static final Set<String> PRICE_KEYS = Set.of("monthly", "annual", "threeYear");
  private static final Set<String> TOKENS_KEYS = Set.of("expiresAfter", "packs");
  private static final Set<String> PACK_KEYS = Set.of("size", "unitPrice");
  private static final Set<String> FLEX_KEYS = Set.of("window", "minimumBillable");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private final YAMLFactory factory;

  CatalogYamlParser() {
    this.factory =
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  LoadedCatalog parse(String yaml, String source) {
    Map<String, String> numbers = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    YamlValue root = read(yaml, source, lines, numbers);
    if (root == null || root.isNull()) {
      throw new CatalogException(source + ": the catalog is empty");
    }
    Ctx ctx = new Ctx(source, lines, numbers);
    Node top = new Node(root, "", ctx);
    if (!root.isObject()) {
      throw top.error("the catalog must be a mapping of keys (vendor, currency, products, ...)");
    }
    top.checkKeys(TOP_KEYS);
    ProductResolver.Builder resolver = ProductResolver.builder();
    List<Catalog> versions = new ArrayList<>();
    Map<LocalDate, Node> effectiveSeen = new HashMap<>();
    Optional<Node> versionList = top.opt("versions");
    if (versionList.isPresent()) {
      List<Node> items = versionList.get().list();
      if (items.isEmpty()) {
        throw versionList.get().error("must list at least one version");
      }
      for (Node v : items) {
        v.requireObject();
        v.checkKeys(VERSION_KEYS);
        Catalog c = version(new Scope(v, Optional.of(top)), resolver);
        Node before = effectiveSeen.put(c.effective(), v);
        if (before != null) {
          throw v.error("two versions are effective on " + c.effective() + " (the other is at line "
              + before.line() + ")");
        }
        versions.add(c);
      }
    } else {
      versions.add(version(new Scope(top, Optional.empty()), resolver));
    }
    CatalogHistory history;
    try {
      history = new CatalogHistory(versions);
    } catch (IllegalArgumentException e) {
      throw top.error(e.getMessage());
    }
    return new LoadedCatalog(source, history, resolver.build());
  }

  private Catalog version(Scope s, ProductResolver.Builder resolver) {
    String vendor = s.require("vendor").text();
    Node currencyNode = s.require("currency");
    Currency currency = currencyNode.as(() -> Currency.getInstance(currencyNode.text()),
        "not an ISO-4217 currency code such as USD or EUR: '"
            + Limits.quote(currencyNode.text()) + "'");
    Node effNode = s.require("effective");
    LocalDate effective = effNode.as(() -> LocalDate.parse(effNode.text()),
        "not an ISO date (YYYY-MM-DD)");
    if (effective.isBefore(Limits.EARLIEST_DATE) || effective.isAfter(Limits.LATEST_DATE)) {
      throw effNode.error(effective + " is outside the plausible dates " + Limits.EARLIEST_DATE
          + " to " + Limits.LATEST_DATE);
    }
    String meter = s.opt("meter").map(Node::text).orElse(Catalog.FLEX_WINDOW);

    Period expiry = Period.ofMonths(12);
    List<TokenPack> packs = new ArrayList<>();
    Optional<Node> tokens = s.opt("tokens");
    if (tokens.isPresent()) {
      Node t = tokens.get();
      t.requireObject();
      t.checkKeys(TOKENS_KEYS);
      Optional<Node> exp = t.opt("expiresAfter");
      if (exp.isPresent()) {
        Node e = exp.get();
        expiry = e.as(() -> Period.parse(e.text()), "not an ISO-8601 period such as P12M");
        if (expiry.isNegative() || expiry.isZero()
            || expiry.toTotalMonths() * 31 + expiry.getDays()
                > Limits.MAX_TOKEN_EXPIRY.toTotalMonths() * 31) {
          throw e.error("must be more than zero and at most " + Limits.MAX_TOKEN_EXPIRY + ", was "
              + expiry);
        }
      }
      for (Node p : t.opt("packs").map(Node::list).orElse(List.of())) {
        p.requireObject();
        p.checkKeys(PACK_KEYS);
        long size = p.require("size").wholeNumber();
        if (size <= 0 || size > Limits.MAX_PACK_SIZE) {
          throw p.require("size").error("pack size must be from 1 to " + Limits.MAX_PACK_SIZE
              + " but was " + size);
        }
        Node up = p.require("unitPrice");
        BigDecimal unit = up.decimal();
        packs.add(p.as(() -> new TokenPack(size, new UnitPrice(unit, currency)), "invalid pack"));
      }
    }

    MeteringParameters metering = MeteringParameters.FLEX_DEFAULTS;
    Optional<Node> flex = s.opt("flex");
    if (flex.isPresent()) {
      Node f = flex.get();
      f.requireObject();
      f.checkKeys(FLEX_KEYS);
      Duration window = f.opt("window").map(Node::duration)
          .orElse(MeteringParameters.FLEX_DEFAULTS.window());
      Duration minimum = f.opt("minimumBillable").map(Node::duration)
          .orElse(MeteringParameters.FLEX_DEFAULTS.minimumBillable());
      if (window.compareTo(Limits.MAX_WINDOW) > 0 || window.compareTo(Duration.ofMinutes(1)) < 0) {
        throw f.require("window").error("must be from PT1M to " + Limits.MAX_WINDOW + ", was "
            + window);
      }
      if (minimum.isNegative() || minimum.compareTo(window) > 0) {
        throw f.opt("minimumBillable").orElse(f).error("must be from PT0S to the window ("
            + window + "), was " + minimum);
      }
      metering = f.as(() -> new MeteringParameters(window, minimum), "invalid flex parameters");
    }

    List<Product> products = new ArrayList<>();
    Map<ProductId, Node> ids = new HashMap<>();
    Node productList = s.require("products");
    for (Node p : productList.list()) {
      p.requireObject();
      p.checkKeys(PRODUCT_KEYS);
      ProductId id = id(p);
      Node before = ids.put(id, p);
      if (before != null) {
        throw p.require("id").error("duplicate product id " + id + " (first at line "
            + before.line() + ")");
      }
      String name = p.opt("name").map(Node::text).orElse(id.value());
      Optional<Prices> named = p.opt("namedUser").map(n -> prices(n, currency));
      Optional<Long> rate = p.opt("flexTokensPerDay").map(Node::wholeNumber);
      Optional<Node> rateNode = p.opt("flexTokensPerDay");
      if (rate.isPresent() && (rate.get() < 0 || rate.get() > Limits.MAX_TOKENS_PER_DAY)
          && rateNode.isPresent()) {
        throw rateNode.get().error("must be from 0 to " + Limits.MAX_TOKENS_PER_DAY + " but was "
            + rate.get());
      }
      Optional<Prices> network = p.opt("networkSeat").map(n -> prices(n, currency));
      products.add(p.as(() -> new Product(id, name, named, rate, network), "invalid product"));
      names(p, id, name, resolver);
    }

    Covers covers = covers(productList, ids);
    NetworkRetirement retirement =
        s.opt("networkRetirement").map(CatalogYamlParser::retirement).orElse(NetworkRetirement.NONE);

    List<Bundle> bundles = new ArrayList<>();
    for (Node b : s.opt("bundles").map(Node::list).orElse(List.of())) {
      b.requireObject();
      b.checkKeys(BUNDLE_KEYS);
      ProductId id = id(b);
      if (ids.containsKey(id)) {
        throw b.require("id").error("bundle id " + id + " clashes with a product id");
      }
      ids.put(id, b);
      String name = b.opt("name").map(Node::text).orElse(id.value());
      Node inc = b.require("includes");
      Set<ProductId> includes = new LinkedHashSet<>();
      for (Node i : inc.list()) {
        ProductId member = ProductId.of(i.text());
        Node target = ids.get(member);
        if (target == null || products.stream().noneMatch(pr -> pr.id().equals(member))) {
          throw i.error("bundle " + id + " includes unknown product " + member);
        }
        includes.add(member);
      }
      if (includes.isEmpty()) {
        throw inc.error("bundle " + id + " includes nothing");
      }
      Prices named = prices(b.require("namedUser"), currency);
      Optional<Node> bundleRateNode = b.opt("flexTokensPerDay");
      Optional<Long> bundleRate = bundleRateNode.map(Node::wholeNumber);
      if (bundleRate.isPresent() && bundleRate.get() < 0) {
        throw bundleRateNode.get().error("must be >= 0 but was " + bundleRate.get());
      }
      bundles.add(
          b.as(() -> new Bundle(id, name, includes, named, bundleRate), "invalid bundle"));
      names(b, id, name, resolver);
    }
    Period tokenExpiry = expiry;
    MeteringParameters meteringParameters = metering;
    return productList.as(
        () -> new Catalog(vendor, currency, effective, meter, meteringParameters, tokenExpiry, packs,
            products, bundles, covers, retirement),
        "invalid catalog");
  }

  /** {@code products[].covers}: ids of this version's products; no product may cover itself. */
  private static Covers covers(Node productList, Map<ProductId, Node> products) {
    Map<ProductId, Set<ProductId>> direct = new java.util.TreeMap<>();
    for (Node p : productList.list()) {
      Optional<Node> list = p.opt("covers");
      if (list.isEmpty()) {
        continue;
      }
      ProductId by = id(p);
      for (Node c : list.get().list()) {
        ProductId covered = c.as(() -> ProductId.of(c.text()), "not a valid id");
        if (!products.containsKey(covered)) {
          throw c.error("product " + by + " covers unknown product " + covered);
        }
        if (covered.equals(by)) {
          throw c.error("product " + by + " cannot cover itself");
        }
        direct.computeIfAbsent(by, k -> new LinkedHashSet<>()).add(covered);
      }
    }
    return productList.as(() -> Covers.of(direct), "invalid covers");
  }

  private static NetworkRetirement retirement(Node n) {
    n.requireObject();
    n.checkKeys(RETIREMENT_KEYS);
    Optional<LocalDate> renewalsEnd = n.opt("renewalsEnd").map(CatalogYamlParser::date);
    Optional<LocalDate> from = n.opt("tradeInFrom").map(CatalogYamlParser::date);
    Optional<LocalDate> ends = n.opt("tradeInEnds").map(CatalogYamlParser::date);
    return n.as(() -> new NetworkRetirement(renewalsEnd, from, ends), "invalid network retirement");
  }

  private static LocalDate date(Node n) {
    return n.as(() -> LocalDate.parse(n.text()), "not an ISO date (YYYY-MM-DD)");
  }

  private static ProductId id(Node item) {
    Node idNode = item.require("id");
    return idNode.as(() -> ProductId.of(idNode.text()), "not a valid id");
  }

  private static void names(Node item, ProductId id, String name, ProductResolver.Builder r) {
    item.as(() -> r.name(id.value(), id).name(name, id), "name clash");
    for (Node alias : item.opt("aliases").map(Node::list).orElse(List.of())) {
      alias.as(() -> r.name(alias.text(), id), "alias clash");
    }
    for (Node f : item.opt("flexlmFeatures").map(Node::list).orElse(List.of())) {
      String regex = f.text();
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw f.error("not a valid regular expression: " + e.getDescription());
      }
      f.as(() -> r.feature(regex, id), "pattern clash");
    }
  }

  private static Prices prices(Node n, Currency currency) {
    n.requireObject();
    n.checkKeys(PRICE_KEYS);
    Map<Term, Money> byTerm = new EnumMap<>(Term.class);
    price(n, "monthly", Term.MONTHLY, currency, byTerm);
    price(n, "annual", Term.ANNUAL, currency, byTerm);
    price(n, "threeYear", Term.THREE_YEAR, currency, byTerm);
    if (!byTerm.containsKey(Term.ANNUAL)) {
      throw n.error("an annual price is required (key 'annual')");
    }
    return n.as(() -> new Prices(byTerm), "invalid prices");
  }

  private static void price(Node n, String key, Term term, Currency c, Map<Term, Money> out) {
    Optional<Node> v = n.opt(key);
    if (v.isPresent()) {
      BigDecimal amount = v.get().decimal();
      out.put(term, v.get().as(() -> new Money(amount, c), "not a valid " + c + " amount"));
    }
  }

  /**
   * The first document's value (null when there is none), read in one streaming pass over the whole
   * text, which also notes the line of every key, list item and value by JSON pointer in {@code
   * lines}, and the text of every number as written under its pointer in {@code numbers}.
   */
  /** The first document's value, or null (for the tests). */
  YamlValue tree(String yaml) {
    return read(yaml, "(test)", new HashMap<>(), new HashMap<>());
  }

  private YamlValue read(
      String yaml, String source, Map<String, Integer> lines, Map<String, String> numbers) {
    try (JsonParser p = factory.createParser(yaml)) {
      Tokens tokens = new Tokens(p, lines, numbers);
      JsonToken first = tokens.next();
      YamlValue root = first == null ? null : YamlValue.read(tokens, first);
      while (tokens.next() != null) {
        // later documents: read (as before) for their syntax errors only
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntax(source, e);
    } catch (IOException e) {
      throw new CatalogException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The parser's tokens, each noted (line, number text) as it is read. */
  private static final class Tokens {
    final JsonParser p;
    private final Map<String, Integer> lines;
    private final Map<String, String> numbers;

    Tokens(JsonParser p, Map<String, Integer> lines, Map<String, String> numbers) {
      this.p = p;
      this.lines = lines;
      this.numbers = numbers;
    }

    JsonToken next() throws IOException {
      JsonToken t = p.nextToken();
      if (t != null) {
        JsonLocation loc = p.currentTokenLocation();
        String pointer = p.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(pointer, loc.getLineNr());
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
          numbers.putIfAbsent(pointer, p.getText());
        }
      }
      return t;
    }
  }

  /**
   * A YAML value as Jackson's tree model holds it (with floats as decimals): a mapping (keys in
   * order), a list, or a scalar with the text that model's {@code asText()} gives (a float's
   * decimal without trailing zeros, {@code 0} for zero; a whole number's value; {@code true} or
   * {@code false}; {@code null}; binary as base64).
   */
  static final class YamlValue {
    private static final List<YamlValue> NO_ITEMS = List.of();

    final JsonToken kind;
    final Map<String, YamlValue> fields;
    final List<YamlValue> items;
    final String text;

    private YamlValue(
        JsonToken kind, Map<String, YamlValue> fields, List<YamlValue> items, String text) {
      this.kind = kind;
      this.fields = fields;
      this.items = items;
      this.text = text;
    }

    /** The value that starts at {@code t}, the current token; ends on its last token. */
    static YamlValue read(Tokens tokens, JsonToken t) throws IOException {
      JsonParser p = tokens.p;
      if (t == null) {
        throw new JsonParseException(p, "unexpected end of input");
      }
      switch (t) {
        case START_OBJECT: {
          Map<String, YamlValue> fields = new LinkedHashMap<>();
          for (JsonToken n = tokens.next(); n != JsonToken.END_OBJECT; n = tokens.next()) {
            String name = p.currentName();
            fields.put(name, read(tokens, tokens.next()));
          }
          return new YamlValue(JsonToken.START_OBJECT, fields, NO_ITEMS, "");
        }
        case START_ARRAY: {
          List<YamlValue> items = new ArrayList<>();
          for (JsonToken n = tokens.next(); n != JsonToken.END_ARRAY; n = tokens.next()) {
            items.add(read(tokens, n));
          }
          return new YamlValue(JsonToken.START_ARRAY, Map.of(), items, "");
        }
        case VALUE_NUMBER_INT:
          return scalar(t, String.valueOf(p.getNumberValue()));
        case VALUE_NUMBER_FLOAT:
          if (p.isNaN()) {
            return scalar(t, String.valueOf(p.getDoubleValue()));
          }
          BigDecimal d = p.getDecimalValue();
          return scalar(t, d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
        case VALUE_TRUE:
          return scalar(t, "true");
        case VALUE_FALSE:
          return scalar(t, "false");
        case VALUE_NULL:
          return scalar(t, "null");
        case VALUE_EMBEDDED_OBJECT: {
          Object o = p.getEmbeddedObject();
          if (o == null) {
            return scalar(JsonToken.VALUE_NULL, "null");
          }
          return scalar(t, o instanceof byte[] b
              ? Base64Variants.getDefaultVariant().encode(b, false) : o.toString());
        }
        default:
          return scalar(t, p.getText());
      }
    }

    private static YamlValue scalar(JsonToken kind, String text) {
      return new YamlValue(kind, Map.of(), NO_ITEMS, text);
    }

    boolean isObject() {
      return kind == JsonToken.START_OBJECT;
    }

    boolean isArray() {
      return kind == JsonToken.START_ARRAY;
    }

    boolean isNull() {
      return kind == JsonToken.VALUE_NULL;
    }

    boolean isValueNode() {
      return !isObject() && !isArray();
    }

    boolean isNumber() {
      return kind == JsonToken.VALUE_NUMBER_INT || kind == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** A member of a mapping; null for a missing key or when this is no mapping. */
    YamlValue get(String key) {
      return fields.get(key);
    }

    String asText() {
      return text;
    }
  }

  private static CatalogException syntax(String source, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String where = loc == null ? "" : ": line " + loc.getLineNr();
    return new CatalogException(
        source + where + ": not valid YAML: " + e.getOriginalMessage(), e);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private record Ctx(String source, Map<String, Integer> lines, Map<String, String> numbers) {}

  /** A version's keys, falling back to the top level's in a multi-version file. */
  private record Scope(Node own, Optional<Node> defaults) {
    Optional<Node> opt(String key) {
      Optional<Node> v = own.opt(key);
      return v.isPresent() ? v : defaults.flatMap(d -> d.opt(key));
    }

    Node require(String key) {
      return opt(key).orElseThrow(() -> own.error("missing required key '" + key + "'"));
    }
  }

  /** A YAML node with its pointer, so that errors can name key and line. */
  private static final class Node {
    private final YamlValue json;
    private final String pointer;
    private final Ctx ctx;

    Node(YamlValue json, String pointer, Ctx ctx) {
      this.json = json;
      this.pointer = pointer;
      this.ctx = ctx;
    }

    int line() {
      String p = pointer;
      while (true) {
        Integer l = ctx.lines().get(p);
        if (l != null) {
          return l;
        }
        if (p.isEmpty()) {
          return 1;
        }
        p = p.substring(0, p.lastIndexOf('/'));
      }
    }

    /** {@code products[2].namedUser.annual}, or {@code (top level)}. */
    String key() {
      if (pointer.isEmpty()) {
        return "(top level)";
      }
      StringBuilder sb = new StringBuilder();
      for (String part : pointer.substring(1).split("/", -1)) {
        String name = part.replace("~1", "/").replace("~0", "~");
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          sb.append('[').append(name).append(']');
        } else {
          sb.append(sb.length() == 0 ? "" : ".").append(name);
        }
      }
      return sb.toString();
    }

    CatalogException error(String message) {
      return new CatalogException(ctx.source() + ": line " + line() + ": " + key() + ": " + message);
    }

    void requireObject() {
      if (!json.isObject()) {
        throw error("must be a mapping (key: value), was " + describe());
      }
    }

    void checkKeys(Set<String> allowed) {
      for (String k : json.fields.keySet()) {
        if (!allowed.contains(k)) {
          throw child(k).error("unknown key '" + k + "'; allowed here: " + new java.util.TreeSet<>(allowed));
        }
      }
    }

    private Node child(String key) {
      return new Node(json.get(key), pointer + "/" + key.replace("~", "~0").replace("/", "~1"), ctx);
    }

    Optional<Node> opt(String key) {
      YamlValue v = json.get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      return Optional.of(child(key));
    }

    Node require(String key) {
      return opt(key).orElseThrow(() -> error("missing required key '" + key + "'"));
    }

    List<Node> list() {
      if (!json.isArray()) {
        throw error("must be a list, was " + describe());
      }
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < json.items.size(); i++) {
        items.add(new Node(json.items.get(i), pointer + "/" + i, ctx));
      }
      return items;
    }

    String text() {
      if (!json.isValueNode()) {
        throw error("must be a single value, was " + describe());
      }
      String t = json.asText().strip();
      if (t.isEmpty()) {
        throw error("must not be blank");
      }
      return t;
    }

    long wholeNumber() {
      String t = text();
      try {
        return new BigDecimal(t).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw error("must be a whole number, was '" + Limits.quote(t) + "'");
      }
    }

    /** A decimal amount; quoted ("2030.00") or plain (2030.00), never in exponent notation. */
    BigDecimal decimal() {
      String written = ctx.numbers().get(pointer);
      String t = json.isNumber()
          ? (written != null ? written.strip() : new BigDecimal(json.asText()).toPlainString())
          : text();
      if (!DECIMAL.matcher(t).matches()) {
        throw error("must be a decimal amount such as \"2030.00\" (no exponent), was '"
            + Limits.quote(t) + "'");
      }
      BigDecimal v = new BigDecimal(t);
      if (v.compareTo(Limits.MAX_PRICE) > 0 || v.scale() > Limits.MAX_PRICE_SCALE) {
        throw error("must be at most " + Limits.MAX_PRICE.toPlainString() + " with at most "
            + Limits.MAX_PRICE_SCALE + " decimal places, was '" + Limits.quote(t) + "'");
      }
      return v;
    }

    Duration duration() {
      String t = text();
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw error("not an ISO-8601 duration such as PT24H, was '" + t + "'");
      }
    }

    /** Runs a domain constructor, reporting its complaint at this node's key and line. */
    <T> T as(Supplier<T> make, String what) {
      try {
        return make.get();
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        throw error(what + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }

    private String describe() {
      if (json.isObject()) {
        return "a mapping";
      }
      if (json.isArray()) {
        return "a list";
      }
      return "'" + json.asText() + "'";
    }
  }
}
