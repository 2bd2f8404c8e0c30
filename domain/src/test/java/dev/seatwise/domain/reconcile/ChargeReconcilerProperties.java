package dev.seatwise.domain.reconcile;

import static dev.seatwise.domain.testkit.LicensingGens.ORIGIN;
import static dev.seatwise.domain.testkit.LicensingGens.PRODUCTS;
import static dev.seatwise.domain.testkit.LicensingGens.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.metering.FlexReplay;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.testkit.LicensingFixtures;
import dev.seatwise.domain.testkit.LicensingGens;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link ChargeReconciler}'s columnar walk against the walk on objects it replaced ({@link
 * ObjectChargeReconciler}): the same days, amounts, discrepancies and likely rules, on random usage
 * (sessions of every length around the 24-hour boundary, days without clock times), random charges
 * (users with and without usage, amounts at, above and below the rate, days in and out of the
 * period), random periods and zones with and without daylight saving.
 */
class ChargeReconcilerProperties {
  private static final LocalDate FIRST = LocalDate.ofInstant(ORIGIN, ZoneOffset.UTC);
  private static final List<UserId> CHARGED_USERS = charged();
  private static final List<ZoneId> ZONES =
      List.of(ZoneOffset.UTC, ZoneId.of("+09:00"), ZoneId.of("America/Santiago"));

  private static List<UserId> charged() {
    List<UserId> users = new ArrayList<>(USERS);
    users.add(UserId.of("dan")); // charged, never seen using anything
    return List.copyOf(users);
  }

  private static Gen<ChargedDay> chargedDays() {
    return Generate.pick(CHARGED_USERS)
        .zip(
            Generate.pick(PRODUCTS),
            integers().between(-1, 15),
            Generate.pick(List.of(0L, 7L, 10L, 14L, 20L)),
            (u, p, d, t) -> new ChargedDay(FIRST.plusDays(d), u, p, t));
  }

  private static Gen<int[]> periods() {
    // first day 0 to 3 days after the origin, 1 to 16 days long
    return integers().between(0, 3).zip(integers().between(1, 16), (a, n) -> new int[] {a, n});
  }

  @Test
  void theColumnarWalkGivesTheDaysOfTheWalkOnObjects() {
    qt().withExamples(400)
        .forAll(
            LicensingGens.usageLogs(),
            lists().of(chargedDays()).ofSizeBetween(0, 12),
            periods(),
            Generate.pick(ZONES))
        .checkAssert(
            (usage, charged, period, zone) -> {
              MeterContext context =
                  LicensingFixtures.flexContext(dev.seatwise.domain.metering.Coverage.NONE, zone);
              LocalDate from = FIRST.plusDays(period[0]);
              LocalDate to = from.plusDays(period[1]);
              Metering replay = new WindowedMeter().meter(usage, context);
              Reconciliation expected =
                  ObjectChargeReconciler.reconcile(charged, usage, replay, context, from, to);

              // the object API, and the columns a replay gives
              assertThat(ChargeReconciler.reconcile(charged, usage, replay, context, from, to))
                  .isEqualTo(expected);
              FlexReplay columns = FlexReplay.of(usage, context, 1);
              assertThat(
                      ChargeReconciler.reconcile(
                          charged, usage.sessionTable(), usage.days(), columns.windowTable(),
                          context, from, to))
                  .isEqualTo(expected);
              // each user and product's last window end kept in a map (a very large table's way),
              // and users taken in blocks: one user a block, a few, all in one
              ChargeTable table = ChargeTable.of(charged);
              for (long blockRows : new long[] {1, 7, 40, Long.MAX_VALUE}) {
                for (int maxCells : new int[] {0, 1 << 22}) {
                  assertThat(
                          ChargeReconciler.reconcile(
                              table, usage.sessionTable(), usage.days(), columns.windowTable(),
                              context, from, to, maxCells, blockRows))
                      .as("blocks of %s rows, %s cells", blockRows, maxCells)
                      .isEqualTo(expected);
                }
              }
              // every day, to a caller who asks for them all: the oracle's days, in its order
              List<ReconciledDay> all = new ArrayList<>();
              ChargeReconciler.reconcile(
                  table, usage.sessionTable(), usage.days(), columns.windowTable(), context, from,
                  to, all::add);
              List<ReconciledDay> oracle =
                  ObjectChargeReconciler.days(charged, usage, replay, context, from, to);
              assertThat(all).isEqualTo(oracle);
              // the same when the users come in blocks (each day held, then put in order)
              List<ReconciledDay> blocked = new ArrayList<>();
              ChargeReconciler.reconcile(
                  table, usage.sessionTable(), usage.days(), columns.windowTable(), context, from,
                  to, blocked::add, 3);
              assertThat(blocked).isEqualTo(oracle);
            });
  }

  @Test
  void everyDayChargedOrReplayedInThePeriodIsOneRowInDayUserProductOrder() {
    qt().forAll(LicensingGens.usageLogs(), lists().of(chargedDays()).ofSizeBetween(0, 12), periods())
        .checkAssert(
            (usage, charged, period) -> {
              MeterContext context = LicensingFixtures.flexContext();
              LocalDate from = FIRST.plusDays(period[0]);
              LocalDate to = from.plusDays(period[1]);
              Metering replay = new WindowedMeter().meter(usage, context);
              List<ReconciledDay> days = new ArrayList<>();
              ChargeReconciler.reconcile(
                  ChargeTable.of(charged), usage.sessionTable(), usage.days(),
                  WindowTable.of(replay.charges()), context, from, to, days::add);
              Reconciliation r = ChargeReconciler.reconcile(charged, usage, replay, context, from, to);
              assertThat(r.daysCompared()).isEqualTo(days.size());
              assertThat(r.charged()).isEqualTo(days.stream().mapToLong(ReconciledDay::charged).sum());
              assertThat(r.replayed())
                  .isEqualTo(days.stream().mapToLong(ReconciledDay::replayed).sum());
              assertThat(r.differences())
                  .isEqualTo(days.stream().filter(d -> d.discrepancy().isPresent()).toList());

              long chargedInPeriod =
                  charged.stream()
                      .filter(c -> !c.day().isBefore(from) && c.day().isBefore(to))
                      .mapToLong(ChargedDay::tokens)
                      .sum();
              assertThat(days.stream().mapToLong(ReconciledDay::charged).sum())
                  .isEqualTo(chargedInPeriod);
              for (int i = 1; i < days.size(); i++) {
                ReconciledDay a = days.get(i - 1);
                ReconciledDay b = days.get(i);
                int byDay = a.day().compareTo(b.day());
                int byUser = a.user().compareTo(b.user());
                assertThat(byDay < 0 || (byDay == 0 && (byUser < 0
                        || (byUser == 0 && a.product().compareTo(b.product()) < 0))))
                    .as("%s before %s", a, b)
                    .isTrue();
              }
              for (ReconciledDay d : days) {
                assertThat(d.day()).isBetween(from, to.minusDays(1));
                assertThat(d.discrepancy().isPresent()).isEqualTo(d.charged() != d.replayed());
              }
            });
  }
}
