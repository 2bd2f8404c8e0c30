package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.UnitPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact cheapest way to buy tokens from packs of different sizes and prices (an unbounded
 * covering knapsack). Any number of each pack may be bought; the purchase must hold at least the
 * demand.
 *
 * <p>Sizes are reduced by their greatest common divisor. A dynamic programme over demand runs until
 * the cost becomes periodic in the best-value pack: once {@code f(x) = f(x - u*) + c*} holds for as
 * many consecutive demands as the largest pack, it holds for every larger demand, so any demand is
 * then answered in constant time. Costs are kept as exact scaled integers: no rounding happens until
 * {@link PackPurchase#cost()}.
 *
 * <p>Immutable and thread-safe after construction; nothing is null.
 */
public final class PackPricing {
  /** Largest dynamic-programming table this class will build (in gcd units). */
  public static final int MAX_TABLE = 1 << 24;

  private final List<TokenPack> packs;
  private final Currency currency;
  private final int scale;
  private final long gcd;
  private final long[] unitSize;
  private final long[] unitCost;
  private final int best;
  private final long[] table;
  private final byte[] choice;
  private final int periodStart;

  private PackPricing(List<TokenPack> offered) {
    checkArgument(!offered.isEmpty(), "at least one token pack is needed");
    checkArgument(offered.size() <= Byte.MAX_VALUE, "too many pack kinds: %s", offered.size());
    List<TokenPack> sorted = new ArrayList<>(offered);
    sorted.sort(Comparator.comparingLong(TokenPack::size));
    this.packs = List.copyOf(sorted);
    this.currency = packs.get(0).unitPrice().currency();
    int s = currency.getDefaultFractionDigits();
    long g = 0;
    for (TokenPack p : packs) {
      checkArgument(
          p.unitPrice().currency().equals(currency), "packs must share one currency: %s", p);
      s = Math.max(s, Math.max(0, p.exactPrice().stripTrailingZeros().scale()));
      // the per-token price too, so that price x tokens (the optimiser's Lagrangian) is exact
      s = Math.max(s, Math.max(0, p.unitPrice().perUnit().scale()));
      g = gcd(g, p.size());
    }
    this.scale = s;
    this.gcd = g;
    int n = packs.size();
    this.unitSize = new long[n];
    this.unitCost = new long[n];
    int b = 0;
    long maxUnits = 0;
    for (int i = 0; i < n; i++) {
      unitSize[i] = packs.get(i).size() / g;
      unitCost[i] = packs.get(i).exactPrice().setScale(scale).unscaledValue().longValueExact();
      maxUnits = Math.max(maxUnits, unitSize[i]);
      int cmp = packs.get(i).unitPrice().perUnit().compareTo(packs.get(b).unitPrice().perUnit());
      if (cmp < 0 || (cmp == 0 && packs.get(i).size() > packs.get(b).size())) {
        b = i;
      }
    }
    this.best = b;
    // Build the table until the cost is periodic in the best pack over a run of maxUnits demands.
    int capacity = (int) Math.min(MAX_TABLE, Math.max(1024, 4 * maxUnits + 1));
    long[] f = new long[capacity];
    byte[] c = new byte[capacity];
    c[0] = -1;
    long run = 0;
    int x = 1;
    int start = -1;
    while (true) {
      if (x >= f.length) {
        checkArgument(
            f.length < MAX_TABLE,
            "pack sizes %s are too irregular to price exactly within %s units",
            packs,
            MAX_TABLE);
        int grown = (int) Math.min(MAX_TABLE, (long) f.length * 2);
        f = java.util.Arrays.copyOf(f, grown);
        c = java.util.Arrays.copyOf(c, grown);
      }
      long min = Long.MAX_VALUE;
      int arg = -1;
      for (int i = 0; i < n; i++) {
        long prev = f[(int) Math.max(0, x - unitSize[i])];
        long cand = Math.addExact(prev, unitCost[i]);
        if (cand < min) {
          min = cand;
          arg = i;
        }
      }
      f[x] = min;
      c[x] = (byte) arg;
      if (x >= unitSize[best] && f[x] == f[(int) (x - unitSize[best])] + unitCost[best]) {
        run++;
        if (run >= maxUnits) {
          start = (int) (x - run + 1);
          x++;
          break;
        }
      } else {
        run = 0;
      }
      x++;
    }
    this.periodStart = start;
    this.table = java.util.Arrays.copyOf(f, x);
    this.choice = java.util.Arrays.copyOf(c, x);
  }

  /** Prices the given packs; they must share one currency. */
  public static PackPricing of(List<TokenPack> packs) {
    return new PackPricing(List.copyOf(checkNotNull(packs, "packs")));
  }

  public List<TokenPack> packs() {
    return packs;
  }

  public Currency currency() {
    return currency;
  }

  /** The pack with the lowest price per token (ties: the larger pack). */
  public TokenPack bestValuePack() {
    return packs.get(best);
  }

  /** The lowest price per token of any pack: a lower bound on the average price of any purchase. */
  public UnitPrice bestUnitPrice() {
    return packs.get(best).unitPrice();
  }

  /** The decimal scale of {@link #scaledCostOf(long)}. */
  public int costScale() {
    return scale;
  }

  /**
   * The demand (in tokens) from which the cost is periodic: for every {@code t >= periodicFrom()},
   * {@code cost(t + s) = cost(t) + p}, where {@code s} and {@code p} are the size and price of the
   * {@link #bestValuePack()}.
   */
  public long periodicFrom() {
    return (long) periodStart * gcd;
  }

  /** The greatest common divisor of the pack sizes. */
  public long granularity() {
    return gcd;
  }

  /**
   * The exact cost of the cheapest covering purchase, as an unscaled integer at {@link
   * #costScale()}. Constant time after construction.
   */
  public long scaledCostOf(long tokens) {
    checkArgument(tokens >= 0, "demand must be >= 0 but was %s", tokens);
    long units = ceilDiv(tokens, gcd);
    if (units < table.length) {
      return table[(int) units];
    }
    long ub = unitSize[best];
    long k = (units - periodStart) / ub;
    long rest = units - k * ub;
    return Math.addExact(table[(int) rest], Math.multiplyExact(k, unitCost[best]));
  }

  /** The exact (unrounded) cost of the cheapest purchase covering {@code tokens}. */
  public BigDecimal exactCostOf(long tokens) {
    return BigDecimal.valueOf(scaledCostOf(tokens), scale);
  }

  /** The cheapest multiset of packs whose sizes sum to at least {@code demand}. */
  public PackPurchase cheapestCover(Tokens demand) {
    long units = ceilDiv(demand.count(), gcd);
    long[] counts = new long[packs.size()];
    if (units >= table.length) {
      long ub = unitSize[best];
      long k = (units - periodStart) / ub;
      counts[best] += k;
      units -= k * ub;
    }
    int x = (int) units;
    while (x > 0) {
      int i = choice[x];
      counts[i]++;
      x = (int) Math.max(0, x - unitSize[i]);
    }
    Map<TokenPack, Long> result = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      result.put(packs.get(i), counts[i]);
    }
    return new PackPurchase(demand, result, currency);
  }

  private static long ceilDiv(long a, long b) {
    return a == 0 ? 0 : (a - 1) / b + 1;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
