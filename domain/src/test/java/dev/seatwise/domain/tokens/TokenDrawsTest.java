package dev.seatwise.domain.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.money.UnitPrice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the columnar token replay, worked by hand: draws in burn order, and bad charges. */
class TokenDrawsTest {
  private static final long HOUR = 3_600_000_000_000L;
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final long T0_NANOS = T0.getEpochSecond() * 1_000_000_000L;

  private static TokenLedger ledger() {
    // lot a: 10 tokens expiring after 10 hours; lot b: 100 tokens expiring after 100 hours
    return TokenLedger.of(
        List.of(
            new TokenLot("b", T0, 100, UnitPrice.of("1.00", "USD"), T0.plusSeconds(100 * 3600)),
            new TokenLot("a", T0, 10, UnitPrice.of("1.00", "USD"), T0.plusSeconds(10 * 3600))));
  }

  @Test
  void chargesDrawFromTheEarliestExpiringLotFirstAndAreRefusedWholeBeyondTheBalance() {
    // 6 tokens at 1 h: 6 from a (a 4 left); 7 at 2 h: 4 from a, 3 from b (b 97);
    // 98 at 11 h: a has expired, b holds 97: refused; 0 at 12 h: accepted, no draw
    long[] at = {T0_NANOS + HOUR, T0_NANOS + 2 * HOUR, T0_NANOS + 11 * HOUR, T0_NANOS + 12 * HOUR};
    long[] tokens = {6, 7, 98, 0};
    TokenDraws d = TokenDraws.replay(ledger(), at, tokens, 4);
    assertThat(d.lots()).extracting(TokenLot::id).containsExactly("a", "b");
    assertThat(d.draws()).isEqualTo(3);
    assertThat(List.of(d.drawCharge(0), d.drawLot(0), (int) d.drawTokens(0))).containsExactly(0, 0, 6);
    assertThat(List.of(d.drawCharge(1), d.drawLot(1), (int) d.drawTokens(1))).containsExactly(1, 0, 4);
    assertThat(List.of(d.drawCharge(2), d.drawLot(2), (int) d.drawTokens(2))).containsExactly(1, 1, 3);
    assertThat(d.isRefused(2)).isTrue();
    assertThat(d.isRefused(3)).isFalse();
    assertThat(d.refusedCount()).isEqualTo(1);
    assertThat(d.drawnFrom(0)).isEqualTo(10);
    assertThat(d.drawnFrom(1)).isEqualTo(3);
  }

  @Test
  void theFirstBadChargeIsRejectedNegativeTokensBeforeItsTime() {
    long[] at = {T0_NANOS + 2 * HOUR, T0_NANOS + HOUR, T0_NANOS};
    assertThatThrownBy(() -> TokenDraws.replay(ledger(), at, new long[] {1, 1, -1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("charges must come in time order");
    assertThatThrownBy(() -> TokenDraws.replay(ledger(), at, new long[] {1, -2, 1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tokens must be >= 0 but was -2");
  }

  @Test
  void chargesThatEachTakeAllTheirTokensFromOneLotAreOneRunWhateverTheirNumber() {
    // a 3-token charge every minute for 1,000 minutes: 3,000 tokens of lot b's 100,000
    int count = 1000;
    long minute = HOUR / 60;
    long[] at = new long[count];
    long[] tokens = new long[count];
    for (int c = 0; c < count; c++) {
      at[c] = T0_NANOS + c * minute;
      tokens[c] = 3;
    }
    TokenLedger big =
        TokenLedger.of(
            List.of(new TokenLot("b", T0, 100_000, UnitPrice.of("1.00", "USD"), T0.plusSeconds(100 * 3600))));
    TokenDraws d = TokenDraws.replay(big, at, tokens, count);
    assertThat(d.draws()).isEqualTo(count);
    assertThat(d.runs()).isEqualTo(1);
    assertThat(List.of(d.drawCharge(999), d.drawLot(999), (int) d.drawTokens(999))).containsExactly(999, 0, 3);
  }

  @Test
  void aSplitChargeAndARefusalEachStartANewRun() {
    // as the first example: charge 0 whole from a; charge 1 split (4 from a, 3 from b); then 1 token
    // at 3 h and at 4 h, each whole from b: one run; 98 at 11 h refused; 1 at 12 h: a run again
    long[] at = {
      T0_NANOS + HOUR, T0_NANOS + 2 * HOUR, T0_NANOS + 3 * HOUR, T0_NANOS + 4 * HOUR,
      T0_NANOS + 11 * HOUR, T0_NANOS + 12 * HOUR
    };
    long[] tokens = {6, 7, 1, 1, 98, 1};
    TokenDraws d = TokenDraws.replay(ledger(), at, tokens, 6);
    assertThat(d.draws()).isEqualTo(6);
    assertThat(d.runs()).isEqualTo(5);
    List<List<Long>> seen = new java.util.ArrayList<>();
    d.forEachDraw((c, lot, t) -> seen.add(List.of((long) c, (long) lot, t)));
    assertThat(seen)
        .containsExactly(
            List.of(0L, 0L, 6L), List.of(1L, 0L, 4L), List.of(1L, 1L, 3L), List.of(2L, 1L, 1L),
            List.of(3L, 1L, 1L), List.of(5L, 1L, 1L));
    assertThat(d.isRefused(4)).isTrue();
  }
}
