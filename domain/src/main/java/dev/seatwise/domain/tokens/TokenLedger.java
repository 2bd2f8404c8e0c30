package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays charges against purchased lots by the Flex rules: a charge draws from the active lot with
 * the earliest end date (ties: the smallest lot, then the earliest purchase); a charge that the
 * active balance cannot cover is refused whole, recorded, and never makes the balance negative.
 * Unused tokens of a lot are wasted when it expires.
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public final class TokenLedger {
  /** Burn order: earliest end date, then smallest lot, then earliest purchase, then id. */
  public static final Comparator<TokenLot> BURN_ORDER =
      Comparator.comparing(TokenLot::expires)
          .thenComparingLong(TokenLot::size)
          .thenComparing(TokenLot::purchased)
          .thenComparing(TokenLot::id);

  private final List<TokenLot> lots;

  private TokenLedger(List<TokenLot> lots) {
    List<TokenLot> sorted = new ArrayList<>(lots);
    sorted.sort(BURN_ORDER);
    this.lots = List.copyOf(sorted);
  }

  public static TokenLedger of(List<TokenLot> lots) {
    return new TokenLedger(checkNotNull(lots, "lots"));
  }

  /** The lots in burn order. */
  public List<TokenLot> lots() {
    return lots;
  }

  /** Replays {@code charges} (any order; replayed by time, stable for equal times). */
  public LedgerReplay replay(List<TokenCharge> charges) {
    List<TokenCharge> ordered = new ArrayList<>(checkNotNull(charges, "charges"));
    ordered.sort(Comparator.comparing(TokenCharge::at));
    int n = lots.size();
    long[] remaining = new long[n];
    List<List<LedgerReplay.Draw>> draws = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      remaining[i] = lots.get(i).size();
      draws.add(new ArrayList<>());
    }
    List<TokenCharge> refused = new ArrayList<>();
    List<TokenCharge> accepted = new ArrayList<>();
    for (TokenCharge charge : ordered) {
      if (charge.tokens() == 0) {
        accepted.add(charge);
        continue;
      }
      long available = 0;
      for (int i = 0; i < n; i++) {
        if (remaining[i] > 0 && lots.get(i).isActiveAt(charge.at())) {
          available += remaining[i];
        }
      }
      if (available < charge.tokens()) {
        refused.add(charge);
        continue;
      }
      long need = charge.tokens();
      for (int i = 0; i < n && need > 0; i++) {
        if (remaining[i] > 0 && lots.get(i).isActiveAt(charge.at())) {
          long take = Math.min(need, remaining[i]);
          remaining[i] -= take;
          need -= take;
          draws.get(i).add(new LedgerReplay.Draw(charge.at(), take, charge.reference()));
        }
      }
      accepted.add(charge);
    }
    return new LedgerReplay(lots, draws, accepted, refused);
  }
}
