package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Double charges against a brute force over random windows (two users, four products, starts on
 * whole hours in the first five days, 0 to 3 tokens) and random acyclic covers (a product may cover
 * only products of a higher index).
 */
class DoubleChargeProperties {
  private static final Instant ORIGIN = Instant.parse("2025-03-03T00:00:00Z");
  private static final List<ProductId> PRODUCTS =
      List.of(ProductId.of("P0"), ProductId.of("P1"), ProductId.of("P2"), ProductId.of("P3"));
  private static final List<UserId> USERS = List.of(UserId.of("ann"), UserId.of("bob"));

  private static Gen<List<Charge>> charges() {
    Gen<Charge> one =
        integers().between(0, 1)
            .zip(integers().between(0, 3), integers().between(0, 120), integers().between(0, 3),
                (u, p, h, t) -> {
                  Instant s = ORIGIN.plus(Duration.ofHours(h));
                  return new Charge(USERS.get(u), PRODUCTS.get(p), s, s.plus(Duration.ofHours(24)), t);
                });
    return lists().of(one).ofSizeBetween(0, 14)
        .describedAs(l -> l.stream()
            .map(c -> c.user() + ":" + c.product() + "@" + Duration.between(ORIGIN, c.start()).toHours()
                + "h x" + c.tokens())
            .collect(Collectors.joining(" ")));
  }

  /** Bits of a 6-bit mask choose the pairs (i, j), i < j, with i covering j. */
  private static Gen<Covers> covers() {
    return integers().between(0, 63).map(mask -> {
      Map<ProductId, Set<ProductId>> direct = new TreeMap<>();
      int bit = 0;
      for (int i = 0; i < PRODUCTS.size(); i++) {
        for (int j = i + 1; j < PRODUCTS.size(); j++, bit++) {
          if ((mask & (1 << bit)) != 0) {
            direct.computeIfAbsent(PRODUCTS.get(i), k -> new TreeSet<>()).add(PRODUCTS.get(j));
          }
        }
      }
      return Covers.of(direct);
    }).describedAs(c -> c.direct().toString());
  }

  private static boolean inside(Charge charged, Charge covering) {
    return !charged.start().isBefore(covering.start()) && charged.start().isBefore(covering.end());
  }

  @Test
  void aDoubleChargeNeverAppearsWithoutACoversPair() {
    qt().forAll(charges(), covers())
        .checkAssert((charges, covers) -> {
          for (DoubleCharge d : DoubleCharge.in(charges, covers)) {
            assertThat(covers.covers(d.covering().product(), d.charged().product())).isTrue();
            assertThat(d.charged().user()).isEqualTo(d.covering().user());
            assertThat(inside(d.charged(), d.covering())).isTrue();
            assertThat(d.tokens()).isPositive();
            assertThat(d.covering().tokens()).isPositive();
          }
        });
  }

  @Test
  void withNoCoversPairThereIsNoDoubleCharge() {
    qt().forAll(charges())
        .checkAssert(charges -> assertThat(DoubleCharge.in(charges, Covers.NONE)).isEmpty());
  }

  @Test
  void everyChargedWindowInsideACoveringWindowIsFoundExactlyOnce() {
    qt().forAll(charges(), covers())
        .checkAssert((charges, covers) -> {
          List<DoubleCharge> found = DoubleCharge.in(charges, covers);
          Set<Charge> expected = new HashSet<>();
          for (Charge w : charges) {
            for (Charge c : charges) {
              if (w.tokens() > 0 && c.tokens() > 0 && w.user().equals(c.user())
                  && covers.covers(c.product(), w.product()) && inside(w, c)) {
                expected.add(w);
              }
            }
          }
          // duplicates of one window (same user, product, start) are each charged and each found
          long expectedCount = charges.stream().filter(expected::contains).count();
          assertThat(found).hasSize((int) expectedCount);
          assertThat(found.stream().map(DoubleCharge::charged).collect(Collectors.toSet()))
              .isEqualTo(expected);
        });
  }

  /** As {@link #charges()}, with windows of 1 to 48 hours when {@code uneven} (a table of mixed lengths). */
  private static Gen<List<Charge>> charges(boolean uneven) {
    if (!uneven) {
      return charges();
    }
    return charges().zip(lists().of(integers().between(1, 48)).ofSize(14), (list, hours) -> {
      List<Charge> out = new java.util.ArrayList<>();
      for (int k = 0; k < list.size(); k++) {
        Charge c = list.get(k);
        out.add(new Charge(c.user(), c.product(), c.start(), c.start().plus(Duration.ofHours(hours.get(k))), c.tokens()));
      }
      return out;
    });
  }

  @Test
  void theColumnarRuleFindsWhatThePlainRuleFinds() {
    qt().forAll(Generate.booleans().flatMap(DoubleChargeProperties::charges), covers(), longs().all())
        .checkAssert((charges, covers, seed) -> {
          WindowTable table = WindowTable.of(charges);
          // a random subset of the table's windows, and the same windows as charges in its order
          java.util.Random r = new java.util.Random(seed);
          boolean[] among = new boolean[table.size()];
          List<Charge> given = new java.util.ArrayList<>();
          for (int i = 0; i < table.size(); i++) {
            among[i] = r.nextInt(4) != 0;
            if (among[i]) {
              given.add(table.charge(i));
            }
          }
          List<DoubleCharge> expected = DoubleCharge.in(given, covers);
          List<DoubleCharge> actual = new java.util.ArrayList<>();
          for (DoubleCharge.At at : DoubleCharge.in(table, among, covers)) {
            assertThat(among[at.charged()] && among[at.covering()]).isTrue();
            actual.add(new DoubleCharge(table.charge(at.charged()), table.charge(at.covering())));
          }
          assertThat(actual).isEqualTo(expected);
        });
  }
}
