package dev.seatwise.domain.metering;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingFixtures.session;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.usage.UsageLog;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkout of a collection (FlexLM feature {@code 86815AECCOL_T_F}) is usage of the collection:
 * the fixture's AEC Collection holds AutoCAD (7 tokens) and Revit (10 tokens).
 */
class CollectionCheckoutTest {
  private final Catalog catalog = autodeskLikeCatalog();

  @Test
  void aCollectionIsOfferedOnFlexAndAWindowCostsItsDearestMembersRate() {
    assertThat(catalog.offers(AEC_COLLECTION)).isTrue();
    assertThat(catalog.isOnFlex(AEC_COLLECTION)).isTrue();
    assertThat(catalog.flexRate(AEC_COLLECTION)).hasValue(10); // max(7, 10)
    assertThat(catalog.flexRate(AUTOCAD)).hasValue(7);
    assertThat(catalog.flexRate(ProductId.of("NOPE"))).isEmpty();
    assertThat(catalog.offers(ProductId.of("NOPE"))).isFalse();
  }

  @Test
  void collectionCheckoutsAreMeteredInTheirOwnWindowsWithoutAnError() {
    // Mon 08:00-12:00 and Tue 09:00-10:00: two 24 h windows of the collection, 10 tokens each
    Metering m =
        new WindowedMeter()
            .meter(
                UsageLog.ofSessions(
                    List.of(
                        session("ann", AEC_COLLECTION, "2024-03-04T08:00", "2024-03-04T12:00"),
                        session("ann", AEC_COLLECTION, "2024-03-05T09:00", "2024-03-05T10:00"))),
                flexContext());

    assertThat(m.charges()).extracting(Charge::product).containsOnly(AEC_COLLECTION);
    assertThat(m.charges()).hasSize(2);
    assertThat(m.totalTokens()).isEqualTo(20);
  }

  @Test
  void aSeatOfTheCollectionCoversItsOwnCheckoutsAndItsMembers() {
    assertThat(catalog.bundle(AEC_COLLECTION).orElseThrow().covers(AEC_COLLECTION)).isTrue();
    Entitlements held =
        new Entitlements(List.of(), List.of(new SeatAssignment(user("ann"), AEC_COLLECTION)), List.of());
    Coverage coverage = held.coverage(catalog);

    assertThat(coverage.covers(user("ann"), AEC_COLLECTION)).isTrue();
    assertThat(coverage.covers(user("ann"), REVIT)).isTrue();
    Metering m =
        new WindowedMeter()
            .meter(
                UsageLog.ofSessions(
                    List.of(session("ann", AEC_COLLECTION, "2024-03-04T08:00", "2024-03-04T12:00"))),
                new MeterContext(catalog, coverage, ZoneOffset.UTC));
    assertThat(m.charges()).isEmpty();
  }
}
