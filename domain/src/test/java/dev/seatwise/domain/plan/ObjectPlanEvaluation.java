package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.plan.SeatGap.Gap;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * The plan evaluation as it was before {@link PlanEvaluation} worked over a {@code WindowTable}:
 * the object algorithm (a {@code Charge} and {@code WindowOutcome} per window, token charges with
 * string references replayed by {@link TokenLedger}), kept here only as the oracle of {@link
 * PlanEvaluationColumnsProperties}.
 */
final class ObjectPlanEvaluation {
  private ObjectPlanEvaluation() {}

  /** What the object evaluation gave. */
  record Result(
      List<CostLine> lines,
      List<WindowOutcome> outcomes,
      List<UnusedTokens> unusedTokens,
      List<SeatGap> seatGaps,
      List<ExcessAssignee> excessAssignees,
      List<SeatMiss> seatMisses,
      List<OfferingSeatCount> offeringSeats,
      Map<String, List<UserId>> seatHolders,
      int windowsOutsidePeriod,
      LedgerReplay ledger) {}

  static Result of(Plan plan, List<Charge> windows, PlanPeriod period, CatalogHistory catalogs) {
    checkNotNull(plan, "plan");
    checkNotNull(windows, "windows");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");

    List<Charge> inPeriod = new ArrayList<>();
    int outside = 0;
    Instant periodStart = period.start();
    Instant periodEnd = period.end();
    for (Charge c : windows) {
      if (!c.start().isBefore(periodStart) && c.start().isBefore(periodEnd)) {
        inPeriod.add(c);
      } else {
        outside++;
      }
    }
    // by start, then user, then product (one comparator call, no key extractors)
    inPeriod.sort(
        (a, b) -> {
          int c = a.start().compareTo(b.start());
          if (c != 0) {
            return c;
          }
          c = a.user().compareTo(b.user());
          return c != 0 ? c : a.product().compareTo(b.product());
        });

    List<OfferingSeats> offerings = OfferingSeats.of(plan);
    boolean[][] used = new boolean[plan.seats().size()][];
    for (OfferingSeats o : offerings) {
      for (int k = 0; k < o.holdings().size(); k++) {
        used[o.planIndex(k)] = new boolean[o.trackedSeats(k)];
      }
    }

    // coverage: seats, network, then tokens. What is constant for a day (its catalog version, each
    // offering's seating) and for a (day, product) (its rate, the offerings that include it, the
    // network holding covering it) is worked out once and kept while the windows stay on that day.
    record DayProduct(int rateKind, long rate, int[] offeringsOf, String network) {}
    final int noRate = 0;
    final int fixedRate = 1;
    final int ownTokens = 2;
    WindowOutcome[] result = new WindowOutcome[inPeriod.size()];
    SeatMiss.Reason[] missed = new SeatMiss.Reason[inPeriod.size()];
    ProductId[] missedOffering = new ProductId[inPeriod.size()];
    LocalDate[] missedDate = new LocalDate[inPeriod.size()];
    List<TokenCharge> tokenCharges = new ArrayList<>();
    int[] tokenIndex = new int[inPeriod.size()];
    int tokenCount = 0;
    DaySpan daySpan = null;
    LocalDate today = null;
    Catalog version = null;
    Map<ProductId, DayProduct> byProduct = new HashMap<>();
    OfferingSeats.Seating[] seatingToday = new OfferingSeats.Seating[offerings.size()];
    for (int i = 0; i < inPeriod.size(); i++) {
      Charge w = inPeriod.get(i);
      daySpan = DaySpan.at(daySpan, period, w.start());
      LocalDate d = daySpan.day();
      if (!d.equals(today)) {
        today = d;
        version = SeatHolding.versionOn(catalogs, today);
        byProduct.clear();
        java.util.Arrays.fill(seatingToday, null);
      }
      DayProduct dp = byProduct.get(w.product());
      if (dp == null) {
        // as rate(version, w): the product's rate, else a collection on Flex's own tokens
        int kind = noRate;
        long r = 0;
        Optional<Product> product = version.product(w.product());
        if (product.isPresent()) {
          Optional<Long> tr = product.get().tokenRate();
          if (tr.isPresent()) {
            kind = fixedRate;
            r = tr.get();
          }
        } else if (version.bundle(w.product()).isPresent() && version.isOnFlex(w.product())) {
          kind = ownTokens;
        }
        int[] of = new int[offerings.size()];
        int n = 0;
        for (int k = 0; k < offerings.size(); k++) {
          if (offers(version, offerings.get(k).offering(), w.product())) {
            of[n++] = k;
          }
        }
        String net = null;
        for (NetworkHolding h : plan.network()) {
          if (h.isActiveOn(today) && h.product().equals(w.product())) {
            net = h.id();
            break;
          }
        }
        dp = new DayProduct(kind, r, java.util.Arrays.copyOf(of, n), net);
        byProduct.put(w.product(), dp);
      }
      boolean hasRate = dp.rateKind() != noRate;
      long tokens = dp.rateKind() == fixedRate ? dp.rate() : dp.rateKind() == ownTokens ? w.tokens() : 0L;
      String seat = null;
      for (int k : dp.offeringsOf()) {
        OfferingSeats.Seating seating = seatingToday[k];
        if (seating == null) {
          seating = offerings.get(k).on(today);
          seatingToday[k] = seating;
        }
        int[] at = seating.seated().get(w.user());
        if (at != null) {
          used[at[0]][at[1]] = true;
          seat = plan.seats().get(at[0]).id();
          break;
        }
      }
      if (seat != null) {
        result[i] = new WindowOutcome(w, tokens, Outcome.SEAT, seat);
        continue;
      }
      missed[i] = SeatMiss.Reason.NOT_ASSIGNED;
      missedOffering[i] = w.product();
      missedDate[i] = today;
      for (int k : dp.offeringsOf()) {
        OfferingSeats o = offerings.get(k);
        if (!o.isAssigned(w.user(), today)) {
          continue;
        }
        missedOffering[i] = o.offering();
        if (o.isActiveOn(today)) {
          missed[i] = SeatMiss.Reason.UNSEATED;
        } else {
          Optional<LocalDate> next = o.nextStart(today);
          missed[i] = next.isPresent() ? SeatMiss.Reason.BEFORE_START : SeatMiss.Reason.AFTER_END;
          missedDate[i] = next.orElse(o.lastEnd());
        }
        break;
      }
      String network = dp.network();
      if (network != null) {
        result[i] = new WindowOutcome(w, tokens, Outcome.NETWORK, network);
      } else if (!hasRate) {
        result[i] = new WindowOutcome(w, 0, Outcome.UNCOVERED_NOT_ON_FLEX, "");
      } else {
        tokenCharges.add(new TokenCharge(w.start(), tokens, Integer.toString(i)));
        tokenIndex[tokenCount++] = i;
      }
    }
    LedgerReplay replay = TokenLedger.of(plan.lots()).replay(tokenCharges);
    for (TokenCharge refused : replay.refused()) {
      int i = Integer.parseInt(refused.reference());
      result[i] =
          new WindowOutcome(
              inPeriod.get(i), refused.tokens(), Outcome.UNCOVERED_NO_BALANCE, "");
    }
    for (int k = 0; k < tokenCount; k++) {
      int i = tokenIndex[k];
      if (result[i] == null) {
        result[i] =
            new WindowOutcome(inPeriod.get(i), tokenCharges.get(k).tokens(), Outcome.TOKENS, "");
      }
    }

    // unused tokens
    List<UnusedTokens> unused = new ArrayList<>();
    for (int i = 0; i < replay.lots().size(); i++) {
      TokenLot lot = replay.lots().get(i);
      long drawn = 0;
      for (LedgerReplay.Draw d : replay.drawsFrom(i)) {
        drawn += d.tokens();
      }
      if (lot.size() > drawn) {
        unused.add(
            new UnusedTokens(
                lot.id(), lot.expires(), lot.size() - drawn, !lot.expires().isAfter(period.end())));
      }
    }

    // who sat where, day by day: unassigned and idle seats, unseated assignees
    List<SeatGap> gaps = new ArrayList<>();
    List<ExcessAssignee> excess = new ArrayList<>();
    List<OfferingSeatCount> counts = new ArrayList<>();
    Map<String, List<UserId>> holders = new LinkedHashMap<>();
    for (OfferingSeats o : offerings) {
      long mostSeats = 0;
      boolean ran = false;
      Set<UserId> assigned = new HashSet<>();
      List<List<Set<UserId>>> occupants = new ArrayList<>();
      for (int k = 0; k < o.holdings().size(); k++) {
        List<Set<UserId>> perSeat = new ArrayList<>();
        for (int s = 0; s < o.trackedSeats(k); s++) {
          perSeat.add(new LinkedHashSet<>());
        }
        occupants.add(perSeat);
      }
      Map<Integer, Integer> kOf = new HashMap<>();
      for (int k = 0; k < o.holdings().size(); k++) {
        kOf.put(o.planIndex(k), k);
      }
      Map<UserId, LocalDate[]> unseatedDays = new LinkedHashMap<>();
      Map<UserId, Long> unseatedCount = new HashMap<>();
      OfferingSeats.Seating previous = null;
      for (LocalDate d = period.from(); d.isBefore(period.to()); d = d.plusDays(1)) {
        if (!o.isActiveOn(d)) {
          continue;
        }
        OfferingSeats.Seating seating = o.on(d);
        ran = true;
        mostSeats = Math.max(mostSeats, o.seatsOn(d));
        if (seating != previous) { // the same seating as the day before adds nobody to the sets
          assigned.addAll(seating.seated().keySet());
          assigned.addAll(seating.unseated());
          for (Map.Entry<UserId, int[]> e : seating.seated().entrySet()) {
            occupants.get(kOf.get(e.getValue()[0])).get(e.getValue()[1]).add(e.getKey());
          }
          previous = seating;
        }
        for (UserId u : seating.unseated()) {
          LocalDate day = d;
          unseatedDays.computeIfAbsent(u, x -> new LocalDate[] {day, day})[1] = day;
          unseatedCount.merge(u, 1L, Long::sum);
        }
      }
      if (ran) {
        counts.add(new OfferingSeatCount(o.offering(), mostSeats, assigned.size()));
      }
      unseatedDays.forEach(
          (u, span) ->
              excess.add(
                  new ExcessAssignee(o.offering(), u, span[0], span[1], unseatedCount.get(u))));
      for (int k = 0; k < o.holdings().size(); k++) {
        SeatHolding h = o.holdings().get(k);
        if (period.overlapDays(h.start(), h.end()) == 0) {
          continue;
        }
        long unassigned = h.seats() - o.trackedSeats(k);
        long idle = 0;
        List<UserId> idleUsers = new ArrayList<>();
        List<UserId> first = new ArrayList<>();
        for (int s = 0; s < o.trackedSeats(k); s++) {
          Set<UserId> who = occupants.get(k).get(s);
          if (!who.isEmpty()) {
            first.add(who.iterator().next());
          }
          if (who.isEmpty()) {
            unassigned++;
          } else if (!used[o.planIndex(k)][s]) {
            idle++;
            idleUsers.addAll(who);
          }
        }
        holders.put(h.id(), List.copyOf(first));
        if (unassigned > 0) {
          gaps.add(new SeatGap(h.id(), Gap.UNASSIGNED, unassigned, List.of()));
        }
        if (idle > 0) {
          gaps.add(new SeatGap(h.id(), Gap.IDLE, idle, idleUsers));
        }
      }
    }

    List<CostLine> lines = new ArrayList<>();
    for (SeatHolding h : plan.seats()) {
      seatLine(h, period).ifPresent(lines::add);
    }
    for (NetworkHolding n : plan.network()) {
      networkLine(n, period).ifPresent(lines::add);
    }
    for (TokenLot lot : plan.lots()) {
      lines.add(lotLine(lot, period));
    }
    List<SeatMiss> misses = new ArrayList<>();
    for (int i = 0; i < result.length; i++) {
      if (missed[i] != null) {
        misses.add(new SeatMiss(result[i], missed[i], missedOffering[i], missedDate[i]));
      }
    }
    return new Result(lines, List.of(result), unused, gaps, excess, misses, counts, holders, outside, replay);
  }

  private static boolean offers(Catalog version, ProductId offering, ProductId product) {
    if (offering.equals(product)) {
      return true;
    }
    Optional<Bundle> bundle = version.bundle(offering);
    return bundle.isPresent() && bundle.get().covers(product);
  }

  private static Optional<CostLine> seatLine(SeatHolding h, PlanPeriod period) {
    return PlanEvaluation.seatLine(h, period);
  }

  private static Optional<CostLine> networkLine(NetworkHolding n, PlanPeriod period) {
    return PlanEvaluation.networkLine(n, period);
  }

  private static CostLine lotLine(TokenLot lot, PlanPeriod period) {
    return PlanEvaluation.lotLine(lot, period);
  }

  /** Per lot id, the tokens each user drew, as {@code UserCosts} counted them from the ledger. */
  static Map<String, Map<UserId, Long>> drawnByLotAndUser(Result r) {
    Map<String, Map<UserId, Long>> drawn = new HashMap<>();
    for (int i = 0; i < r.ledger().lots().size(); i++) {
      TokenLot lot = r.ledger().lots().get(i);
      Map<UserId, Long> byUser = drawn.computeIfAbsent(lot.id(), k -> new java.util.TreeMap<>());
      for (LedgerReplay.Draw d : r.ledger().drawsFrom(i)) {
        UserId u = r.outcomes().get(Integer.parseInt(d.reference())).window().user();
        byUser.merge(u, d.tokens(), Long::sum);
      }
    }
    return drawn;
  }
}
