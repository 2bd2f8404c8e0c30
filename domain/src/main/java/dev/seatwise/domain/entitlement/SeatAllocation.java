package dev.seatwise.domain.entitlement;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who holds a seat of today's plan on which day: the rule that turns the Subscriptions export
 * (seats per offering, from start to end) and the Users export (who is assigned which offering)
 * into coverage.
 *
 * <ul>
 *   <li>On day {@code d}, an offering has as many seats as its subscriptions that run on {@code d}
 *       ({@code start <= d < end}) hold together.
 *   <li>Its assignees are seated in the order the Users export lists them: the {@code i}-th
 *       (0-based) holds a seat on {@code d} when {@code i <} the seats on {@code d}. So a seat
 *       covers only its assigned user, only while a subscription runs; more assignees than seats
 *       leaves the last ones unseated, and an expired subscription covers nobody.
 *   <li>A product is covered through an offering that is the product or a bundle including it.
 * </ul>
 *
 * <p>With only one of the two exports, the missing one is assumed and {@link #assumptions()} says
 * how: without subscriptions, each assignment is one seat held for the whole period; without
 * assignments, an offering's seats go to the users with the most tokens on its products (then by
 * id), up to the most seats it holds in the period, bundles first (a user seated on a bundle is not
 * ranked again for the products it includes).
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public final class SeatAllocation {
  private final Map<ProductId, List<Subscription>> subscriptions;
  private final Map<ProductId, List<UserId>> assignees;
  private final Map<ProductId, Map<UserId, Integer>> seatOrder;
  private final Map<ProductId, Set<ProductId>> covers;
  private final List<Subscription> held;
  private final List<String> assumptions;
  private final LocalDate from;
  private final LocalDate to;

  /** Why a use is not covered by a seat, or that it is. */
  public enum Cover {
    /** An assigned seat of a running subscription covers it. */
    COVERED,
    /** The user is assigned no offering that includes the product. */
    NOT_ASSIGNED,
    /** The user is assigned an offering that includes the product, but it has no subscription. */
    NO_SUBSCRIPTION,
    /** Before the offering's first subscription starts. */
    BEFORE_START,
    /** After the offering's last subscription ended. */
    AFTER_END,
    /** The offering has fewer seats that day than assignees before and including this user. */
    OVER_ASSIGNED
  }

  /** An offering with more assignees than seats, and the assignees left without one. */
  public record OverAssignment(ProductId offering, long seats, List<UserId> assigned, List<UserId> unseated) {
    public OverAssignment {
      checkNotNull(offering, "offering");
      assigned = List.copyOf(assigned);
      unseated = List.copyOf(unseated);
    }
  }

  /** An offering that holds more seats than it has assignees: {@code seats - assigned} idle. */
  public record UnassignedSeats(ProductId offering, long seats, long assigned) {
    public UnassignedSeats {
      checkNotNull(offering, "offering");
      checkArgument(seats > assigned, "%s: %s seats, %s assigned: none unassigned", offering, seats, assigned);
    }

    public long unassigned() {
      return seats - assigned;
    }
  }

  private SeatAllocation(
      List<Subscription> held,
      List<SeatAssignment> assignments,
      Catalog catalog,
      LocalDate from,
      LocalDate to,
      List<String> assumptions) {
    this.held = List.copyOf(held);
    this.from = from;
    this.to = to;
    this.assumptions = List.copyOf(assumptions);
    Map<ProductId, List<Subscription>> subs = new TreeMap<>();
    for (Subscription s : held) {
      subs.computeIfAbsent(s.offering(), o -> new ArrayList<>()).add(s);
    }
    subs.replaceAll((o, l) -> List.copyOf(l));
    this.subscriptions = subs;
    Map<ProductId, LinkedHashSet<UserId>> who = new TreeMap<>();
    for (SeatAssignment a : assignments) {
      who.computeIfAbsent(a.offering(), o -> new LinkedHashSet<>()).add(a.user());
    }
    Map<ProductId, List<UserId>> ordered = new TreeMap<>();
    who.forEach((o, users) -> ordered.put(o, List.copyOf(users)));
    this.assignees = ordered;
    Map<ProductId, Map<UserId, Integer>> order = new TreeMap<>();
    ordered.forEach(
        (o, users) -> {
          Map<UserId, Integer> index = new java.util.HashMap<>();
          for (int i = 0; i < users.size(); i++) {
            index.put(users.get(i), i);
          }
          order.put(o, index);
        });
    this.seatOrder = order;
    Map<ProductId, Set<ProductId>> c = new TreeMap<>();
    Set<ProductId> offerings = new LinkedHashSet<>(subs.keySet());
    offerings.addAll(ordered.keySet());
    for (ProductId o : offerings) {
      c.put(o, catalog.bundle(o).map(b -> Set.copyOf(b.includes())).orElse(Set.of(o)));
    }
    this.covers = c;
  }

  /**
   * Today's plan over {@code [from, to)}: {@code held}'s subscriptions and assignments, with the
   * missing export assumed as the class comment says ({@code tokens} per user and product rank the
   * users when there are no assignments).
   */
  public static SeatAllocation of(
      Entitlements held,
      Catalog catalog,
      LocalDate from,
      LocalDate to,
      Map<UserId, Map<ProductId, Long>> tokens) {
    checkNotNull(held, "held");
    checkNotNull(catalog, "catalog");
    checkNotNull(tokens, "tokens");
    checkArgument(to.isAfter(from), "period must end after it starts: [%s, %s)", from, to);
    List<String> assumed = new ArrayList<>();
    List<Subscription> subs = held.subscriptions();
    List<SeatAssignment> assignments = held.assignments();
    if (subs.isEmpty() && !assignments.isEmpty()) {
      Map<ProductId, Set<UserId>> byOffering = new TreeMap<>();
      for (SeatAssignment a : assignments) {
        byOffering.computeIfAbsent(a.offering(), o -> new LinkedHashSet<>()).add(a.user());
      }
      subs = new ArrayList<>();
      for (Map.Entry<ProductId, Set<UserId>> e : byOffering.entrySet()) {
        subs.add(
            new Subscription(
                "(assumed)", e.getKey(), e.getValue().size(), Term.ANNUAL, from, to, Optional.empty()));
      }
      assumed.add(
          "no Subscriptions export: assumed one seat per assigned user and offering, held for the"
              + " whole period at the catalog's price");
    } else if (assignments.isEmpty() && !subs.isEmpty()) {
      List<SeatAssignment> ranked = new ArrayList<>();
      Map<ProductId, Long> most = new TreeMap<>();
      for (Subscription s : subs) {
        most.merge(s.offering(), peakSeats(subs, s.offering(), from, to), Math::max);
      }
      // bundles first: a user seated on a bundle is not ranked again for a product it includes
      List<ProductId> offerings = new ArrayList<>(most.keySet());
      offerings.sort(Comparator.comparing((ProductId o) -> catalog.bundle(o).isEmpty()));
      Map<UserId, Set<ProductId>> seated = new TreeMap<>();
      for (ProductId offering : offerings) {
        Set<ProductId> products =
            catalog.bundle(offering).map(b -> Set.copyOf(b.includes())).orElse(Set.of(offering));
        Map<UserId, Long> users = new TreeMap<>();
        tokens.forEach(
            (u, byProduct) ->
                byProduct.forEach(
                    (p, t) -> {
                      boolean covered = seated.getOrDefault(u, Set.of()).contains(p);
                      if (products.contains(p) && !covered) {
                        users.merge(u, t, Long::sum);
                      }
                    }));
        users.entrySet().stream()
            .sorted(Map.Entry.<UserId, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(most.get(offering))
            .forEach(
                u -> {
                  ranked.add(new SeatAssignment(u.getKey(), offering));
                  seated.computeIfAbsent(u.getKey(), x -> new java.util.HashSet<>()).addAll(products);
                });
      }
      assignments = ranked;
      assumed.add(
          "no Users export: assumed each offering's seats are assigned to the users with the most"
              + " tokens on its products, up to the seats it holds (collections first)");
    }
    return new SeatAllocation(subs, assignments, catalog, from, to, assumed);
  }

  private static long peakSeats(List<Subscription> subs, ProductId offering, LocalDate from, LocalDate to) {
    long peak = 0;
    for (Subscription s : subs) {
      if (!s.offering().equals(offering)) {
        continue;
      }
      // the seats change only on a start day; the first day of the period counts too
      LocalDate d = s.start().isAfter(from) ? s.start() : from;
      if (d.isBefore(to)) {
        peak = Math.max(peak, seatsOn(subs, offering, d));
      }
    }
    return peak;
  }

  private static long seatsOn(List<Subscription> subs, ProductId offering, LocalDate day) {
    long n = 0;
    for (Subscription s : subs) {
      if (s.offering().equals(offering) && !day.isBefore(s.start()) && day.isBefore(s.end())) {
        n += s.seats();
      }
    }
    return n;
  }

  /** The subscriptions held, including assumed ones. */
  public List<Subscription> subscriptions() {
    return held;
  }

  /** What was assumed for a missing export; empty when both were given. */
  public List<String> assumptions() {
    return assumptions;
  }

  /** Seats of {@code offering} held on {@code day}. */
  public long seatsOn(ProductId offering, LocalDate day) {
    return seatsOn(held, offering, day);
  }

  /**
   * Whether {@code user}'s use of {@code product} on {@code day} is covered by a seat; when not,
   * the reason found on the first offering (in id order) that the user is assigned and that
   * includes the product.
   */
  public Cover cover(UserId user, ProductId product, LocalDate day) {
    Cover best = Cover.NOT_ASSIGNED;
    for (Map.Entry<ProductId, List<UserId>> e : assignees.entrySet()) {
      ProductId offering = e.getKey();
      if (!covers.get(offering).contains(product)) {
        continue;
      }
      Integer index = seatOrder.get(offering).get(user);
      if (index == null) {
        continue;
      }
      Cover c = coverBy(offering, index, day);
      if (c == Cover.COVERED) {
        return c;
      }
      if (best == Cover.NOT_ASSIGNED) {
        best = c;
      }
    }
    return best;
  }

  private Cover coverBy(ProductId offering, int index, LocalDate day) {
    List<Subscription> subs = subscriptions.getOrDefault(offering, List.of());
    if (subs.isEmpty()) {
      return Cover.NO_SUBSCRIPTION;
    }
    long seats = seatsOn(subs, offering, day);
    if (index < seats) {
      return Cover.COVERED;
    }
    if (seats > 0) {
      return Cover.OVER_ASSIGNED;
    }
    boolean later = subs.stream().anyMatch(s -> s.start().isAfter(day));
    return later ? Cover.BEFORE_START : Cover.AFTER_END;
  }

  /** The last day (exclusive) any subscription of {@code offering} runs, if it has one. */
  public Optional<LocalDate> lastEnd(ProductId offering) {
    return subscriptions.getOrDefault(offering, List.of()).stream()
        .map(Subscription::end)
        .max(Comparator.naturalOrder());
  }

  /** The offerings the user is assigned that include {@code product}, in id order. */
  public List<ProductId> offeringsOf(UserId user, ProductId product) {
    List<ProductId> out = new ArrayList<>();
    assignees.forEach(
        (o, users) -> {
          if (covers.get(o).contains(product) && users.contains(user)) {
            out.add(o);
          }
        });
    return out;
  }

  /** Offerings whose assignees outnumber the most seats they hold in the period. */
  public List<OverAssignment> overAssigned() {
    List<OverAssignment> out = new ArrayList<>();
    assignees.forEach(
        (o, users) -> {
          if (!subscriptions.containsKey(o)) {
            return;
          }
          long seats = peakSeats(held, o, from, to);
          if (users.size() > seats) {
            out.add(new OverAssignment(o, seats, users, users.subList((int) seats, users.size())));
          }
        });
    return out;
  }

  /** Offerings holding more seats (at their most in the period) than they have assignees. */
  public List<UnassignedSeats> unassigned() {
    List<UnassignedSeats> out = new ArrayList<>();
    for (ProductId o : subscriptions.keySet()) {
      long seats = peakSeats(held, o, from, to);
      long assigned = assignees.getOrDefault(o, List.of()).size();
      if (seats > assigned) {
        out.add(new UnassignedSeats(o, seats, assigned));
      }
    }
    return out;
  }

  /** Assignees of each offering, in the order they are seated. */
  public Map<ProductId, List<UserId>> assignees() {
    return new LinkedHashMap<>(assignees);
  }
}
