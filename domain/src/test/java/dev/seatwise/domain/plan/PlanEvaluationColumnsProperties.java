package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.tokens.LedgerReplay;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Plan evaluation over a window table ({@link PlanEvaluation#of(Plan, WindowTable, PlanPeriod,
 * CatalogHistory)}: primitive state per window, a columnar token replay) gives what the object
 * evaluation it replaced gave ({@link ObjectPlanEvaluation}, the old algorithm kept as the oracle):
 * on random plans (seat holdings of products and a collection with assignees over days, network
 * holdings, token lots), windows (ties, collections at their own tokens, some past an int,
 * products not on Flex or not in the catalog, windows outside the period), catalog versions and
 * zones with daylight saving at midnight, the same outcome, tokens and holding per window, the same
 * seat misses, unused tokens, seat gaps, unseated assignees, seat counts and holders, token draws,
 * cost lines and total.
 */
class PlanEvaluationColumnsProperties {
  private static final Instant ORIGIN = Instant.parse("2024-01-01T00:00:00Z");
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/Havana"),
          ZoneId.of("+05:30"));
  private static final List<ProductId> PRODUCTS =
      List.of(AUTOCAD, REVIT, AEC_COLLECTION, ProductId.of("XYZ"));

  record Instance(Plan plan, List<Charge> windows, PlanPeriod period, CatalogHistory catalogs) {}

  static Instance instance(long seed) {
    Random r = new Random(seed);
    ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
    LocalDate from = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(200));
    PlanPeriod period = new PlanPeriod(from, from.plusDays(20 + r.nextInt(500)), zone);
    // one to three catalog versions: AutoCAD's rate changes, or it leaves Flex
    List<Catalog> versions = new ArrayList<>();
    versions.add(LicensingFixtures.autodeskLikeCatalog());
    int more = r.nextInt(3);
    for (int v = 0; v < more; v++) {
      Optional<Long> rate = r.nextInt(3) == 0 ? Optional.empty() : Optional.of((long) r.nextInt(20));
      versions.add(withAutocadRate(LocalDate.of(2024, 1, 1).plusDays(1 + r.nextInt(500) + 500L * v), rate));
    }
    versions.sort(java.util.Comparator.comparing(Catalog::effective));
    CatalogHistory catalogs = CatalogHistory.of(versions.toArray(new Catalog[0]));
    int userCount = 1 + r.nextInt(7);
    List<UserId> users = new ArrayList<>();
    for (int u = 0; u < userCount; u++) {
      users.add(UserId.of("user" + u));
    }
    int n = r.nextInt(r.nextInt(4) == 0 ? 400 : 60);
    List<Charge> windows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      long hours = r.nextBoolean() ? r.nextInt(30) * 24L + r.nextInt(3) : r.nextInt(2 * 365 * 24);
      Instant start = ORIGIN.plus(Duration.ofHours(hours)).plusSeconds(r.nextInt(4) == 0 ? r.nextInt(3600) : 0);
      windows.add(new Charge(users.get(r.nextInt(userCount)), PRODUCTS.get(r.nextInt(PRODUCTS.size())),
          start, start.plus(Duration.ofHours(24)),
          // now and then tokens past an int (a collection's own): the evaluation's wide column
          r.nextInt(25) == 0 ? Integer.MAX_VALUE - 3L + r.nextInt(8) : r.nextInt(15)));
    }
    Plan plan = Plan.empty(USD);
    int holdings = r.nextInt(4);
    List<SeatHolding> seats = new ArrayList<>();
    if (r.nextInt(8) == 0) {
      // holdings that end before the period first: the others' indexes are past a byte's range
      for (int h = 0; h < 130; h++) {
        LocalDate s = from.minusYears(5).plusDays(h);
        seats.add(new SeatHolding("old-" + h, AUTOCAD, Term.ANNUAL, s, s.plusYears(1), 1,
            Money.of("100.00", "USD"), List.of()));
      }
    }
    for (int h = 0; h < holdings; h++) {
      Term term = List.of(Term.MONTHLY, Term.ANNUAL, Term.THREE_YEAR).get(r.nextInt(3));
      LocalDate s = from.plusDays(r.nextInt(400) - 100);
      List<Assignee> assignees = new ArrayList<>();
      int a = r.nextInt(5);
      for (int k = 0; k < a; k++) {
        LocalDate af = from.plusDays(r.nextInt(400) - 30);
        assignees.add(new Assignee(users.get(r.nextInt(userCount)), af, af.plusDays(1 + r.nextInt(400))));
      }
      ProductId offering = List.of(AUTOCAD, REVIT, AEC_COLLECTION).get(r.nextInt(3));
      LocalDate end = s.plusMonths(term.months());
      if (r.nextInt(4) == 0) {
        end = s.plusDays(1 + r.nextInt(25));
      }
      seats.add(new SeatHolding("seat-" + h, offering, term, s, end, r.nextInt(4),
          Money.of(BigDecimal.valueOf(100_000 + r.nextInt(500_000), 2), USD), assignees));
    }
    plan = plan.withSeats(seats);
    if (r.nextInt(3) == 0) {
      LocalDate s = from.plusDays(r.nextInt(300) - 50);
      plan = plan.withNetwork(new NetworkHolding("net-0", PRODUCTS.get(r.nextInt(2)), 1 + r.nextInt(3),
          s, s.plusDays(1 + r.nextInt(300)), Money.of("1500.00", "USD")));
    }
    int lots = r.nextInt(5);
    List<TokenLot> bought = new ArrayList<>();
    for (int l = 0; l < lots; l++) {
      Instant p = ORIGIN.plus(Duration.ofHours(r.nextInt(2 * 365 * 24)));
      if (r.nextBoolean()) {
        p = from.atStartOfDay(zone).toInstant().plus(Duration.ofDays(r.nextInt(60)));
      }
      bought.add(new TokenLot("lot-" + l, p, 1 + r.nextInt(r.nextBoolean() ? 40 : 2000),
          UnitPrice.of("2.70", "USD"),
          p.plus(Duration.ofDays(1 + r.nextInt(400)))));
    }
    plan = plan.withLots(bought);
    return new Instance(plan, windows, period, catalogs);
  }

  private static Catalog withAutocadRate(LocalDate effective, Optional<Long> rate) {
    Catalog c = LicensingFixtures.autodeskLikeCatalog();
    List<Product> products = new ArrayList<>();
    for (Product p : c.products()) {
      products.add(
          p.id().equals(AUTOCAD)
              ? new Product(p.id(), p.name(), p.namedUser(), rate, p.networkSeat())
              : p);
    }
    return new Catalog(
        c.vendor(), c.currency(), effective, c.meter(), c.metering(), c.tokenExpiry(), c.packs(),
        products, c.bundles());
  }

  @Test
  void theTableEvaluationIsTheObjectEvaluation() {
    java.util.Set<Object> seen = new java.util.HashSet<>();
    qt().withExamples(600)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
              ObjectPlanEvaluation.Result expected =
                  ObjectPlanEvaluation.of(in.plan(), in.windows(), in.period(), in.catalogs());
              PlanEvaluation actual =
                  PlanEvaluation.of(in.plan(), WindowTable.of(in.windows()), in.period(), in.catalogs());
              String as = "seed " + seed;
              expected.outcomes().forEach(o -> seen.add(o.outcome()));
              if (expected.outcomes().stream().anyMatch(o -> o.tokens() > Integer.MAX_VALUE)) {
                seen.add("tokens past an int");
              }
              expected.seatMisses().forEach(m -> seen.add(m.reason()));
              if (!expected.seatGaps().isEmpty()) {
                seen.add("gap");
              }
              if (!expected.excessAssignees().isEmpty()) {
                seen.add("excess");
              }
              assertThat(actual.outcomes()).as(as).isEqualTo(expected.outcomes());
              for (int i = 0; i < expected.outcomes().size(); i++) {
                WindowOutcome o = expected.outcomes().get(i);
                assertThat(actual.windows().charge(i)).as(as).isEqualTo(o.window());
                assertThat(actual.outcome(i)).as(as).isEqualTo(o.outcome());
                assertThat(actual.tokens(i)).as(as).isEqualTo(o.tokens());
                assertThat(actual.holding(i)).as(as).isEqualTo(o.holding());
              }
              List<WindowOutcome> uncovered =
                  expected.outcomes().stream().filter(o -> !o.isCovered()).toList();
              assertThat(actual.uncovered()).as(as).isEqualTo(uncovered);
              assertThat(actual.uncoveredCount()).as(as).isEqualTo(uncovered.size());
              long drawn =
                  expected.outcomes().stream()
                      .filter(o -> o.outcome() == WindowOutcome.Outcome.TOKENS)
                      .mapToLong(WindowOutcome::tokens).sum();
              assertThat(actual.tokensDrawn()).as(as).isEqualTo(drawn);
              assertThat(actual.seatMisses()).as(as).isEqualTo(expected.seatMisses());
              assertThat(actual.unusedTokens()).as(as).isEqualTo(expected.unusedTokens());
              assertThat(actual.seatGaps()).as(as).isEqualTo(expected.seatGaps());
              assertThat(actual.excessAssignees()).as(as).isEqualTo(expected.excessAssignees());
              assertThat(actual.offeringSeats()).as(as).isEqualTo(expected.offeringSeats());
              assertThat(actual.seatHolders()).as(as).isEqualTo(expected.seatHolders());
              assertThat(actual.windowsOutsidePeriod()).as(as).isEqualTo(expected.windowsOutsidePeriod());
              assertThat(actual.lines()).as(as).isEqualTo(expected.lines());
              assertSameLedger(actual.ledger(), expected.ledger(), as);
              assertThat(actual.drawnByLotAndUser()).as(as)
                  .isEqualTo(ObjectPlanEvaluation.drawnByLotAndUser(expected));
              // the list adapter is the table evaluation
              PlanEvaluation viaList =
                  PlanEvaluation.of(in.plan(), in.windows(), in.period(), in.catalogs());
              assertThat(viaList.outcomes()).as(as).isEqualTo(expected.outcomes());
              assertThat(viaList.total()).as(as).isEqualTo(actual.total());
            });
    // the examples reached every outcome and every reason a plan evaluation gives
    assertThat(seen)
        .containsAll(List.of(WindowOutcome.Outcome.values()))
        .contains(SeatMiss.Reason.NOT_ASSIGNED, SeatMiss.Reason.UNSEATED,
            SeatMiss.Reason.BEFORE_START, SeatMiss.Reason.AFTER_END, "gap", "excess",
            "tokens past an int");
  }

  @Test
  void aSliceOfTheWindowsEvaluatesAsTheWholeTable() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
              WindowTable all = WindowTable.of(in.windows());
              WindowTable inPeriod =
                  all.startingIn(
                      WindowTable.saturatedNanos(in.period().start()),
                      WindowTable.saturatedNanos(in.period().end()));
              PlanEvaluation whole = PlanEvaluation.of(in.plan(), all, in.period(), in.catalogs());
              PlanEvaluation part = PlanEvaluation.of(in.plan(), inPeriod, in.period(), in.catalogs());
              assertThat(part.outcomes()).isEqualTo(whole.outcomes());
              assertThat(part.windowsOutsidePeriod()).isZero();
              assertThat(whole.windowsOutsidePeriod()).isEqualTo(all.size() - inPeriod.size());
              assertThat(part.total()).isEqualTo(whole.total());
            });
  }

  private static void assertSameLedger(LedgerReplay actual, LedgerReplay expected, String as) {
    assertThat(actual.lots()).as(as).isEqualTo(expected.lots());
    for (int i = 0; i < expected.lots().size(); i++) {
      assertThat(actual.drawsFrom(i)).as(as).isEqualTo(expected.drawsFrom(i));
    }
    assertThat(actual.accepted()).as(as).isEqualTo(expected.accepted());
    assertThat(actual.refused()).as(as).isEqualTo(expected.refused());
  }
}
