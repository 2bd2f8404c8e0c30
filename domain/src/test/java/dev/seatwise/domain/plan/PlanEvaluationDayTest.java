package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.tokens.TokenCharge;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each window's day is its opening's local date in the period's zone, also where the evaluation
 * keeps one day's lookups for the windows that follow: across clock changes at midnight, including
 * one that turns the clock back past midnight (São Paulo, 2019-02-17 00:00 -02:00 became 2019-02-16
 * 23:00 -03:00, so the hour after it is the 16th again).
 */
class PlanEvaluationDayTest {
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final PlanPeriod PERIOD =
      new PlanPeriod(LocalDate.of(2018, 10, 1), LocalDate.of(2019, 3, 1), SAO_PAULO);

  /** Windows every 10 minutes over ten hours around each clock change, shuffled. */
  private static List<Charge> windowsAroundClockChanges() {
    List<Charge> out = new ArrayList<>();
    for (Instant from :
        List.of(Instant.parse("2018-11-03T22:00:00Z"), Instant.parse("2019-02-16T22:00:00Z"))) {
      for (int m = 0; m < 600; m += 10) {
        Instant open = from.plusSeconds(m * 60L);
        out.add(new Charge(user("bob"), ACD, open, open.plusSeconds(600), 7));
      }
    }
    Collections.shuffle(out, new java.util.Random(7));
    return out;
  }

  @Test
  void everyUnseatedWindowIsDatedOnItsLocalDay() {
    List<Charge> windows = windowsAroundClockChanges();
    Plan plan = new Plan(BUNDLED.versions().get(0).currency(), List.of(), List.of(), List.of());

    PlanEvaluation e = PlanEvaluation.of(plan, windows, PERIOD, BUNDLED);

    assertThat(e.seatMisses()).hasSize(windows.size());
    assertThat(e.seatMisses())
        .allSatisfy(
            m ->
                assertThat(m.date())
                    .isEqualTo(LocalDate.ofInstant(m.window().window().start(), SAO_PAULO)));
    // the 16th: 20:00 to 23:50 before the clock went back (24 windows), 23:00 to 23:50 after (6)
    assertThat(e.seatMisses())
        .filteredOn(m -> m.date().equals(LocalDate.of(2019, 2, 16)))
        .hasSize(6 * 5);
  }

  @Test
  void flexWindowsRateEveryWindowInAnyOrder() {
    List<Charge> windows = windowsAroundClockChanges();

    List<TokenCharge> flex =
        MixPlan.flexWindows(Map.of(user("bob"), Set.of(ACD)), windows, PERIOD, BUNDLED);

    assertThat(flex).hasSize(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      assertThat(flex.get(i).at()).isEqualTo(windows.get(i).start());
      assertThat(flex.get(i).reference()).isEqualTo("bob ACD");
      assertThat(flex.get(i).tokens())
          .isEqualTo(
              PlanEvaluation.rate(
                      SeatHolding.versionOn(BUNDLED, PERIOD.dayOf(windows.get(i).start())),
                      windows.get(i))
                  .getAsLong());
    }
  }
}
