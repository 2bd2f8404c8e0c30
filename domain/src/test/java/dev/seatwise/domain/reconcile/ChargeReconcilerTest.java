package dev.seatwise.domain.reconcile;

import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingFixtures.session;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.usage.UsageLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A hand-made week with one difference of each kind (AutoCAD 7 tokens, Revit 10, windows of 24 h,
 * launches under 5 minutes not charged; days in UTC). 2024-03-04 is a Monday. The expected rows are
 * worked out by hand from the rules, not read from the output.
 */
class ChargeReconcilerTest {
  private static final LocalDate MON = LocalDate.of(2024, 3, 4);
  private static final LocalDate TUE = MON.plusDays(1);

  private static ChargedDay charged(LocalDate day, String who, ProductId product, long tokens) {
    return new ChargedDay(day, user(who), product, tokens);
  }

  @Test
  void oneDifferenceOfEachKindWithItsLikelyRule() {
    UsageLog usage =
        UsageLog.ofSessions(
            List.of(
                // ann: Mon 08:00 to Tue 17:00, windows Mon 08:00 and (still running) Tue 08:00
                session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-05T17:00"),
                // eve: one hour on Monday, a first window
                session("eve", REVIT, "2024-03-04T09:00", "2024-03-04T10:00"),
                // fay: Mon 08-09 and Tue 09-10: the Tuesday launch opens a second window, 1 h
                // after the first ended
                session("fay", REVIT, "2024-03-04T08:00", "2024-03-04T09:00"),
                session("fay", REVIT, "2024-03-05T09:00", "2024-03-05T10:00"),
                // gus: 3 minutes, no window
                session("gus", AUTOCAD, "2024-03-04T10:00", "2024-03-04T10:03"),
                // hal: one hour, one window
                session("hal", AUTOCAD, "2024-03-04T09:00", "2024-03-04T10:00"),
                // ida: Mon 20:00 to Tue 10:00, one window opened Monday
                session("ida", AUTOCAD, "2024-03-04T20:00", "2024-03-05T10:00")));
    Metering replay = new WindowedMeter().meter(usage, flexContext());
    List<ChargedDay> charges =
        List.of(
            charged(MON, "ann", AUTOCAD, 7), // matches; Tuesday's continuation not charged
            charged(MON, "dan", AUTOCAD, 7), // nobody named dan used anything
            charged(MON, "fay", REVIT, 10), // matches; Tuesday not charged
            charged(MON, "gus", AUTOCAD, 7), // Flex charged the 3-minute launch
            charged(MON, "hal", AUTOCAD, 14), // twice the rate
            charged(MON, "ida", AUTOCAD, 7),
            charged(TUE, "ida", AUTOCAD, 7)); // Flex charged again on Tuesday

    Reconciliation r =
        ChargeReconciler.reconcile(charges, usage, replay, flexContext(), MON, MON.plusDays(7));

    assertThat(r.differences())
        .extracting(
            ReconciledDay::day, d -> d.user().value(), ReconciledDay::product,
            ReconciledDay::charged, ReconciledDay::replayed, ReconciledDay::discrepancy,
            ReconciledDay::rule)
        .containsExactly(
            tuple(MON, "dan", AUTOCAD, 7L, 0L, Optional.of(Discrepancy.CHARGED_WITHOUT_USAGE), LikelyRule.NONE),
            tuple(MON, "eve", REVIT, 0L, 10L, Optional.of(Discrepancy.USAGE_NOT_CHARGED), LikelyRule.NONE),
            tuple(MON, "gus", AUTOCAD, 7L, 0L, Optional.of(Discrepancy.DIFFERENT_AMOUNT), LikelyRule.UNDER_5_MINUTES),
            tuple(MON, "hal", AUTOCAD, 14L, 7L, Optional.of(Discrepancy.DIFFERENT_AMOUNT), LikelyRule.NONE),
            tuple(TUE, "ann", AUTOCAD, 0L, 7L, Optional.of(Discrepancy.USAGE_NOT_CHARGED), LikelyRule.CONTINUATION_PAST_24H),
            tuple(TUE, "fay", REVIT, 0L, 10L, Optional.of(Discrepancy.USAGE_NOT_CHARGED), LikelyRule.IDLE_PAUSE),
            tuple(TUE, "ida", AUTOCAD, 7L, 0L, Optional.of(Discrepancy.DIFFERENT_AMOUNT), LikelyRule.CONTINUATION_PAST_24H));
    // charged: 7 + 7 + 10 + 7 + 14 + 7 + 7 = 59; replayed: ann 14, eve 10, fay 20, hal 7, ida 7 = 58
    assertThat(r.charged()).isEqualTo(59);
    assertThat(r.replayed()).isEqualTo(58);
    assertThat(r.difference()).isEqualTo(1);
    // the matching days are counted; every day, in order, goes to a caller who asks for them
    assertThat(r.daysCompared()).isEqualTo(10);
    List<ReconciledDay> all = new ArrayList<>();
    ChargeReconciler.reconcile(
        ChargeTable.of(charges), usage.sessionTable(), usage.days(),
        WindowTable.of(replay.charges()), flexContext(), MON, MON.plusDays(7), all::add);
    assertThat(all).hasSize(10).isSortedAccordingTo(Reconciliation.ORDER);
    assertThat(all.stream().filter(d -> d.discrepancy().isEmpty()))
        .extracting(d -> d.user().value(), ReconciledDay::reason)
        .containsExactly(tuple("ann", ""), tuple("fay", ""), tuple("ida", ""));
    assertThat(all.stream().filter(d -> d.discrepancy().isPresent()).toList())
        .isEqualTo(r.differences());
    assertThat(r.differences().get(5).reason()).startsWith("usage seen and not charged: likely the idle pause");
    assertThat(r.differences().get(0).reason()).isEqualTo("charged with no usage seen");
  }

  @Test
  void chargesAndWindowsOutsideThePeriodAreLeftOut() {
    UsageLog usage =
        UsageLog.ofSessions(List.of(session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T09:00")));
    Metering replay = new WindowedMeter().meter(usage, flexContext());

    Reconciliation r =
        ChargeReconciler.reconcile(
            List.of(charged(MON.minusDays(1), "ann", AUTOCAD, 7)), usage, replay, flexContext(),
            TUE, TUE.plusDays(1));

    assertThat(r.daysCompared()).isZero();
    assertThat(r.differences()).isEmpty();
    assertThat(r.charged()).isZero();
  }
}
