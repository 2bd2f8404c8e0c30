package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Legacy network (floating) seats: per product, the concurrency of sessions; a pool of seats must
 * cover the peak. Daily usage has no clock times and is ignored. The sessions are read by column
 * ({@link UsageLog#sessionTable()}). Stateless and thread-safe.
 */
public final class ConcurrentSeatMeter implements Meter {
  public static final String KIND = "network-seat";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    SessionTable table = usage.sessionTable();
    int n = table.size();
    List<ProductId> dict = table.products();
    int[] count = sessionsPerProduct(table);
    long[][] starts = new long[dict.size()][];
    long[][] ends = new long[dict.size()][];
    for (int p = 0; p < dict.size(); p++) {
      starts[p] = new long[count[p]];
      ends[p] = new long[count[p]];
    }
    int[] pb = new int[BLOCK];
    int[] fill = new int[dict.size()];
    long[] sb = new long[BLOCK];
    long[] eb = new long[BLOCK];
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      table.copyProductIndexes(from, pb, 0, len);
      table.copyStarts(from, sb, 0, len);
      table.copyEnds(from, eb, 0, len);
      for (int k = 0; k < len; k++) {
        int p = pb[k];
        int i = fill[p]++;
        starts[p][i] = sb[k];
        ends[p][i] = eb[k];
      }
    }
    Map<ProductId, Integer> byProduct = usedProducts(dict, count);
    List<CapacityDemand> demands = new ArrayList<>();
    byProduct.forEach(
        (product, p) -> {
          long[] st = starts[p];
          long earliest = Long.MAX_VALUE;
          for (long s : st) {
            earliest = Math.min(earliest, s);
          }
          ConcurrencyProfile profile = ConcurrencyProfile.ofOwnNanos(st, ends[p]);
          // with no overlap at all (only empty sessions), the demand is dated at the first start,
          // whatever the input order
          demands.add(
              new CapacityDemand(
                  product.value(),
                  profile.peak(),
                  profile.peakAt().orElse(SessionTable.toInstant(earliest)),
                  profile));
        });
    return new Metering(List.of(), demands);
  }

  /** How many sessions each product of the table's dictionary has, by dictionary index. */
  private static int[] sessionsPerProduct(SessionTable table) {
    int n = table.size();
    int[] count = new int[table.products().size()];
    int[] pb = new int[BLOCK];
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      table.copyProductIndexes(from, pb, 0, len);
      for (int k = 0; k < len; k++) {
        count[pb[k]]++;
      }
    }
    return count;
  }

  /** The products with sessions, in product id order, each to its dictionary index. */
  private static Map<ProductId, Integer> usedProducts(List<ProductId> dict, int[] count) {
    Map<ProductId, Integer> used = new TreeMap<>();
    for (int p = 0; p < dict.size(); p++) {
      if (count[p] > 0) {
        used.put(dict.get(p), p);
      }
    }
    return used;
  }

  /**
   * One product's peak: the most sessions open at once and the first instant it is reached (the
   * product's earliest start when no two sessions overlap and none lasts, as {@link #meter} dates
   * it). Immutable; nothing is null.
   */
  public record Peak(ProductId product, long peak, Instant peakAt) {
    public Peak {
      checkNotNull(product, "product");
      checkNotNull(peakAt, "peakAt");
    }
  }

  /**
   * Each used product's {@link CapacityDemand#peak()} and {@link CapacityDemand#peakAt()} as
   * {@link #meter} gives them, in product id order, without the concurrency profiles: one product's
   * starts and ends at a time (16 bytes per session of the largest product), where the profiles
   * together hold 56 bytes per session. What a scenario that only sizes seats needs.
   */
  public static List<Peak> peaks(UsageLog usage) {
    SessionTable table = usage.sessionTable();
    int[] count = sessionsPerProduct(table);
    Map<ProductId, Integer> byProduct = usedProducts(table.products(), count);
    List<Peak> out = new ArrayList<>();
    byProduct.forEach(
        (product, p) -> {
          long[] starts = new long[count[p]];
          long[] ends = new long[count[p]];
          table.copyStartsAndEndsOf(p, starts, ends);
          InstantSort.sort(starts);
          InstantSort.sort(ends);
          // the level after every change at one instant (ends and starts there net out), as the
          // profile's step function; the first instant at the highest level
          long level = 0;
          long peak = 0;
          long peakAt = starts[0];
          int a = 0;
          int b = 0;
          int m = starts.length;
          while (a < m || b < m) {
            long time = b >= m || (a < m && starts[a] < ends[b]) ? starts[a] : ends[b];
            while (b < m && ends[b] == time) {
              level--;
              b++;
            }
            while (a < m && starts[a] == time) {
              level++;
              a++;
            }
            if (level > peak) {
              peak = level;
              peakAt = time;
            }
          }
          out.add(new Peak(product, peak, SessionTable.toInstant(peakAt)));
        });
    return out;
  }

  private static final int BLOCK = 1 << 12;
}
