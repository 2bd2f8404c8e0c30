package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A table's windows by position as a set ({@link WindowTable#chargesAt}, a view) is the set of
 * those windows' charges ({@link Set#copyOf}, the plain set): the same size, members, equality and
 * hash, and the same answer to {@code contains} for windows in and out of it (equal starts, other
 * users, products, tokens or ends), on random tables with repeated starts.
 */
class WindowTableChargeSetProperties {
  private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

  private static Charge window(Random r) {
    Instant s = ORIGIN.plus(Duration.ofHours(r.nextInt(48)));
    return new Charge(UserId.of("u" + r.nextInt(3)), ProductId.of("P" + r.nextInt(3)), s,
        s.plus(Duration.ofHours(r.nextBoolean() ? 24 : 1 + r.nextInt(30))), r.nextInt(4));
  }

  @Test
  void aTablesWindowsByPositionAreTheSetOfTheirCharges() {
    qt().forAll(longs().all())
        .checkAssert(seed -> {
          Random r = new Random(seed);
          List<Charge> given = new ArrayList<>();
          int n = r.nextInt(40);
          for (int k = 0; k < n; k++) {
            given.add(window(r));
          }
          WindowTable table = WindowTable.of(given);
          // a random subset of the positions, each window once
          List<Integer> picked = new ArrayList<>();
          Set<Charge> seen = new HashSet<>();
          for (int i = 0; i < table.size(); i++) {
            if (r.nextBoolean() && seen.add(table.charge(i))) {
              picked.add(i);
            }
          }
          int[] at = picked.stream().mapToInt(Integer::intValue).toArray();
          Set<Charge> actual = table.chargesAt(at);
          Set<Charge> expected = Set.copyOf(seen);
          assertThat(actual).hasSize(expected.size());
          assertThat(actual).isEqualTo(expected);
          assertThat(expected).isEqualTo(actual);
          assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
          for (int k = 0; k < 30; k++) {
            Charge probe = k < given.size() ? given.get(k) : window(r);
            assertThat(actual.contains(probe)).as("%s", probe).isEqualTo(expected.contains(probe));
          }
          assertThat(actual.contains("not a charge")).isFalse();
        });
  }
}
