package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A table moved by a time ({@link WindowTable#shiftedBy}) is the table of the windows moved one by
 * one ({@link WindowTable#of} of the moved charges, the plain rule): on random windows (starts on
 * whole seconds or not, one length or several, tokens past an int), moved by random times of either
 * sign, and on slices of a table.
 */
class WindowTableShiftProperties {
  private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

  private static List<Charge> windows(Random r) {
    int n = r.nextInt(r.nextInt(4) == 0 ? 200 : 20);
    boolean nanos = r.nextInt(3) == 0;
    boolean uneven = r.nextBoolean();
    List<Charge> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Instant s = ORIGIN.plusSeconds(r.nextInt(400 * 86_400)).plusNanos(nanos ? r.nextInt(1000) : 0);
      Duration len = uneven ? Duration.ofMinutes(1 + r.nextInt(3000)) : Duration.ofHours(24);
      long tokens = r.nextInt(10) == 0 ? Integer.MAX_VALUE + 1L + r.nextInt(5) : r.nextInt(12);
      out.add(new Charge(UserId.of("u" + r.nextInt(5)), ProductId.of("P" + r.nextInt(4)), s, s.plus(len), tokens));
    }
    return out;
  }

  private static List<Charge> charges(WindowTable t) {
    return new ArrayList<>(t.charges());
  }

  @Test
  void aMovedTableIsTheTableOfTheMovedWindows() {
    qt().forAll(longs().all(), integers().between(-800, 800))
        .checkAssert((seed, days) -> {
          Random r = new Random(seed);
          List<Charge> given = windows(r);
          long by = days * 86_400_000_000_000L + (r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
          List<Charge> moved = new ArrayList<>();
          for (Charge c : given) {
            moved.add(new Charge(c.user(), c.product(), c.start().plusNanos(by), c.end().plusNanos(by), c.tokens()));
          }
          WindowTable expected = WindowTable.of(moved);
          WindowTable actual = WindowTable.of(given).shiftedBy(by);
          assertThat(charges(actual)).isEqualTo(charges(expected));
          assertThat(actual.size()).isEqualTo(expected.size());
          assertThat(actual.length()).isEqualTo(expected.length());
          for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.startNanos(i)).isEqualTo(expected.startNanos(i));
            assertThat(actual.endNanos(i)).isEqualTo(expected.endNanos(i));
          }
          // a slice moved is the moved table's slice
          int a = given.isEmpty() ? 0 : r.nextInt(given.size());
          int b = given.isEmpty() ? 0 : a + r.nextInt(given.size() - a + 1);
          assertThat(charges(WindowTable.of(given).slice(a, b).shiftedBy(by)))
              .isEqualTo(charges(expected.slice(a, b)));
        });
  }

  @Test
  void anEmptyTableMovesToAnEmptyTable() {
    qt().forAll(longs().between(-1L << 60, 1L << 60))
        .checkAssert(by -> {
          assertThat(WindowTable.empty().shiftedBy(by).size()).isZero();
          assertThat(WindowTable.of(List.of()).shiftedBy(by).size()).isZero();
        });
  }
}
