package dev.seatwise.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Autodesk's multi-user retirement dates (licensing-rules §4) at their boundaries: each date is the
 * first day a thing is possible (the trade-in from 2020-08-07) or no longer possible (renewals from
 * 2023-02-07, the trade-in from 2024-02-07).
 */
class NetworkRetirementTest {
  private static final NetworkRetirement AUTODESK =
      new NetworkRetirement(
          Optional.of(LocalDate.of(2023, 2, 7)),
          Optional.of(LocalDate.of(2020, 8, 7)),
          Optional.of(LocalDate.of(2024, 2, 7)));

  @Test
  void networkSubscriptionsRenewUntilTheDayBeforeTheRetirement() {
    assertThat(AUTODESK.renewable(LocalDate.of(2023, 2, 6))).isTrue();
    assertThat(AUTODESK.renewable(LocalDate.of(2023, 2, 7))).isFalse();
  }

  @Test
  void theTradeInRunsFromItsLaunchToTheDayBeforeItsLastExtensionEnds() {
    // launched 2020-08-07 (moved from 2020-05-07); last extension "until 2024-02-07"
    assertThat(AUTODESK.tradeInOpen(LocalDate.of(2020, 8, 6))).isFalse();
    assertThat(AUTODESK.tradeInOpen(LocalDate.of(2020, 8, 7))).isTrue();
    assertThat(AUTODESK.tradeInOpen(LocalDate.of(2024, 2, 6))).isTrue();
    assertThat(AUTODESK.tradeInOpen(LocalDate.of(2024, 2, 7))).isFalse();
    assertThat(AUTODESK.statement(LocalDate.of(2024, 2, 6)))
        .isEqualTo(
            "as of 2024-02-06: network renewals ended on 2023-02-07 (keep is not possible); the"
                + " trade-in runs from 2020-08-07 until 2024-02-07 (open)");
  }

  @Test
  void aCatalogWithoutDatesKeepsBothWaysOpen() {
    // (the bundled catalog's dates are read in YamlCatalogAdapterTest)
    assertThat(NetworkRetirement.NONE.renewable(LocalDate.of(2030, 1, 1))).isTrue();
    assertThat(NetworkRetirement.NONE.tradeInOpen(LocalDate.of(2030, 1, 1))).isTrue();
  }
}
