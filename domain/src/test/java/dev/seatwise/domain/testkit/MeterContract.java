package dev.seatwise.domain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.CapacityDemand;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws every {@link Meter} obeys, as default JUnit 5 tests. A meter proves it obeys them with a
 * test class that implements this interface:
 *
 * <pre>{@code
 * class MyMeterContractTest implements MeterContract<MyMeter> {
 *   public MyMeter createMeter() { return new MyMeter(); }
 *   // only when the fixture catalog does not offer your products:
 *   public MeterContext context() { return MeterContext.of(myCatalog()); }
 * }
 * }</pre>
 *
 * <p>The laws: metering is deterministic; the order of the input sessions and days does not matter;
 * charges are never negative and cover a non-empty span; only users and products that were used are
 * charged; empty usage meters nothing; a user covered by a subscription for a product is never
 * charged for it (F9); shifting all usage by whole days shifts every charge and demand by the same
 * amount and changes no count.
 *
 * <p>Each property runs {@link #examples()} examples of {@link #usage()}.
 *
 * @param <M> the meter under test
 */
public interface MeterContract<M extends Meter> {

  /** A new meter under test. */
  M createMeter();

  /**
   * The context the laws are checked in. Default: the Autodesk-like fixture catalog, nobody
   * covered, calendar days read in UTC. Override it when the meter needs its own catalog.
   */
  default MeterContext context() {
    return LicensingFixtures.flexContext();
  }

  /** The usage the laws are checked on. Default: usage of the context catalog's products. */
  default Gen<UsageLog> usage() {
    List<ProductId> products = new ArrayList<>();
    for (Product p : context().catalog().products()) {
      products.add(p.id());
    }
    return LicensingGens.usageLogs(LicensingGens.USERS, products);
  }

  /** Examples per law. */
  default int examples() {
    return 200;
  }

  @Test
  default void meteringTheSameUsageTwiceGivesEqualResults() {
    qt().withExamples(examples())
        .forAll(usage())
        .checkAssert(
            usage -> {
              Metering first = createMeter().meter(usage, context());
              Metering second = createMeter().meter(usage, context());
              assertThat(second).isEqualTo(first);
              assertThat(second.hashCode()).isEqualTo(first.hashCode());
            });
  }

  @Test
  default void theOrderOfSessionsAndDaysDoesNotMatter() {
    qt().withExamples(examples())
        .forAll(usage(), longs().all())
        .checkAssert(
            (usage, seed) -> {
              Random random = new Random(seed);
              List<Session> sessions = new ArrayList<>(usage.sessions());
              List<DailyUsage> days = new ArrayList<>(usage.days());
              Collections.shuffle(sessions, random);
              Collections.shuffle(days, random);
              Metering original = createMeter().meter(usage, context());
              Metering shuffled = createMeter().meter(new UsageLog(sessions, days), context());
              assertThat(shuffled.charges())
                  .containsExactlyInAnyOrderElementsOf(original.charges());
              assertThat(shuffled.demands())
                  .containsExactlyInAnyOrderElementsOf(original.demands());
            });
  }

  @Test
  default void chargesAreNeverNegativeAndCoverANonEmptySpan() {
    qt().withExamples(examples())
        .forAll(usage())
        .checkAssert(
            usage -> {
              Metering metering = createMeter().meter(usage, context());
              assertThat(metering.charges())
                  .allSatisfy(
                      c -> {
                        assertThat(c.tokens()).isNotNegative();
                        assertThat(c.end()).isAfter(c.start());
                      });
              assertThat(metering.demands()).allSatisfy(d -> assertThat(d.peak()).isNotNegative());
              assertThat(metering.totalTokens()).isNotNegative();
            });
  }

  @Test
  default void onlyUsersAndProductsThatWereUsedAreCharged() {
    qt().withExamples(examples())
        .forAll(usage())
        .checkAssert(
            usage -> {
              Set<List<Object>> used = usedPairs(usage);
              assertThat(createMeter().meter(usage, context()).charges())
                  .allSatisfy(c -> assertThat(used).contains(List.of(c.user(), c.product())));
            });
  }

  @Test
  default void aMeterThatSizesNoCapacityGivesNoDemands() {
    // a concurrency report skips a meter that says it sizes no capacity: it must never give one
    Meter meter = createMeter();
    if (meter.demandsCapacity()) {
      return;
    }
    qt().withExamples(examples())
        .forAll(usage())
        .checkAssert(usage -> assertThat(meter.meter(usage, context()).demands()).isEmpty());
  }

  @Test
  default void emptyUsageMetersNothing() {
    Metering metering = createMeter().meter(new UsageLog(List.of(), List.of()), context());
    assertThat(metering.charges()).isEmpty();
    assertThat(metering.demands()).isEmpty();
    assertThat(metering.totalTokens()).isZero();
  }

  @Test
  default void aUserCoveredByASubscriptionIsNeverChargedForThatProduct() {
    qt().withExamples(examples())
        .forAll(usage(), longs().all())
        .checkAssert(
            (usage, mask) -> {
              List<List<Object>> pairs = new ArrayList<>(usedPairs(usage));
              Map<UserId, Set<ProductId>> covered = new HashMap<>(context().coverage().covered());
              for (int i = 0; i < pairs.size() && i < 64; i++) {
                if ((mask >>> i & 1) == 1) {
                  UserId user = (UserId) pairs.get(i).get(0);
                  ProductId product = (ProductId) pairs.get(i).get(1);
                  Set<ProductId> products = new HashSet<>(covered.getOrDefault(user, Set.of()));
                  products.add(product);
                  covered.put(user, products);
                }
              }
              Coverage coverage = new Coverage(covered);
              MeterContext withCoverage =
                  new MeterContext(context().catalog(), coverage, context().zone());
              assertThat(createMeter().meter(usage, withCoverage).charges())
                  .noneMatch(c -> coverage.covers(c.user(), c.product()));
            });
  }

  /**
   * Days of use move with the sessions only when the context reads days in a fixed UTC offset;
   * otherwise (a zone with daylight saving) the law is checked on the sessions alone.
   */
  @Test
  default void shiftingAllUsageByWholeDaysShiftsEveryChargeAndKeepsTheCounts() {
    qt().withExamples(examples())
        .forAll(usage(), integers().between(-400, 400))
        .checkAssert(
            (usage, days) -> {
              UsageLog base =
                  context().zone().getRules().isFixedOffset()
                      ? usage
                      : UsageLog.ofSessions(usage.sessions());
              Duration shift = Duration.ofDays(days);
              List<Session> sessions = new ArrayList<>();
              base.sessions().forEach(s -> sessions.add(s.shiftedBy(shift)));
              List<DailyUsage> dayUses = new ArrayList<>();
              base.days()
                  .forEach(
                      d ->
                          dayUses.add(
                              new DailyUsage(d.user(), d.product(), d.day().plusDays(days))));
              Metering before = createMeter().meter(base, context());
              Metering after = createMeter().meter(new UsageLog(sessions, dayUses), context());

              List<Charge> expected = new ArrayList<>();
              before
                  .charges()
                  .forEach(
                      c ->
                          expected.add(
                              new Charge(
                                  c.user(),
                                  c.product(),
                                  c.start().plus(shift),
                                  c.end().plus(shift),
                                  c.tokens())));
              assertThat(after.charges()).containsExactlyInAnyOrderElementsOf(expected);
              assertThat(after.charges()).hasSameSizeAs(before.charges());
              assertThat(after.totalTokens()).isEqualTo(before.totalTokens());

              List<List<Object>> expectedDemands = new ArrayList<>();
              before.demands().forEach(d -> expectedDemands.add(shape(d, shift)));
              List<List<Object>> actualDemands = new ArrayList<>();
              after.demands().forEach(d -> actualDemands.add(shape(d, Duration.ZERO)));
              assertThat(actualDemands).containsExactlyInAnyOrderElementsOf(expectedDemands);
            });
  }

  /** The (user, product) pairs that occur in {@code usage}. */
  private static Set<List<Object>> usedPairs(UsageLog usage) {
    Set<List<Object>> pairs =
        new TreeSet<>(
            Comparator.comparing((List<Object> pair) -> (UserId) pair.get(0))
                .thenComparing(pair -> (ProductId) pair.get(1)));
    usage.sessions().forEach(s -> pairs.add(List.of(s.user(), s.product())));
    usage.days().forEach(d -> pairs.add(List.of(d.user(), d.product())));
    return pairs;
  }

  /** What a demand says, with its instant moved by {@code shift}. */
  private static List<Object> shape(CapacityDemand d, Duration shift) {
    List<Object> shape = new ArrayList<>();
    shape.add(d.pool());
    shape.add(d.peak());
    shape.add(d.peakAt().plus(shift));
    shape.add(d.profile().intervals());
    for (long k = 1; k <= d.peak(); k++) {
      shape.add(d.profile().timeAtOrAbove(k));
    }
    return shape;
  }
}
