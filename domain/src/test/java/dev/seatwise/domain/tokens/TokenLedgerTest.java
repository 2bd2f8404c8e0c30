package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingFixtures.usdPerUnit;
import static dev.seatwise.domain.testkit.LicensingFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the Flex token rules F11 to F13. */
class TokenLedgerTest {

  private static TokenLot lot(String id, String purchasedUtc, long size, String perToken) {
    return TokenLot.bought(
        id, utc(purchasedUtc), size, usdPerUnit(perToken), Period.ofYears(1), ZoneOffset.UTC);
  }

  @Test
  void ofTwoPacksEndingTheSameDayTheSmallerIsUsedFirst() {
    // F12: "a 500-pack before a 5000-pack", so dearer tokens are consumed first
    TokenLot big = lot("big", "2024-01-10T09:00", 5_000, "2.60");
    TokenLot small = lot("small", "2024-01-10T09:00", 500, "3.00");

    LedgerReplay replay =
        TokenLedger.of(List.of(big, small))
            .replay(List.of(new TokenCharge(utc("2024-02-01T08:00"), 7, "ann/ACD")));

    assertThat(replay.lots()).containsExactly(small, big);
    assertThat(replay.drawsFrom(0)).extracting(LedgerReplay.Draw::tokens).containsExactly(7L);
    assertThat(replay.drawsFrom(1)).isEmpty();
  }

  @Test
  void ofTwoPacksBoughtOnDifferentDaysButEndingTheSameDayTheSmallerIsUsedFirst() {
    // F12 ties on the end date, not on the purchase: the 5000-pack bought first and the 500-pack
    // bought a week later both end 2025-01-10 (the lots file's expires column), so the 500-pack
    // goes first although it was bought later
    TokenLot big =
        new TokenLot("big", utc("2024-01-03T00:00"), 5_000, usdPerUnit("2.60"), utc("2025-01-10T00:00"));
    TokenLot small =
        new TokenLot("small", utc("2024-01-10T00:00"), 500, usdPerUnit("3.00"), utc("2025-01-10T00:00"));

    LedgerReplay replay =
        TokenLedger.of(List.of(big, small))
            .replay(List.of(new TokenCharge(utc("2024-02-01T08:00"), 7, "ann/ACD")));

    assertThat(replay.lots()).containsExactly(small, big);
    assertThat(replay.drawsFrom(0)).extracting(LedgerReplay.Draw::tokens).containsExactly(7L);
    assertThat(replay.drawsFrom(1)).isEmpty();
  }

  @Test
  void aLotEndingTheDayAWindowOpensIsNoLongerDrawn() {
    // F11: a lot is usable until the start of its end date; a window opening that morning draws
    // from the next lot, and the first lot's 100 tokens expire unused
    TokenLot ending =
        new TokenLot("ending", utc("2024-01-01T00:00"), 100, usdPerUnit("3.00"), utc("2024-03-05T00:00"));
    TokenLot next = lot("next", "2024-02-01T00:00", 500, "3.00");

    LedgerReplay replay =
        TokenLedger.of(List.of(ending, next))
            .replay(List.of(new TokenCharge(utc("2024-03-05T08:00"), 7, "ann/ACD")));

    assertThat(replay.drawsFrom(0)).isEmpty();
    assertThat(replay.drawsFrom(1)).extracting(LedgerReplay.Draw::tokens).containsExactly(7L);
    assertThat(replay.expiredBy(utc("2024-03-04T23:59"))).isZero();
    assertThat(replay.expiredBy(utc("2024-03-05T00:00"))).isEqualTo(100);
  }

  @Test
  void aBalanceEqualToTheRateRunsTheProductAndLeavesZero() {
    // F13 refuses only a balance *less* than the rate: 7 tokens left run AutoCAD (7) once more
    TokenLot lot = lot("lot", "2024-01-10T09:00", 7, "3.00");
    TokenCharge exactly = new TokenCharge(utc("2024-02-01T08:00"), 7, "ann/ACD");
    TokenCharge next = new TokenCharge(utc("2024-02-02T08:00"), 7, "ann/ACD");

    LedgerReplay replay = TokenLedger.of(List.of(lot)).replay(List.of(exactly, next));

    assertThat(replay.accepted()).containsExactly(exactly);
    assertThat(replay.refused()).containsExactly(next);
    assertThat(replay.balanceAt(utc("2024-02-01T08:00"))).isZero();
  }

  @Test
  void everyUserDrawsFromTheOneTeamBalance() {
    // F10: one team balance shared by any number of users: ann's and bob's windows draw the same
    // lot, and when it is spent cy's launch is refused whoever used it
    TokenLot lot = lot("lot", "2024-01-10T09:00", 17, "3.00");
    TokenCharge ann = new TokenCharge(utc("2024-02-01T08:00"), 7, "ann/ACD");
    TokenCharge bob = new TokenCharge(utc("2024-02-01T09:00"), 10, "bob/RVT");
    TokenCharge cy = new TokenCharge(utc("2024-02-01T10:00"), 7, "cy/ACD");

    LedgerReplay replay = TokenLedger.of(List.of(lot)).replay(List.of(cy, bob, ann));

    assertThat(replay.drawsFrom(0))
        .extracting(LedgerReplay.Draw::reference)
        .containsExactly("ann/ACD", "bob/RVT");
    assertThat(replay.refused()).containsExactly(cy);
  }

  @Test
  void theLotWithTheEarliestEndDateIsUsedFirstEvenWhenItIsBigger() {
    TokenLot older = lot("older", "2024-01-10T09:00", 5_000, "2.60");
    TokenLot newer = lot("newer", "2024-06-10T09:00", 100, "3.00");

    LedgerReplay replay =
        TokenLedger.of(List.of(newer, older))
            .replay(List.of(new TokenCharge(utc("2024-07-01T08:00"), 10, "ann/RVT")));

    assertThat(replay.lots()).containsExactly(older, newer);
    assertThat(replay.balanceAt(utc("2024-07-01T08:00"))).isEqualTo(5_000 - 10 + 100);
    assertThat(replay.drawsFrom(0)).extracting(LedgerReplay.Draw::tokens).containsExactly(10L);
  }

  @Test
  void aChargeLargerThanTheFirstLotTakesTheRestFromTheNext() {
    TokenLot first = lot("first", "2024-01-10T09:00", 5, "3.00");
    TokenLot second = lot("second", "2024-02-10T09:00", 100, "3.00");

    LedgerReplay replay =
        TokenLedger.of(List.of(first, second))
            .replay(List.of(new TokenCharge(utc("2024-03-01T08:00"), 7, "ann/ACD")));

    assertThat(replay.drawsFrom(0)).extracting(LedgerReplay.Draw::tokens).containsExactly(5L);
    assertThat(replay.drawsFrom(1)).extracting(LedgerReplay.Draw::tokens).containsExactly(2L);
    assertThat(replay.refused()).isEmpty();
  }

  @Test
  void aBalanceBelowTheRateRefusesTheLaunchAndStaysAsItWas() {
    // F13: the product won't run when the balance is less than its rate; no overage
    TokenLot lot = lot("lot", "2024-01-10T09:00", 5, "3.00");
    TokenCharge autocad = new TokenCharge(utc("2024-02-01T08:00"), 7, "ann/ACD");
    TokenCharge revit = new TokenCharge(utc("2024-02-01T09:00"), 10, "ann/RVT");
    TokenCharge small = new TokenCharge(utc("2024-02-01T10:00"), 3, "ann/XYZ");

    LedgerReplay replay = TokenLedger.of(List.of(lot)).replay(List.of(autocad, revit, small));

    assertThat(replay.refused()).containsExactly(autocad, revit);
    assertThat(replay.accepted()).containsExactly(small);
    assertThat(replay.balanceAt(utc("2024-02-01T09:30"))).isEqualTo(5);
    assertThat(replay.balanceAt(utc("2024-02-01T10:00"))).isEqualTo(2);
  }

  @Test
  void tokensLeftWhenALotExpiresAreWastedAndLaterChargesRefused() {
    // F11: one year from purchase, no rollover
    TokenLot lot = lot("lot", "2024-01-01T00:00", 100, "3.00");
    TokenCharge used = new TokenCharge(utc("2024-06-01T08:00"), 30, "ann/RVT");
    TokenCharge atExpiry = new TokenCharge(utc("2025-01-01T00:00"), 7, "ann/ACD");

    LedgerReplay replay = TokenLedger.of(List.of(lot)).replay(List.of(used, atExpiry));

    assertThat(replay.balanceAt(utc("2024-12-31T23:59"))).isEqualTo(70);
    assertThat(replay.balanceAt(utc("2025-01-01T00:00"))).isZero();
    assertThat(replay.expiredBy(utc("2024-12-31T23:59"))).isZero();
    assertThat(replay.expiredBy(utc("2025-01-01T00:00"))).isEqualTo(70);
    assertThat(replay.totalExpired()).isEqualTo(70);
    assertThat(replay.refused()).containsExactly(atExpiry);
  }
}
