package dev.seatwise.domain.tradein;

import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.session;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.NetworkRetirement;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.tradein.TradeInOffer.Way;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked trade-ins on the Autodesk-like catalog: AutoCAD 7 tokens a window, named 2,030.00 a
 * year; packs 100 @ 3.00 (300.00), 1,000 @ 2.90 (2,900.00), 5,000 @ 2.60 (13,000.00).
 */
class TradeInAssessmentTest {
  private static final Catalog CATALOG = autodeskLikeCatalog();
  private static final Product ACD = CATALOG.product(AUTOCAD).orElseThrow();
  private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

  private static NetworkUse use(String user, long windows) {
    return new NetworkUse(UserId.of(user), windows, windows, 7 * windows);
  }

  // a's and b's sessions overlap on one morning: peak 2
  private static final List<Session> OVERLAPPING =
      List.of(
          session("a", AUTOCAD, "2024-03-04T09:00", "2024-03-04T17:00"),
          session("b", AUTOCAD, "2024-03-04T10:00", "2024-03-04T12:00"));

  private static TradeInAssessment assess(
      NetworkRetirement retirement, List<NetworkUse> users, List<Session> sessions, long days) {
    return TradeInAssessment.of(
        ACD,
        CATALOG,
        retirement,
        new TradeInTerms(1, usd("1000.00"), usd("500.00"), AS_OF),
        users,
        sessions,
        days,
        ZoneOffset.UTC);
  }

  @Test
  void oneSeatKeptTradedOrRetiredForThreeUsers() {
    // given in no particular order: the two heaviest (a, b) take the 2 traded seats
    TradeInAssessment t =
        assess(NetworkRetirement.NONE, List.of(use("c", 10), use("a", 300), use("b", 100)), OVERLAPPING, 365);

    assertThat(t.peak()).hasValue(2);
    assertThat(t.offers())
        .extracting(TradeInOffer::way, TradeInOffer::annualTotal)
        .containsExactly(
            // keep: 1 x 500.00; b's session is refused at the peak: 1 window x 7 = 7 tokens a
            // year -> 1 x 100 = 300.00; 500.00 + 300.00 = 800.00
            tuple(Way.KEEP, usd("800.00")),
            // trade in: 2 x 1,000.00 = 2,000.00 for a and b; c on Flex: 10 x 7 = 70 tokens ->
            // 1 x 100 = 300.00; 2,300.00
            tuple(Way.TRADE_IN, usd("2300.00")),
            // retire: 410 windows x 7 = 2,870 tokens -> 2 x 1,000 + 9 x 100 = 5,800.00 +
            // 2,700.00 = 8,500.00 (1 x 1,000 + 19 x 100 = 8,600.00; 3 x 1,000 = 8,700.00)
            tuple(Way.RETIRE, usd("8500.00")));
    assertThat(t.cheapest()).map(TradeInOffer::way).hasValue(Way.KEEP);
    assertThat(t.offers().get(1).reason())
        .isEqualTo(
            "trade 1 network seats for 2 named at 1,000.00: 2 x 1,000.00 = 2,000.00; 3 users: the 2"
                + " heaviest take the seats, 1 go on Flex: 10 windows x 7 tokens = 70 tokens,"
                + " bought as 1 x 100 = 300.00; total 2,300.00 a year");
    assertThat(t.offers().get(0).reason())
        .contains("1 seats would refuse 1 session(s), which go on Flex: 1 windows x 7 tokens");
    assertThat(t.notes()).containsExactly(
        "peak concurrency 2 exceeds the 1 network seats: keeping them means refusals at peak");
  }

  @Test
  void aShortPeriodIsScaledToAYearRoundedUp() {
    // 73 days: c's 70 tokens are 70 x 365 / 73 = 350 a year -> 4 x 100 = 1,200.00
    TradeInAssessment t =
        assess(NetworkRetirement.NONE, List.of(use("a", 300), use("b", 100), use("c", 10)), List.of(), 73);

    assertThat(t.peak()).isEmpty();
    assertThat(t.offers())
        .extracting(TradeInOffer::way, TradeInOffer::annualTotal)
        .startsWith(tuple(Way.KEEP, usd("500.00")), tuple(Way.TRADE_IN, usd("3200.00")));
    assertThat(t.offers().get(1).reason()).contains("in 73 days, x 365/73 = 350 a year (rounded up)");
    assertThat(TradeInAssessment.perYear(1, 2)).isEqualTo(183);
    assertThat(TradeInAssessment.perYear(7, 365)).isEqualTo(7);
  }

  @Test
  void pastTheRenewalAndTradeInDatesOnlyRetiringIsOffered() {
    NetworkRetirement autodesk =
        new NetworkRetirement(
            Optional.of(LocalDate.of(2023, 2, 7)),
            Optional.of(LocalDate.of(2020, 8, 7)),
            Optional.of(LocalDate.of(2024, 2, 7)));

    TradeInAssessment t = assess(autodesk, List.of(use("a", 300)), List.of(), 365);

    // 300 x 7 = 2,100 tokens -> 2 x 1,000 + 1 x 100 = 6,100.00
    assertThat(t.offers())
        .extracting(TradeInOffer::way, TradeInOffer::annualTotal)
        .containsExactly(tuple(Way.RETIRE, usd("6100.00")));
    assertThat(t.notes())
        .containsExactly(
            "keep is not offered: network subscriptions cannot be renewed since 2023-02-07 (as of"
                + " 2025-01-01)",
            "trade-in is not offered: its window from 2020-08-07 until 2024-02-07 is not open on"
                + " 2025-01-01");
  }

  @Test
  void aProductNotOnFlexPutsTheOverflowOnNamedSeatsAndCannotBeRetired() {
    Product noFlex =
        new Product(
            AUTOCAD, "AutoCAD", Optional.of(Prices.annual(usd("2030.00"))), Optional.empty(), Optional.empty());

    TradeInAssessment t =
        TradeInAssessment.of(
            noFlex,
            CATALOG,
            NetworkRetirement.NONE,
            new TradeInTerms(1, usd("1000.00"), usd("500.00"), AS_OF),
            List.of(use("a", 3), use("b", 2), use("c", 1)),
            OVERLAPPING,
            365,
            ZoneOffset.UTC);

    // keep would refuse b's session at the peak and nothing can take it: left out;
    // trade in: 2,000.00 + c on a named seat at 2,030.00 = 4,030.00; retire: left out
    assertThat(t.offers())
        .extracting(TradeInOffer::way, TradeInOffer::annualTotal)
        .containsExactly(tuple(Way.TRADE_IN, usd("4030.00")));
    assertThat(t.notes())
        .containsExactly(
            "keep is left out: 1 seats would refuse sessions at the busy times and ACD cannot go on"
                + " Flex here",
            "retire is left out: ACD is not on Flex",
            "peak concurrency 2 exceeds the 1 network seats: keeping them means refusals at peak");
  }

  @Test
  void pricesInAnotherCurrencyAreRefused() {
    assertThatThrownBy(
            () ->
                TradeInAssessment.of(
                    ACD,
                    CATALOG,
                    NetworkRetirement.NONE,
                    new TradeInTerms(
                        1,
                        dev.seatwise.domain.testkit.LicensingFixtures.eur("1000.00"),
                        dev.seatwise.domain.testkit.LicensingFixtures.eur("500.00"),
                        AS_OF),
                    List.of(),
                    List.of(),
                    365,
                    ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prices are in EUR but the catalog is in USD");
  }
}
