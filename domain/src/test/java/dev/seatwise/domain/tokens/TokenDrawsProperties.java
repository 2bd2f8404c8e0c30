package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingGens.tokenCharges;
import static dev.seatwise.domain.testkit.LicensingGens.tokenLotLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.seatwise.domain.usage.SessionTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The columnar replay ({@link TokenDraws}) is the ledger's replay ({@link TokenLedger#replay}) by
 * other means: the same draws from each lot, the same charges accepted and refused.
 */
class TokenDrawsProperties {

  @Test
  void theColumnarReplayIsTheLedgersReplay() {
    qt().withExamples(500)
        .forAll(tokenLotLists(6), tokenCharges(60))
        .checkAssert(
            (lots, given) -> {
              List<TokenCharge> charges = new ArrayList<>(given);
              charges.sort(Comparator.comparing(TokenCharge::at)); // as the ledger orders them
              TokenLedger ledger = TokenLedger.of(lots);
              long[] at = new long[charges.size() + 3];
              long[] tokens = new long[charges.size() + 3];
              for (int c = 0; c < charges.size(); c++) {
                at[c] = SessionTable.toNanos(charges.get(c).at());
                tokens[c] = charges.get(c).tokens();
              }
              TokenDraws draws = TokenDraws.replay(ledger, at, tokens, charges.size());
              LedgerReplay expected = ledger.replay(charges);
              LedgerReplay actual = draws.toReplay(c -> charges.get(c).reference());
              assertThat(actual.lots()).isEqualTo(expected.lots());
              for (int i = 0; i < lots.size(); i++) {
                assertThat(actual.drawsFrom(i)).isEqualTo(expected.drawsFrom(i));
                long drawn = expected.drawsFrom(i).stream().mapToLong(LedgerReplay.Draw::tokens).sum();
                assertThat(draws.drawnFrom(i)).isEqualTo(drawn);
              }
              assertThat(actual.accepted()).isEqualTo(expected.accepted());
              assertThat(actual.refused()).isEqualTo(expected.refused());
              assertThat(draws.refusedCount()).isEqualTo(expected.refused().size());
              for (int c = 0; c < charges.size(); c++) {
                assertThat(draws.isRefused(c)).isEqualTo(expected.refused().contains(charges.get(c)));
              }
              // the draws in order are the same read one by one (searched) as walked (forEachDraw)
              List<List<Long>> walked = new ArrayList<>();
              draws.forEachDraw((c, lot, t) -> walked.add(List.of((long) c, (long) lot, t)));
              List<List<Long>> indexed = new ArrayList<>();
              for (int d = 0; d < draws.draws(); d++) {
                indexed.add(List.of((long) draws.drawCharge(d), (long) draws.drawLot(d), draws.drawTokens(d)));
              }
              assertThat(walked).isEqualTo(indexed);
              assertThat(draws.runs()).isLessThanOrEqualTo(draws.draws());
            });
  }

  @Test
  void chargesReadFromColumnsAndDrawsBeyondAnIntGiveTheLedgersReplay() {
    long scale = (1L << 31) + 7; // every draw of at least one token is beyond an int
    qt().withExamples(300)
        .forAll(tokenLotLists(6), tokenCharges(60))
        .checkAssert(
            (givenLots, given) -> {
              List<TokenLot> lots = new ArrayList<>();
              for (TokenLot l : givenLots) {
                lots.add(new TokenLot(l.id(), l.purchased(), l.size() * scale, l.unitPrice(), l.expires()));
              }
              List<TokenCharge> charges = new ArrayList<>();
              for (TokenCharge c : given) {
                charges.add(new TokenCharge(c.at(), c.tokens() * scale, c.reference()));
              }
              charges.sort(Comparator.comparing(TokenCharge::at));
              TokenLedger ledger = TokenLedger.of(lots);
              TokenDraws draws =
                  TokenDraws.replay(
                      ledger,
                      new TokenDraws.Charges() {
                        @Override
                        public long atNanos(int c) {
                          return SessionTable.toNanos(charges.get(c).at());
                        }

                        @Override
                        public long tokens(int c) {
                          return charges.get(c).tokens();
                        }
                      },
                      charges.size());
              LedgerReplay expected = ledger.replay(charges);
              LedgerReplay actual = draws.toReplay(c -> charges.get(c).reference());
              assertThat(draws.charges()).isEqualTo(charges.size());
              for (int i = 0; i < lots.size(); i++) {
                assertThat(actual.drawsFrom(i)).isEqualTo(expected.drawsFrom(i));
              }
              long sum = 0;
              for (int d = 0; d < draws.draws(); d++) {
                sum += draws.drawTokens(d);
              }
              assertThat(sum).isEqualTo(
                  expected.accepted().stream().mapToLong(TokenCharge::tokens).sum());
              assertThat(actual.accepted()).isEqualTo(expected.accepted());
              assertThat(actual.refused()).isEqualTo(expected.refused());
            });
  }
}
