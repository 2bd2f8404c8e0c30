package dev.seatwise.domain.optimize;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demands from a columnar replay, and the problem at a catalog's annual prices. */
class ReplayDemandsTest {
  private static final Instant MON = Instant.parse("2025-01-06T08:00:00Z");

  @Test
  void oneDemandPerUserInUserOrderWithTheTokensFlexCharged() {
    // zoe appears first in the table, ann second: demands come in user order all the same
    SessionTable table = SessionTable.of(List.of(
        Session.of("zoe", "RVT", MON, MON.plusSeconds(3_600)),
        Session.of("ann", "ACD", MON, MON.plusSeconds(600)),
        Session.of("zoe", "RVT", MON.plusSeconds(90_000), MON.plusSeconds(93_600)),
        Session.of("ann", "RVT", MON, MON.plusSeconds(60)),
        Session.of("zoe", "ACD", MON.plusSeconds(7_200), MON.plusSeconds(7_800))));
    ColumnarFlexReplay replay = ColumnarFlexReplay.of(table, flexContext());

    List<UserDemand> demands = UserDemand.perUser(replay);

    // ACD costs 7 tokens a window and RVT 10; zoe's two RVT sessions are 25 hours apart: 2 windows;
    // ann's one-minute RVT session is under the minimum billable time: used, but 0 tokens
    assertThat(demands).containsExactly(
        UserDemand.of(UserId.of("ann"), Map.of(AUTOCAD, 7L, REVIT, 0L)),
        UserDemand.of(UserId.of("zoe"), Map.of(AUTOCAD, 7L, REVIT, 20L)));
  }

  @Test
  void embeddingGuideColumnarExample() {
    // docs/embedding.md, section 4, with two sessions of one user
    Catalog catalog = autodeskLikeCatalog();
    Instant start = MON;
    Instant end = MON.plusSeconds(3_600);
    SessionTable.Builder rows = SessionTable.builder();
    int ann = rows.userIndex(UserId.of("ann@example.com"));
    int acd = rows.productIndex(AUTOCAD);
    rows.add(ann, acd, SessionTable.toNanos(start), SessionTable.toNanos(end));
    rows.add(ann, acd, SessionTable.toNanos(start.plusSeconds(86_400)),
        SessionTable.toNanos(end.plusSeconds(86_400)));
    ColumnarFlexReplay replay = ColumnarFlexReplay.of(rows.build(), MeterContext.of(catalog), 2);
    HybridProblem problem = HybridProblem.atAnnualPrices(
        catalog, catalog.bundles(), catalog.packs(), UserDemand.perUser(replay));
    OptimizationResult.Solved optimal = HybridOptimizer.solve(problem).orElseThrow();
    OptimizationResult.Solved allNamed =
        HybridOptimizer.solve(problem.withAllPinned(Pin.NAMED)).orElseThrow();

    // two windows of AutoCAD (7 tokens each) are cheaper on Flex than a 2,030.00 subscription
    assertThat(replay.totalTokens()).isEqualTo(14);
    assertThat(allNamed.total()).isEqualTo(usd("2030.00"));
    assertThat(optimal.tokens()).isEqualTo(14);
    assertThat(optimal.total()).isEqualTo(optimal.purchase().cost());
    assertThat(optimal.total().amount()).isLessThan(allNamed.total().amount());
  }

  @Test
  void theProblemAtAnnualPricesSellsWhatTheCatalogSells() {
    Catalog catalog = autodeskLikeCatalog();
    UserDemand ann = UserDemand.of(UserId.of("ann"), Map.of(AUTOCAD, 7L));

    HybridProblem p =
        HybridProblem.atAnnualPrices(catalog, catalog.bundles(), catalog.packs(), List.of(ann));

    assertThat(p.namedCost()).containsOnly(
        Map.entry(AUTOCAD, usd("2030.00")), Map.entry(REVIT, usd("2985.00")));
    // a checkout of the collection itself may be paid in Flex tokens (issue 14)
    assertThat(p.flexAllowed()).containsExactlyInAnyOrder(AUTOCAD, REVIT, AEC_COLLECTION);
    assertThat(p.bundles()).singleElement().satisfies(b -> {
      assertThat(b.id()).isEqualTo(AEC_COLLECTION);
      assertThat(b.includes()).containsExactlyInAnyOrder(AUTOCAD, REVIT, AEC_COLLECTION);
      assertThat(b.cost()).isEqualTo(usd("3675.00"));
    });
    assertThat(p.packs().packs()).isEqualTo(catalog.packs().stream()
        .sorted(java.util.Comparator.comparingLong(dev.seatwise.domain.tokens.TokenPack::size))
        .toList());
    assertThat(p.tokenCap()).isEmpty();
    assertThat(p.users()).containsExactly(ann);
  }
}
