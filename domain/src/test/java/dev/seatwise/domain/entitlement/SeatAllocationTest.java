package dev.seatwise.domain.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.SeatAllocation.Cover;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Today's seats from the exports, worked by hand. */
class SeatAllocationTest {
  static final ProductId ACD = ProductId.of("ACD");
  static final ProductId RVT = ProductId.of("RVT");
  static final ProductId AEC = ProductId.of("AEC");
  static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);
  static final LocalDate JUL1 = LocalDate.of(2025, 7, 1);
  static final LocalDate NEXT_JAN1 = LocalDate.of(2026, 1, 1);
  static final UserId ANN = UserId.of("ann");
  static final UserId BOB = UserId.of("bob");
  static final UserId CAT = UserId.of("cat");

  static final Catalog CATALOG =
      new Catalog(
          "T",
          Currency.getInstance("USD"),
          JAN1,
          Catalog.FLEX_WINDOW,
          MeteringParameters.FLEX_DEFAULTS,
          Period.ofMonths(12),
          List.of(new TokenPack(100, UnitPrice.of("3.00", "USD"))),
          List.of(
              Product.of("ACD", "AutoCAD", Money.of("2030.00", "USD"), 7),
              Product.of("RVT", "Revit", Money.of("2985.00", "USD"), 10)),
          List.of(new Bundle(AEC, "AEC Collection", Set.of(ACD, RVT), Prices.annual(Money.of("3700.00", "USD")))));

  static Subscription sub(String id, ProductId offering, long seats, LocalDate start, LocalDate end) {
    return new Subscription(id, offering, seats, Term.ANNUAL, start, end, Optional.empty());
  }

  static SeatAllocation allocate(List<Subscription> subs, List<SeatAssignment> assigned) {
    return SeatAllocation.of(new Entitlements(subs, assigned, List.of()), CATALOG, JAN1, NEXT_JAN1, Map.of());
  }

  @Test
  void aSubscriptionEndingOnTheFirstOfJulyCoversNothingAfterIt() {
    SeatAllocation a = allocate(List.of(sub("S1", ACD, 1, LocalDate.of(2024, 7, 1), JUL1)),
        List.of(new SeatAssignment(ANN, ACD)));

    assertThat(a.cover(ANN, ACD, LocalDate.of(2025, 6, 30))).isEqualTo(Cover.COVERED);
    // [start, end): the end day is no longer covered
    assertThat(a.cover(ANN, ACD, JUL1)).isEqualTo(Cover.AFTER_END);
    assertThat(a.cover(ANN, ACD, LocalDate.of(2025, 12, 1))).isEqualTo(Cover.AFTER_END);
    // a seat covers only its assigned user
    assertThat(a.cover(BOB, ACD, LocalDate.of(2025, 3, 1))).isEqualTo(Cover.NOT_ASSIGNED);
    assertThat(a.cover(ANN, RVT, LocalDate.of(2025, 3, 1))).isEqualTo(Cover.NOT_ASSIGNED);
  }

  @Test
  void threeUsersOnTwoSeatsLeaveTheThirdInTheExportsOrderUnseated() {
    SeatAllocation a = allocate(List.of(sub("S1", ACD, 2, JAN1, NEXT_JAN1)),
        List.of(new SeatAssignment(CAT, ACD), new SeatAssignment(ANN, ACD), new SeatAssignment(BOB, ACD)));

    assertThat(a.cover(CAT, ACD, JUL1)).isEqualTo(Cover.COVERED);
    assertThat(a.cover(ANN, ACD, JUL1)).isEqualTo(Cover.COVERED);
    assertThat(a.cover(BOB, ACD, JUL1)).isEqualTo(Cover.OVER_ASSIGNED);
    assertThat(a.overAssigned()).containsExactly(
        new SeatAllocation.OverAssignment(ACD, 2, List.of(CAT, ANN, BOB), List.of(BOB)));
    assertThat(a.unassigned()).isEmpty();
  }

  @Test
  void seatsNobodyIsAssignedAreReportedAndABundleCoversItsProducts() {
    SeatAllocation a = allocate(
        List.of(sub("S1", AEC, 3, JAN1, NEXT_JAN1), sub("S2", ACD, 1, JAN1, JUL1), sub("S3", ACD, 1, JUL1, NEXT_JAN1)),
        List.of(new SeatAssignment(ANN, AEC)));

    assertThat(a.cover(ANN, RVT, JUL1)).isEqualTo(Cover.COVERED);
    assertThat(a.cover(ANN, ACD, JUL1)).isEqualTo(Cover.COVERED);
    // AEC: 3 seats, 1 assigned; ACD: 1 seat at a time (S2 then S3, never both), none assigned
    assertThat(a.unassigned()).containsExactly(
        new SeatAllocation.UnassignedSeats(ACD, 1, 0), new SeatAllocation.UnassignedSeats(AEC, 3, 1));
    assertThat(a.assumptions()).isEmpty();
  }

  @Test
  void withTheUsersExportAloneEachAssignmentIsAssumedASeatForThePeriod() {
    SeatAllocation a = allocate(List.of(), List.of(new SeatAssignment(ANN, ACD), new SeatAssignment(BOB, ACD)));

    assertThat(a.subscriptions()).containsExactly(sub("(assumed)", ACD, 2, JAN1, NEXT_JAN1));
    assertThat(a.cover(BOB, ACD, JUL1)).isEqualTo(Cover.COVERED);
    assertThat(a.assumptions()).singleElement().asString().startsWith("no Subscriptions export: assumed one seat");
  }

  @Test
  void withTheSubscriptionsExportAloneSeatsGoToTheHeaviestUsers() {
    // 2 ACD seats; ann 70 tokens, bob 700, cat 7 (on ACD), so bob and ann are seated
    SeatAllocation a = SeatAllocation.of(
        new Entitlements(List.of(sub("S1", ACD, 2, JAN1, NEXT_JAN1)), List.of(), List.of()),
        CATALOG, JAN1, NEXT_JAN1,
        Map.of(ANN, Map.of(ACD, 70L), BOB, Map.of(ACD, 700L, RVT, 10L), CAT, Map.of(ACD, 7L)));

    assertThat(a.assignees()).containsEntry(ACD, List.of(BOB, ANN));
    assertThat(a.cover(CAT, ACD, JUL1)).isEqualTo(Cover.NOT_ASSIGNED);
    assertThat(a.assumptions()).singleElement().asString().startsWith("no Users export: assumed");
  }

  @Test
  void withoutAssignmentsACollectionIsSeatedBeforeItsProducts() {
    // 1 AEC seat and 1 ACD seat: bob (ACD 700 + RVT 10) takes the collection first; the ACD seat
    // then goes to ann (70), not to bob again
    SeatAllocation a = SeatAllocation.of(
        new Entitlements(List.of(sub("S1", ACD, 1, JAN1, NEXT_JAN1), sub("S2", AEC, 1, JAN1, NEXT_JAN1)), List.of(), List.of()),
        CATALOG, JAN1, NEXT_JAN1,
        Map.of(ANN, Map.of(ACD, 70L), BOB, Map.of(ACD, 700L, RVT, 10L)));

    assertThat(a.assignees()).containsEntry(AEC, List.of(BOB)).containsEntry(ACD, List.of(ANN));
  }
}
