package dev.seatwise.adapter.files;

import dev.seatwise.domain.usage.SessionTable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions CSV as {@link FileUsageAdapter} reads it: parsed by {@link FastSessionsCsvReader}
 * (the same sessions, report and errors as {@link SessionsCsvReader}, which its properties check,
 * several times faster and on two threads for large files) straight into the import's {@link
 * SessionTable}, with no object per row.
 */
final class FastSessionsUsageReader implements UsageReader {
  private static final int BLOCK = 1 << 12;

  private final FastSessionsCsvReader reader = new FastSessionsCsvReader();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    SessionTable table = reader.read(file, name, ctx, ledger);
    noteDuplicates(name, table, out);
    out.sessions.addAll(table);
  }

  /**
   * Notes sessions that repeat an earlier one exactly (same user, product, start and end): each
   * counts as one more concurrent seat, so a file appended to itself doubles the network seats.
   * Rows in start order (the usual export) are compared within each run of one start ({@link
   * #byStartRuns}); others by a 64-bit hash of their columns first ({@link #byHashes}: sorted, no
   * object per row), and only the rows whose hash repeats are then compared exactly. Both count
   * the same repeats and the same worst row.
   */
  static void noteDuplicates(String name, SessionTable table, UsageCollector out) {
    Repeats r = byStartRuns(table);
    if (r == null) {
      r = byHashes(table);
    }
    if (r.repeats() >= Limits.DUPLICATE_NOTE_THRESHOLD - 1 && r.worst() >= 0) {
      var s = table.session(r.worst());
      out.notes.add(new ImportNote(name, 0, r.repeats() + " row(s) repeat an earlier session exactly"
          + " (same user, product, start and end), e.g. " + s.user().value() + " on "
          + s.product().value() + " from " + s.start() + " " + r.worstCount() + " times; each"
          + " counts as one more seat in use at once (was a file appended twice?)"));
    }
  }

  /**
   * Rows that repeat an earlier row exactly, and the first row at which one session had been seen
   * the most times ({@code worst} -1 when none repeats): taking the rows in order, a row whose
   * session was seen {@code c - 1} times before is its {@code c}-th sighting; each sighting past
   * the first is a repeat, and the worst is the first row to reach the highest {@code c}.
   */
  record Repeats(long repeats, int worst, int worstCount) {}

  /** The repeats of the rows taken in order ({@link Repeats}), one repeating row at a time. */
  private static final class Tally {
    private long repeats;
    private int worst = -1;
    private int worstCount;

    /** Row {@code row} is the {@code c}-th sighting of its session, {@code c} over 1. */
    void repeat(int row, int c) {
      repeats++;
      if (c > worstCount) {
        worst = row;
        worstCount = c;
      }
    }

    Repeats result() {
      return new Repeats(repeats, worst, worstCount);
    }
  }

  /**
   * Most distinct sessions of one start {@link #byStartRuns} keeps before it leaves the table to
   * {@link #byHashes}.
   */
  static final int MAX_RUN = 1 << 12;

  /**
   * The repeats of a table whose rows come in start order (equal starts, hence every repeat of a
   * row, lie in one run of rows), found one run at a time with a small hash table of the run's
   * (user, product, end) keys: one pass, no sort. Null when a row starts before the one above it
   * or a run of one start holds more than {@link #MAX_RUN} distinct sessions.
   */
  static Repeats byStartRuns(SessionTable table) {
    int n = table.size();
    int cap = 2 * MAX_RUN; // a power of two, at most half full
    int[] slotUser = new int[cap];
    int[] slotProduct = new int[cap];
    long[] slotEnd = new long[cap];
    int[] slotCount = new int[cap];
    int[] used = new int[MAX_RUN];
    int runLength = 0;
    long runStart = Long.MIN_VALUE;
    Tally tally = new Tally();
    int[] ub = new int[BLOCK];
    int[] pb = new int[BLOCK];
    long[] sb = new long[BLOCK];
    long[] eb = new long[BLOCK];
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      copy(table, from, len, ub, pb, sb, eb);
      for (int k = 0; k < len; k++) {
        long s = sb[k];
        if (s != runStart || runLength == 0) {
          if (s < runStart) {
            return null;
          }
          for (int x = 0; x < runLength; x++) {
            slotCount[used[x]] = 0;
          }
          runLength = 0;
          runStart = s;
        }
        int u = ub[k];
        int p = pb[k];
        long e = eb[k];
        int slot = (int) hash(u, p, s, e) & (cap - 1);
        while (slotCount[slot] != 0
            && (slotUser[slot] != u || slotProduct[slot] != p || slotEnd[slot] != e)) {
          slot = (slot + 1) & (cap - 1);
        }
        int c;
        if (slotCount[slot] == 0) {
          if (runLength == MAX_RUN) {
            return null; // one more distinct session than the table takes
          }
          slotUser[slot] = u;
          slotProduct[slot] = p;
          slotEnd[slot] = e;
          slotCount[slot] = 1;
          used[runLength++] = slot;
          c = 1;
        } else {
          c = ++slotCount[slot];
        }
        if (c > 1) {
          tally.repeat(from + k, c);
        }
      }
    }
    return tally.result();
  }

  /**
   * The repeats of any table: rows are compared by a 64-bit hash of their columns first (sorted, no
   * object per row); only the rows whose hash repeats are then compared exactly.
   */
  static Repeats byHashes(SessionTable table) {
    int n = table.size();
    long[] hashes = new long[n];
    int[] ub = new int[BLOCK];
    int[] pb = new int[BLOCK];
    long[] sb = new long[BLOCK];
    long[] eb = new long[BLOCK];
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      copy(table, from, len, ub, pb, sb, eb);
      for (int k = 0; k < len; k++) {
        hashes[from + k] = hash(ub[k], pb[k], sb[k], eb[k]);
      }
    }
    long[] sorted = hashes; // sorted in place: each row's hash is computed again below
    LongRadixSort.sort(sorted);
    long[] repeated = new long[16];
    int r = 0;
    for (int i = 1; i < n; i++) {
      if (sorted[i] == sorted[i - 1] && (r == 0 || repeated[r - 1] != sorted[i])) {
        if (r == repeated.length) {
          repeated = Arrays.copyOf(repeated, r * 2);
        }
        repeated[r++] = sorted[i];
      }
    }
    if (r == 0) {
      return new Repeats(0, -1, 0);
    }
    long[] candidates = Arrays.copyOf(repeated, r); // sorted
    // exact comparison of the candidates, in row order, as the object version counted them
    Map<List<Long>, Integer> seen = new HashMap<>();
    Tally tally = new Tally();
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      copy(table, from, len, ub, pb, sb, eb);
      for (int k = 0; k < len; k++) {
        if (Arrays.binarySearch(candidates, hash(ub[k], pb[k], sb[k], eb[k])) < 0) {
          continue;
        }
        int c = seen.merge(List.of((long) ub[k], (long) pb[k], sb[k], eb[k]), 1, Integer::sum);
        if (c > 1) {
          tally.repeat(from + k, c);
        }
      }
    }
    return tally.result();
  }

  private static void copy(
      SessionTable t, int from, int len, int[] ub, int[] pb, long[] sb, long[] eb) {
    t.copyUserIndexes(from, ub, 0, len);
    t.copyProductIndexes(from, pb, 0, len);
    t.copyStarts(from, sb, 0, len);
    t.copyEnds(from, eb, 0, len);
  }

  private static long hash(int u, int p, long s, long e) {
    long h = mix(u * 0x9E3779B97F4A7C15L + p);
    h = mix(h ^ s);
    return mix(h ^ (e * 0xC2B2AE3D27D4EB4FL));
  }

  /** The finaliser of SplitMix64. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
