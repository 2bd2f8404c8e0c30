package dev.seatwise.domain.tradein;

import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.NetworkRetirement;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tradein.TradeInOffer.Way;
import dev.seatwise.domain.usage.UserId;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeInAssessmentProperties {
  private static final Catalog CATALOG = autodeskLikeCatalog();

  private static TradeInAssessment assess(List<Integer> windows, int seats, long days) {
    List<NetworkUse> users = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      users.add(new NetworkUse(UserId.of("u" + i), windows.get(i), windows.get(i), 7L * windows.get(i)));
    }
    return TradeInAssessment.of(
        CATALOG.product(AUTOCAD).orElseThrow(),
        CATALOG,
        NetworkRetirement.NONE,
        new TradeInTerms(seats, usd("1100.00"), usd("2600.00"), LocalDate.of(2025, 1, 1)),
        users,
        List.of(),
        days,
        ZoneOffset.UTC);
  }

  private static Money total(TradeInAssessment t, Way way) {
    return t.offers().stream().filter(o -> o.way() == way).findFirst().orElseThrow().annualTotal();
  }

  @Test
  void theCheapestIsNoDearerThanAnyOfferAndTheEarliestOfEqualOnes() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 400)).ofSizeBetween(0, 12), integers().between(1, 4))
        .checkAssert(
            (windows, seats) -> {
              TradeInAssessment t = assess(windows, seats, 365);
              TradeInOffer cheapest = t.cheapest().orElseThrow();
              for (TradeInOffer o : t.offers()) {
                assertThat(cheapest.annualTotal()).isLessThanOrEqualTo(o.annualTotal());
                if (o.annualTotal().equals(cheapest.annualTotal())) {
                  assertThat(o.way().compareTo(cheapest.way())).isGreaterThanOrEqualTo(0);
                }
              }
            });
  }

  @Test
  void aNewUserNeverMakesTradingInOrRetiringCheaper() {
    qt().withExamples(200)
        .forAll(
            lists().of(integers().between(0, 400)).ofSizeBetween(0, 10),
            integers().between(0, 400),
            integers().between(1, 3))
        .checkAssert(
            (windows, extra, seats) -> {
              List<Integer> more = new ArrayList<>(windows);
              more.add(extra);
              TradeInAssessment before = assess(windows, seats, 365);
              TradeInAssessment after = assess(more, seats, 365);
              for (Way way : List.of(Way.TRADE_IN, Way.RETIRE)) {
                assertThat(total(after, way)).isGreaterThanOrEqualTo(total(before, way));
              }
            });
  }

  @Test
  void theTradedSeatsGoToTheHeaviestWhateverTheOrderGiven() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 400)).ofSizeBetween(0, 12), integers().between(1, 4))
        .checkAssert(
            (windows, seats) -> {
              List<Integer> reversed = new ArrayList<>(windows);
              java.util.Collections.reverse(reversed);
              // the same people in another order (ids follow the windows, so rename them too)
              assertThat(total(assess(reversed, seats, 365), Way.TRADE_IN))
                  .isEqualTo(total(assess(windows, seats, 365), Way.TRADE_IN));
              // and the overflow is the lightest users: at most the named seats' price plus the
              // Flex cover of all but the 2N heaviest users' tokens
              List<Integer> sorted = new ArrayList<>(windows);
              sorted.sort(java.util.Comparator.reverseOrder());
              long lightTokens = 0;
              for (int k = 2 * seats; k < sorted.size(); k++) {
                lightTokens += 7L * sorted.get(k);
              }
              Money expected =
                  usd("1100.00").multipliedBy(2L * seats)
                      .plus(
                          sorted.size() <= 2 * seats
                              ? usd("0.00")
                              : CATALOG.packPricing().orElseThrow()
                                  .cheapestCover(dev.seatwise.domain.tokens.Tokens.of(lightTokens))
                                  .cost());
              assertThat(total(assess(windows, seats, 365), Way.TRADE_IN)).isEqualTo(expected);
            });
  }

  @Test
  void aYearsTokensAreTheLeastWholeNumberAtLeastThePeriodsScaled() {
    qt().withExamples(500)
        .forAll(longs().between(0, 1_000_000_000L), longs().between(1, 3_000))
        .checkAssert(
            (tokens, days) -> {
              BigInteger year = BigInteger.valueOf(TradeInAssessment.perYear(tokens, days));
              BigInteger scaled = BigInteger.valueOf(tokens).multiply(BigInteger.valueOf(365));
              BigInteger d = BigInteger.valueOf(days);
              assertThat(year.multiply(d)).isGreaterThanOrEqualTo(scaled);
              assertThat(year.subtract(BigInteger.ONE).multiply(d)).isLessThan(scaled);
            });
  }
}
