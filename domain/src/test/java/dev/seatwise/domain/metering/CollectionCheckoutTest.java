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
    // ann holds a seat of the collection: it covers the collection and each product it includes
    Coverage coverage =
        new Coverage(java.util.Map.of(user("ann"), catalog.bundle(AEC_COLLECTION).orElseThrow().coverage()));

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

  @Test
  void aWindowCostsTheDearestMemberTheUserUsedInItElseTheDearestMember() {
    // ann: the collection Mon 08:00-12:00 and AutoCAD (7) Mon 09:00-10:00 -> that window costs 7;
    // the collection again Wed 08:00 with nothing else that day -> the dearest member, Revit, 10.
    // AutoCAD's own window is charged as usual (7).
    UsageLog usage =
        UsageLog.ofSessions(
            List.of(
                session("ann", AEC_COLLECTION, "2024-03-04T08:00", "2024-03-04T12:00"),
                session("ann", AUTOCAD, "2024-03-04T09:00", "2024-03-04T10:00"),
                session("ann", AEC_COLLECTION, "2024-03-06T08:00", "2024-03-06T09:00")));
    Metering m = new WindowedMeter().meter(usage, flexContext());

    assertThat(m.charges())
        .extracting(Charge::product, Charge::tokens)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple(AUTOCAD, 7L),
            org.assertj.core.api.Assertions.tuple(AEC_COLLECTION, 7L),
            org.assertj.core.api.Assertions.tuple(AEC_COLLECTION, 10L));
    List<CollectionPricing.PricedWindow> priced =
        CollectionPricing.windows(usage, m, flexContext());
    assertThat(priced)
        .extracting(w -> w.rate().basis(), w -> w.rate().members())
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                CollectionPricing.Basis.MEMBERS_SEEN, java.util.Set.of(AUTOCAD)),
            org.assertj.core.api.Assertions.tuple(
                CollectionPricing.Basis.DEAREST_MEMBER, java.util.Set.of(REVIT)));
  }

  @Test
  void aStatedRateWinsOverTheMembersSeenAndCountsForDailyUsageToo() {
    Catalog stated = catalog.withCollectionRate(AEC_COLLECTION, 3);
    UsageLog usage =
        new UsageLog(
            List.of(
                session("ann", AEC_COLLECTION, "2024-03-04T08:00", "2024-03-04T12:00"),
                session("ann", REVIT, "2024-03-04T09:00", "2024-03-04T10:00")),
            List.of(
                new dev.seatwise.domain.usage.DailyUsage(
                    user("bob"), AEC_COLLECTION, java.time.LocalDate.of(2024, 3, 5))));
    MeterContext context = new MeterContext(stated, Coverage.NONE, ZoneOffset.UTC);
    Metering m = new WindowedMeter().meter(usage, context);

    assertThat(stated.flexRate(AEC_COLLECTION)).hasValue(3);
    assertThat(m.charges().stream().filter(c -> c.product().equals(AEC_COLLECTION)))
        .extracting(Charge::tokens)
        .containsExactly(3L, 3L);
    assertThat(CollectionPricing.windows(usage, m, context))
        .extracting(w -> w.rate().basis())
        .containsOnly(CollectionPricing.Basis.STATED);
  }

  @Test
  void dailyUsageOfAMemberCountsAsSeenOnThatDay() {
    // bob's export rows: the collection and Revit on Tue 5 March, no clock times
    UsageLog usage =
        new UsageLog(
            List.of(),
            List.of(
                new dev.seatwise.domain.usage.DailyUsage(
                    user("bob"), AEC_COLLECTION, java.time.LocalDate.of(2024, 3, 5)),
                new dev.seatwise.domain.usage.DailyUsage(
                    user("bob"), AUTOCAD, java.time.LocalDate.of(2024, 3, 5))));
    Metering m = new WindowedMeter().meter(usage, flexContext());

    assertThat(m.charges().stream().filter(c -> c.product().equals(AEC_COLLECTION)))
        .extracting(Charge::tokens)
        .containsExactly(7L);
  }
}
