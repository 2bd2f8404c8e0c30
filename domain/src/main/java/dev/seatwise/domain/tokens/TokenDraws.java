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
 * and token counts, the draws kept as runs. Same rules: a charge draws from the lots active at its
 * time in burn order (earliest expiry, then smallest, ...); one the active balance cannot cover is
 * refused whole; a charge of no tokens is accepted and draws nothing. {@link #toReplay} gives the
 * same {@link LedgerReplay} as the object replay of the same charges. Immutable and thread-safe.
 *
 * <p>Draws are held as runs, not one entry each: a run is consecutive charges that each took all
 * their tokens from one lot (the usual case: charges draw from the first lot in burn order until it
 * is spent, so a year of millions of charges is a few runs), or one draw of part of a charge (a
 * charge split across lots). Refusals are one bit a charge. A replay thus holds a few bytes for
 * millions of charges where one entry a draw held twelve.
 */
public final class TokenDraws {
  private static final long NANOS = 1_000_000_000L;
  /** {@link #runTake} of a run whose draws each take their charge's tokens. */
  private static final long WHOLE = -1;

  private final List<TokenLot> lots;
  /** The charges replayed (their times and tokens), read again for whole-charge draws. */
  private final Charges charges;
  private final int count;
  /** Bit {@code c} set when charge {@code c} was refused. */
  private final long[] refused;
  private final int refusedCount;
  /** Runs made: the first entries of the four run columns. */
  private final int runs;
  /** Per run: its first draw; draws of run r are runDraw[r] until the next run's first. */
  private final int[] runDraw;
  /** Per run: the charge of its first draw; the k-th draw of a run is that charge + k. */
  private final int[] runCharge;
  /** Per run: the lot (index in {@link #lots}) its draws took from. */
  private final int[] runLot;
  /** Per run: {@link #WHOLE}, or the tokens of its one draw (part of a charge). */
  private final long[] runTake;
  /** Draws made. */
  private final int draws;
  private final long[] drawnFrom;

  private TokenDraws(
      List<TokenLot> lots,
      Charges charges,
      int count,
      long[] refused,
      int refusedCount,
      int runs,
      int[] runDraw,
      int[] runCharge,
      int[] runLot,
      long[] runTake,
      int draws,
      long[] drawnFrom) {
    this.lots = lots;
    this.charges = charges;
    this.count = count;
    this.refused = refused;
    this.refusedCount = refusedCount;
    this.runs = runs;
    this.runDraw = runDraw;
    this.runCharge = runCharge;
    this.runLot = runLot;
    this.runTake = runTake;
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
   * atNanos(c)}. A replay keeps it (its draws of whole charges and {@link #toReplay} read it again),
   * so its answers must not change.
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
    long[] refused = new long[(count + 63) >>> 6];
    int refusedCount = 0;
    int runs = 0;
    int draws = 0;
    int[] runDraw = new int[8];
    int[] runCharge = new int[8];
    int[] runLot = new int[8];
    long[] runTake = new long[8];
    long[] drawnFrom = new long[n];
    int first = 0;
    for (int c = 0; c < count; c++) {
      long need = charges.tokens(c);
      if (need == 0 || n == 0) {
        if (need > 0) {
          refused[c >>> 6] |= 1L << c;
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
        refused[c >>> 6] |= 1L << c;
        refusedCount++;
        continue;
      }
      long whole = need;
      for (int i = first; i < n && need > 0 && bought[i] <= t; i++) {
        if (remaining[i] > 0 && purchased[i] <= t && t < expires[i]) {
          long take = Math.min(need, remaining[i]);
          remaining[i] -= take;
          need -= take;
          drawnFrom[i] += take;
          // a draw of a whole charge from the last run's lot, by the charge after its last, joins it
          int last = runs - 1;
          if (take == whole
              && last >= 0
              && runTake[last] == WHOLE
              && runLot[last] == i
              && runCharge[last] + (draws - runDraw[last]) == c) {
            draws++;
            continue;
          }
          if (runs == runDraw.length) {
            runDraw = Arrays.copyOf(runDraw, 2 * runs);
            runCharge = Arrays.copyOf(runCharge, 2 * runs);
            runLot = Arrays.copyOf(runLot, 2 * runs);
            runTake = Arrays.copyOf(runTake, 2 * runs);
          }
          runDraw[runs] = draws;
          runCharge[runs] = c;
          runLot[runs] = i;
          runTake[runs] = take == whole ? WHOLE : take;
          runs++;
          draws++;
        }
      }
    }
    return new TokenDraws(
        lots, charges, count, refused, refusedCount, runs, runDraw, runCharge, runLot, runTake,
        draws, drawnFrom);
  }

  /**
   * Epoch nanoseconds of {@code t}, clamped to a {@code long} (charge times all lie within); {@link
   * LedgerBalances} reads its lots' and queries' times the same way.
   */
  static long nanos(Instant t) {
    checkNotNull(t, "t");
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
    checkElementIndex(c, count, "charge");
    return (refused[c >>> 6] & (1L << c)) != 0;
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
    int r = runOf(d);
    return runCharge[r] + (d - runDraw[r]);
  }

  /** The lot (index in {@link #lots()}) draw {@code d} took from. */
  public int drawLot(int d) {
    checkElementIndex(d, draws, "draw");
    return runLot[runOf(d)];
  }

  public long drawTokens(int d) {
    checkElementIndex(d, draws, "draw");
    int r = runOf(d);
    return runTake[r] != WHOLE ? runTake[r] : charges.tokens(runCharge[r] + (d - runDraw[r]));
  }

  /** The run holding draw {@code d}: the last whose first draw is at most {@code d}. */
  private int runOf(int d) {
    int lo = 0;
    int hi = runs - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (runDraw[mid] <= d) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** What {@link #forEachDraw} tells of each draw. */
  @FunctionalInterface
  public interface DrawAction {
    /** Draw of {@code tokens} by charge {@code charge} from lot {@code lot} (index in {@link #lots()}). */
    void draw(int charge, int lot, long tokens);
  }

  /**
   * Every draw in order ({@link #drawCharge}, {@link #drawLot} and {@link #drawTokens} of draws 0,
   * 1, ...), without a search for each.
   */
  public void forEachDraw(DrawAction action) {
    checkNotNull(action, "action");
    for (int r = 0; r < runs; r++) {
      int length = (r + 1 < runs ? runDraw[r + 1] : draws) - runDraw[r];
      int lot = runLot[r];
      int c = runCharge[r];
      if (runTake[r] != WHOLE) {
        action.draw(c, lot, runTake[r]);
      } else {
        for (int k = 0; k < length; k++) {
          action.draw(c + k, lot, charges.tokens(c + k));
        }
      }
    }
  }

  /** The time of charge {@code c} as replayed (epoch nanoseconds): for {@link LedgerBalances}. */
  long chargeAtNanos(int c) {
    return charges.atNanos(c);
  }

  /** The tokens of charge {@code c} as replayed: for {@link LedgerBalances}. */
  long chargeTokens(int c) {
    return charges.tokens(c);
  }

  /** Runs the draws are held in (for measuring how compact they are). */
  public int runs() {
    return runs;
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
    forEachDraw((c, lot, tokens) -> byLot.get(lot).add(new LedgerReplay.Draw(times[c], tokens, refs[c])));
    List<TokenCharge> accepted = new ArrayList<>(count - refusedCount);
    List<TokenCharge> refusedCharges = new ArrayList<>(refusedCount);
    for (int c = 0; c < count; c++) {
      TokenCharge charge = new TokenCharge(times[c], charges.tokens(c), refs[c]);
      (isRefused(c) ? refusedCharges : accepted).add(charge);
    }
    return new LedgerReplay(lots, byLot, accepted, refusedCharges);
  }
}
