package dev.seatwise.domain.tokens;

import static dev.seatwise.domain.testkit.LicensingGens.packMenus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of the cheapest pack purchase. Menus have 2 to 4 packs of distinct sizes and distinct prices
 * per token (at random: a bigger pack is not always cheaper per token).
 */
class PackPricingProperties {

  /** Demands: mostly up to 100,000 tokens, sometimes up to 10^12 (far beyond any table). */
  private static Gen<Long> demands() {
    return longs().between(0, 100_000).mix(longs().between(0, 1_000_000_000_000L), 40);
  }

  /** The cheapest exact cost over every multiset of packs that covers {@code demand}. */
  private static BigDecimal bruteForceCheapest(List<TokenPack> packs, long demand) {
    return cheapest(packs, 0, demand, BigDecimal.ZERO);
  }

  // A covering multiset never needs more than ceil(rest / size) of a pack: more of it would
  // still cover after dropping one, and no pack has a negative price. So this search sees a
  // cheapest multiset among all covering multisets.
  private static BigDecimal cheapest(List<TokenPack> packs, int i, long rest, BigDecimal spent) {
    if (rest <= 0) {
      return spent;
    }
    if (i == packs.size()) {
      return null;
    }
    TokenPack p = packs.get(i);
    BigDecimal best = null;
    for (long n = 0; n <= (rest + p.size() - 1) / p.size(); n++) {
      BigDecimal cost =
          cheapest(
              packs,
              i + 1,
              rest - n * p.size(),
              spent.add(p.exactPrice().multiply(BigDecimal.valueOf(n))));
      if (cost != null && (best == null || cost.compareTo(best) < 0)) {
        best = cost;
      }
    }
    return best;
  }

  @Test
  void thePurchaseIsNeverDearerThanAnyOtherCoveringMultiset() {
    qt().withExamples(300)
        .forAll(packMenus(2, 4, 20), integers().between(0, 60))
        .checkAssert(
            (packs, demand) -> {
              PackPurchase purchase = PackPricing.of(packs).cheapestCover(Tokens.of(demand));
              assertThat(purchase.exactCost())
                  .isEqualByComparingTo(bruteForceCheapest(packs, demand));
            });
  }

  @Test
  void thePurchaseAlwaysCoversTheDemandWithLessSurplusThanItsSmallestPack() {
    qt().withExamples(300)
        .forAll(packMenus(2, 4, 5_000), demands())
        .checkAssert(
            (packs, demand) -> {
              PackPurchase purchase = PackPricing.of(packs).cheapestCover(Tokens.of(demand));
              assertThat(purchase.tokensBought().count()).isGreaterThanOrEqualTo(demand);
              assertThat(purchase.demand()).isEqualTo(Tokens.of(demand));
              for (Map.Entry<TokenPack, Long> e : purchase.counts().entrySet()) {
                assertThat(packs).contains(e.getKey());
                assertThat(purchase.surplus().count())
                    .as("dropping one %s would still cover %s", e.getKey(), demand)
                    .isLessThan(e.getKey().size());
              }
            });
  }

  @Test
  void scaledCostOfEqualsTheExactCostOfTheCheapestCoverEvenFarBeyondTheTable() {
    qt().withExamples(300)
        .forAll(packMenus(2, 4, 5_000), demands())
        .checkAssert(
            (packs, demand) -> {
              PackPricing pricing = PackPricing.of(packs);
              BigDecimal exact = pricing.cheapestCover(Tokens.of(demand)).exactCost();
              assertThat(BigDecimal.valueOf(pricing.scaledCostOf(demand), pricing.costScale()))
                  .isEqualByComparingTo(exact);
              assertThat(pricing.exactCostOf(demand)).isEqualByComparingTo(exact);
            });
  }

  @Test
  void beyondTheTableTheCostMatchesAPlainDynamicProgramme() {
    // The pricing answers large demands from its periodic regime; a plain table over every demand
    // up to well past periodicFrom() must agree with it everywhere.
    qt().withExamples(100)
        .forAll(packMenus(2, 4, 300))
        .checkAssert(
            packs -> {
              PackPricing pricing = PackPricing.of(packs);
              long largest = packs.stream().mapToLong(TokenPack::size).max().orElseThrow();
              int limit = Math.toIntExact(pricing.periodicFrom() + 20 * largest + 1_000);
              long[] plain = plainTable(packs, limit, pricing.costScale());
              int firstDifference = -1;
              for (int d = 0; d <= limit && firstDifference < 0; d++) {
                if (pricing.scaledCostOf(d) != plain[d]) {
                  firstDifference = d;
                }
              }
              assertThat(firstDifference)
                  .as(
                      "first demand where the pricing (periodic from %s) and a plain table differ",
                      pricing.periodicFrom())
                  .isEqualTo(-1);
            });
  }

  /** f(0) = 0; f(x) = min over packs of f(max(0, x - size)) + price, at {@code scale}. */
  private static long[] plainTable(List<TokenPack> packs, int limit, int scale) {
    long[] f = new long[limit + 1];
    for (int x = 1; x <= limit; x++) {
      long best = Long.MAX_VALUE;
      for (TokenPack p : packs) {
        long price = p.exactPrice().setScale(scale).unscaledValue().longValueExact();
        best = Math.min(best, f[(int) Math.max(0, x - p.size())] + price);
      }
      f[x] = best;
    }
    return f;
  }

  @Test
  void fromPeriodicFromEachBestValuePackAddsItsPrice() {
    qt().withExamples(300)
        .forAll(packMenus(2, 4, 5_000), longs().between(0, 1_000_000_000L))
        .checkAssert(
            (packs, offset) -> {
              PackPricing pricing = PackPricing.of(packs);
              TokenPack best = pricing.bestValuePack();
              long t = pricing.periodicFrom() + offset;
              long price =
                  best.exactPrice().setScale(pricing.costScale()).unscaledValue().longValueExact();
              assertThat(pricing.scaledCostOf(t + best.size()))
                  .isEqualTo(pricing.scaledCostOf(t) + price);
            });
  }

  @Test
  void aLargerDemandNeverCostsLess() {
    qt().withExamples(300)
        .forAll(packMenus(2, 4, 5_000), demands())
        .checkAssert(
            (packs, demand) -> {
              PackPricing pricing = PackPricing.of(packs);
              assertThat(pricing.scaledCostOf(demand + 1))
                  .isGreaterThanOrEqualTo(pricing.scaledCostOf(demand));
            });
  }
}
