package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkArgument;

import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenDraws;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forecast's ledger charges by column, in the order the ledger replays them (by time; equal
 * times in the order given: the Flex windows, then the pool consumption, then the burn ahead): the
 * history's Flex windows read from their table where it stands (no object, no copy, when there is
 * no pool consumption), the few other charges from arrays. Immutable.
 */
final class BurnCharges implements TokenDraws.Charges {
  /** The Flex windows read in place, or null when {@link #at} holds them merged with the pools. */
  private final WindowTable flex;
  private final int inTable;
  /** The charges after the table's (all of them when {@link #flex} is null). */
  private final long[] at;
  private final long[] tokens;

  private BurnCharges(WindowTable flex, int inTable, long[] at, long[] tokens) {
    this.flex = flex;
    this.inTable = inTable;
    this.at = at;
    this.tokens = tokens;
  }

  /**
   * The windows of {@code flex} (in start order), the charges {@code pool} (any order) and then
   * {@code ahead} (in time order, none before the others), ordered by time, stably.
   */
  static BurnCharges of(WindowTable flex, List<TokenCharge> pool, List<TokenCharge> ahead) {
    if (pool.isEmpty()) {
      long[] at = new long[ahead.size()];
      long[] tokens = new long[ahead.size()];
      fill(ahead, at, tokens, 0);
      return new BurnCharges(flex, flex.size(), at, tokens);
    }
    List<TokenCharge> pools = new ArrayList<>(pool);
    pools.sort(Comparator.comparing(TokenCharge::at)); // stable: equal times keep their order
    int n = flex.size() + pools.size();
    long[] at = new long[n + ahead.size()];
    long[] tokens = new long[n + ahead.size()];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      // at equal times the Flex windows come first, as they came first to the ledger
      if (j == pools.size()
          || (i < flex.size()
              && flex.startNanos(i) <= WindowTable.saturatedNanos(pools.get(j).at()))) {
        at[k] = flex.startNanos(i);
        tokens[k] = flex.tokens(i);
        i++;
      } else {
        at[k] = WindowTable.saturatedNanos(pools.get(j).at());
        tokens[k] = pools.get(j).tokens();
        j++;
      }
    }
    fill(ahead, at, tokens, n);
    return new BurnCharges(null, 0, at, tokens);
  }

  private static void fill(List<TokenCharge> charges, long[] at, long[] tokens, int from) {
    for (int k = 0; k < charges.size(); k++) {
      at[from + k] = WindowTable.saturatedNanos(charges.get(k).at());
      tokens[from + k] = charges.get(k).tokens();
      checkArgument(
          from + k == 0 || at[from + k - 1] <= at[from + k],
          "the burn ahead must come after the history");
    }
  }

  /** The charges, all told. */
  int count() {
    return inTable + at.length;
  }

  @Override
  public long atNanos(int c) {
    return c < inTable ? flex.startNanos(c) : at[c - inTable];
  }

  @Override
  public long tokens(int c) {
    return c < inTable ? flex.tokens(c) : tokens[c - inTable];
  }
}
