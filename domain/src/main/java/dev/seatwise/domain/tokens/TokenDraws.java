package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@link TokenLedger#replay} by column: charges given as times (epoch nanoseconds, in time order)
 * and token counts, the draws kept as arrays. Same rules: a charge draws from the lots active at its
 * time in burn order (earliest expiry, then smallest, ...); one the active balance cannot cover is
 * refused whole; a charge of no tokens is accepted and draws nothing. {@link #toReplay} gives the
 * same {@link LedgerReplay} as the object replay of the same charges. Immutable and thread-safe.
 */
public final class TokenDraws {
  private static final long NANOS = 1_000_000_000L;

  private final List<TokenLot> lots;
  /** The charges replayed (their times and tokens), read again only by {@link #toReplay}. */
  private final Charges charges;
  private final int count;
  private final boolean[] refused;
  private final int refusedCount;
  private final int[] drawCharge;
  private final int[] drawLot;
  /** Tokens of each draw: ints when every draw's fit, else longs; exactly one is non-null. */
  private final int[] drawTokens32;
  private final long[] drawTokens64;
  /** Draws made: the first entries of the three draw columns. */
  private final int draws;
  private final long[] drawnFrom;

  private TokenDraws(
      List<TokenLot> lots,
      Charges charges,
      int count,
      boolean[] refused,
      int refusedCount,
      int[] drawCharge,
      int[] drawLot,
      int[] drawTokens32,
      long[] drawTokens64,
      int draws,
      long[] drawnFrom) {
    this.lots = lots;
    this.charges = charges;
    this.count = count;
    this.refused = refused;
    this.refusedCount = refusedCount;
    this.drawCharge = drawCharge;
    this.drawLot = drawLot;
    this.drawTokens32 = drawTokens32;
    this.drawTokens64 = drawTokens64;
    this.draws = draws;
    this.drawnFrom = drawnFrom;
  }

  /**
   * Replays the first {@code count} charges: charge {@code c} draws {@code tokens[c]} at {@code
   * atNanos[c]} (epoch nanoseconds, not decreasing with {@code c}).
   *
   * @throws IllegalArgumentException when the times decrease or a count is negative
   */
  public static TokenDraws replay(TokenLedger ledger, long[] atNanos, long[] tokens, int count) {
    checkNotNull(ledger, "ledger");
    checkNotNull(atNanos, "atNanos");
    checkNotNull(tokens, "tokens");
    checkArgument(count >= 0 && count <= atNanos.length && count <= tokens.length,
        "count %s of %s times and %s token counts", count, atNanos.length, tokens.length);
    long[] at = Arrays.copyOf(atNanos, count);
    long[] amount = Arrays.copyOf(tokens, count);
    return replay(ledger, new Charges() {
      @Override
      public long atNanos(int c) {
        return at[c];
      }

      @Override
      public long tokens(int c) {
        return amount[c];
      }
    }, count);
  }

  /**
   * The charges a replay reads: charge {@code c} draws {@link #tokens tokens(c)} at {@link #atNanos
   * atNanos(c)}. A replay keeps it (for {@link #toReplay}), so its answers must not change.
   */
  public interface Charges {
    long atNanos(int c);

    long tokens(int c);
  }

  /**
   * Replays the first {@code count} of {@code charges} (times not decreasing with {@code c}),
   * keeping {@code charges} rather than a copy: for callers whose columns already hold them.
   *
   * @throws IllegalArgumentException when the times decrease or a count is negative
   */
  public static TokenDraws replay(TokenLedger ledger, Charges charges, int count) {
    checkNotNull(ledger, "ledger");
    checkNotNull(charges, "charges");
    checkArgument(count >= 0, "count %s", count);
    long previous = Long.MIN_VALUE;
    for (int c = 0; c < count; c++) {
      long tokens = charges.tokens(c);
      checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
      long t = charges.atNanos(c);
      checkArgument(c == 0 || previous <= t, "charges must come in time order");
      previous = t;
    }
    List<TokenLot> lots = ledger.lots();
    int n = lots.size();
    long[] purchased = new long[n];
    long[] expires = new long[n];
    long[] remaining = new long[n];
    for (int i = 0; i < n; i++) {
      purchased[i] = nanos(lots.get(i).purchased());
      expires[i] = nanos(lots.get(i).expires());
      remaining[i] = lots.get(i).size();
    }
    // the earliest purchase among lots i.. (burn order is not purchase order): none of them is
    // active before it
    long[] bought = new long[n + 1];
    bought[n] = Long.MAX_VALUE;
    for (int i = n - 1; i >= 0; i--) {
      bought[i] = Math.min(bought[i + 1], purchased[i]);
    }
    boolean[] refused = new boolean[count];
    int refusedCount = 0;
    int capacity = Math.max(16, count + n);
    int[] drawCharge = new int[capacity];
    int[] drawLot = new int[capacity];
    int[] drawTokens32 = new int[capacity];
    long[] drawTokens64 = null;
    int draws = 0;
    long[] drawnFrom = new long[n];
    int first = 0;
    for (int c = 0; c < count; c++) {
      long need = charges.tokens(c);
      if (need == 0 || n == 0) {
        if (need > 0) {
          refused[c] = true;
          refusedCount++;
        }
        continue;
      }
      long t = charges.atNanos(c);
      // lots in burn order expire in order: a prefix expired or emptied stays so for later charges
      while (first < n && (remaining[first] == 0 || expires[first] <= t)) {
        first++;
      }
      long available = 0;
      for (int i = first; i < n && available < need && bought[i] <= t; i++) {
        if (remaining[i] > 0 && purchased[i] <= t && t < expires[i]) {
          available += remaining[i];
        }
      }
      if (available < need) {
        refused[c] = true;
        refusedCount++;
        continue;
      }
      for (int i = first; i < n && need > 0 && bought[i] <= t; i++) {
        if (remaining[i] > 0 && purchased[i] <= t && t < expires[i]) {
          long take = Math.min(need, remaining[i]);
          remaining[i] -= take;
          need -= take;
          drawnFrom[i] += take;
          if (draws == drawCharge.length) {
            int grown = drawCharge.length * 2;
            drawCharge = Arrays.copyOf(drawCharge, grown);
            drawLot = Arrays.copyOf(drawLot, grown);
            if (drawTokens64 != null) {
              drawTokens64 = Arrays.copyOf(drawTokens64, grown);
            } else {
              drawTokens32 = Arrays.copyOf(drawTokens32, grown);
            }
          }
          if (drawTokens64 == null && take != (int) take) {
            drawTokens64 = new long[drawTokens32.length];
            for (int k = 0; k < draws; k++) {
              drawTokens64[k] = drawTokens32[k];
            }
            drawTokens32 = null;
          }
          drawCharge[draws] = c;
          drawLot[draws] = i;
          if (drawTokens64 != null) {
            drawTokens64[draws] = take;
          } else {
            drawTokens32[draws] = (int) take;
          }
          draws++;
        }
      }
    }
    return new TokenDraws(
        lots, charges, count, refused, refusedCount, drawCharge, drawLot, drawTokens32,
        drawTokens64, draws, drawnFrom);
  }

  /** Epoch nanoseconds of {@code t}, clamped to a {@code long} (charge times all lie within). */
  private static long nanos(Instant t) {
    long s = t.getEpochSecond();
    if (s >= Long.MAX_VALUE / NANOS) {
      return Long.MAX_VALUE;
    }
    if (s <= Long.MIN_VALUE / NANOS) {
      return Long.MIN_VALUE;
    }
    return s * NANOS + t.getNano();
  }

  /** The lots in burn order (the indexes of {@link #drawLot}). */
  public List<TokenLot> lots() {
    return lots;
  }

  /** Charges replayed. */
  public int charges() {
    return count;
  }

  /** Whether charge {@code c} was refused (the balance could not cover it). */
  public boolean isRefused(int c) {
    checkElementIndex(c, refused.length, "charge");
    return refused[c];
  }

  public int refusedCount() {
    return refusedCount;
  }

  /** Draws made, in time order (a charge's draws in burn order). */
  public int draws() {
    return draws;
  }

  /** The charge that made draw {@code d}. */
  public int drawCharge(int d) {
    checkElementIndex(d, draws, "draw");
    return drawCharge[d];
  }

  /** The lot (index in {@link #lots()}) draw {@code d} took from. */
  public int drawLot(int d) {
    checkElementIndex(d, draws, "draw");
    return drawLot[d];
  }

  public long drawTokens(int d) {
    checkElementIndex(d, draws, "draw");
    return tokensOf(d);
  }

  private long tokensOf(int d) {
    return drawTokens64 != null ? drawTokens64[d] : drawTokens32[d];
  }

  /** Tokens drawn from lot {@code lot} over the whole replay. */
  public long drawnFrom(int lot) {
    checkElementIndex(lot, drawnFrom.length, "lot");
    return drawnFrom[lot];
  }

  /**
   * The replay as {@link TokenLedger#replay} gives it for the charges {@code new TokenCharge(at,
   * tokens, reference.apply(c))}.
   */
  public LedgerReplay toReplay(IntFunction<String> reference) {
    checkNotNull(reference, "reference");
    String[] refs = new String[count];
    Instant[] times = new Instant[count];
    for (int c = 0; c < count; c++) {
      refs[c] = reference.apply(c);
      long at = charges.atNanos(c);
      times[c] = Instant.ofEpochSecond(Math.floorDiv(at, NANOS), Math.floorMod(at, NANOS));
    }
    List<List<LedgerReplay.Draw>> byLot = new ArrayList<>(lots.size());
    for (int i = 0; i < lots.size(); i++) {
      byLot.add(new ArrayList<>());
    }
    for (int d = 0; d < draws; d++) {
      int c = drawCharge[d];
      byLot.get(drawLot[d]).add(new LedgerReplay.Draw(times[c], tokensOf(d), refs[c]));
    }
    List<TokenCharge> accepted = new ArrayList<>(count - refusedCount);
    List<TokenCharge> refusedCharges = new ArrayList<>(refusedCount);
    for (int c = 0; c < count; c++) {
      TokenCharge charge = new TokenCharge(times[c], charges.tokens(c), refs[c]);
      (refused[c] ? refusedCharges : accepted).add(charge);
    }
    return new LedgerReplay(lots, byLot, accepted, refusedCharges);
  }
}
