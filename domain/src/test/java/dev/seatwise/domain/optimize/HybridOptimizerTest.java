package dev.seatwise.domain.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridOptimizerTest {
  @Test
  void subCentPerTokenPricesAreExact() {
    // 100-pack at 2.695/token = 269.50 per pack: the pack cost needs 1 decimal, the token price 3
    PackPricing packs = PackPricing.of(List.of(new TokenPack(100, UnitPrice.of("2.695", "USD"))));
    HybridProblem p =
        new HybridProblem(
            Map.of(ProductId.of("ACD"), Money.of("2030.00", "USD")),
            List.of(),
            Set.of(ProductId.of("ACD")),
            packs,
            OptionalLong.empty(),
            List.of(UserDemand.of(UserId.of("ann"), Map.of(ProductId.of("ACD"), 140L))));
    // 140 tokens -> 2 packs = 539.00 < 2030.00 named
    assertThat(HybridOptimizer.solve(p).orElseThrow().total()).isEqualTo(Money.of("539.00", "USD"));
  }

  @Test
  void packsMakeUsersInteract() {
    // packs: 100 @ 3.00 (300.00 a pack) and 1000 @ 2.00 (2000.00 a pack); named 2100.00.
    // Priced alone, each 500-token user costs min(5 x 300 = 1500, 1 x 2000) = 1500 -> 3000 for two.
    // Pooled, their 1000 tokens fill one 1000-pack: 2000.00 in total.
    PackPricing packs =
        PackPricing.of(
            List.of(new TokenPack(100, UnitPrice.of("3.00", "USD")), new TokenPack(1000, UnitPrice.of("2.00", "USD"))));
    ProductId acd = ProductId.of("ACD");
    HybridProblem p =
        new HybridProblem(
            Map.of(acd, Money.of("2100.00", "USD")), List.of(), Set.of(acd), packs, OptionalLong.empty(),
            List.of(UserDemand.of(UserId.of("a"), Map.of(acd, 500L)), UserDemand.of(UserId.of("b"), Map.of(acd, 500L))));
    OptimizationResult.Solved s = HybridOptimizer.solve(p).orElseThrow();
    assertThat(s.total()).isEqualTo(Money.of("2000.00", "USD"));
    assertThat(s.tokens()).isEqualTo(1000);
  }

  @Test
  void aUserCanBePricedOnItsOwnTerms() {
    // bundled AutoCAD: 2,030.00 annual, 255.00 monthly, 7 tokens a window; packs 500 @ 3.00.
    // "cy" used AutoCAD on 90 days of three months: 630 tokens on Flex = 2 x 500-packs = 3,000.00.
    // At the annual price named costs 2,030.00; on three monthly terms (plan.TermMix) 765.00.
    ProductId acd = ProductId.of("ACD");
    PackPricing packs = PackPricing.of(List.of(new TokenPack(500, UnitPrice.of("3.00", "USD"))));
    UserDemand cy = UserDemand.of(UserId.of("cy"), Map.of(acd, 630L));
    HybridProblem annual =
        new HybridProblem(
            Map.of(acd, Money.of("2030.00", "USD")), List.of(), Set.of(acd), packs,
            OptionalLong.empty(), List.of(cy));
    assertThat(HybridOptimizer.solve(annual).orElseThrow().total())
        .isEqualTo(Money.of("2030.00", "USD"));

    HybridProblem monthly =
        annual.withUsers(List.of(cy.withNamedCost(Map.of(acd, Money.of("765.00", "USD")))));
    OptimizationResult.Solved s = HybridOptimizer.solve(monthly).orElseThrow();
    assertThat(s.total()).isEqualTo(Money.of("765.00", "USD"));
    assertThat(s.tokens()).isZero();
  }
}
