package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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
}
