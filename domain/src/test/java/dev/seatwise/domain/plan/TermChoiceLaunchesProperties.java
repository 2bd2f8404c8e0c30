package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Laws of the term choice with launches that opened no window ({@link TermChoice#byUser(WindowTable,
 * SessionTable, Map, PlanPeriod, CatalogHistory)}), at the bundled AutoCAD prices, on random
 * windows and launches of four users over a period of random length: users and products with a
 * window in the period get what the windows alone give; the others with launches starting in the
 * period get the choice for the days of those launches; nobody else gets one.
 */
class TermChoiceLaunchesProperties {
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void windowedUsersKeepTheirChoiceAndWindowlessOnesAreChosenOverTheirLaunchDays() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 400), // the period's days, from 2025-01-01
            lists().of(integers().between(0, 4 * 500 - 1)).ofSizeBetween(0, 12), // windows: user, day
            lists().of(integers().between(0, 4 * 520 * 24 - 1)).ofSizeBetween(0, 20)) // launches: user, hour
        .checkAssert(
            (days, w, l) -> {
              LocalDate from = LocalDate.of(2025, 1, 1);
              PlanPeriod period = new PlanPeriod(from, from.plusDays(days), ZoneOffset.UTC);
              List<Charge> windows = new ArrayList<>();
              for (int x : w) {
                Instant s = ORIGIN.plusSeconds(86_400L * (x / 4) + 3_600);
                windows.add(new Charge(user(x % 4), ACD, s, s.plusSeconds(86_400), 7));
              }
              List<Session> launches = new ArrayList<>();
              for (int x : l) {
                // some hours before the period's start, some past its end
                Instant s = ORIGIN.plusSeconds(3_600L * (x / 4 - 24 * 10));
                launches.add(new Session(user(x % 4), ACD, s, s.plusSeconds(120)));
              }
              WindowTable table = WindowTable.of(windows);

              Map<UserId, Map<ProductId, TermChoice>> got =
                  TermChoice.byUser(table, SessionTable.of(launches), Map.of(), period, BUNDLED);

              Map<UserId, Map<ProductId, TermChoice>> windowsAlone =
                  TermChoice.byUser(table, Map.of(), period, BUNDLED);
              Map<UserId, LocalDate[]> launchDays = new HashMap<>();
              for (Session s : launches) {
                if (!period.contains(s.start()) || windowsAlone.containsKey(s.user())) {
                  continue;
                }
                LocalDate d = period.dayOf(s.start());
                launchDays.merge(
                    s.user(), new LocalDate[] {d, d},
                    (a, b) -> new LocalDate[] {
                      a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
              }
              Map<UserId, Map<ProductId, TermChoice>> expected = new TreeMap<>(windowsAlone);
              launchDays.forEach(
                  (u, span) ->
                      expected.put(
                          u,
                          Map.of(ACD, TermChoice.of(ACD, span[0], span[1], period, BUNDLED).orElseThrow())));
              assertThat(got).isEqualTo(expected);
            });
  }

  private static UserId user(int k) {
    return UserId.of("u" + k);
  }
}
