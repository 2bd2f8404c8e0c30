package dev.seatwise.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's ten-line domain example, kept true by running it. */
class ReadmeExampleTest {
  @Test
  void theReadmeExampleDoesWhatItSays() {
    Catalog autodesk = new Catalog("Autodesk", Currency.getInstance("USD"), LocalDate.of(2026, 1, 1),
        Catalog.FLEX_WINDOW, MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
        List.of(new TokenPack(100, UnitPrice.of("3.00", "USD")), new TokenPack(5000, UnitPrice.of("2.70", "USD"))),
        List.of(Product.of("ACD", "AutoCAD", Money.of("2030.00", "USD"), 7)), List.of());
    Instant mon8 = Instant.parse("2025-03-03T08:00:00Z");
    UsageLog usage = UsageLog.ofSessions(List.of(
        Session.of("ann", "ACD", mon8, mon8.plus(Duration.ofHours(9))),
        Session.of("ann", "ACD", mon8.plus(Duration.ofHours(23)), mon8.plus(Duration.ofHours(33)))));
    Metering m = new WindowedMeter().meter(usage, MeterContext.of(autodesk));
    PackPurchase buy = autodesk.packPricing().orElseThrow().cheapestCover(Tokens.of(m.totalTokens()));

    assertThat(m.charges()).hasSize(2);
    assertThat(m.charges().get(1).start()).isEqualTo(Instant.parse("2025-03-04T08:00:00Z"));
    assertThat(m.totalTokens()).isEqualTo(14);
    assertThat(buy.cost()).isEqualTo(Money.of("300.00", "USD"));
    assertThat(buy.tokensBought()).isEqualTo(Tokens.of(100));
  }
}
