package dev.seatwise.adapter.files;

import java.util.Arrays;

/**
 * Sorts {@code long}s in place, in the order of {@link Arrays#sort(long[])}, by their bytes from the
 * most significant (an in-place "American flag" radix sort: each byte's buckets are counted, then
 * the values are swapped into them), down to ranges small enough for {@link Arrays#sort}. No second
 * array of the values, and two or three passes over them where a comparison sort makes about twenty:
 * for the duplicate check's row hashes, which are spread evenly over the 64 bits.
 */
final class LongRadixSort {
  /** Ranges of at most this many values are left to {@link Arrays#sort(long[], int, int)}. */
  static final int SMALL = 256;

  private LongRadixSort() {}

  static void sort(long[] a) {
    sort(a, 0, a.length, 56);
  }

  /** Sorts {@code a[from, to)}, whose values agree on every byte above bit {@code shift + 8}. */
  private static void sort(long[] a, int from, int to, int shift) {
    if (to - from <= SMALL || shift < 0) {
      Arrays.sort(a, from, to);
      return;
    }
    // the top byte with its sign bit flipped, so negative values come first as Arrays.sort has them
    int flip = shift == 56 ? 0x80 : 0;
    int[] end = new int[257];
    for (int i = from; i < to; i++) {
      end[(((int) (a[i] >>> shift)) & 0xFF ^ flip) + 1]++;
    }
    end[0] = from;
    for (int b = 0; b < 256; b++) {
      end[b + 1] += end[b];
    }
    // end[b] .. end[b + 1] is bucket b; next[b] is its first place not yet holding a value of b
    int[] next = Arrays.copyOf(end, 256);
    for (int b = 0; b < 256; b++) {
      while (next[b] < end[b + 1]) {
        long v = a[next[b]];
        int d = ((int) (v >>> shift)) & 0xFF ^ flip;
        while (d != b) {
          long t = a[next[d]];
          a[next[d]++] = v;
          v = t;
          d = ((int) (v >>> shift)) & 0xFF ^ flip;
        }
        a[next[b]++] = v;
      }
    }
    for (int b = 0; b < 256; b++) {
      if (end[b + 1] - end[b] > 1) {
        sort(a, end[b], end[b + 1], shift - 8);
      }
    }
  }
}
