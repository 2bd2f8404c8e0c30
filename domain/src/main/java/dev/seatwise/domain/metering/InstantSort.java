package dev.seatwise.domain.metering;

import java.util.Arrays;

/**
 * Sorts instants in epoch nanoseconds ascending, as {@link Arrays#sort(long[])} does, faster for the
 * usual columns: an array already in order is only checked, and one whose values are whole seconds
 * from its least within an {@code int} (times read from files and logs) is sorted as {@code int}
 * seconds by a two-pass radix sort, linear in its length; any other array goes to {@link
 * Arrays#sort(long[])}. Stateless.
 */
final class InstantSort {
  private static final long NANOS = 1_000_000_000L;
  /** Below this length the library sort is as fast. */
  private static final int SMALL = 1 << 12;

  private InstantSort() {}

  /** Sorts {@code a} ascending (the same values in the same order as {@link Arrays#sort(long[])}). */
  static void sort(long[] a) {
    int n = a.length;
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = a[i - 1] <= a[i];
    }
    if (sorted) {
      return;
    }
    if (n < SMALL) {
      Arrays.sort(a);
      return;
    }
    long min = Long.MAX_VALUE;
    for (long v : a) {
      min = Math.min(min, v);
    }
    int[] secs = new int[n];
    int max = 0;
    for (int i = 0; i < n; i++) {
      long d = a[i] - min; // negative when the difference overflows a long
      long s = d / NANOS;
      if (d < 0 || s > Integer.MAX_VALUE || s * NANOS != d) {
        Arrays.sort(a);
        return;
      }
      secs[i] = (int) s;
      max = Math.max(max, (int) s);
    }
    int bits = 32 - Integer.numberOfLeadingZeros(max);
    int low = (bits + 1) / 2;
    int[] tmp = new int[n];
    byDigit(secs, tmp, 0, low);
    if (bits > low) {
      byDigit(tmp, secs, low, bits - low);
    } else {
      System.arraycopy(tmp, 0, secs, 0, n);
    }
    for (int i = 0; i < n; i++) {
      a[i] = min + secs[i] * NANOS;
    }
  }

  /** A stable counting sort of {@code from} into {@code to} by the {@code width} bits from {@code shift}. */
  private static void byDigit(int[] from, int[] to, int shift, int width) {
    int mask = (1 << width) - 1;
    int[] at = new int[mask + 2];
    for (int v : from) {
      at[((v >>> shift) & mask) + 1]++;
    }
    for (int d = 0; d <= mask; d++) {
      at[d + 1] += at[d];
    }
    for (int v : from) {
      to[at[(v >>> shift) & mask]++] = v;
    }
  }
}
