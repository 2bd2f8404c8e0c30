package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The instant sort gives what the library sort gives: on arrays in order and not, short and long,
 * of whole seconds (a day, a year, 68 years and more apart) and of instants with nanoseconds or at
 * the ends of the range of a long.
 */
class InstantSortProperties {
  private static final long NANOS = 1_000_000_000L;
  private static final long BASE = 1_735_689_600L * NANOS; // 2025-01-01T00:00:00Z

  private static long[] values(Random r) {
    int n = r.nextInt(3) == 0 ? r.nextInt(50) : 4000 + r.nextInt(20_000);
    long span = switch (r.nextInt(4)) {
      case 0 -> 86_400L;
      case 1 -> 366L * 86_400;
      case 2 -> Integer.MAX_VALUE + 1L; // whole seconds just past an int from the least
      default -> 40L; // many equal values
    };
    int odd = r.nextInt(4); // now and then a value that is not whole seconds from the rest
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = BASE + NANOS * (long) (r.nextDouble() * span);
      if (r.nextInt(500) == 0) {
        switch (odd) {
          case 0 -> a[i] += 1 + r.nextInt(999_999_999);
          case 1 -> a[i] = r.nextBoolean() ? Long.MIN_VALUE + r.nextInt(3) : Long.MAX_VALUE - r.nextInt(3);
          default -> { }
        }
      }
    }
    switch (r.nextInt(4)) {
      case 0 -> Arrays.sort(a);
      case 1 -> {
        Arrays.sort(a);
        for (int i = 0; i < n / 2; i++) {
          long t = a[i];
          a[i] = a[n - 1 - i];
          a[n - 1 - i] = t;
        }
      }
      default -> { }
    }
    return a;
  }

  @Test
  void sortsAsTheLibrarySortDoes() {
    qt().withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              long[] a = values(new Random(seed));
              long[] expected = a.clone();
              Arrays.sort(expected);
              InstantSort.sort(a);
              assertThat(a).isEqualTo(expected);
            });
  }
}
