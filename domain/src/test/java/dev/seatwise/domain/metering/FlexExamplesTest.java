package dev.seatwise.domain.metering;

import static dev.seatwise.domain.testkit.LicensingFixtures.AEC_COLLECTION;
import static dev.seatwise.domain.testkit.LicensingFixtures.AUTOCAD;
import static dev.seatwise.domain.testkit.LicensingFixtures.REVIT;
import static dev.seatwise.domain.testkit.LicensingFixtures.at;
import static dev.seatwise.domain.testkit.LicensingFixtures.autodeskLikeCatalog;
import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingFixtures.session;
import static dev.seatwise.domain.testkit.LicensingFixtures.user;
import static dev.seatwise.domain.testkit.LicensingFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Autodesk's documented Flex examples (licensing-rules.md F2 to F9). 2024-03-04 is a Monday. The
 * expected windows are worked out by hand from the rules, not read from the output.
 */
class FlexExamplesTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final WindowedMeter meter = new WindowedMeter();

  private Metering meter(Session... sessions) {
    return meter.meter(UsageLog.ofSessions(List.of(sessions)), flexContext());
  }

  private static List<Instant> windowStarts(Metering metering) {
    return metering.charges().stream().map(Charge::start).toList();
  }

  @Test
  void mondayThenTuesdayIsTwoWindowsTheSecondOpeningWhenTheFirstEnds() {
    // F3: open Mon 8-17 (7 tokens); open Tue 7-17: charged again at 08:00, still open.
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T17:00"),
            session("ann", AUTOCAD, "2024-03-05T07:00", "2024-03-05T17:00"));

    assertThat(windowStarts(metering))
        .containsExactly(utc("2024-03-04T08:00"), utc("2024-03-05T08:00"));
    assertThat(metering.totalTokens()).isEqualTo(2 * 7);
  }

  @Test
  void mondayEveningToTuesdayAfternoonIsOneWindow() {
    // F5: launched Mon 19:00, closed Tue 17:00 = 1 day.
    Metering metering = meter(session("ann", AUTOCAD, "2024-03-04T19:00", "2024-03-05T17:00"));

    assertThat(windowStarts(metering)).containsExactly(utc("2024-03-04T19:00"));
    assertThat(metering.charges().get(0).end()).isEqualTo(utc("2024-03-05T19:00"));
    assertThat(metering.totalTokens()).isEqualTo(7);
  }

  @Test
  void autocadAndRevitOnTheSameDayCostSeventeenTokens() {
    // F4: two products the same day = two charges, 7 + 10.
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T12:00"),
            session("ann", REVIT, "2024-03-04T13:00", "2024-03-04T17:00"));

    assertThat(metering.charges()).hasSize(2);
    assertThat(metering.totalTokens()).isEqualTo(17);
  }

  @Test
  void reopeningAProductWithinTheWindowIsNotChargedAgain() {
    // F3: reopening within the 24-hour period is not charged.
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T09:00"),
            session("ann", AUTOCAD, "2024-03-04T15:00", "2024-03-04T16:00"),
            session("ann", AUTOCAD, "2024-03-05T07:00", "2024-03-05T07:59"));

    assertThat(windowStarts(metering)).containsExactly(utc("2024-03-04T08:00"));
  }

  @Test
  void eachUserOpensTheirOwnWindow() {
    // F2: the window is per Authorized User, not per organisation.
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T09:00"),
            session("bob", AUTOCAD, "2024-03-04T08:30", "2024-03-04T09:00"));

    assertThat(metering.charges()).hasSize(2);
    assertThat(metering.totalTokens()).isEqualTo(14);
  }

  @Test
  void aLaunchShorterThanFiveMinutesOpensNothing() {
    // F7: under 5 minutes, 0 tokens.
    Instant start = utc("2024-03-04T08:00");
    Metering metering =
        meter(session("ann", AUTOCAD, start, start.plus(Duration.ofMinutes(5).minusSeconds(1))));

    assertThat(metering.charges()).isEmpty();
  }

  @Test
  void aLaunchOfExactlyFiveMinutesOpensAWindow() {
    Instant start = utc("2024-03-04T08:00");
    Metering metering = meter(session("ann", AUTOCAD, start, start.plus(Duration.ofMinutes(5))));

    assertThat(windowStarts(metering)).containsExactly(start);
  }

  @Test
  void useThatEndsExactlyWhenTheWindowEndsNeedsNoNewWindow() {
    Metering exactlyOneDay = meter(session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-05T08:00"));
    Metering againBeforeTheEnd =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T10:00"),
            session("ann", AUTOCAD, "2024-03-05T06:00", "2024-03-05T08:00"));

    assertThat(windowStarts(exactlyOneDay)).containsExactly(utc("2024-03-04T08:00"));
    assertThat(windowStarts(againBeforeTheEnd)).containsExactly(utc("2024-03-04T08:00"));
  }

  @Test
  void useThatStartsExactlyWhenTheWindowEndsOpensTheNextWindowThere() {
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T10:00"),
            session("ann", AUTOCAD, "2024-03-05T08:00", "2024-03-05T09:00"));

    assertThat(windowStarts(metering))
        .containsExactly(utc("2024-03-04T08:00"), utc("2024-03-05T08:00"));
  }

  @Test
  void aSessionLongerThanTwoDaysOpensAWindowEveryTwentyFourHours() {
    // F5: still running after 24 h means a new window, again and again.
    Metering metering = meter(session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-06T08:01"));

    assertThat(windowStarts(metering))
        .containsExactly(utc("2024-03-04T08:00"), utc("2024-03-05T08:00"), utc("2024-03-06T08:00"));
  }

  @Test
  void springForwardInLondonDoesNotMoveTheWindowsEnd() {
    // 2024-03-31 01:00 GMT the clocks go to 02:00 BST. A window opened Sat 12:00 GMT ends 24 h
    // later: Sun 13:00 BST, not Sun 12:00 local.
    Instant opened = at("2024-03-30T12:00", LONDON);
    Metering withinTheWindow =
        meter(session("ann", AUTOCAD, opened, at("2024-03-31T12:30", LONDON)));
    Metering pastIt = meter(session("ann", AUTOCAD, opened, at("2024-03-31T13:30", LONDON)));

    assertThat(withinTheWindow.charges()).hasSize(1);
    assertThat(withinTheWindow.charges().get(0).end()).isEqualTo(at("2024-03-31T13:00", LONDON));
    assertThat(windowStarts(pastIt)).containsExactly(opened, at("2024-03-31T13:00", LONDON));
  }

  @Test
  void fallBackInNewYorkDoesNotMoveTheWindowsEnd() {
    // 2024-11-03 02:00 EDT the clocks go back to 01:00 EST. A window opened Sat 09:00 EDT ends
    // 24 h later: Sun 08:00 EST.
    Instant opened = at("2024-11-02T09:00", NEW_YORK);
    Metering metering = meter(session("ann", AUTOCAD, opened, at("2024-11-03T08:30", NEW_YORK)));

    assertThat(windowStarts(metering)).containsExactly(opened, at("2024-11-03T08:00", NEW_YORK));
    assertThat(metering.charges().get(0).end()).isEqualTo(at("2024-11-03T08:00", NEW_YORK));
  }

  @Test
  void dailyUsageCostsOneWindowPerDistinctDayStartingAtMidnightInTheContextZone() {
    LocalDate monday = LocalDate.of(2024, 3, 4);
    UsageLog usage =
        UsageLog.ofDays(
            List.of(
                DailyUsage.of("ann", "ACD", monday),
                DailyUsage.of("ann", "ACD", monday),
                DailyUsage.of("ann", "ACD", monday.plusDays(1)),
                DailyUsage.of("ann", "RVT", monday)));

    Metering metering =
        meter.meter(usage, new MeterContext(autodeskLikeCatalog(), Coverage.NONE, NEW_YORK));

    // midnight EST is 05:00Z
    assertThat(metering.charges())
        .extracting(Charge::product, Charge::start)
        .containsExactlyInAnyOrder(
            tuple(AUTOCAD, utc("2024-03-04T05:00")),
            tuple(AUTOCAD, utc("2024-03-05T05:00")),
            tuple(REVIT, utc("2024-03-04T05:00")));
    assertThat(metering.totalTokens()).isEqualTo(7 + 7 + 10);
  }

  @Test
  void dailyUsageAcrossBerlinsShortAndLongDaysIsOneWindowADay() {
    // Berlin: 2024-03-31 has 23 hours (02:00 CET -> 03:00 CEST), 2024-10-27 has 25 (03:00 CEST
    // -> 02:00 CET). Each day used is one window from its local midnight; the 24 h window of the
    // 23-hour day runs an hour into the next day, which still opens its own window (a day used is
    // a day charged, as in the Autodesk usage export).
    LocalDate[] days = {
      LocalDate.of(2024, 3, 30), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1),
      LocalDate.of(2024, 10, 27), LocalDate.of(2024, 10, 28)
    };
    UsageLog usage =
        UsageLog.ofDays(
            java.util.Arrays.stream(days).map(d -> DailyUsage.of("ann", "ACD", d)).toList());

    Metering metering =
        meter.meter(usage, new MeterContext(autodeskLikeCatalog(), Coverage.NONE, BERLIN));

    assertThat(windowStarts(metering))
        .containsExactlyInAnyOrder(
            utc("2024-03-29T23:00"), // 03-30 00:00 CET
            utc("2024-03-30T23:00"), // 03-31 00:00 CET
            utc("2024-03-31T22:00"), // 04-01 00:00 CEST
            utc("2024-10-26T22:00"), // 10-27 00:00 CEST
            utc("2024-10-27T23:00")); // 10-28 00:00 CET
    assertThat(metering.totalTokens()).isEqualTo(5 * 7);
  }

  @Test
  void aBerlinWindowOpenedTheEveningBeforeSpringForwardEndsTwentyFourHoursLaterNotAtTheSameLocalTime() {
    // F2: a continuous 24-hour period. Opened Sat 2024-03-30 20:00 CET (19:00Z); the clocks skip
    // 02:00-03:00 that night, so the window ends Sun 21:00 CEST (19:00Z), not Sun 20:00 local.
    // Use until Sun 20:30 CEST is inside it; a launch at Sun 21:00 CEST opens the next window.
    Instant opened = at("2024-03-30T20:00", BERLIN);
    Metering inside =
        meter(
            session("ann", AUTOCAD, opened, at("2024-03-30T22:00", BERLIN)),
            session("ann", AUTOCAD, at("2024-03-31T20:00", BERLIN), at("2024-03-31T20:30", BERLIN)));
    Metering atTheEnd =
        meter(
            session("ann", AUTOCAD, opened, at("2024-03-30T22:00", BERLIN)),
            session("ann", AUTOCAD, at("2024-03-31T21:00", BERLIN), at("2024-03-31T21:30", BERLIN)));

    assertThat(windowStarts(inside)).containsExactly(utc("2024-03-30T19:00"));
    assertThat(inside.charges().get(0).end()).isEqualTo(at("2024-03-31T21:00", BERLIN));
    assertThat(windowStarts(atTheEnd))
        .containsExactly(utc("2024-03-30T19:00"), utc("2024-03-31T19:00"));
  }

  @Test
  void twoVersionsOfAProductOpenInTheSameWindowAreOneCharge() {
    // F3: "users will not be charged for using multiple versions" within the 24-hour period: the
    // versions are one product (one catalog id), so overlapping sessions of two versions, and a
    // reopening of either, make one window.
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T12:00"),
            session("ann", AUTOCAD, "2024-03-04T09:00", "2024-03-04T10:00"),
            session("ann", AUTOCAD, "2024-03-04T18:00", "2024-03-04T19:00"));

    assertThat(windowStarts(metering)).containsExactly(utc("2024-03-04T08:00"));
    assertThat(metering.totalTokens()).isEqualTo(7);
  }

  @Test
  void aShortLaunchDoesNotOpenAWindowEvenWhenItCrossesTheEndOfOne() {
    // F7: a launch under 5 minutes is free, wherever it falls: 4 minutes across the end of the
    // Monday window (Tue 07:58-08:02) opens nothing; a longer launch afterwards opens the window.
    Metering metering =
        meter(
            session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T09:00"),
            session("ann", AUTOCAD, "2024-03-05T07:58", "2024-03-05T08:02"),
            session("ann", AUTOCAD, "2024-03-05T08:10", "2024-03-05T08:40"));

    assertThat(windowStarts(metering))
        .containsExactly(utc("2024-03-04T08:00"), utc("2024-03-05T08:10"));
  }

  @Test
  void subscriptionFirstACoveredUserIsNeverChargedForThatProduct() {
    // F9: ann holds an AutoCAD subscription, bob the AEC Collection (AutoCAD + Revit), cy nothing.
    Catalog catalog = autodeskLikeCatalog();
    // the meter's coverage: ann's AutoCAD seat, bob's collection seat (its products)
    Coverage coverage =
        new Coverage(
            java.util.Map.of(
                user("ann"), java.util.Set.of(AUTOCAD),
                user("bob"), catalog.bundle(AEC_COLLECTION).orElseThrow().coverage()));
    UsageLog usage =
        UsageLog.ofSessions(
            List.of(
                session("ann", AUTOCAD, "2024-03-04T08:00", "2024-03-04T17:00"),
                session("ann", REVIT, "2024-03-04T08:00", "2024-03-04T17:00"),
                session("bob", AUTOCAD, "2024-03-04T08:00", "2024-03-04T17:00"),
                session("bob", REVIT, "2024-03-04T08:00", "2024-03-04T17:00"),
                session("cy", AUTOCAD, "2024-03-04T08:00", "2024-03-04T17:00")));

    Metering metering =
        meter.meter(
            usage, new MeterContext(catalog, coverage, ZoneOffset.UTC));

    assertThat(metering.charges())
        .extracting(c -> c.user().value(), Charge::product)
        .containsExactlyInAnyOrder(tuple("ann", REVIT), tuple("cy", AUTOCAD));
    assertThat(metering.totalTokens()).isEqualTo(10 + 7);
  }
}
