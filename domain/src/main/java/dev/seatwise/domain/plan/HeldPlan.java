package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Today's plan, built from what an organisation holds ({@link Entitlements}: the Subscriptions
 * export, the Users export and token lots) as a {@link Plan} that {@link PlanEvaluation} evaluates
 * like every other scenario.
 *
 * <p><b>Seats.</b> Each subscription becomes one {@link SeatHolding} per term ({@link
 * SeatHolding#renewals}: ids {@code S}, {@code S#2}, ...), each priced per seat at the catalog
 * version in force on its own start (renewal) date; a negotiated price (an annual price per seat)
 * is kept, for a monthly or 3-year term scaled by its months / 12. When the version in force sells
 * the offering on the annual term only, a monthly or 3-year term is priced at the annual price x
 * months / 12 (said in {@link #assumptions}); with no price at all its seats still cover their
 * users but cost nothing, and {@link #omissions} says so. Every user the Users export assigns to an
 * offering is an assignee of every holding of that offering, in the export's order, for as long as
 * the holding runs: which of them hold a seat on which day is {@link PlanEvaluation}'s one seat
 * rule (an offering's seats are pooled across its subscriptions; assignees beyond the seats held
 * that day are unseated). A subscription that runs no day, or holds no seat, is left out.
 *
 * <p><b>One export only.</b> Without the Subscriptions export, each offering the Users export
 * assigns is assumed held for the whole period by one seat per assigned user, at the catalog's
 * annual price (renewed each year when the period is longer). Without the Users export, each
 * offering's seats are assumed assigned to the users with the most tokens on its products in the
 * period's {@code windows} (then by id), up to the most seats it holds on one day of the period,
 * collections first (a user seated on a collection is not ranked again for a product it
 * includes); with no windows, no one. {@link #assumptions} says which.
 *
 * <p><b>Lots</b> are kept whatever their dates (the evaluation's lot lines say when one was bought
 * outside the period); a lot priced in another currency than the plan's (the catalog's) is left
 * out and {@link #omissions} says so.
 *
 * <p>Holding ids are unique: a repeated subscription or lot id gets the offering, then a number,
 * appended. Immutable and thread-safe; nothing is null.
 *
 * @param plan the holdings
 * @param period the period the plan was built for (assumed subscriptions span it)
 * @param assumptions what was assumed for a missing export or a missing price, in words
 * @param omissions what was left out of the plan or its total, and why, in words
 * @param unheld assignments (Users export) to an offering that no subscription holds: they cover
 *     nothing
 */
public record HeldPlan(
    Plan plan,
    PlanPeriod period,
    List<String> assumptions,
    List<String> omissions,
    List<SeatAssignment> unheld) {

  public HeldPlan {
    checkNotNull(plan, "plan");
    checkNotNull(period, "period");
    assumptions = List.copyOf(assumptions);
    omissions = List.copyOf(omissions);
    unheld = List.copyOf(unheld);
  }

  /**
   * Today's plan for {@code period}, priced from {@code catalogs}; without a Users export the seats
   * are assumed unassigned (no usage to rank users by).
   */
  public static HeldPlan of(Entitlements held, CatalogHistory catalogs, PlanPeriod period) {
    return of(held, catalogs, period, List.of());
  }

  /**
   * Today's plan for {@code period}, priced from {@code catalogs}; without a Users export the seats
   * are assumed assigned to the heaviest users of the period's {@code windows} (the Flex access
   * windows, as a meter charges them under no coverage).
   */
  public static HeldPlan of(
      Entitlements held, CatalogHistory catalogs, PlanPeriod period, List<Charge> windows) {
    checkNotNull(held, "held");
    checkNotNull(catalogs, "catalogs");
    checkNotNull(period, "period");
    checkNotNull(windows, "windows");
    Catalog first = SeatHolding.versionOn(catalogs, period.from());
    Currency currency = first.currency();
    List<String> assumed = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    List<Subscription> subs = held.subscriptions();
    List<SeatAssignment> assignments = held.assignments();
    if (subs.isEmpty() && !assignments.isEmpty()) {
      subs = assumedSubscriptions(assignments, period);
      assumed.add(
          "no Subscriptions export: assumed one seat per assigned user and offering, held for the"
              + " whole period at the catalog's price");
    } else if (assignments.isEmpty() && !subs.isEmpty()) {
      assignments = rankedAssignments(subs, first, period, windows);
      assumed.add(
          windows.isEmpty()
              ? "no Users export and no usage to rank users by: assumed every seat unassigned"
              : "no Users export: assumed each offering's seats are assigned to the users with the"
                  + " most tokens on its products, up to the seats it holds (collections first)");
    }

    Map<ProductId, List<Assignee>> assignees = new LinkedHashMap<>();
    Map<ProductId, Set<UserId>> seen = new LinkedHashMap<>();
    for (SeatAssignment a : assignments) {
      if (seen.computeIfAbsent(a.offering(), o -> new HashSet<>()).add(a.user())) {
        assignees.computeIfAbsent(a.offering(), o -> new ArrayList<>()).add(Assignee.throughout(a.user()));
      }
    }
    Set<ProductId> subscribed = new HashSet<>();
    for (Subscription s : subs) {
      subscribed.add(s.offering());
    }
    List<SeatAssignment> unheld = new ArrayList<>();
    Set<SeatAssignment> unheldSeen = new HashSet<>();
    for (SeatAssignment a : assignments) {
      if (!subscribed.contains(a.offering()) && unheldSeen.add(a)) {
        unheld.add(a);
      }
    }

    Set<String> ids = new HashSet<>();
    List<SeatHolding> seats = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    for (Subscription s : subs) {
      if (!s.start().isBefore(s.end())) {
        omitted.add(
            "subscription " + s.id() + " (" + s.offering() + ") starts and ends on " + s.start()
                + ": it holds no day, left out");
        continue;
      }
      if (s.seats() == 0) {
        continue;
      }
      Function<LocalDate, Money> price = priceOn(s, catalogs, currency, notes);
      List<Assignee> who = assignees.getOrDefault(s.offering(), List.of());
      List<SeatHolding> terms = null;
      for (int n = 0; terms == null; n++) {
        String id = n == 0 ? s.id() : n == 1 ? s.id() + " " + s.offering() : s.id() + " (" + n + ")";
        List<SeatHolding> candidate =
            SeatHolding.renewals(id, s.offering(), s.term(), s.start(), s.end(), s.seats(), who, price);
        if (candidate.stream().noneMatch(h -> ids.contains(h.id()))) {
          terms = candidate;
        }
      }
      for (SeatHolding h : terms) {
        ids.add(h.id());
      }
      seats.addAll(terms);
    }
    for (String n : notes) {
      (n.startsWith("no price") ? omitted : assumed).add(n);
    }

    List<TokenLot> lots = new ArrayList<>();
    for (TokenLot lot : held.lots()) {
      if (!lot.unitPrice().currency().equals(currency)) {
        omitted.add(
            "lot " + lot.id() + " is priced in " + lot.unitPrice().currency() + ", not the catalog's "
                + currency + "; left out");
        continue;
      }
      String id = lot.id();
      for (int n = 2; ids.contains(id); n++) {
        id = lot.id() + " (lot " + n + ")";
      }
      ids.add(id);
      lots.add(
          id.equals(lot.id())
              ? lot
              : new TokenLot(id, lot.purchased(), lot.size(), lot.unitPrice(), lot.expires()));
    }
    return new HeldPlan(new Plan(currency, seats, List.of(), lots), period, assumed, omitted, unheld);
  }

  /**
   * The offering {@code user} is assigned without a subscription (an {@link #unheld} assignment)
   * that is {@code product} or a collection including it in {@code catalog}; the first listed.
   */
  public Optional<ProductId> unheldOffering(UserId user, ProductId product, Catalog catalog) {
    for (SeatAssignment a : unheld) {
      if (a.user().equals(user) && offers(catalog, a.offering(), product)) {
        return Optional.of(a.offering());
      }
    }
    return Optional.empty();
  }

  private static boolean offers(Catalog catalog, ProductId offering, ProductId product) {
    if (offering.equals(product)) {
      return true;
    }
    Optional<Bundle> b = catalog.bundle(offering);
    return b.isPresent() && b.get().covers(product);
  }

  /** The price per seat of {@code s}'s term starting on a day; notes what was assumed. */
  private static Function<LocalDate, Money> priceOn(
      Subscription s, CatalogHistory catalogs, Currency currency, Set<String> notes) {
    Term term = s.term();
    if (s.price().isPresent()) {
      Money annual = s.price().get();
      if (term == Term.ANNUAL) {
        return day -> annual;
      }
      Money perTerm = scaled(annual, term);
      notes.add(
          "subscription " + s.id() + ": its negotiated annual price " + annual.amount().toPlainString()
              + " taken as " + perTerm.amount().toPlainString() + " per " + name(term) + " term (x "
              + term.months() + "/12)");
      return day -> perTerm;
    }
    return day -> {
      Optional<Money> listed = SeatHolding.catalogPrice(catalogs, s.offering(), term, day);
      if (listed.isPresent()) {
        return listed.get();
      }
      Optional<Money> annual = SeatHolding.catalogPrice(catalogs, s.offering(), Term.ANNUAL, day);
      if (annual.isPresent()) {
        notes.add(
            "subscription " + s.id() + ": the catalog has no " + name(term) + " price for "
                + s.offering() + "; priced at its annual price x " + term.months() + "/12");
        return scaled(annual.get(), term);
      }
      notes.add(
          "no price for subscription " + s.id() + " (" + s.offering() + "); its seats cover their"
              + " users but are left out of the total");
      return Money.zero(currency);
    };
  }

  private static Money scaled(Money annual, Term term) {
    return Money.rounded(
        annual
            .amount()
            .multiply(BigDecimal.valueOf(term.months()))
            .divide(
                BigDecimal.valueOf(12),
                annual.currency().getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN),
        annual.currency(),
        RoundingMode.UNNECESSARY);
  }

  private static String name(Term term) {
    return term.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Without a Subscriptions export: one seat per assigned user and offering, the whole period. */
  private static List<Subscription> assumedSubscriptions(
      List<SeatAssignment> assignments, PlanPeriod period) {
    Map<ProductId, Set<UserId>> byOffering = new TreeMap<>();
    for (SeatAssignment a : assignments) {
      byOffering.computeIfAbsent(a.offering(), o -> new LinkedHashSet<>()).add(a.user());
    }
    List<Subscription> out = new ArrayList<>();
    byOffering.forEach(
        (offering, users) ->
            out.add(
                new Subscription(
                    "(assumed) " + offering,
                    offering,
                    users.size(),
                    Term.ANNUAL,
                    period.from(),
                    period.to(),
                    Optional.empty())));
    return out;
  }

  /**
   * Without a Users export: each offering's seats to the users with the most tokens on its
   * products, up to its most seats on one day of the period, collections first.
   */
  private static List<SeatAssignment> rankedAssignments(
      List<Subscription> subs, Catalog catalog, PlanPeriod period, List<Charge> windows) {
    Map<UserId, Map<ProductId, Long>> tokens = new TreeMap<>();
    for (Charge c : windows) {
      if (period.contains(c.start())) {
        tokens.computeIfAbsent(c.user(), u -> new TreeMap<>()).merge(c.product(), c.tokens(), Long::sum);
      }
    }
    Map<ProductId, Long> most = new TreeMap<>();
    for (Subscription s : subs) {
      most.merge(s.offering(), peakSeats(subs, s.offering(), period), Math::max);
    }
    List<ProductId> offerings = new ArrayList<>(most.keySet());
    offerings.sort(Comparator.comparing((ProductId o) -> catalog.bundle(o).isEmpty()));
    Map<UserId, Set<ProductId>> seated = new TreeMap<>();
    List<SeatAssignment> ranked = new ArrayList<>();
    for (ProductId offering : offerings) {
      Set<ProductId> products =
          catalog.bundle(offering).map(b -> Set.copyOf(b.includes())).orElse(Set.of(offering));
      Map<UserId, Long> users = new TreeMap<>();
      tokens.forEach(
          (u, byProduct) ->
              byProduct.forEach(
                  (p, t) -> {
                    if (products.contains(p) && !seated.getOrDefault(u, Set.of()).contains(p)) {
                      users.merge(u, t, Long::sum);
                    }
                  }));
      users.entrySet().stream()
          .sorted(
              Map.Entry.<UserId, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(most.get(offering))
          .forEach(
              u -> {
                ranked.add(new SeatAssignment(u.getKey(), offering));
                seated.computeIfAbsent(u.getKey(), x -> new HashSet<>()).addAll(products);
              });
    }
    return ranked;
  }

  /** The most seats of {@code offering} held on one day of the period (they change on start days). */
  private static long peakSeats(List<Subscription> subs, ProductId offering, PlanPeriod period) {
    long peak = 0;
    for (Subscription s : subs) {
      if (!s.offering().equals(offering)) {
        continue;
      }
      LocalDate d = s.start().isAfter(period.from()) ? s.start() : period.from();
      if (d.isBefore(period.to())) {
        long n = 0;
        for (Subscription t : subs) {
          if (t.offering().equals(offering) && !d.isBefore(t.start()) && d.isBefore(t.end())) {
            n += t.seats();
          }
        }
        peak = Math.max(peak, n);
      }
    }
    return peak;
  }
}
