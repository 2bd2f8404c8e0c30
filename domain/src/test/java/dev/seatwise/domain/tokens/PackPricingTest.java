package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikePacks;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.money.CurrencyMismatchException;
import dev.seatwise.domain.money.UnitPrice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cheapest purchases from 100 @ 3.00, 1000 @ 2.90 and 5000 @ 2.60, worked out by hand. */
class PackPricingTest {
  private static final TokenPack HUNDRED = pack(100, "3.00");
  private static final TokenPack THOUSAND = pack(1_000, "2.90");
  private static final TokenPack FIVE_THOUSAND = pack(5_000, "2.60");

  private final PackPricing pricing = PackPricing.of(autodeskLikePacks());

  private PackPurchase buy(long tokens) {
    return pricing.cheapestCover(Tokens.of(tokens));
  }

  @Test
  void nothingIsBoughtForNoDemand() {
    assertThat(buy(0).counts()).isEmpty();
    assertThat(buy(0).cost()).isEqualTo(usd("0.00"));
  }

  @Test
  void oneTokenCostsAHundredPack() {
    assertThat(buy(1).counts()).isEqualTo(Map.of(HUNDRED, 1L));
    assertThat(buy(1).cost()).isEqualTo(usd("300.00"));
  }

  @Test
  void nineHundredTokensAreNineHundredPacksButNineHundredAndOneAThousandPack() {
    // 9 x 300 = 2700 < 2900; 10 x 300 = 3000 > 2900
    assertThat(buy(900).counts()).isEqualTo(Map.of(HUNDRED, 9L));
    assertThat(buy(900).cost()).isEqualTo(usd("2700.00"));
    assertThat(buy(901).counts()).isEqualTo(Map.of(THOUSAND, 1L));
    assertThat(buy(901).cost()).isEqualTo(usd("2900.00"));
  }

  @Test
  void justBelowABigPackSmallerPacksCanStillBeCheaper() {
    // 4400: 4 x 2900 + 4 x 300 = 12800 < 13000 (one 5000-pack)
    assertThat(buy(4_400).counts()).isEqualTo(Map.of(THOUSAND, 4L, HUNDRED, 4L));
    assertThat(buy(4_400).cost()).isEqualTo(usd("12800.00"));
    // 4500: 4 x 2900 + 5 x 300 = 13100 > 13000
    assertThat(buy(4_500).counts()).isEqualTo(Map.of(FIVE_THOUSAND, 1L));
    assertThat(buy(4_500).cost()).isEqualTo(usd("13000.00"));
  }

  @Test
  void aDemandFarBeyondTheTableIsPricedExactly() {
    // 12,345,678 = 2469 x 5000 + 678; the 678 cost 7 x 300 = 2100 (a 1000-pack is 2900)
    PackPurchase purchase = buy(12_345_678);
    assertThat(purchase.counts()).isEqualTo(Map.of(FIVE_THOUSAND, 2_469L, HUNDRED, 7L));
    assertThat(purchase.cost()).isEqualTo(usd("32099100.00"));
    assertThat(pricing.scaledCostOf(12_345_678)).isEqualTo(3_209_910_000L);
    assertThat(pricing.costScale()).isEqualTo(2);
  }

  @Test
  void subCentPricesAreKeptExactUntilTheCostIsRounded() {
    // 3 x 2.695 = 8.085 exactly, rounded once half-even to 8.08
    PackPricing subCent = PackPricing.of(List.of(new TokenPack(1, UnitPrice.of("2.695", "USD"))));
    PackPurchase purchase = subCent.cheapestCover(Tokens.of(3));
    assertThat(purchase.exactCost()).isEqualByComparingTo("8.085");
    assertThat(purchase.cost()).isEqualTo(usd("8.08"));
  }

  @Test
  void packsInDifferentCurrenciesAreRejected() {
    assertThatThrownBy(
            () ->
                PackPricing.of(
                    List.of(pack(100, "3.00"), new TokenPack(1_000, UnitPrice.of("2.50", "EUR")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> usd("1.00").plus(dev.seatwise.domain.testkit.LicensingFixtures.eur("1.00")))
        .isInstanceOf(CurrencyMismatchException.class);
  }
}
