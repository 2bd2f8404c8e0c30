package dev.seatwise.domain.forecast;

import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenPack;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast's purchase rule for an evenly spread burn, worked by hand. */
class RefusalCoverPlanTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final TokenPack HUNDRED = pack(100, "3.00");
  private static final TokenPack FIVE_HUNDRED = pack(500, "2.70");
  private static final PackPricing PACKS = PackPricing.of(List.of(HUNDRED, FIVE_HUNDRED));
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

  /** {@code perDay} tokens at the start of each of {@code days} days from {@code from}. */
  private static List<TokenCharge> daily(LocalDate from, long days, long perDay) {
    List<TokenCharge> out = new ArrayList<>();
    for (long k = 0; k < days; k++) {
      out.add(new TokenCharge(from.plusDays(k).atStartOfDay(UTC).toInstant(), perDay, "d" + k));
    }
    return out;
  }

  @Test
  void buysWhenTheLotsFirstRefuseWhatTheyRefuseUntilTheNewLotExpires() {
    // 10 tokens a day over the 400 days [2025-03-01, 2026-04-05), no lots held, lots last 12 months.
    LocalDate end = AS_OF.plusDays(400);
    assertThat(end).isEqualTo(LocalDate.of(2026, 4, 5));

    RefusalCoverPlan plan =
        RefusalCoverPlan.plan(List.of(), daily(AS_OF, 400, 10), PACKS, Period.ofMonths(12), AS_OF, end, UTC);

    // 1: the first day is refused; the new lot lasts to 2026-03-01: 365 days x 10 = 3,650 refused
    // until then -> 7 x 500 + 2 x 100 = 3,700 for 9,450.00 + 600.00 = 10,050.00 (8 x 500 =
    // 10,800.00; 7 x 500 + 1 x 100 = 3,600 is short). 2: on 2026-03-01 that lot has expired (50
    // of it unused); the 35 days to the horizon need 350 -> 4 x 100 = 1,200.00 (1 x 500 =
    // 1,350.00).
    assertThat(plan.purchases())
        .extracting(
            RefusalCoverPlan.Purchase::day,
            p -> p.packs().counts(),
            RefusalCoverPlan.Purchase::shortfall,
            RefusalCoverPlan.Purchase::expires,
            RefusalCoverPlan.Purchase::until,
            RefusalCoverPlan.Purchase::toHorizon)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AS_OF, Map.of(FIVE_HUNDRED, 7L, HUNDRED, 2L), 3650L, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1), false),
            org.assertj.core.groups.Tuple.tuple(
                LocalDate.of(2026, 3, 1), Map.of(HUNDRED, 4L), 350L, LocalDate.of(2027, 3, 1), end,
                true));
    assertThat(plan.purchases().get(0).packs().cost()).isEqualTo(usd("10050.00"));
    assertThat(plan.purchases().get(1).packs().cost()).isEqualTo(usd("1200.00"));
    assertThat(plan.lastExpiry(AS_OF)).isEqualTo(LocalDate.of(2027, 3, 1));

    // Waste at the same 10 a day continued to 2027-03-01: the first lots pay 3,650 and 50 expire
    // unused; the burn order draws the 100-pack lot (200) before the 500-pack lot (3,500) of the
    // same expiry, so the 50 are of the latter: 50 x 2.70 = 135.00. The second lot's 400 are
    // drawn by 2026-04-10; 350 by the horizon. Left at the horizon: 50 + 50 = 100.
    RefusalCoverPlan.Waste waste =
        plan.waste(
            daily(AS_OF, java.time.temporal.ChronoUnit.DAYS.between(AS_OF, LocalDate.of(2027, 3, 1)) + 1, 10),
            end.atStartOfDay(UTC).toInstant().minusNanos(1),
            USD);
    assertThat(waste.surplusAtHorizon()).isEqualTo(100);
    assertThat(waste.tokens()).isEqualTo(50);
    assertThat(waste.cost()).isEqualTo(usd("135.00"));
  }

  @Test
  void buysNothingWhenTheLotsHeldPayEverything() {
    var held =
        List.of(
            new dev.seatwise.domain.tokens.TokenLot(
                "A", Instant.parse("2025-01-01T00:00:00Z"), 1000, HUNDRED.unitPrice(),
                Instant.parse("2026-01-01T00:00:00Z")));
    RefusalCoverPlan plan =
        RefusalCoverPlan.plan(
            held, daily(AS_OF, 30, 10), PACKS, Period.ofMonths(12), AS_OF, AS_OF.plusDays(30), UTC);
    assertThat(plan.purchases()).isEmpty();
    assertThat(plan.lots()).hasSize(1);
  }
}
