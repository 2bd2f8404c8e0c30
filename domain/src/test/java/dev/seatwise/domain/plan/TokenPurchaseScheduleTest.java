package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.Tokens;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPurchaseScheduleTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  /** {@code count} AutoCAD windows of {@code rate} tokens, one an hour from 08:00 on {@code day}. */
  private static List<TokenCharge> burst(LocalDate day, int count, long rate) {
    List<TokenCharge> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          new TokenCharge(
              day.atStartOfDay(UTC).toInstant().plusSeconds(8 * 3600L + 60L * i), rate, "w" + i));
    }
    return out;
  }

  @Test
  void twoBurstsFourteenMonthsApartNeedTwoPurchases() {
    // 143 AutoCAD windows x 7 tokens = 1,001 tokens on 2025-01-06, and again on 2026-03-06.
    List<TokenCharge> windows = new ArrayList<>(burst(LocalDate.of(2025, 1, 6), 143, 7));
    windows.addAll(burst(LocalDate.of(2026, 3, 6), 143, 7));
    CatalogHistory bundled = CatalogHistory.of(BundledCatalogPrices.bundled());

    // Today's single cover of all 2,002 tokens: 5 x 500 = 2,500 tokens x 3.00 = 7,500.00
    // (one 5,000-pack would be 13,500.00). But a lot bought on 2025-01-06 expires on 2026-01-06,
    // before the second burst: that purchase cannot pay it.
    assertThat(
            bundled.latest().packPricing().orElseThrow().cheapestCover(Tokens.of(2002)).cost())
        .isEqualTo(usd("7500.00"));

    TokenPurchaseSchedule schedule = TokenPurchaseSchedule.cheapest(windows, bundled, UTC);

    // Two purchases of 3 x 500 = 1,500 tokens (1,001 needed each): 2 x 4,500.00 = 9,000.00.
    assertThat(schedule.purchases()).hasSize(2);
    assertThat(schedule.purchases().get(0).date()).isEqualTo(LocalDate.of(2025, 1, 6));
    assertThat(schedule.purchases().get(0).expires()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(schedule.purchases().get(0).tokens()).isEqualTo(1500);
    assertThat(schedule.purchases().get(0).cost()).isEqualTo(usd("4500.00"));
    assertThat(schedule.purchases().get(1).date()).isEqualTo(LocalDate.of(2026, 3, 6));
    assertThat(schedule.purchases().get(1).cost()).isEqualTo(usd("4500.00"));
    assertThat(schedule.total()).isEqualTo(usd("9000.00"));
  }

  @Test
  void withinOneValidityAndOnePriceAnyNumberOfTokensIsOnePurchase() {
    // 10,000,000 tokens a day apart, beyond the programme's MAX_TOKENS (4,194,304): one price
    // version and one validity, so the cheapest cover of all of them on the first day, as the
    // optimiser prices it (a large organisation's all-Flex year)
    CatalogHistory bundled = CatalogHistory.of(BundledCatalogPrices.bundled());
    long[] byDay = new long[300];
    byDay[0] = 4_000_000;
    byDay[299] = 6_000_000;
    assertThat(byDay[0] + byDay[299]).isGreaterThan(TokenPurchaseSchedule.MAX_TOKENS);

    TokenPurchaseSchedule schedule =
        TokenPurchaseSchedule.cheapest(LocalDate.of(2025, 2, 1), byDay, bundled, UTC);

    assertThat(schedule.purchases()).hasSize(1);
    assertThat(schedule.purchases().get(0).date()).isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(schedule.total())
        .isEqualTo(
            bundled.latest().packPricing().orElseThrow().cheapestCover(Tokens.of(10_000_000)).cost());
  }

  @Test
  void withinOneValidityTheScheduleIsTodaysSingleCover() {
    List<TokenCharge> windows = new ArrayList<>(burst(LocalDate.of(2025, 1, 6), 143, 7));
    windows.addAll(burst(LocalDate.of(2025, 12, 6), 143, 7));
    CatalogHistory bundled = CatalogHistory.of(BundledCatalogPrices.bundled());

    TokenPurchaseSchedule schedule = TokenPurchaseSchedule.cheapest(windows, bundled, UTC);

    // 2,002 tokens within 12 months of the first: one purchase of 5 x 500 on 2025-01-06, 7,500.00.
    assertThat(schedule.purchases()).hasSize(1);
    assertThat(schedule.purchases().get(0).date()).isEqualTo(LocalDate.of(2025, 1, 6));
    assertThat(schedule.total()).isEqualTo(usd("7500.00"));
  }

  @Test
  void leftoverTokensCarryIntoTheNextStretch() {
    // Packs of 500 only, valid 12 months: 300 tokens on 2025-01-01, 300 on 2025-12-01, 300 on
    // 2026-02-01. Cutting the days into groups needs 3 packs; buying 500 on 2025-01-01 (300 +
    // 200 of December) and 500 on 2025-12-01 (100 of December + 300 of February) needs 2.
    Catalog only500 =
        new Catalog(
            "Test",
            dev.seatwise.domain.testkit.LicensingFixtures.USD,
            LocalDate.of(2024, 1, 1),
            Catalog.FLEX_WINDOW,
            MeteringParameters.FLEX_DEFAULTS,
            Period.ofMonths(12),
            List.of(pack(500, "3.00")),
            List.of(),
            List.of());
    List<TokenCharge> windows = new ArrayList<>(burst(LocalDate.of(2025, 1, 1), 1, 300));
    windows.addAll(burst(LocalDate.of(2025, 12, 1), 1, 300));
    windows.addAll(burst(LocalDate.of(2026, 2, 1), 1, 300));

    TokenPurchaseSchedule schedule =
        TokenPurchaseSchedule.cheapest(windows, CatalogHistory.of(only500), UTC);

    assertThat(schedule.tokensBought()).isEqualTo(1000);
    assertThat(schedule.total()).isEqualTo(usd("3000.00"));
    assertThat(schedule.purchases())
        .extracting(ScheduledPurchase::date)
        .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 1));
  }

  @Test
  void aPackIsPricedAtTheVersionInForceOnItsPurchaseDay() {
    // 500-packs cost 3.00 a token until 2025-06-30 and 4.00 from 2025-07-01. 400 tokens are used
    // on 2025-08-01: buying on 2025-06-30 (the last day of the old price; valid to 2026-06-30)
    // costs 1,500.00 instead of 2,000.00 on 2025-08-01.
    Catalog old =
        new Catalog(
            "Test", dev.seatwise.domain.testkit.LicensingFixtures.USD, LocalDate.of(2025, 1, 1),
            Catalog.FLEX_WINDOW, MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
            List.of(pack(500, "3.00")), List.of(), List.of());
    Catalog dearer =
        new Catalog(
            "Test", dev.seatwise.domain.testkit.LicensingFixtures.USD, LocalDate.of(2025, 7, 1),
            Catalog.FLEX_WINDOW, MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
            List.of(pack(500, "4.00")), List.of(), List.of());

    TokenPurchaseSchedule schedule =
        TokenPurchaseSchedule.cheapest(
            burst(LocalDate.of(2025, 8, 1), 1, 400), CatalogHistory.of(old, dearer), UTC);

    assertThat(schedule.purchases()).hasSize(1);
    assertThat(schedule.purchases().get(0).date()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(schedule.total()).isEqualTo(usd("1500.00"));

    // with no purchase allowed before 2025-08-01 it is the new price
    TokenPurchaseSchedule late =
        TokenPurchaseSchedule.cheapest(
            burst(LocalDate.of(2025, 8, 1), 1, 400),
            CatalogHistory.of(old, dearer),
            UTC,
            Period.ofMonths(12),
            LocalDate.of(2025, 8, 1));
    assertThat(late.total()).isEqualTo(usd("2000.00"));
  }

  @Test
  void noWindowsBuyNothing() {
    TokenPurchaseSchedule schedule =
        TokenPurchaseSchedule.cheapest(
            List.of(), CatalogHistory.of(BundledCatalogPrices.bundled()), UTC);
    assertThat(schedule.purchases()).isEmpty();
    assertThat(schedule.total()).isEqualTo(usd("0.00"));
    PackPricing unused = BundledCatalogPrices.bundled().packPricing().orElseThrow();
    assertThat(unused.cheapestCover(Tokens.ZERO).cost()).isEqualTo(schedule.total());
  }
}
