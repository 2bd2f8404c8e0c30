package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalAction.Kind;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.port.in.ReviewRenewalsUseCase;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.DoubleCharge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.BreakEven;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reviews today's plan against the usage of a history, as of a date. Usage is scaled to a year (x
 * 365 / the history's days) and Flex is priced at the best price per token of any pack (the
 * marginal price of a large purchase), so every figure is an estimate for one change at a time:
 *
 * <ul>
 *   <li><b>idle seats</b>: an assigned seat whose user has used none of its products for the idle
 *       threshold (or never, in the data) saves its price (negotiated, else catalog) at its renewal;
 *   <li><b>break-even</b> ({@link BreakEven}): a Flex user whose yearly windows cost more than the
 *       product's named price should buy the seat (now); a named user whose windows would cost less
 *       on Flex should let the seat lapse (at its renewal);
 *   <li><b>bundles</b>: a user of two or more of a bundle's products whose current cost of them
 *       (seats held, else Flex) exceeds the bundle's price, and for whom the bundle also beats the
 *       cheaper of named and Flex per product, should take the bundle (at the latest renewal of the
 *       seats it replaces); a bundle holder who used only one of its products should drop it for
 *       that product's seat or Flex, whichever is cheaper (at the bundle's renewal);
 *   <li><b>double charges</b> ({@link DoubleCharge}): a Flex window of a product opened while the
 *       same user had a window open of a product that the catalog says covers it (AutoCAD covers
 *       AutoCAD LT); those windows were charged twice, saving their tokens (now). Two unrelated
 *       products used on one day are two legitimate charges;
 *   <li><b>idle burn</b>: sessions longer than the access window; the windows opened inside them
 *       after the first are counted as idle burn (now);
 *   <li><b>expiring lots</b>: lots that expire within the window, replayed through the ledger with
 *       the history's charges and then the mean daily burn; the tokens left at expiry are at stake.
 * </ul>
 *
 * Stateless apart from its ports; thread-safe when they are.
 */
public final class ReviewRenewalsService implements ReviewRenewalsUseCase {
  private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final EntitlementsPort entitlements;
  private final MeterRegistry meters;

  /** A service with the standard meters (Flex access windows, network seats). */
  public ReviewRenewalsService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements) {
    this(usage, catalog, entitlements, MeterRegistry.standard());
  }

  /** A service with the given meters (e.g. the standard ones plus service-loaded plug-ins). */
  public ReviewRenewalsService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements, MeterRegistry meters) {
    this.usage = checkNotNull(usage, "usage");
    this.catalogs = checkNotNull(catalog, "catalog");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.meters = checkNotNull(meters, "meters");
  }

  @Override
  public RenewalReview review(ReviewRenewalsQuery query) {
    checkNotNull(query, "query");
    ImportedUsage imported = usage.usage();
    UsageAnalysis analysis = UsageAnalysis.of(imported, catalogs, query.history(), meters);
    Review r = new Review(query, imported, analysis, catalogs, entitlements.entitlements());
    r.seats();
    r.flexAboveBreakEven();
    r.bundles();
    r.doubleCharges();
    r.longSessions();
    r.expiringLots();
    r.actions.sort(RenewalAction.BY_SAVING);
    return new RenewalReview(
        query.asOf(), analysis.period(), query.idleDays(), r.tokenPrice, r.actions, r.notes);
  }

  /** One review's working state. */
  private static final class Review {
    final ReviewRenewalsQuery query;
    final LocalDate asOf;
    final AnalysisPeriod history;
    final ZoneId zone;
    final Catalog prices;
    final Catalog rates;
    final Entitlements held;
    final Coverage coverage;
    final Optional<UnitPrice> tokenPrice;
    final Map<UserId, Map<ProductId, ProductUsage>> byUser;
    final List<Charge> flexCharges;
    final List<Session> sessions;
    final Map<UserId, Map<ProductId, LocalDate>> lastUsed = new TreeMap<>();
    final Map<UserId, Set<ProductId>> assigned = new TreeMap<>();
    final Set<UserId> bundleHolders = new TreeSet<>();
    final List<RenewalAction> actions = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final long days;

    Review(
        ReviewRenewalsQuery query,
        ImportedUsage imported,
        UsageAnalysis analysis,
        CatalogHistory catalogs,
        Entitlements held) {
      this.query = query;
      this.asOf = query.asOf();
      this.history = analysis.period();
      this.zone = history.zone();
      this.rates = analysis.catalog();
      this.prices = catalogs.versionOn(asOf).orElse(rates);
      this.held = held;
      this.coverage = held.coverage(prices);
      this.tokenPrice = prices.packPricing().map(PackPricing::bestUnitPrice);
      this.byUser = analysis.byUser();
      this.flexCharges =
          FlexBurn.within(FlexBurn.uncovered(analysis.flexMetering().charges(), coverage), history);
      this.sessions = analysis.usage().sessions();
      this.days = history.days();
      for (SeatAssignment a : held.assignments()) {
        assigned.computeIfAbsent(a.user(), u -> new TreeSet<>()).add(a.offering());
        if (prices.bundle(a.offering()).isPresent()) {
          bundleHolders.add(a.user());
        }
      }
      lastUse(imported);
      if (tokenPrice.isEmpty()) {
        notes.add("the catalog sells no token packs: Flex alternatives are not priced");
      }
      if (analysis.isCapacityMetered()) {
        notes.add(
            "the catalog's meter (" + rates.meter() + ") sizes a pool rather than charging per"
                + " use: only seat actions apply");
      }
      if (analysis.hasSummaries()) {
        notes.add(
            "aggregated usage reports count one window per day used; their windows cannot be"
                + " checked for overlaps or long sessions");
      }
    }

    private void lastUse(ImportedUsage imported) {
      Instant cutoff = asOf.atStartOfDay(zone).toInstant();
      for (Session s : imported.log().sessions()) {
        if (s.start().isBefore(cutoff)) {
          Instant last = s.end().equals(s.start()) ? s.end() : s.end().minusNanos(1);
          LocalDate d = (last.isBefore(cutoff) ? last : cutoff.minusNanos(1)).atZone(zone).toLocalDate();
          used(s.user(), s.product(), d);
        }
      }
      for (DailyUsage d : imported.log().days()) {
        if (d.day().isBefore(asOf)) {
          used(d.user(), d.product(), d.day());
        }
      }
      for (UsageSummary s : imported.summaries()) {
        s.lastAccessed().filter(d -> d.isBefore(asOf)).ifPresent(d -> used(s.user(), s.product(), d));
      }
    }

    private void used(UserId user, ProductId product, LocalDate day) {
      lastUsed.computeIfAbsent(user, u -> new TreeMap<>()).merge(product, day, (a, b) -> a.isAfter(b) ? a : b);
    }

    // ---- seats held: idle, below break-even, bundles used for one product

    void seats() {
      Set<SeatAssignment> seen = new LinkedHashSet<>(held.assignments());
      Set<ProductId> ended = new java.util.TreeSet<>();
      for (SeatAssignment a : seen) {
        Optional<Subscription> expired = endedBeforeAsOf(a.offering());
        if (expired.isPresent()) {
          // an expired subscription holds no seat: there is no renewal to act on
          if (ended.add(a.offering())) {
            notes.add(
                a.offering() + ": subscription " + expired.get().id() + " ended on " + expired.get().end()
                    + ", before " + asOf + ", and none runs after it: its seats are no longer held,"
                    + " so they get no renewal action");
          }
          continue;
        }
        Optional<Bundle> bundle = prices.bundle(a.offering());
        Optional<Product> product = prices.product(a.offering());
        if (bundle.isEmpty() && product.isEmpty()) {
          notes.add("seat of " + a.user() + " is for " + a.offering() + ", which the catalog does not list");
          continue;
        }
        Optional<HeldSeat> seat = seat(a.offering());
        if (seat.isEmpty()) {
          notes.add("no price for " + a.offering() + " (neither negotiated nor in the catalog)");
          continue;
        }
        Set<ProductId> covers = bundle.map(Bundle::includes).orElse(Set.of(a.offering()));
        Optional<LocalDate> last = covers.stream()
            .map(p -> lastUsed.getOrDefault(a.user(), Map.of()).get(p))
            .filter(d -> d != null)
            .max(Comparator.naturalOrder());
        long idle = ChronoUnit.DAYS.between(last.orElse(history.from()), asOf);
        if (idle >= query.idleDays()) {
          actions.add(
              new RenewalAction(
                  Kind.REMOVE_IDLE_SEAT,
                  Optional.of(a.user()),
                  Optional.of(a.offering()),
                  Optional.empty(),
                  seat.get().price,
                  seat.get().renewal,
                  a.user() + " has not used " + a.offering()
                      + (last.isPresent()
                          ? " since " + last.get() + " (" + idle + " days"
                          : " in the data since " + history.from() + " (at least " + idle + " days")
                      + " >= " + query.idleDays() + "): drop the seat at renewal on "
                      + seat.get().renewal + seat.get().note + ", saving "
                      + Figures.money(seat.get().price)));
          continue;
        }
        if (bundle.isPresent()) {
          dropBundle(a.user(), bundle.get(), seat.get());
        } else {
          belowBreakEven(a.user(), product.get(), seat.get());
        }
      }
    }

    private void belowBreakEven(UserId user, Product product, HeldSeat seat) {
      if (tokenPrice.isEmpty() || !product.isOnFlex()) {
        return;
      }
      ProductUsage u = usageOf(user, product.id());
      Money flex = flexAnnual(u.tokens());
      if (flex.isLessThan(seat.price)) {
        actions.add(
            new RenewalAction(
                Kind.MOVE_TO_FLEX,
                Optional.of(user),
                Optional.of(product.id()),
                Optional.empty(),
                seat.price.minus(flex),
                seat.renewal,
                user + " " + windows(u, product) + " < named " + Figures.money(seat.price)
                    + breakEven(product, seat.price) + ": move to Flex at renewal on "
                    + seat.renewal + seat.note));
      }
    }

    private void dropBundle(UserId user, Bundle bundle, HeldSeat seat) {
      List<ProductId> used = new ArrayList<>();
      for (ProductId p : bundle.includes()) {
        if (isUsed(user, p)) {
          used.add(p);
        }
      }
      if (used.size() != 1) {
        return;
      }
      ProductId only = used.get(0);
      Product product = prices.requireProduct(only);
      ProductUsage u = usageOf(user, only);
      Optional<Money> named = product.namedUser().map(Prices::annual);
      Optional<Money> flex =
          tokenPrice.isPresent() && product.isOnFlex() ? Optional.of(flexAnnual(u.tokens())) : Optional.empty();
      Optional<Money> best = min(named, flex);
      if (best.isEmpty() || !best.get().isLessThan(seat.price)) {
        return;
      }
      boolean toFlex = flex.isPresent() && flex.get().equals(best.get());
      String alternative =
          toFlex
              ? windows(u, product) + (named.map(n -> " < named " + Figures.money(n)).orElse(""))
                  + " -> Flex"
              : "named " + only + " " + Figures.money(named.get())
                  + flex.map(f -> " < Flex " + Figures.money(f)).orElse("");
      actions.add(
          new RenewalAction(
              Kind.DROP_BUNDLE,
              Optional.of(user),
              Optional.of(bundle.id()),
              Optional.empty(),
              seat.price.minus(best.get()),
              seat.renewal,
              user + " holds " + bundle.id() + " (" + Figures.money(seat.price)
                  + ") but used only " + only + ": " + alternative + "; change at renewal on "
                  + seat.renewal + seat.note));
    }

    // ---- Flex users

    void flexAboveBreakEven() {
      if (tokenPrice.isEmpty()) {
        return;
      }
      byUser.forEach(
          (user, products) ->
              products.forEach(
                  (id, u) -> {
                    if (coverage.covers(user, id) || u.tokens() == 0) {
                      return;
                    }
                    Optional<Product> product = prices.product(id);
                    if (product.isEmpty() || product.get().namedUser().isEmpty()) {
                      return;
                    }
                    Money named = product.get().namedUser().get().annual();
                    Money flex = flexAnnual(u.tokens());
                    if (flex.isGreaterThan(named)) {
                      actions.add(
                          new RenewalAction(
                              Kind.MOVE_TO_NAMED,
                              Optional.of(user),
                              Optional.of(id),
                              Optional.empty(),
                              flex.minus(named),
                              asOf,
                              user + " " + windows(u, product.get()) + " > named "
                                  + Figures.money(named) + breakEven(product.get(), named)
                                  + ": buy a named seat now"));
                    }
                  }));
    }

    void bundles() {
      for (Bundle bundle : prices.bundles()) {
        Money bundlePrice = bundle.namedUser().annual();
        for (Map.Entry<UserId, Map<ProductId, ProductUsage>> e : byUser.entrySet()) {
          UserId user = e.getKey();
          Set<ProductId> mine = assigned.getOrDefault(user, Set.of());
          if (mine.contains(bundle.id())) {
            continue;
          }
          List<ProductId> used = new ArrayList<>();
          for (ProductId p : bundle.includes()) {
            if (isUsed(user, p)) {
              used.add(p);
            }
          }
          if (used.size() < 2) {
            continue;
          }
          Money current = prices.zero();
          Money cheapest = prices.zero();
          LocalDate when = asOf;
          List<String> parts = new ArrayList<>();
          boolean priced = true;
          for (ProductId p : used) {
            Product product = prices.requireProduct(p);
            Optional<Money> flex =
                tokenPrice.isPresent() && product.isOnFlex()
                    ? Optional.of(flexAnnual(usageOf(user, p).tokens()))
                    : Optional.empty();
            Optional<Money> named = product.namedUser().map(Prices::annual);
            if (mine.contains(p)) {
              HeldSeat seat = seat(p).orElse(null);
              if (seat == null) {
                priced = false;
                break;
              }
              current = current.plus(seat.price);
              cheapest = cheapest.plus(min(Optional.of(seat.price), flex).get());
              when = seat.renewal.isAfter(when) ? seat.renewal : when;
              parts.add(p + " seat " + Figures.money(seat.price));
            } else if (coverage.covers(user, p) || flex.isEmpty()) {
              priced = false; // covered through another bundle, or not priceable on Flex
              break;
            } else {
              current = current.plus(flex.get());
              cheapest = cheapest.plus(min(named, flex).get());
              parts.add(p + " Flex " + Figures.money(flex.get()));
            }
          }
          if (!priced || !bundlePrice.isLessThan(current) || !bundlePrice.isLessThan(cheapest)) {
            continue;
          }
          actions.add(
              new RenewalAction(
                  Kind.MOVE_TO_BUNDLE,
                  Optional.of(user),
                  Optional.of(bundle.id()),
                  Optional.empty(),
                  current.minus(bundlePrice),
                  when,
                  user + " uses " + used.size() + " products of " + bundle.id() + ": "
                      + String.join(" + ", parts) + " = " + Figures.money(current) + " > "
                      + bundle.id() + " " + Figures.money(bundlePrice)
                      + " (the cheaper of named and Flex per product: " + Figures.money(cheapest)
                      + "); take the bundle "
                      + (when.equals(asOf) ? "now" : "at the seats' renewal on " + when)));
        }
      }
    }

    // ---- Flex charging patterns

    void doubleCharges() {
      if (tokenPrice.isEmpty()) {
        return;
      }
      Map<UserId, Map<ProductId, List<DoubleCharge>>> found = new TreeMap<>();
      for (DoubleCharge d : DoubleCharge.in(flexCharges, prices.covers())) {
        found.computeIfAbsent(d.charged().user(), u -> new TreeMap<>())
            .computeIfAbsent(d.charged().product(), p -> new ArrayList<>())
            .add(d);
      }
      found.forEach((user, byProduct) -> byProduct.forEach((covered, list) -> doubleCharge(user, covered, list)));
    }

    /** One action per user and covered product: stop opening it while a covering product runs. */
    private void doubleCharge(UserId user, ProductId covered, List<DoubleCharge> list) {
      long tokens = list.stream().mapToLong(DoubleCharge::tokens).sum();
      Money saving = flexAnnual(tokens);
      if (!saving.isPositive()) {
        return;
      }
      Set<ProductId> by = new TreeSet<>();
      list.forEach(d -> by.add(d.covering().product()));
      long all = flexCharges.stream()
          .filter(c -> c.user().equals(user) && c.product().equals(covered) && c.tokens() > 0)
          .count();
      String coverers = String.join(" or ", by.stream().map(ProductId::value).toList());
      actions.add(
          new RenewalAction(
              Kind.RESTRICT_FLEX_PRODUCT,
              Optional.of(user),
              Optional.of(covered),
              Optional.empty(),
              saving,
              asOf,
              user + " opened " + list.size() + " of " + all + " " + covered + " windows while a window of "
                  + coverers + " was already open, and " + coverers + " covers " + covered
                  + " (catalog): those " + list.size() + " windows = " + Figures.tokens(tokens)
                  + " tokens" + perYear(tokens) + " ≈ " + Figures.money(saving) + " at "
                  + Figures.price(tokenPrice.get()) + "/token were charged twice; use "
                  + coverers + " for that work (or remove " + covered + " from " + user
                  + "'s Flex products)"));
    }

    void longSessions() {
      if (tokenPrice.isEmpty()) {
        return;
      }
      Duration window = rates.metering().window();
      Map<UserId, Map<ProductId, List<Charge>>> charges = new TreeMap<>();
      for (Charge c : flexCharges) {
        charges.computeIfAbsent(c.user(), u -> new TreeMap<>())
            .computeIfAbsent(c.product(), p -> new ArrayList<>())
            .add(c);
      }
      Map<UserId, Map<ProductId, List<Session>>> longOnes = new TreeMap<>();
      for (Session s : sessions) {
        if (s.duration().compareTo(window) > 0 && !coverage.covers(s.user(), s.product())) {
          longOnes.computeIfAbsent(s.user(), u -> new TreeMap<>())
              .computeIfAbsent(s.product(), p -> new ArrayList<>())
              .add(s);
        }
      }
      longOnes.forEach(
          (user, byProduct) ->
              byProduct.forEach(
                  (product, list) -> {
                    Set<Charge> extra = new LinkedHashSet<>();
                    Duration longest = Duration.ZERO;
                    for (Session s : list) {
                      longest = s.duration().compareTo(longest) > 0 ? s.duration() : longest;
                      for (Charge c : charges.getOrDefault(user, Map.of()).getOrDefault(product, List.of())) {
                        if (c.start().isAfter(s.start()) && c.start().isBefore(s.end())) {
                          extra.add(c);
                        }
                      }
                    }
                    long tokens = extra.stream().mapToLong(Charge::tokens).sum();
                    Money saving = flexAnnual(tokens);
                    if (!saving.isPositive()) {
                      return;
                    }
                    long rate = extra.iterator().next().tokens();
                    actions.add(
                        new RenewalAction(
                            Kind.STOP_IDLE_SESSIONS,
                            Optional.of(user),
                            Optional.of(product),
                            Optional.empty(),
                            saving,
                            asOf,
                            user + " " + product + ": " + list.size() + " session(s) longer than "
                                + window.toHours() + " h (longest " + longest.toHours() + " h) opened "
                                + extra.size() + " more window(s) x " + rate + " tokens = "
                                + Figures.tokens(tokens) + " tokens" + perYear(tokens) + " ≈ "
                                + Figures.money(saving) + " at " + Figures.price(tokenPrice.get())
                                + "/token; close the product when idle or use idle-aware versions"));
                  }));
    }

    // ---- lots

    void expiringLots() {
      Instant start = asOf.atStartOfDay(zone).toInstant();
      LocalDate windowEnd = asOf.plusDays(query.expiryWindowDays());
      Instant limit = windowEnd.atStartOfDay(zone).toInstant();
      LocalDate last = asOf;
      boolean any = false;
      for (TokenLot lot : held.lots()) {
        if (lot.expires().isAfter(start) && !lot.expires().isAfter(limit)) {
          any = true;
          LocalDate d = lot.expires().atZone(zone).toLocalDate();
          last = d.isAfter(last) ? d : last;
        }
      }
      if (!any) {
        return;
      }
      long burnt = flexCharges.stream().mapToLong(Charge::tokens).sum();
      List<TokenCharge> charges = new ArrayList<>(FlexBurn.ledgerCharges(flexCharges));
      charges.addAll(
          FlexBurn.spread(burnt, days, asOf, ChronoUnit.DAYS.between(asOf, last) + 1, zone, "expected"));
      LedgerReplay replay = TokenLedger.of(held.lots()).replay(charges);
      for (int i = 0; i < replay.lots().size(); i++) {
        TokenLot lot = replay.lots().get(i);
        if (!lot.expires().isAfter(start) || lot.expires().isAfter(limit)) {
          continue;
        }
        long drawn = replay.drawsFrom(i).stream().mapToLong(LedgerReplay.Draw::tokens).sum();
        long waste = lot.size() - drawn;
        Money value = lot.unitPrice().costOf(waste, RoundingMode.HALF_EVEN);
        if (!value.isPositive()) {
          continue;
        }
        actions.add(
            new RenewalAction(
                Kind.USE_EXPIRING_LOT,
                Optional.empty(),
                Optional.empty(),
                Optional.of(lot.id()),
                value,
                asOf,
                "lot " + lot.id() + " (" + Figures.tokens(lot.size()) + " tokens) expires on "
                    + lot.expires().atZone(zone).toLocalDate() + " with " + Figures.tokens(waste)
                    + " tokens projected unused at the mean burn of "
                    + Figures.ratio(burnt, days, 2) + " tokens a day ≈ " + Figures.money(value)
                    + " at " + Figures.price(lot.unitPrice())
                    + "/token; move Flex work onto it or defer the next purchase"));
      }
      for (TokenLot lot : held.lots()) {
        if (lot.purchased().isBefore(history.startInstant()) && lot.expires().isAfter(history.startInstant())) {
          notes.add(
              "lot " + lot.id() + " was bought before the history starts (" + history.from()
                  + "): charges before then are not replayed, so its projected waste may be overstated");
        }
      }
    }

    // ---- helpers

    private record HeldSeat(Money price, LocalDate renewal, String note) {}

    /**
     * The latest subscription of {@code offering} when every one of them ended before the as-of
     * date; empty when one runs to or past it, or there is none.
     */
    private Optional<Subscription> endedBeforeAsOf(ProductId offering) {
      Subscription latest = null;
      for (Subscription s : held.subscriptions()) {
        if (!s.offering().equals(offering)) {
          continue;
        }
        if (!s.end().isBefore(asOf)) {
          return Optional.empty();
        }
        if (latest == null || s.end().isAfter(latest.end())) {
          latest = s;
        }
      }
      return Optional.ofNullable(latest);
    }

    /** Price and next renewal of a seat of {@code offering}. */
    private Optional<HeldSeat> seat(ProductId offering) {
      Subscription next = null;
      Subscription latest = null;
      for (Subscription s : held.subscriptions()) {
        if (!s.offering().equals(offering)) {
          continue;
        }
        if (!s.end().isBefore(asOf) && (next == null || s.end().isBefore(next.end()))) {
          next = s;
        }
        if (latest == null || s.end().isAfter(latest.end())) {
          latest = s;
        }
      }
      Subscription sub = next != null ? next : latest;
      Optional<Money> listed =
          prices.bundle(offering).map(b -> b.namedUser().annual())
              .or(() -> prices.product(offering).flatMap(Product::namedUser).map(Prices::annual));
      if (sub == null) {
        return listed.map(
            p -> new HeldSeat(p, asOf, " (no subscription of " + offering + " found: renewal date unknown)"));
      }
      Optional<Money> price = sub.price().or(() -> listed);
      Subscription s = sub;
      return price.map(
          p -> new HeldSeat(
              p,
              s.end().isBefore(asOf) ? asOf : s.end(),
              " (subscription " + s.id() + (s.price().isPresent() ? ", negotiated price" : "") + ")"));
    }

    private ProductUsage usageOf(UserId user, ProductId product) {
      ProductUsage u = byUser.getOrDefault(user, Map.of()).get(product);
      return u != null ? u : new ProductUsage(product, 0, 0, 0);
    }

    private boolean isUsed(UserId user, ProductId product) {
      ProductUsage u = usageOf(user, product);
      return u.windows() > 0 || u.daysUsed() > 0;
    }

    /** Flex cost of {@code tokens} of the history scaled to a year, rounded once. */
    private Money flexAnnual(long tokens) {
      BigDecimal exact =
          tokenPrice.get().perUnit()
              .multiply(BigDecimal.valueOf(tokens))
              .multiply(DAYS_PER_YEAR)
              .divide(BigDecimal.valueOf(days), 12, RoundingMode.HALF_EVEN);
      return Money.rounded(exact, prices.currency(), RoundingMode.HALF_EVEN);
    }

    /** {@code ACD: 41 windows x 7 tokens = 287 tokens ≈ 776.90 at 2.70/token}. */
    private String windows(ProductUsage u, Product product) {
      long rate = product.tokenRate().orElse(0L);
      return product.id() + ": " + u.windows() + " windows x " + rate + " tokens = "
          + Figures.tokens(u.tokens()) + " tokens" + perYear(u.tokens()) + " ≈ "
          + Figures.money(flexAnnual(u.tokens())) + " at " + Figures.price(tokenPrice.get())
          + "/token";
    }

    /** Nothing for a one-year history; else the yearly figure. */
    private String perYear(long tokens) {
      if (days == 365) {
        return "";
      }
      BigDecimal year =
          BigDecimal.valueOf(tokens).multiply(DAYS_PER_YEAR)
              .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
      return " in " + days + " days, x 365/" + days + " = "
          + String.format(java.util.Locale.ROOT, "%,.2f", year) + " a year";
    }

    private String breakEven(Product product, Money named) {
      return new BreakEven(named, product.tokenRate().orElse(0L), tokenPrice.get())
          .windowsPerYear()
          .map(w -> " (break-even " + w.setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " windows a year)")
          .orElse("");
    }

    private static Optional<Money> min(Optional<Money> a, Optional<Money> b) {
      if (a.isEmpty()) {
        return b;
      }
      if (b.isEmpty()) {
        return a;
      }
      return Optional.of(a.get().min(b.get()));
    }
  }
}
