package dev.seatwise.application.service;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.Chargeback;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.ScenarioPurchase;
import dev.seatwise.application.port.in.UnassignedSeats;
import dev.seatwise.application.port.in.UncoveredUse;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.CostLine;
import dev.seatwise.domain.plan.CurrentPlan;
import dev.seatwise.domain.plan.ExcessAssignee;
import dev.seatwise.domain.plan.HeldPlan;
import dev.seatwise.domain.plan.OfferingSeatCount;
import dev.seatwise.domain.plan.PlanEvaluation;
import dev.seatwise.domain.plan.PlanPeriod;
import dev.seatwise.domain.plan.ScheduledPurchase;
import dev.seatwise.domain.plan.SeatHolding;
import dev.seatwise.domain.plan.SeatMiss;
import dev.seatwise.domain.plan.WindowOutcome;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code current} scenario: today's plan ({@link HeldPlan}, from the Subscriptions and Users
 * exports and the token lots) evaluated by the domain ({@link CurrentPlan}: {@link PlanEvaluation}
 * plus the cheapest purchase schedule of what it leaves uncovered), mapped to a {@link Scenario}'s
 * lines, holdings, purchases, uncovered use and unassigned seats, with notes and the chargeback.
 * Every rule is the domain's; this class only words and groups its results.
 */
final class CurrentScenario {
  private CurrentScenario() {}

  static Optional<Scenario> of(
      Entitlements held,
      UsageAnalysis analysis,
      CatalogHistory catalogs,
      List<String> notes,
      ChargebackLedger ledger) {
    if (held.isEmpty()) {
      // said so whether no such file was given or every row of those given was rejected
      notes.add(
          "current is left out: no subscription, seat assignment or token lot to evaluate (give"
              + " the Subscriptions or Users export or token lots; rows rejected are listed in the"
              + " import report)");
      return Optional.empty();
    }
    AnalysisPeriod ap = analysis.period();
    PlanPeriod period = new PlanPeriod(ap.from(), ap.to(), ap.zone());
    List<Charge> windows = analysis.flexMetering().charges();
    HeldPlan plan = HeldPlan.of(held, catalogs, period, windows);
    CurrentPlan current = CurrentPlan.evaluate(plan, analysis.flexWindows(), catalogs);
    PlanEvaluation e = current.evaluation();
    for (String a : plan.assumptions()) {
      notes.add("current: " + a);
    }
    for (String o : plan.omissions()) {
      notes.add("current: " + o);
    }

    List<String> lines = new ArrayList<>();
    List<Holding> holdings = new ArrayList<>();
    Map<String, SeatHolding> seatById = new HashMap<>();
    for (SeatHolding h : plan.plan().seats()) {
      seatById.put(h.id(), h);
    }
    Map<String, TokenLot> lotById = new HashMap<>();
    for (TokenLot l : plan.plan().lots()) {
      lotById.put(l.id(), l);
    }
    Money seatCost = Money.zero(plan.plan().currency());
    for (CostLine l : e.lines()) {
      if (l.kind() == CostLine.Kind.SEATS) {
        SeatHolding h = seatById.get(l.holding());
        lines.add(seatLine(h, l));
        seatCost = seatCost.plus(l.amount());
        LocalDate from = h.start().isAfter(period.from()) ? h.start() : period.from();
        LocalDate to = h.end().isBefore(period.to()) ? h.end() : period.to();
        holdings.add(
            from.isBefore(to)
                ? new Holding(Holding.NAMED, h.offering().value(), h.seats(), from, to,
                    dev.seatwise.domain.plan.TermMix.termName(h.term()))
                : new Holding(Holding.NAMED, h.offering().value(), h.seats(), l.from(), l.to(),
                    dev.seatwise.domain.plan.TermMix.termName(h.term())));
        if (ledger.active()) {
          Map<String, Long> seats = new HashMap<>();
          List<UserId> holders = e.seatHolders().getOrDefault(h.id(), List.of());
          for (UserId u : holders) {
            ledger.weigh(seats, u, 1);
          }
          if (h.seats() > holders.size()) {
            seats.merge(Chargeback.UNASSIGNED, h.seats() - holders.size(), Math::addExact);
          }
          ledger.shared(Scenario.CURRENT, l.amount(), seats);
        }
      } else if (l.kind() == CostLine.Kind.TOKEN_LOT) {
        TokenLot lot = lotById.get(l.holding());
        holdings.add(new Holding(Holding.TOKENS, lot.id(), lot.size(), l.from(), l.to()));
        lines.add(
            period.contains(lot.purchased())
                ? String.format(
                    "lot %s: %d tokens bought %s, expiring %s = %s",
                    lot.id(), lot.size(), l.from(), l.to(), l.amount().amount().toPlainString())
                : String.format(
                    "lot %s: %d tokens bought %s, expiring %s: bought outside the period, not in its"
                        + " total",
                    lot.id(), lot.size(), l.from(), l.to()));
      }
    }
    if (!plan.plan().lots().isEmpty()) {
      lines.add(
          String.format(
              "Flex use without a seat: %d tokens drawn from the lots (earliest expiry first)",
              e.tokensDrawn()));
      if (e.tokensExpiredUnused() > 0) {
        lines.add(
            String.format(
                "lots: %d tokens expire unused within the period", e.tokensExpiredUnused()));
      }
    }

    // more assignees than seats, and seats nobody is assigned to
    Map<ProductId, OfferingSeatCount> counts = new LinkedHashMap<>();
    for (OfferingSeatCount c : e.offeringSeats()) {
      counts.put(c.offering(), c);
    }
    Map<ProductId, Set<UserId>> unseated = new TreeMap<>();
    for (ExcessAssignee x : e.excessAssignees()) {
      unseated.computeIfAbsent(x.offering(), o -> new LinkedHashSet<>()).add(x.user());
    }
    unseated.forEach(
        (offering, users) -> {
          OfferingSeatCount c = counts.get(offering);
          notes.add(
              String.format(
                  "current: %s has %d %s and %d users assigned; seated in the Users export's order,"
                      + " %s %s no seat, so their use is not covered by one",
                  offering, c.seats(), c.seats() == 1 ? "seat" : "seats", c.assigned(),
                  join(users), users.size() == 1 ? "has" : "have"));
        });
    List<UnassignedSeats> unassigned = new ArrayList<>();
    List<String> idle = new ArrayList<>();
    long idleSeats = 0;
    for (OfferingSeatCount c : new TreeMap<>(counts).values()) {
      if (c.unassigned() > 0) {
        unassigned.add(new UnassignedSeats(c.offering(), c.seats(), c.assigned()));
        idle.add(c.offering() + " " + c.unassigned() + " of " + c.seats());
        idleSeats += c.unassigned();
      }
    }
    if (idleSeats > 0) {
      notes.add(
          String.format(
              "current: %d %s nobody (more seats held than users assigned): %s",
              idleSeats, idleSeats == 1 ? "seat covers" : "seats cover", String.join(", ", idle)));
    }

    // why no seat covered a window, counted per user, product and reason
    Map<String, long[]> missed = new TreeMap<>();
    Map<String, Long> burned = new HashMap<>();
    for (SeatMiss m : current.seatMisses()) {
      Charge w = m.window().window();
      ledger.weigh(burned, w.user(), m.window().tokens());
      if (m.reason() != SeatMiss.Reason.NOT_ASSIGNED) {
        missed.computeIfAbsent(
                w.user() + "'s " + w.product() + " use: " + reason(m), k -> new long[1])[0]++;
      }
    }
    missed.forEach(
        (r, n) -> notes.add("current: " + n[0] + (n[0] == 1 ? " window of " : " windows of ") + r));

    // uncovered use, and what is bought for it
    Map<String, long[]> uncoveredBy = new TreeMap<>();
    Map<String, UncoveredUse> keys = new HashMap<>();
    Set<UserId> users = new LinkedHashSet<>();
    for (WindowOutcome o : e.uncovered()) {
      Charge w = o.window();
      String reason = current.seatMiss(o).map(CurrentScenario::reason).orElse("no seat assigned");
      String key = w.user() + "\u0000" + w.product() + "\u0000" + reason;
      long[] wt = uncoveredBy.computeIfAbsent(key, k -> new long[2]);
      wt[0]++;
      wt[1] += o.tokens();
      keys.putIfAbsent(key, new UncoveredUse(w.user(), w.product(), 0, 0, reason));
      users.add(w.user());
    }
    List<UncoveredUse> uncovered = new ArrayList<>();
    uncoveredBy.forEach(
        (k, wt) -> {
          UncoveredUse u = keys.get(k);
          uncovered.add(new UncoveredUse(u.user(), u.product(), wt[0], wt[1], u.reason()));
        });
    OptionalLong tokens = OptionalLong.empty();
    List<ScenarioPurchase> purchases = new ArrayList<>();
    long shortfall = current.shortfallTokens();
    if (shortfall > 0) {
      tokens = OptionalLong.of(shortfall);
      for (ScheduledPurchase p : current.purchases()) {
        purchases.add(new ScenarioPurchase(p.date(), p.packs()));
      }
      lines.add(
          String.format(
              "uncovered: %d windows of %d users (%d tokens) not covered by seats or lots; %s",
              e.uncoveredCount(), users.size(), shortfall, bought(current)));
      notes.add(
          "current plan leaves " + shortfall + " tokens of usage uncovered; "
              + (current.purchases().isEmpty()
                  ? "no pack is sold to cover them: left out of its total"
                  : current.scheduled()
                      ? "priced at the cheapest token purchase schedule"
                      : "priced at the cheapest pack purchase at once"));
    } else if (e.uncoveredCount() > 0) {
      lines.add(
          String.format(
              "uncovered: %d windows of %d users not covered by seats or lots (not sold on Flex)",
              e.uncoveredCount(), users.size()));
    }
    Money total = current.total();
    ledger.shared(Scenario.CURRENT, total.minus(seatCost), burned);
    return Optional.of(
        new Scenario(
            Scenario.CURRENT, total, tokens, Map.of(), lines, holdings, purchases, uncovered,
            unassigned));
  }

  /** A seat holding's line: its term's price, pro rata by the term's days in the period. */
  private static String seatLine(SeatHolding h, CostLine l) {
    long termDays = ChronoUnit.DAYS.between(h.start(), h.termEnd());
    long inPeriod = ChronoUnit.DAYS.between(l.from(), l.to());
    String label = h.id().endsWith(" " + h.offering()) ? h.id() : h.id() + " " + h.offering();
    return String.format(
        "%s: %d %s x %s per %s term x %d/%d days of the term (%s to %s)%s = %s",
        label, h.seats(), h.seats() == 1 ? "seat" : "seats",
        h.pricePerSeat().amount().toPlainString(), term(h), inPeriod, termDays, l.from(), l.to(),
        h.end().isBefore(h.termEnd()) ? "; seats cover until " + h.end() : "",
        l.amount().amount().toPlainString());
  }

  /** How the shortfall was bought, why that way, and its cost. */
  private static String bought(CurrentPlan current) {
    List<ScheduledPurchase> ps = current.purchases();
    if (ps.isEmpty()) {
      return "no token pack is sold to cover them: not in the total";
    }
    String cost = " = " + current.purchasesCost().amount().toPlainString();
    ScheduledPurchase first = ps.get(0);
    if (!current.scheduled()) {
      return "bought at once on " + first.date() + " as " + packs(first.packs())
          + " (too many tokens for the exact purchase schedule)" + cost;
    }
    if (ps.size() == 1) {
      return "bought on " + first.date() + " as " + packs(first.packs())
          + " (the cheapest token purchase schedule: one purchase pays them all before it expires)"
          + cost;
    }
    return "bought as the cheapest token purchase schedule, " + ps.size() + " purchases (lots"
        + " expire, so one purchase cannot pay them all)" + cost;
  }

  private static String packs(PackPurchase p) {
    List<String> parts = new ArrayList<>();
    p.counts().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getKey().size(), a.getKey().size()))
        .forEach(e -> parts.add(e.getValue() + " x " + e.getKey().size()));
    return String.join(" + ", parts);
  }

  /** Why no seat covered a window, in words. */
  static String reason(SeatMiss m) {
    String offering = m.offering().value();
    switch (m.reason()) {
      case NO_SUBSCRIPTION:
        return "assigned " + offering + ", which has no subscription";
      case BEFORE_START:
        return "before " + offering + "'s subscription starts";
      case AFTER_END:
        return "after " + offering + "'s subscription ended on " + m.date();
      case UNSEATED:
        return offering + " has fewer seats than users assigned and " + m.window().window().user()
            + " has none";
      default:
        return "no seat assigned";
    }
  }

  private static String term(SeatHolding h) {
    return h.term().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String join(Set<UserId> users) {
    List<String> ids = new ArrayList<>();
    for (UserId u : users) {
      ids.add(u.value());
    }
    return String.join(", ", ids);
  }
}
