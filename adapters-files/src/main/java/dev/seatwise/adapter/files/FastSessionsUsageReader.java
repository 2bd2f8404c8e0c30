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
   * Rows are compared by a 64-bit hash of their columns first (sorted, no object per row); only the
   * rows whose hash repeats are then compared exactly.
   */
  static void noteDuplicates(String name, SessionTable table, UsageCollector out) {
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
    Arrays.sort(sorted);
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
      return;
    }
    long[] candidates = Arrays.copyOf(repeated, r); // sorted
    // exact comparison of the candidates, in row order, as the object version counted them
    Map<List<Long>, Integer> seen = new HashMap<>();
    long repeats = 0;
    int worst = -1;
    int worstCount = 0;
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      copy(table, from, len, ub, pb, sb, eb);
      for (int k = 0; k < len; k++) {
        if (Arrays.binarySearch(candidates, hash(ub[k], pb[k], sb[k], eb[k])) < 0) {
          continue;
        }
        int c = seen.merge(List.of((long) ub[k], (long) pb[k], sb[k], eb[k]), 1, Integer::sum);
        if (c > 1) {
          repeats++;
          if (c > worstCount) {
            worst = from + k;
            worstCount = c;
          }
        }
      }
    }
    if (repeats >= Limits.DUPLICATE_NOTE_THRESHOLD - 1 && worst >= 0) {
      var s = table.session(worst);
      out.notes.add(new ImportNote(name, 0, repeats + " row(s) repeat an earlier session exactly"
          + " (same user, product, start and end), e.g. " + s.user().value() + " on "
          + s.product().value() + " from " + s.start() + " " + worstCount + " times; each"
          + " counts as one more seat in use at once (was a file appended twice?)"));
    }
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
