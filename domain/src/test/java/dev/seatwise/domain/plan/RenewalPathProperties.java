package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.PathStep.Kind;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of the renewal path, on small random plans and usage over the year 2025. */
class RenewalPathProperties {
  private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
  private static final PlanPeriod YEAR = new PlanPeriod(AS_OF, LocalDate.of(2026, 1, 1), ZoneOffset.UTC);
  private static final ProductId LT = ProductId.of("LT");
  private static final List<UserId> USERS =
      List.of(UserId.of("ann"), UserId.of("bob"), UserId.of("cy"), UserId.of("dee"));
  private static final List<ProductId> PRODUCTS = List.of(AUTOCAD, REVIT, LT);
  private static final List<ProductId> OFFERINGS = List.of(AUTOCAD, REVIT, AEC_COLLECTION);

  private static Catalog catalog(boolean covers) {
    Catalog c = LicensingFixtures.autodeskLikeCatalog();
    List<Product> products = new ArrayList<>(c.products());
    products.add(Product.of("LT", "AutoCAD LT", usd("600.00"), 3));
    Catalog withLt = c.withOfferings(products, c.bundles());
    return covers ? withLt.withCovers(Covers.of(Map.of(AUTOCAD, Set.of(LT)))) : withLt;
  }

  private static long rate(ProductId p) {
    return p.equals(AUTOCAD) ? 7 : p.equals(REVIT) ? 10 : 3;
  }

  /** Windows opening on whole hours of 2025 (bursts on nearby hours, so some overlap). */
  private static Gen<List<Charge>> windows() {
    Gen<Charge> one =
        integers().between(0, 364 * 24)
            .zip(Generate.pick(USERS), Generate.pick(PRODUCTS), (h, u, p) -> {
              Instant open = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(h));
              return new Charge(u, p, open, open.plus(Duration.ofHours(24)), rate(p));
            });
    Gen<List<Charge>> few = lists().of(one).ofSizeBetween(0, 60);
    // plus a heavy user now and then: 150 AutoCAD days
    return few.zip(Generate.booleans(), Generate.pick(USERS), (list, heavy, u) -> {
      List<Charge> all = new ArrayList<>(list);
      if (heavy) {
        for (int d = 0; d < 150; d++) {
          Instant open = AS_OF.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600);
          all.add(new Charge(u, AUTOCAD, open, open.plus(Duration.ofHours(24)), 7));
        }
      }
      return List.copyOf(new java.util.LinkedHashSet<>(all));
    });
  }

  private static String price(ProductId o) {
    return o.equals(AUTOCAD) ? "2030.00" : o.equals(REVIT) ? "2985.00" : "3675.00";
  }

  /** 0 to 3 holdings: renewing on the review date or mid-year, 0 to 3 seats, 0 to 3 assignees. */
  private static Gen<Plan> today() {
    Gen<SeatHolding> one =
        Generate.pick(OFFERINGS)
            .zip(integers().between(0, 3), integers().between(-300, 0), lists().of(Generate.pick(USERS)).ofSizeBetween(0, 3),
                (o, seats, startDay, users) -> {
                  LocalDate start = AS_OF.plusDays(startDay);
                  List<Assignee> as = users.stream().distinct().map(Assignee::throughout).toList();
                  return new SeatHolding("S-" + o.value() + "-" + startDay + "-" + seats, o, Term.ANNUAL, start,
                      start.plusYears(1), seats, usd(price(o)), as);
                });
    return lists().of(one).ofSizeBetween(0, 3).map(hs -> {
      List<SeatHolding> unique = new ArrayList<>();
      Set<String> ids = new java.util.HashSet<>();
      for (SeatHolding h : hs) {
        if (ids.add(h.id())) {
          unique.add(h);
        }
      }
      return Plan.empty(USD).withSeats(unique);
    });
  }

  /** Each user on Flex or on one offering. */
  private static Gen<Plan> optimum() {
    return lists().of(integers().between(0, 3)).ofSize(USERS.size()).map(choice -> {
      List<SeatHolding> hs = new ArrayList<>();
      for (int k = 0; k < OFFERINGS.size(); k++) {
        List<Assignee> as = new ArrayList<>();
        for (int i = 0; i < USERS.size(); i++) {
          if (choice.get(i) == k + 1) {
            as.add(Assignee.throughout(USERS.get(i)));
          }
        }
        if (!as.isEmpty()) {
          ProductId o = OFFERINGS.get(k);
          hs.add(new SeatHolding("O-" + o.value(), o, Term.ANNUAL, AS_OF, AS_OF.plusYears(1), as.size(),
              usd(price(o)), as));
        }
      }
      return Plan.empty(USD).withSeats(hs);
    });
  }

  @Test
  void savingsAreNetAndSumToCurrentMinusTargetToTheCent() {
    CatalogHistory catalogs = CatalogHistory.of(catalog(true));
    qt().withExamples(40).forAll(today(), optimum(), windows()).checkAssert((today, best, use) -> {
      RenewalPath p = RenewalPath.of(today, best, use, List.of(), YEAR, catalogs);
      Money running = p.current();
      for (PathStep s : p.steps()) {
        assertThat(s.saving().isPositive()).isTrue();
        running = running.minus(s.saving());
        assertThat(s.totalAfter()).isEqualTo(running);
        assertThat(s.on()).isBetween(AS_OF, YEAR.to().minusDays(1));
      }
      assertThat(p.totalSaving()).isEqualTo(p.current().minus(p.target()));
      assertThat(p.target()).isLessThanOrEqualTo(p.current());
    });
  }

  @Test
  void applyingEveryActionToTodaysPlanGivesAPlanNoDearerThanTarget() {
    CatalogHistory catalogs = CatalogHistory.of(catalog(true));
    qt().withExamples(40).forAll(today(), optimum(), windows()).checkAssert((today, best, use) -> {
      RenewalPath p = RenewalPath.of(today, best, use, List.of(), YEAR, catalogs);
      // the last step's plan, with the tokens it buys, against the use it still opens
      Set<Charge> avoided = p.steps().isEmpty() ? Set.of() : p.steps().get(p.steps().size() - 1).avoided();
      List<Charge> still = use.stream().filter(c -> !avoided.contains(c)).toList();
      Plan applied = p.targetEvaluation().plan();
      assertThat(applied.seats()).isEqualTo(p.targetPlan().seats());
      PlanEvaluation e = PlanEvaluation.of(applied, still, YEAR, catalogs);
      assertThat(e.total()).isLessThanOrEqualTo(p.target());
      // and it covers every window today's plan covers: whatever it leaves uncovered is off Flex
      PlanEvaluation now = PlanEvaluation.of(p.continuedPlan(), use, YEAR, catalogs);
      long offFlexNow = now.uncovered().stream().filter(w -> w.outcome() == WindowOutcome.Outcome.UNCOVERED_NOT_ON_FLEX).count();
      assertThat(e.uncovered()).hasSizeLessThanOrEqualTo((int) offFlexNow);
    });
  }

  @Test
  void aDoubleChargeStepNeverAppearsWithoutACoversPairInTheCatalog() {
    qt().withExamples(40).forAll(Generate.booleans(), windows()).checkAssert((covers, use) -> {
      Catalog c = catalog(covers);
      RenewalPath p = RenewalPath.of(Plan.empty(USD), Plan.empty(USD), use, List.of(), YEAR, CatalogHistory.of(c));
      for (PathStep s : p.steps()) {
        if (s.kind() == Kind.RESTRICT_FLEX_PRODUCT) {
          ProductId covered = s.offering().orElseThrow();
          assertThat(PRODUCTS.stream().anyMatch(by -> c.covers().covers(by, covered))).isTrue();
          for (Charge w : s.avoided()) {
            // every window it stops opening opened inside a window of the same user's coverer
            assertThat(use.stream().anyMatch(o -> o.user().equals(w.user()) && c.covers().covers(o.product(), w.product())
                && !w.start().isBefore(o.start()) && w.start().isBefore(o.end()))).isTrue();
          }
        }
      }
      if (!covers) {
        assertThat(p.steps()).noneMatch(s -> s.kind() == Kind.RESTRICT_FLEX_PRODUCT);
      }
    });
  }

  /** Sessions opening on whole hours of 2025, of 1 to 72 hours (so some run past the access window). */
  private static Gen<List<Session>> sessions() {
    Gen<Session> one =
        integers().between(0, 364 * 24)
            .zip(integers().between(1, 72), Generate.pick(USERS), Generate.pick(PRODUCTS), (h, len, u, p) -> {
              Instant open = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(h));
              return new Session(u, p, open, open.plus(Duration.ofHours(len)));
            });
    return lists().of(one).ofSizeBetween(0, 40);
  }

  @Test
  void idleBurnByPositionIsThePlainIdleBurn() {
    qt().forAll(windows(), sessions()).checkAssert((use, sessions) -> {
      Set<Charge> expected = Set.copyOf(RenewalPath.idleBurn(use, sessions, Duration.ofHours(24)));
      WindowTable table = WindowTable.of(use);
      int[] at = RenewalPath.idleBurn(table, SessionTable.of(sessions), Duration.ofHours(24));
      List<Charge> actual = new ArrayList<>();
      for (int k = 0; k < at.length; k++) {
        assertThat(k == 0 || at[k - 1] < at[k]).isTrue();
        actual.add(table.charge(at[k]));
      }
      assertThat(actual).hasSameSizeAs(expected);
      assertThat(Set.copyOf(actual)).isEqualTo(expected);
    });
  }

  @Test
  void thePathOverATableWithIdleBurnByPositionIsThePathOverTheCharges() {
    CatalogHistory catalogs = CatalogHistory.of(catalog(true));
    qt().withExamples(40).forAll(today(), optimum(), windows(), sessions()).checkAssert((today, best, use, sessions) -> {
      RenewalPath expected =
          RenewalPath.of(today, best, use, RenewalPath.idleBurn(use, sessions, Duration.ofHours(24)), YEAR, catalogs);
      WindowTable table = WindowTable.of(use);
      RenewalPath actual =
          RenewalPath.of(today, best, table,
              RenewalPath.idleBurn(table, SessionTable.of(sessions), Duration.ofHours(24)), YEAR, catalogs);
      assertThat(actual.steps()).isEqualTo(expected.steps());
      assertThat(actual.current()).isEqualTo(expected.current());
      assertThat(actual.target()).isEqualTo(expected.target());
      assertThat(actual.optimum()).isEqualTo(expected.optimum());
      assertThat(actual.notes()).isEqualTo(expected.notes());
    });
  }

  /**
   * The walk keeps of its evaluations only what it reads afterwards, and evaluates its states under
   * a mask of the table (the windows avoided) rather than against a filtered copy: what it keeps
   * is what the evaluations against the table without those windows (the rule it replaced, made
   * again when asked for) say, for today's plan continued and for the target. About one example
   * in 25 has a walk that avoids windows, so 600 examples (not 60, which missed every one in about
   * one run in twelve) make the check that one was seen a sure one.
   */
  @Test
  void whatTheWalkKeepsOfItsEvaluationsIsWhatTheyGive() {
    CatalogHistory catalogs = CatalogHistory.of(catalog(true));
    Set<String> seen = new java.util.HashSet<>();
    qt().withExamples(600).forAll(today(), optimum(), windows(), sessions()).checkAssert((today, best, use, sessions) -> {
      WindowTable table = WindowTable.of(use);
      RenewalPath p =
          RenewalPath.of(today, best, table,
              RenewalPath.idleBurn(table, SessionTable.of(sessions), Duration.ofHours(24)), YEAR, catalogs);
      PlanEvaluation now = p.currentEvaluation();
      PlanEvaluation target = p.targetEvaluation();
      assertThat(now.total()).isEqualTo(p.current());
      assertThat(now.seatGaps()).isEqualTo(p.currentSeatGaps());
      assertThat(target.total()).isEqualTo(p.target());
      assertThat(target.unusedTokens()).isEqualTo(p.targetUnusedTokens());
      assertThat(target.plan().lots()).isEqualTo(p.targetLots());
      assertThat(target.plan().seats()).isEqualTo(p.targetPlan().seats());
      // the target's windows: those the last step still opens
      Set<Charge> avoided = p.steps().isEmpty() ? Set.of() : p.steps().get(p.steps().size() - 1).avoided();
      seen.add(avoided.isEmpty() ? "no window avoided" : "windows avoided");
      List<Charge> still = new ArrayList<>();
      for (int i = 0; i < table.size(); i++) {
        if (!avoided.contains(table.charge(i))) {
          still.add(table.charge(i));
        }
      }
      assertThat(target.windows().charges()).isEqualTo(WindowTable.of(still).startingIn(
          WindowTable.saturatedNanos(YEAR.start()), WindowTable.saturatedNanos(YEAR.end())).charges());
    });
    assertThat(seen).contains("windows avoided");
  }
}
