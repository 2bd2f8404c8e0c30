package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a columnar replay ({@link TokenDraws}) holds at any instant: the answers of {@link
 * LedgerReplay} (tokens purchased, consumed, expired unused and usable by an instant, what each lot
 * gave by then, the tokens refused between two instants) without an object per charge or per draw,
 * and without a scan of every charge per question.
 *
 * <p>An instant is found among the charges by binary search on their times (they come in time
 * order). Each lot's draws are kept as segments: consecutive charges that each took all their
 * tokens from it (at most {@link #DEFAULT_CHUNK} charges a segment), or one draw of part of a
 * charge, each with what the lot gave before it; the refused tokens as a running total every
 * {@link #DEFAULT_CHUNK} charges. A question thus reads at most two chunks of charges.
 *
 * <p>Immutable and thread-safe (given charges that do not change, as {@link TokenDraws} asks).
 */
public final class LedgerBalances {
  /** Charges per chunk of the running totals (and most charges in one segment of draws). */
  static final int DEFAULT_CHUNK = 4096;

  private static final long NANOS = 1_000_000_000L;

  private final TokenDraws draws;
  private final int chunk;
  private final long[] purchased;
  private final long[] expires;
  private final long[] size;
  /** Per lot and segment: its first charge and its end (exclusive). */
  private final int[][] segFirst;
  private final int[][] segEnd;
  /** Per lot and segment: -1 when each of its charges gave all its tokens, else the one draw's. */
  private final long[][] segTake;
  /** Per lot and segment: what the lot gave before it. */
  private final long[][] segBefore;
  /** Refused tokens and refused charges among charges {@code [0, k * chunk)}. */
  private final long[] refusedBefore;
  private final int[] refusalsBefore;

  private LedgerBalances(TokenDraws draws, int chunk) {
    this.draws = draws;
    this.chunk = chunk;
    List<TokenLot> lots = draws.lots();
    int n = lots.size();
    purchased = new long[n];
    expires = new long[n];
    size = new long[n];
    for (int i = 0; i < n; i++) {
      purchased[i] = TokenDraws.nanos(lots.get(i).purchased());
      expires[i] = TokenDraws.nanos(lots.get(i).expires());
      size[i] = lots.get(i).size();
    }
    // per lot, its segments as they are walked (grown as needed), then trimmed
    int[][] first = new int[n][1];
    int[][] end = new int[n][1];
    long[][] take = new long[n][1];
    long[][] before = new long[n][1];
    int[] segments = new int[n];
    long[] total = new long[n];
    draws.forEachDraw(
        (c, lot, tokens) -> {
          boolean whole = tokens == draws.chargeTokens(c);
          int last = segments[lot] - 1;
          if (whole
              && last >= 0
              && take[lot][last] == -1
              && end[lot][last] == c
              && end[lot][last] - first[lot][last] < chunk) {
            end[lot][last] = c + 1;
          } else {
            int m = segments[lot];
            if (m == first[lot].length) {
              first[lot] = Arrays.copyOf(first[lot], 2 * m);
              end[lot] = Arrays.copyOf(end[lot], 2 * m);
              take[lot] = Arrays.copyOf(take[lot], 2 * m);
              before[lot] = Arrays.copyOf(before[lot], 2 * m);
            }
            first[lot][m] = c;
            end[lot][m] = c + 1;
            take[lot][m] = whole ? -1 : tokens;
            before[lot][m] = total[lot];
            segments[lot] = m + 1;
          }
          total[lot] += tokens;
        });
    segFirst = new int[n][];
    segEnd = new int[n][];
    segTake = new long[n][];
    segBefore = new long[n][];
    for (int i = 0; i < n; i++) {
      segFirst[i] = Arrays.copyOf(first[i], segments[i]);
      segEnd[i] = Arrays.copyOf(end[i], segments[i]);
      segTake[i] = Arrays.copyOf(take[i], segments[i]);
      segBefore[i] = Arrays.copyOf(before[i], segments[i]);
    }
    int count = draws.charges();
    int chunks = count / chunk + 1;
    refusedBefore = new long[chunks + 1];
    refusalsBefore = new int[chunks + 1];
    for (int k = 0; k < chunks; k++) {
      int from = k * chunk;
      int to = (int) Math.min(count, (long) from + chunk);
      long tokens = 0;
      int refusals = 0;
      for (int c = from; c < to; c++) {
        if (draws.isRefused(c)) {
          tokens = Math.addExact(tokens, draws.chargeTokens(c));
          refusals++;
        }
      }
      refusedBefore[k + 1] = Math.addExact(refusedBefore[k], tokens);
      refusalsBefore[k + 1] = refusalsBefore[k] + refusals;
    }
  }

  /** The balances of {@code draws}. */
  public static LedgerBalances of(TokenDraws draws) {
    return of(draws, DEFAULT_CHUNK);
  }

  /** As {@link #of(TokenDraws)} with {@code chunk} charges a chunk (tests use small ones). */
  static LedgerBalances of(TokenDraws draws, int chunk) {
    checkNotNull(draws, "draws");
    checkArgument(chunk >= 1, "chunk must be >= 1 but was %s", chunk);
    return new LedgerBalances(draws, chunk);
  }

  /** The lots in burn order (the indexes of {@link #drawnBy}). */
  public List<TokenLot> lots() {
    return draws.lots();
  }

  /** Tokens of lots purchased at or before {@code t}. */
  public long purchasedBy(Instant t) {
    long at = TokenDraws.nanos(t);
    long sum = 0;
    for (int i = 0; i < size.length; i++) {
      if (purchased[i] <= at) {
        sum += size[i];
      }
    }
    return sum;
  }

  /** Tokens drawn at or before {@code t}. */
  public long consumedBy(Instant t) {
    int k = chargesUpTo(TokenDraws.nanos(t));
    long sum = 0;
    for (int i = 0; i < size.length; i++) {
      sum += drawnBefore(i, k);
    }
    return sum;
  }

  /** Tokens of lots that expired at or before {@code t} without being used. */
  public long expiredBy(Instant t) {
    long at = TokenDraws.nanos(t);
    long sum = 0;
    for (int i = 0; i < size.length; i++) {
      if (expires[i] <= at) {
        sum += size[i] - drawnBefore(i, chargesUpTo(expires[i]));
      }
    }
    return sum;
  }

  /** Tokens usable at {@code t}: active lots less what they gave at or before {@code t}. */
  public long balanceAt(Instant t) {
    long at = TokenDraws.nanos(t);
    int k = chargesUpTo(at);
    long sum = 0;
    for (int i = 0; i < size.length; i++) {
      if (purchased[i] <= at && at < expires[i]) {
        sum += size[i] - drawnBefore(i, k);
      }
    }
    return sum;
  }

  /** Tokens drawn from lot {@code lot} (index in {@link #lots()}) at or before {@code t}. */
  public long drawnBy(int lot, Instant t) {
    checkElementIndex(lot, size.length, "lot");
    return drawnBefore(lot, chargesUpTo(TokenDraws.nanos(t)));
  }

  /** Tokens of the charges refused at instants in {@code (after, upTo]} (0 when none). */
  public long refusedBetween(Instant after, Instant upTo) {
    int a = chargesUpTo(TokenDraws.nanos(after));
    int b = chargesUpTo(TokenDraws.nanos(upTo));
    return b <= a ? 0 : refusedBefore(b) - refusedBefore(a);
  }

  /**
   * The first charge (index in the replay) at or after {@code t} that was refused, if any (a
   * refused charge always has tokens: one of none is accepted).
   */
  public OptionalInt firstRefusedAtOrAfter(Instant t) {
    long at = TokenDraws.nanos(t);
    int count = draws.charges();
    int c = chargesBefore(at);
    while (c < count) {
      int k = c / chunk;
      if (c % chunk == 0 && refusalsBefore[k + 1] == refusalsBefore[k]) {
        c = (int) Math.min(count, (long) (k + 1) * chunk); // no refusal in this chunk
        continue;
      }
      if (draws.isRefused(c)) {
        return OptionalInt.of(c);
      }
      c++;
    }
    return OptionalInt.empty();
  }

  /** The time of charge {@code c} of the replay. */
  public Instant chargeAt(int c) {
    checkElementIndex(c, draws.charges(), "charge");
    long t = draws.chargeAtNanos(c);
    return Instant.ofEpochSecond(Math.floorDiv(t, NANOS), Math.floorMod(t, NANOS));
  }

  /** The charges at or before {@code t}: the first k of them, as they come in time order. */
  private int chargesUpTo(long t) {
    int lo = 0;
    int hi = draws.charges();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (draws.chargeAtNanos(mid) <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The charges before {@code t} (strictly). */
  private int chargesBefore(long t) {
    int lo = 0;
    int hi = draws.charges();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (draws.chargeAtNanos(mid) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Tokens lot {@code lot} gave the first {@code k} charges. */
  private long drawnBefore(int lot, int k) {
    int[] first = segFirst[lot];
    // the last segment starting before charge k
    int lo = 0;
    int hi = first.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (first[mid] < k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int s = lo - 1;
    if (s < 0) {
      return 0;
    }
    long sum = segBefore[lot][s];
    if (segTake[lot][s] != -1) {
      return sum + segTake[lot][s];
    }
    int to = Math.min(k, segEnd[lot][s]);
    for (int c = first[s]; c < to; c++) {
      sum += draws.chargeTokens(c);
    }
    return sum;
  }

  /** Refused tokens among the first {@code k} charges. */
  private long refusedBefore(int k) {
    int q = k / chunk;
    long sum = refusedBefore[q];
    for (int c = q * chunk; c < k; c++) {
      if (draws.isRefused(c)) {
        sum += draws.chargeTokens(c);
      }
    }
    return sum;
  }
}
