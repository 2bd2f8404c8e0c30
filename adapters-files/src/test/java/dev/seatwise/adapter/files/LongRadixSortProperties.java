package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LongRadixSort} orders any values as {@link Arrays#sort(long[])} does. */
class LongRadixSortProperties {

  @Test
  void sortsAsArraysSortDoesWhateverTheValues() {
    // sizes around and well past the small-range cut-off; values from the whole range, from a
    // narrow one (long runs of equal high bytes: the recursion goes deep) and with many repeats
    qt().withExamples(300)
        .forAll(integers().between(0, 20_000), integers().between(0, 2), longs().all())
        .checkAssert(
            (n, kind, seed) -> {
              Random r = new Random(seed);
              long[] a = new long[n];
              for (int i = 0; i < n; i++) {
                a[i] =
                    switch (kind) {
                      case 0 -> r.nextLong();
                      case 1 -> r.nextInt(1_000_000) - 500_000L;
                      default -> (r.nextInt(50) - 25) * 0x0101_0101_0101_0101L;
                    };
              }
              long[] expected = a.clone();
              Arrays.sort(expected);
              LongRadixSort.sort(a);
              assertThat(a).isEqualTo(expected);
            });
  }

  @Test
  void extremesKeepTheirPlaces() {
    long[] a = {Long.MAX_VALUE, -1, 0, Long.MIN_VALUE, 1, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
    long[] big = new long[1_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = a[i % a.length];
    }
    long[] expected = big.clone();
    Arrays.sort(expected);
    LongRadixSort.sort(big);
    assertThat(big).isEqualTo(expected);
  }
}
