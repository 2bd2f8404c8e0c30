package dev.seatwise.domain.money;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount into parts proportional to weights, to the minor unit, by the <b>largest
 * remainder</b> (Hamilton) rule, so that the parts always sum exactly to the amount.
 *
 * <p>With {@code N} the amount in minor units (cents) and {@code W} the sum of the weights, part
 * {@code i} first gets {@code floor(N w_i / W)}; the minor units left over (fewer than the number of
 * parts) go one each to the parts with the largest remainders {@code N w_i mod W}, ties to the part
 * that comes first in the weights' iteration order. A negative amount is split as its absolute
 * value and negated. Every part is thus within one minor unit of its exact share {@code N w_i / W},
 * a zero weight gets zero, and the same input always gives the same split.
 *
 * <p>Stateless and thread-safe.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * The parts of {@code total}, one per key of {@code weights}, in the weights' iteration order.
   *
   * @param weights not null, at least one key, every weight {@code >= 0}, their sum {@code > 0}
   * @return the parts (never null), summing exactly to {@code total}
   * @throws IllegalArgumentException when the weights are empty, negative or all zero
   */
  public static <K> Map<K, Money> byLargestRemainder(Money total, Map<K, Long> weights) {
    checkNotNull(total, "total");
    checkNotNull(weights, "weights");
    checkArgument(!weights.isEmpty(), "no weights to allocate %s by", total);
    BigInteger sum = BigInteger.ZERO;
    List<K> keys = new ArrayList<>(weights.size());
    for (Map.Entry<K, Long> e : weights.entrySet()) {
      checkNotNull(e.getKey(), "key");
      long w = checkNotNull(e.getValue(), "weight of %s", e.getKey());
      checkArgument(w >= 0, "weight of %s must be >= 0 but was %s", e.getKey(), w);
      sum = sum.add(BigInteger.valueOf(w));
      keys.add(e.getKey());
    }
    checkArgument(sum.signum() > 0, "the weights to allocate %s by are all zero", total);
    int digits = total.currency().getDefaultFractionDigits();
    BigInteger minor = total.amount().movePointRight(digits).toBigIntegerExact();
    boolean negative = minor.signum() < 0;
    BigInteger n = minor.abs();
    int size = keys.size();
    if (n.bitLength() < 63 && sum.bitLength() < 63) {
      Map<K, Money> fast = inLongs(total, weights, keys, n.longValueExact(), sum.longValueExact(),
          negative, digits);
      if (fast != null) {
        return fast;
      }
    }
    BigInteger[] parts = new BigInteger[size];
    BigInteger[] remainders = new BigInteger[size];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < size; i++) {
      BigInteger[] qr = n.multiply(BigInteger.valueOf(weights.get(keys.get(i)))).divideAndRemainder(sum);
      parts[i] = qr[0];
      remainders[i] = qr[1];
      given = given.add(qr[0]);
    }
    int left = n.subtract(given).intValueExact();
    List<Integer> order = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    // largest remainder first; List.sort is stable, so ties keep the weights' order
    order.sort(Collections.reverseOrder((a, b) -> remainders[a].compareTo(remainders[b])));
    for (int k = 0; k < left; k++) {
      int i = order.get(k);
      parts[i] = parts[i].add(BigInteger.ONE);
    }
    Map<K, Money> out = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      BigInteger p = negative ? parts[i].negate() : parts[i];
      out.put(keys.get(i), new Money(new BigDecimal(p, digits), total.currency()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The same split in {@code long} arithmetic, or null when a product would overflow. */
  private static <K> Map<K, Money> inLongs(
      Money total, Map<K, Long> weights, List<K> keys, long n, long sum, boolean negative,
      int digits) {
    int size = keys.size();
    long[] parts = new long[size];
    long[] remainders = new long[size];
    long given = 0;
    for (int i = 0; i < size; i++) {
      long w = weights.get(keys.get(i));
      long hi = Math.multiplyHigh(n, w);
      long product = n * w;
      if (hi != 0 || product < 0) {
        return null;
      }
      parts[i] = product / sum;
      remainders[i] = product % sum;
      given += parts[i];
    }
    int left = Math.toIntExact(n - given);
    List<Integer> order = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    // largest remainder first; List.sort is stable, so ties keep the weights' order
    order.sort((a, b) -> Long.compare(remainders[b], remainders[a]));
    for (int k = 0; k < left; k++) {
      parts[order.get(k)]++;
    }
    Map<K, Money> out = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      long p = negative ? -parts[i] : parts[i];
      out.put(keys.get(i), new Money(BigDecimal.valueOf(p, digits), total.currency()));
    }
    return Collections.unmodifiableMap(out);
  }
}
