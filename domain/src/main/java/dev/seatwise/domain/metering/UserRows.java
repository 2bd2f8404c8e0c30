package dev.seatwise.domain.metering;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a few users of a {@link SessionTable}, gathered in one pass over the table: per user,
 * the product index, start and end of each of their rows, in table order. For the rare questions
 * the replay asks about one user's other products (collection checkouts, days used beside daily
 * usage). Immutable after construction.
 */
final class UserRows {
  private static final int BLOCK = 1 << 12;

  /** Slot of each user index, or -1 when not gathered. */
  private final int[] slot;
  private final int[][] products;
  private final long[][] starts;
  private final long[][] ends;
  private final Map<ProductId, Integer> productIndex = new HashMap<>();

  private UserRows(SessionTable table, int[] slot, int[][] products, long[][] starts, long[][] ends) {
    this.slot = slot;
    this.products = products;
    this.starts = starts;
    this.ends = ends;
    List<ProductId> dict = table.products();
    for (int p = 0; p < dict.size(); p++) {
      productIndex.put(dict.get(p), p);
    }
  }

  /** The rows of the users whose index is set in {@code selected}. */
  static UserRows of(SessionTable table, boolean[] selected) {
    int[] slot = new int[table.users().size()];
    Arrays.fill(slot, -1);
    int slots = 0;
    for (int u = 0; u < selected.length && u < slot.length; u++) {
      if (selected[u]) {
        slot[u] = slots++;
      }
    }
    int[] count = new int[slots];
    int n = table.size();
    int[] ub = new int[BLOCK];
    if (slots > 0) {
      for (int from = 0; from < n; from += BLOCK) {
        int len = Math.min(BLOCK, n - from);
        table.copyUserIndexes(from, ub, 0, len);
        for (int k = 0; k < len; k++) {
          int s = slot[ub[k]];
          if (s >= 0) {
            count[s]++;
          }
        }
      }
    }
    int[][] products = new int[slots][];
    long[][] starts = new long[slots][];
    long[][] ends = new long[slots][];
    for (int s = 0; s < slots; s++) {
      products[s] = new int[count[s]];
      starts[s] = new long[count[s]];
      ends[s] = new long[count[s]];
    }
    Arrays.fill(count, 0);
    if (slots > 0) {
      table.forEachChunk(
          (row, len, us, pb, sb, eb) -> {
            for (int k = 0; k < len; k++) {
              int s = slot[us[k]];
              if (s >= 0) {
                int i = count[s]++;
                products[s][i] = pb[k];
                starts[s][i] = sb[k];
                ends[s][i] = eb[k];
              }
            }
          });
    }
    return new UserRows(table, slot, products, starts, ends);
  }

  /** Rows of user index {@code u} (0 when not gathered or {@code u < 0}). */
  int rows(int u) {
    return u < 0 || slot[u] < 0 ? 0 : products[slot[u]].length;
  }

  int product(int u, int k) {
    return products[slot[u]][k];
  }

  long start(int u, int k) {
    return starts[slot[u]][k];
  }

  long end(int u, int k) {
    return ends[slot[u]][k];
  }

  /** The table's index of {@code id}, or -1 when the table has no row of it. */
  int productIndex(ProductId id) {
    return productIndex.getOrDefault(id, -1);
  }
}
