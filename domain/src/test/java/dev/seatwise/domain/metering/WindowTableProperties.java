package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.testkit.RandomOrganisations;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A {@link WindowTable} holds the windows in the order plan evaluation sorted them (by start, user
 * and product, stably), whether made from any list of charges or from a replay's columns.
 */
class WindowTableProperties {
  private static final Instant ORIGIN = Instant.parse("2025-03-24T00:00:00Z");

  /** The order plan evaluation sorted windows in before the table: a stable sort. */
  static List<Charge> sortedAsEvaluationDid(List<Charge> charges) {
    List<Charge> out = new ArrayList<>(charges);
    out.sort(
        (a, b) -> {
          int c = a.start().compareTo(b.start());
          if (c != 0) {
            return c;
          }
          c = a.user().compareTo(b.user());
          return c != 0 ? c : a.product().compareTo(b.product());
        });
    return out;
  }

  static List<Charge> randomCharges(Random r) {
    int n = r.nextInt(r.nextInt(4) == 0 ? 400 : 30);
    int users = 1 + r.nextInt(8);
    int products = 1 + r.nextInt(4);
    boolean uniform = r.nextBoolean();
    List<Charge> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      // few distinct starts, so that ties (even on all three keys) are common
      Instant start = ORIGIN.plusSeconds(3600L * r.nextInt(r.nextBoolean() ? 5 : 500));
      if (r.nextInt(8) == 0) {
        start = start.plusNanos(r.nextInt(1000));
      }
      Duration length = uniform ? Duration.ofHours(24) : Duration.ofMinutes(r.nextInt(3000));
      out.add(new Charge(UserId.of("u" + r.nextInt(users)), ProductId.of("P" + r.nextInt(products)),
          start, start.plus(length), r.nextInt(20)));
    }
    return out;
  }

  @Test
  void aTableOfChargesHoldsThemSortedAsPlanEvaluationSortedThem() {
    qt().withExamples(500)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              List<Charge> charges = randomCharges(new Random(seed));
              WindowTable t = WindowTable.of(charges);
              List<Charge> expected = sortedAsEvaluationDid(charges);
              assertThat(t.charges()).as("seed %s", seed).isEqualTo(expected);
              assertColumnsMatch(t, expected);
            });
  }

  @Test
  void aReplaysTableHoldsItsChargesSortedAsPlanEvaluationSortedThem() {
    qt().withExamples(400)
        .forAll(RandomOrganisations.seeds())
        .checkAssert(
            seed -> {
              RandomOrganisations.Organisation in =
                  RandomOrganisations.SESSIONS_COLLECTIONS_AND_DAYS.draw(seed);
              FlexReplay replay = FlexReplay.of(in.log(), in.context(), 1 + (int) (seed & 1));
              List<Charge> expected = sortedAsEvaluationDid(new ArrayList<>(replay.charges()));
              WindowTable t = replay.windowTable();
              assertThat(t.charges()).as("seed %s", seed).isEqualTo(expected);
              assertColumnsMatch(t, expected);
              assertThat(replay.windowTable()).isSameAs(t);
              assertThat(WindowTable.of(replay.charges())).isSameAs(t);
              assertThat(WindowTable.of(new ArrayList<>(replay.charges())).charges())
                  .isEqualTo(expected);
              if (!expected.isEmpty()) {
                assertThat(t.length()).isPresent();
              }
            });
  }

  @Test
  void aSliceHoldsTheWindowsStartingInItsRange() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<Charge> charges = randomCharges(r);
              WindowTable t = WindowTable.of(charges);
              long from = SessionTable.toNanos(ORIGIN.plusSeconds(3600L * (r.nextInt(520) - 10)));
              long to = from + 3600L * 1_000_000_000L * r.nextInt(300);
              WindowTable slice = t.startingIn(from, to);
              List<Charge> expected = new ArrayList<>();
              for (Charge c : sortedAsEvaluationDid(charges)) {
                long s = SessionTable.toNanos(c.start());
                if (s >= from && s < to) {
                  expected.add(c);
                }
              }
              assertThat(slice.charges()).as("seed %s", seed).isEqualTo(expected);
              assertColumnsMatch(slice, expected);
              // a filter keeps the windows it is asked to, in order
              WindowTable odd = slice.filter(i -> i % 2 == 1);
              List<Charge> oddExpected = new ArrayList<>();
              for (int i = 1; i < expected.size(); i += 2) {
                oddExpected.add(expected.get(i));
              }
              assertThat(odd.charges()).isEqualTo(oddExpected);
              assertColumnsMatch(odd, oddExpected);
              // a slice of a slice
              if (slice.size() > 2) {
                WindowTable inner = slice.slice(1, slice.size() - 1);
                assertThat(inner.charges()).isEqualTo(expected.subList(1, expected.size() - 1));
                assertThat(inner.startingIn(Long.MIN_VALUE, Long.MAX_VALUE).charges())
                    .isEqualTo(inner.charges());
              }
            });
  }

  /**
   * Charges whose values need the wide columns, or just fit the narrow ones: starts far apart
   * (years 1678 and 2261, more than 68 years of seconds) or exactly {@code Integer.MAX_VALUE}
   * seconds apart or one more, sub-second starts, tokens beyond an {@code int}, and more than 256
   * products.
   */
  static List<Charge> extremeCharges(Random r) {
    int mode = r.nextInt(6);
    int n = mode == 4 ? 256 + r.nextInt(3) : 1 + r.nextInt(60);
    int products = 1 + r.nextInt(4);
    long base = SessionTable.toNanos(ORIGIN) + (r.nextBoolean() ? r.nextInt(1000) : 0);
    List<Charge> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      long start;
      switch (mode) {
        case 0 -> start = r.nextBoolean() ? Long.MIN_VALUE + 1_000_000_000L + r.nextInt(5) : Long.MAX_VALUE
            - 86_400_000_000_000L - r.nextInt(5);
        case 1 -> start = base + 1_000_000_000L * (r.nextBoolean() ? Integer.MAX_VALUE : 0)
            + (r.nextInt(4) == 0 ? 1_000_000_000L : 0);
        case 2 -> start = base + 1_000_000_000L * r.nextInt(100) + r.nextInt(3);
        default -> start = base + 1_000_000_000L * r.nextInt(100);
      }
      long tokens = mode == 3 && r.nextBoolean()
          ? (long) Integer.MAX_VALUE + r.nextInt(3) : r.nextInt(20);
      if (mode == 3 && r.nextInt(4) == 0) {
        tokens = Long.MAX_VALUE - r.nextInt(3);
      }
      Instant s = SessionTable.toInstant(start);
      out.add(new Charge(UserId.of("u" + r.nextInt(5)),
          ProductId.of(String.format("P%03d", mode == 4 ? k : r.nextInt(products))), s,
          s.plus(Duration.ofHours(24)),
          tokens));
    }
    return out;
  }

  @Test
  void compactColumnsHoldEveryStartTokenAndProductExactlyOrFallBackToWideOnes() {
    qt().withExamples(600)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<Charge> charges = extremeCharges(r);
              WindowTable t = WindowTable.of(charges);
              List<Charge> expected = sortedAsEvaluationDid(charges);
              assertThat(t.charges()).as("seed %s", seed).isEqualTo(expected);
              assertColumnsMatch(t, expected);
              WindowTable even = t.filter(i -> i % 2 == 0);
              List<Charge> evenExpected = new ArrayList<>();
              for (int i = 0; i < expected.size(); i += 2) {
                evenExpected.add(expected.get(i));
              }
              assertColumnsMatch(even, evenExpected);
              // the replay's merge of runs (one run per user and product, in time order)
              List<Charge> byRun = new ArrayList<>(expected);
              byRun.sort(Comparator.comparing(Charge::user).thenComparing(Charge::product)
                  .thenComparing(Charge::start));
              UserId[] users = new TreeSet<>(byRun.stream().map(Charge::user).toList())
                  .toArray(new UserId[0]);
              ProductId[] products = new TreeSet<>(byRun.stream().map(Charge::product).toList())
                  .toArray(new ProductId[0]);
              List<int[]> runs = new ArrayList<>();
              long[] starts = new long[byRun.size()];
              long[] tokens = new long[byRun.size()];
              for (int j = 0; j < byRun.size(); j++) {
                Charge c = byRun.get(j);
                if (j == 0 || !c.user().equals(byRun.get(j - 1).user())
                    || !c.product().equals(byRun.get(j - 1).product())) {
                  runs.add(new int[] {java.util.Arrays.binarySearch(users, c.user()),
                      java.util.Arrays.binarySearch(products, c.product()), j});
                }
                starts[j] = SessionTable.toNanos(c.start());
                tokens[j] = c.tokens();
              }
              int[] runUser = runs.stream().mapToInt(x -> x[0]).toArray();
              int[] runProduct = runs.stream().mapToInt(x -> x[1]).toArray();
              int[] runOffset = new int[runs.size() + 1];
              for (int k = 0; k < runs.size(); k++) {
                runOffset[k] = runs.get(k)[2];
              }
              runOffset[runs.size()] = byRun.size();
              WindowTable merged = WindowTable.merge(users, products, runUser, runProduct,
                  runOffset, starts, null, tokens, Duration.ofHours(24).toNanos());
              assertThat(merged.charges()).as("seed %s", seed).isEqualTo(expected);
              assertColumnsMatch(merged, expected);
            });
  }

  private static void assertColumnsMatch(WindowTable t, List<Charge> expected) {
    assertThat(t.size()).isEqualTo(expected.size());
    TreeSet<UserId> users = new TreeSet<>();
    TreeSet<ProductId> products = new TreeSet<>();
    for (int i = 0; i < expected.size(); i++) {
      Charge c = expected.get(i);
      users.add(c.user());
      products.add(c.product());
      assertThat(t.start(i)).isEqualTo(c.start());
      assertThat(t.startNanos(i)).isEqualTo(SessionTable.toNanos(c.start()));
      assertThat(t.end(i)).isEqualTo(c.end());
      assertThat(t.user(i)).isEqualTo(c.user());
      assertThat(t.userAt(t.userIndex(i))).isEqualTo(c.user());
      assertThat(t.indexOfUser(c.user())).isEqualTo(t.userIndex(i));
      assertThat(t.product(i)).isEqualTo(c.product());
      assertThat(t.productAt(t.productIndex(i))).isEqualTo(c.product());
      assertThat(t.indexOfProduct(c.product())).isEqualTo(t.productIndex(i));
      assertThat(t.tokens(i)).isEqualTo(c.tokens());
      assertThat(t.charge(i)).isEqualTo(c);
    }
    List<UserId> dictionary = new ArrayList<>();
    for (int u = 0; u < t.userCount(); u++) {
      dictionary.add(t.userAt(u));
    }
    assertThat(dictionary).isSortedAccordingTo(Comparator.naturalOrder()).containsAll(users)
        .doesNotHaveDuplicates();
    List<ProductId> productDictionary = new ArrayList<>();
    for (int p = 0; p < t.productCount(); p++) {
      productDictionary.add(t.productAt(p));
    }
    assertThat(productDictionary).isSortedAccordingTo(Comparator.naturalOrder())
        .containsAll(products).doesNotHaveDuplicates();
    assertThat(t.indexOfUser(UserId.of("nobody"))).isEqualTo(-1);
    assertThat(t.indexOfProduct(ProductId.of("NONE"))).isEqualTo(-1);
  }
}
