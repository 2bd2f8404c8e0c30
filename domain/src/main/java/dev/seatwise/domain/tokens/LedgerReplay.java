package dev.seatwise.domain.tokens;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of replaying charges against lots: what each lot gave, which charges were refused, and
 * the balance, consumption and waste at any instant. Immutable and thread-safe; nothing is null.
 */
public final class LedgerReplay {
  /** Tokens drawn from one lot at one instant. */
  public record Draw(Instant at, long tokens, String reference) {}

  private final List<TokenLot> lots;
  private final List<List<Draw>> draws;
  private final List<TokenCharge> accepted;
  private final List<TokenCharge> refused;

  LedgerReplay(
      List<TokenLot> lots,
      List<List<Draw>> draws,
      List<TokenCharge> accepted,
      List<TokenCharge> refused) {
    this.lots = List.copyOf(lots);
    List<List<Draw>> copy = new ArrayList<>();
    for (List<Draw> d : draws) {
      copy.add(List.copyOf(d));
    }
    this.draws = List.copyOf(copy);
    this.accepted = List.copyOf(accepted);
    this.refused = List.copyOf(refused);
  }

  public List<TokenLot> lots() {
    return lots;
  }

  /** Draws from the lot at {@code index} of {@link #lots()}, in time order. */
  public List<Draw> drawsFrom(int index) {
    return draws.get(index);
  }

  public List<TokenCharge> accepted() {
    return accepted;
  }

  /** Charges the balance could not cover: the product would not have started. */
  public List<TokenCharge> refused() {
    return refused;
  }

  /** Tokens of lots purchased at or before {@code t}. */
  public long purchasedBy(Instant t) {
    long sum = 0;
    for (TokenLot lot : lots) {
      if (!lot.purchased().isAfter(t)) {
        sum += lot.size();
      }
    }
    return sum;
  }

  /** Tokens drawn at or before {@code t}. */
  public long consumedBy(Instant t) {
    long sum = 0;
    for (int i = 0; i < lots.size(); i++) {
      sum += drawnBy(i, t);
    }
    return sum;
  }

  /** Tokens of lots that expired at or before {@code t} without being used. */
  public long expiredBy(Instant t) {
    long sum = 0;
    for (int i = 0; i < lots.size(); i++) {
      TokenLot lot = lots.get(i);
      if (!lot.expires().isAfter(t)) {
        sum += lot.size() - drawnBy(i, lot.expires());
      }
    }
    return sum;
  }

  /** Tokens usable at {@code t}: active lots less what was drawn from them at or before {@code t}. */
  public long balanceAt(Instant t) {
    checkNotNull(t, "t");
    long sum = 0;
    for (int i = 0; i < lots.size(); i++) {
      TokenLot lot = lots.get(i);
      if (lot.isActiveAt(t)) {
        sum += lot.size() - drawnBy(i, t);
      }
    }
    return sum;
  }

  /** Total waste over the whole replay: every lot's tokens left at its expiry. */
  public long totalExpired() {
    long sum = 0;
    for (int i = 0; i < lots.size(); i++) {
      sum += lots.get(i).size() - drawnBy(i, lots.get(i).expires());
    }
    return sum;
  }

  private long drawnBy(int index, Instant t) {
    long sum = 0;
    for (Draw d : draws.get(index)) {
      if (d.at().isAfter(t)) {
        break;
      }
      sum += d.tokens();
    }
    return sum;
  }
}
