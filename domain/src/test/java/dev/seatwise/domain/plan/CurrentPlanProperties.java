package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingGens.ORIGIN;
import static dev.seatwise.domain.testkit.LicensingGens.USERS;
import static dev.seatwise.domain.testkit.LicensingGens.tokenLotLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.WindowOutcome.Outcome;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLedger;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of today's plan evaluated ({@link CurrentPlan}). */
class CurrentPlanProperties {
  private static final LocalDate START = LocalDate.ofInstant(ORIGIN, ZoneOffset.UTC); // 2024-01-01
  private static final CatalogHistory FIXTURE =
      CatalogHistory.of(LicensingFixtures.autodeskLikeCatalog());
  private static final List<ProductId> PRODUCTS = List.of(AUTOCAD, REVIT);
  private static final List<ProductId> OFFERINGS = List.of(AUTOCAD, REVIT, AEC_COLLECTION);

  /** Windows on whole hours within three years of the origin, at the products' rates. */
  private static Gen<List<Charge>> windows(int max) {
    Gen<Charge> one =
        integers()
            .between(0, 3 * 365 * 24)
            .zip(
                Generate.pick(USERS),
                Generate.pick(PRODUCTS),
                (h, u, p) -> {
                  Instant open = ORIGIN.plus(Duration.ofHours(h));
                  long rate = p.equals(AUTOCAD) ? 7 : 10;
                  return new Charge(u, p, open, open.plus(Duration.ofHours(24)), rate);
                });
    return lists().of(one).ofSizeBetween(0, max);
  }

  /** 0 to 3 subscriptions of 0 to 3 seats, any term, from 200 days before to 700 after. */
  private static Gen<List<Subscription>> subscriptions() {
    Gen<Subscription> one =
        integers()
            .between(-200, 700)
            .zip(
                integers().between(0, 800),
                Generate.pick(List.of(Term.MONTHLY, Term.ANNUAL, Term.THREE_YEAR)),
                integers().between(0, 3),
                Generate.pick(OFFERINGS),
                (start, length, term, seats, offering) ->
                    new Subscription(
                        "s", offering, seats, term, START.plusDays(start),
                        START.plusDays(start + length), Optional.empty()));
    return lists()
        .of(one)
        .ofSizeBetween(0, 3)
        .map(
            subs -> {
              List<Subscription> out = new ArrayList<>();
              for (int i = 0; i < subs.size(); i++) {
                Subscription s = subs.get(i);
                out.add(
                    new Subscription(
                        "S" + i, s.offering(), s.seats(), s.term(), s.start(), s.end(), s.price()));
              }
              return out;
            });
  }

  private static Gen<List<SeatAssignment>> assignments() {
    Gen<SeatAssignment> one =
        Generate.pick(USERS).zip(Generate.pick(OFFERINGS), SeatAssignment::new);
    return lists().of(one).ofSizeBetween(0, 5);
  }

  /** Subscriptions, assignments and lots (in USD, the catalog's currency). */
  private static Gen<Entitlements> entitlements() {
    return subscriptions()
        .zip(
            assignments(),
            tokenLotLists(3),
            (subs, assigned, lots) -> {
              List<TokenLot> usd = new ArrayList<>();
              for (TokenLot l : lots) {
                usd.add(
                    new TokenLot(
                        l.id(), l.purchased(), l.size(), new UnitPrice(l.unitPrice().perUnit(), USD),
                        l.expires()));
              }
              return new Entitlements(subs, assigned, usd);
            });
  }

  private static Gen<PlanPeriod> periods() {
    return integers()
        .between(0, 400)
        .zip(
            integers().between(1, 730),
            (from, days) ->
                new PlanPeriod(START.plusDays(from), START.plusDays(from + days), ZoneOffset.UTC));
  }

  @Test
  void theTotalIsTheSumOfTheLinesAndPurchasesAndEveryWindowIsSeatedDrawnOrUncovered() {
    qt().withExamples(200)
        .forAll(entitlements(), windows(40), periods())
        .checkAssert(
            (held, windows, period) -> {
              HeldPlan plan = HeldPlan.of(held, FIXTURE, period, windows);
              CurrentPlan c = CurrentPlan.evaluate(plan, windows, FIXTURE);
              PlanEvaluation e = c.evaluation();

              // the total is the sum of its lines, each rounded once, and of its purchases
              Money sum = Money.zero(USD);
              for (CostLine l : e.lines()) {
                sum = sum.plus(l.amount());
              }
              for (ScheduledPurchase p : c.purchases()) {
                sum = sum.plus(p.cost());
              }
              assertThat(c.total()).isEqualTo(sum);

              // every window of the period is met exactly once: seated, drawn or uncovered
              long inPeriod = windows.stream().filter(w -> period.contains(w.start())).count();
              assertThat(e.outcomes()).hasSize((int) inPeriod);
              List<TokenCharge> shortfall = new ArrayList<>();
              for (WindowOutcome o : e.outcomes()) {
                LocalDate day = period.dayOf(o.window().start());
                switch (o.outcome()) {
                  case SEAT -> {
                    SeatHolding h =
                        plan.plan().seats().stream()
                            .filter(s -> s.id().equals(o.holding()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(h.isActiveOn(day)).as("seat %s active on %s", h.id(), day).isTrue();
                    assertThat(h.assignees()).extracting(Assignee::user).contains(o.window().user());
                    assertThat(c.seatMiss(o)).isEmpty();
                  }
                  case TOKENS -> assertThat(c.seatMiss(o)).isPresent();
                  default -> {
                    assertThat(e.uncovered()).contains(o);
                    assertThat(c.seatMiss(o)).isPresent();
                    if (o.outcome() == Outcome.UNCOVERED_NO_BALANCE) {
                      shortfall.add(new TokenCharge(o.window().start(), o.tokens(), ""));
                    }
                  }
                }
              }
              // every draw comes from a lot unexpired when the window opens
              LedgerReplay ledger = e.ledger();
              long drawn = 0;
              for (int i = 0; i < ledger.lots().size(); i++) {
                TokenLot lot = ledger.lots().get(i);
                for (LedgerReplay.Draw d : ledger.drawsFrom(i)) {
                  assertThat(lot.isActiveAt(d.at())).isTrue();
                  drawn += d.tokens();
                }
              }
              assertThat(drawn).isEqualTo(e.tokensDrawn());
              assertThat(e.seatMisses())
                  .hasSize((int) e.outcomes().stream().filter(o -> o.outcome() != Outcome.SEAT).count());

              // what is bought pays every uncovered window before it expires
              assertThat(c.shortfallTokens())
                  .isEqualTo(shortfall.stream().mapToLong(TokenCharge::tokens).sum());
              List<TokenLot> bought = new ArrayList<>();
              for (ScheduledPurchase p : c.purchases()) {
                bought.add(
                    new TokenLot(
                        "b" + bought.size(), p.date().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        p.tokens(), UnitPrice.of("1.00", "USD"),
                        p.expires().atStartOfDay(ZoneOffset.UTC).toInstant()));
              }
              assertThat(TokenLedger.of(bought).replay(shortfall).refused()).isEmpty();
            });
  }
}
