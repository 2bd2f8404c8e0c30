package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingGens.instants;
import static dev.seatwise.domain.testkit.LicensingGens.tokenCharges;
import static dev.seatwise.domain.testkit.LicensingGens.tokenLotLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Laws of replaying charges against expiring lots (licensing-rules.md F11 to F13). Lots are bought
 * and charges made on whole hours, so charges often fall exactly on a purchase or an expiry.
 */
class TokenLedgerProperties {

  private static LedgerReplay replay(List<TokenLot> lots, List<TokenCharge> charges) {
    return TokenLedger.of(lots).replay(charges);
  }

  /** Every purchase, expiry and charge instant, a nanosecond either side, and {@code extra}. */
  private static List<Instant> probes(
      List<TokenLot> lots, List<TokenCharge> charges, Instant extra) {
    TreeSet<Instant> at = new TreeSet<>();
    lots.forEach(l -> at.addAll(List.of(l.purchased(), l.expires())));
    charges.forEach(c -> at.add(c.at()));
    List<Instant> probes = new ArrayList<>();
    for (Instant t : at) {
      probes.addAll(List.of(t.minusNanos(1), t, t.plusNanos(1)));
    }
    probes.add(extra);
    return probes;
  }

  private static long drawnFrom(LedgerReplay replay, int lot, Instant t) {
    return replay.drawsFrom(lot).stream()
        .filter(d -> !d.at().isAfter(t))
        .mapToLong(LedgerReplay.Draw::tokens)
        .sum();
  }

  @Test
  void lotsConserveTokensAtAnyInstant() {
    qt().withExamples(300)
        .forAll(tokenLotLists(6), tokenCharges(40), instants())
        .checkAssert(
            (lots, charges, extra) -> {
              LedgerReplay replay = replay(lots, charges);
              for (Instant t : probes(lots, charges, extra)) {
                long purchased =
                    lots.stream()
                        .filter(l -> !l.purchased().isAfter(t))
                        .mapToLong(TokenLot::size)
                        .sum();
                long consumed =
                    replay.accepted().stream()
                        .filter(c -> !c.at().isAfter(t))
                        .mapToLong(TokenCharge::tokens)
                        .sum();
                assertThat(replay.purchasedBy(t)).as("purchased by %s", t).isEqualTo(purchased);
                assertThat(replay.consumedBy(t)).as("consumed by %s", t).isEqualTo(consumed);
                assertThat(replay.consumedBy(t) + replay.expiredBy(t) + replay.balanceAt(t))
                    .as("consumed + expired + balance at %s", t)
                    .isEqualTo(replay.purchasedBy(t));
              }
              assertThat(replay.totalExpired())
                  .isEqualTo(replay.expiredBy(Instant.MAX.minus(Duration.ofDays(1))));
            });
  }

  @Test
  void chargesBurnTheLotWithTheEarliestEndDateFirstTiesTheSmallestLot() {
    qt().withExamples(300)
        .forAll(tokenLotLists(6), tokenCharges(40))
        .checkAssert(
            (lots, charges) -> {
              LedgerReplay replay = replay(lots, charges);
              List<TokenLot> burn = replay.lots();
              for (int j = 0; j < burn.size(); j++) {
                TokenLot drawn = burn.get(j);
                for (LedgerReplay.Draw d : replay.drawsFrom(j)) {
                  for (int i = 0; i < burn.size(); i++) {
                    TokenLot other = burn.get(i);
                    boolean burnsFirst =
                        other.expires().isBefore(drawn.expires())
                            || (other.expires().equals(drawn.expires())
                                && other.size() < drawn.size());
                    if (burnsFirst && other.isActiveAt(d.at())) {
                      assertThat(other.size() - drawnFrom(replay, i, d.at()))
                          .as("%s still holds tokens when %s draws from %s", other, d, drawn)
                          .isZero();
                    }
                  }
                }
              }
            });
  }

  @Test
  void everyChargeIsEitherDrawnWholeFromActiveLotsOrRefused() {
    qt().withExamples(300)
        .forAll(tokenLotLists(6), tokenCharges(40))
        .checkAssert(
            (lots, charges) -> {
              LedgerReplay replay = replay(lots, charges);
              List<TokenCharge> all = new ArrayList<>(replay.accepted());
              all.addAll(replay.refused());
              assertThat(all).containsExactlyInAnyOrderElementsOf(charges);
              for (TokenCharge c : replay.accepted()) {
                long drawn = 0;
                for (int i = 0; i < replay.lots().size(); i++) {
                  for (LedgerReplay.Draw d : replay.drawsFrom(i)) {
                    if (d.reference().equals(c.reference())) {
                      assertThat(d.at()).isEqualTo(c.at());
                      assertThat(replay.lots().get(i).isActiveAt(d.at())).isTrue();
                      assertThat(d.tokens()).isPositive();
                      drawn += d.tokens();
                    }
                  }
                }
                assertThat(drawn).as("drawn for %s", c).isEqualTo(c.tokens());
              }
              for (TokenCharge c : replay.refused()) {
                for (int i = 0; i < replay.lots().size(); i++) {
                  assertThat(replay.drawsFrom(i))
                      .noneMatch(d -> d.reference().equals(c.reference()));
                }
              }
            });
  }

  @Test
  void refusalsNeverMakeTheBalanceNegative() {
    qt().withExamples(300)
        .forAll(tokenLotLists(6), tokenCharges(40), instants())
        .checkAssert(
            (lots, charges, extra) -> {
              LedgerReplay replay = replay(lots, charges);
              for (Instant t : probes(lots, charges, extra)) {
                assertThat(replay.balanceAt(t)).as("balance at %s", t).isNotNegative();
              }
              for (int i = 0; i < replay.lots().size(); i++) {
                assertThat(drawnFrom(replay, i, Instant.MAX))
                    .isLessThanOrEqualTo(replay.lots().get(i).size());
              }
            });
  }

  @Test
  void aChargeIsRefusedOnlyWhenTheActiveBalanceCannotCoverIt() {
    qt().withExamples(300)
        .forAll(tokenLotLists(6), tokenCharges(40))
        .checkAssert(
            (lots, charges) -> {
              LedgerReplay replay = replay(lots, charges);
              for (TokenCharge c : replay.refused()) {
                assertThat(c.tokens()).isPositive();
                assertThat(replay.balanceAt(c.at()))
                    .as("balance when %s was refused", c)
                    .isLessThan(c.tokens());
              }
            });
  }
}
