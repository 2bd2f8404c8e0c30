package dev.seatwise.domain.metering;

import java.util.function.LongConsumer;

/**
 * The access-window rule on primitive time values, shared by the object API and columnar replays.
 * All values are in one unit (e.g. epoch nanoseconds or seconds).
 *
 * <p>For one user and product, sessions sorted by start: a session shorter than {@code minimum} is
 * free and opens nothing (F7); a window opens at the first instant of billable use that no open
 * window covers (F2); use that runs past a window's end opens the next window at that instant
 * (continuation, F3/F5); intervals are half-open, so use ending exactly at a window's end needs no
 * new window.
 */
public final class FlexWindowing {
  private FlexWindowing() {}

  /**
   * Replays sessions {@code [starts[i], ends[i])} for {@code i} in {@code [from, to)}, which must be
   * sorted by start, and reports each window's start to {@code sink} (may be null). Returns the
   * number of windows.
   */
  public static int replay(
      long[] starts, long[] ends, int from, int to, long window, long minimum, LongConsumer sink) {
    int count = 0;
    long openEnd = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      long s = starts[i];
      long e = ends[i];
      if (e - s < minimum || e <= s) {
        continue;
      }
      while (e > openEnd) {
        long open = Math.max(s, openEnd);
        openEnd = open + window;
        count++;
        if (sink != null) {
          sink.accept(open);
        }
      }
    }
    return count;
  }
}
