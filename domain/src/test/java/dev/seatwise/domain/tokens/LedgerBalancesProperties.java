package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingGens.tokenCharges;
import static dev.seatwise.domain.testkit.LicensingGens.tokenLotLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.domain.testkit.LicensingGens;
import dev.seatwise.domain.usage.SessionTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The balances of a columnar replay ({@link LedgerBalances} over {@link TokenDraws}) are the
 * object replay's ({@link LedgerReplay}, the plain rule kept as the oracle) at every instant that
 * matters: each charge's time and a nanosecond either side, each lot's purchase and expiry, and
 * instants before and after everything; whatever the chunk size of the running totals.
 */
class LedgerBalancesProperties {

  @Test
  void theBalancesAtAnyInstantAreTheObjectReplays() {
    qt().withExamples(400)
        .forAll(tokenLotLists(6), tokenCharges(60), integers().between(0, 6))
        .checkAssert(
            (lots, given, chunkChoice) -> {
              List<TokenCharge> charges = new ArrayList<>(given);
              charges.sort(Comparator.comparing(TokenCharge::at)); // as the ledger orders them
              TokenLedger ledger = TokenLedger.of(lots);
              long[] at = new long[charges.size()];
              long[] tokens = new long[charges.size()];
              for (int c = 0; c < charges.size(); c++) {
                at[c] = SessionTable.toNanos(charges.get(c).at());
                tokens[c] = charges.get(c).tokens();
              }
              TokenDraws draws = TokenDraws.replay(ledger, at, tokens, charges.size());
              int chunk = chunkChoice == 0 ? LedgerBalances.DEFAULT_CHUNK : chunkChoice;
              LedgerBalances balances = LedgerBalances.of(draws, chunk);
              LedgerReplay expected = ledger.replay(charges);

              List<Instant> instants = new ArrayList<>();
              instants.add(LicensingGens.ORIGIN.minusSeconds(86_400));
              instants.add(LicensingGens.ORIGIN.plusSeconds(10L * 365 * 86_400));
              instants.add(Instant.MIN);
              instants.add(Instant.MAX);
              for (TokenCharge c : charges) {
                instants.add(c.at());
                instants.add(c.at().minusNanos(1));
                instants.add(c.at().plusNanos(1));
              }
              for (TokenLot l : lots) {
                instants.add(l.purchased());
                instants.add(l.expires());
                instants.add(l.expires().minusNanos(1));
              }
              assertThat(balances.lots()).isEqualTo(expected.lots());
              for (Instant t : instants) {
                assertThat(balances.purchasedBy(t)).isEqualTo(expected.purchasedBy(t));
                assertThat(balances.consumedBy(t)).isEqualTo(expected.consumedBy(t));
                assertThat(balances.expiredBy(t)).isEqualTo(expected.expiredBy(t));
                assertThat(balances.balanceAt(t)).isEqualTo(expected.balanceAt(t));
                for (int i = 0; i < lots.size(); i++) {
                  long drawn = 0;
                  for (LedgerReplay.Draw d : expected.drawsFrom(i)) {
                    if (!d.at().isAfter(t)) {
                      drawn += d.tokens();
                    }
                  }
                  assertThat(balances.drawnBy(i, t)).isEqualTo(drawn);
                }
                OptionalInt first = balances.firstRefusedAtOrAfter(t);
                TokenCharge firstRefused =
                    expected.refused().stream()
                        .filter(c -> !c.at().isBefore(t) && c.tokens() > 0)
                        .findFirst()
                        .orElse(null);
                if (firstRefused == null) {
                  assertThat(first).isEmpty();
                } else {
                  assertThat(first).isPresent();
                  assertThat(charges.get(first.getAsInt())).isEqualTo(firstRefused);
                  assertThat(balances.chargeAt(first.getAsInt())).isEqualTo(firstRefused.at());
                }
              }
              for (int a = 0; a < instants.size(); a += 3) {
                for (int b = 0; b < instants.size(); b += 2) {
                  Instant after = instants.get(a);
                  Instant upTo = instants.get(b);
                  long sum = 0;
                  for (TokenCharge c : expected.refused()) {
                    if (c.at().isAfter(after) && !c.at().isAfter(upTo)) {
                      sum += c.tokens();
                    }
                  }
                  assertThat(balances.refusedBetween(after, upTo)).isEqualTo(sum);
                }
              }
            });
  }
}
