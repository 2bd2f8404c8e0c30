package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static dev.seatwise.domain.testkit.LicensingFixtures.USD;
import static dev.seatwise.domain.testkit.LicensingFixtures.pack;
import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which terms a user's named seat is held on, at the bundled AutoCAD prices (255.00 monthly,
 * 2,030.00 annual, 5,480.00 for three years), worked by hand.
 */
class TermChoiceTest {
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final PlanPeriod YEAR =
      new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC);

  private static TermChoice choose(String first, String last, PlanPeriod period) {
    return TermChoice.of(ACD, LocalDate.parse(first), LocalDate.parse(last), period, BUNDLED)
        .orElseThrow();
  }

  @Test
  void aUserActiveThreeMonthsIsCheaperOnThreeMonthlyTermsThanOnTheAnnualSeat() {
    // active 4 March to 20 May: from the start of the month of first use, 3 months (1 Mar -
    // 1 Jun) cover it, 3 x 255.00 = 765.00; from the period's first day 5 months (1 Jan - 1 Jun)
    // would, 5 x 255.00 = 1,275.00; the annual seat costs 2,030.00 (pro-rated over the year it
    // was 2,030.00 too: the "priced as pro-rated annual")
    TermChoice c = choose("2025-03-04", "2025-05-20", YEAR);

    assertThat(c.common()).isFalse();
    assertThat(c.terms().spans()).extracting(TermSpan::term)
        .containsExactly(Term.MONTHLY, Term.MONTHLY, Term.MONTHLY);
    assertThat(c.terms().spans().get(0).start()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(c.terms().total()).isEqualTo(usd("765.00"));
    assertThat(c.attributed()).isEqualTo(usd("765.00")); // every term within the period
    assertThat(c.commonPrice()).contains(usd("2030.00"));
    assertThat(c.reason())
        .isEqualTo(
            "monthly x 3 from 2025-03-01 at 255.00 = 765.00 for use 2025-03-04..2025-05-20, less"
                + " than the common annual seat (2030.00)");
  }

  @Test
  void aUserActiveAllYearStaysOnTheCommonAnnualSeat() {
    // from 3 Jan: 12 months either way, an annual term 2,030.00 < 12 x 255.00; a tie with the
    // common seat, which wins ties
    TermChoice c = choose("2025-01-03", "2025-12-30", YEAR);

    assertThat(c.common()).isTrue();
    assertThat(c.terms().spans())
        .containsExactly(new TermSpan(Term.ANNUAL, LocalDate.of(2025, 1, 1), usd("2030.00")));
    assertThat(c.attributed()).isEqualTo(usd("2030.00"));
    // as the optimiser's common price: MixPlan.seatCost
    assertThat(c.attributed()).isEqualTo(MixPlan.seatCost(ACD, YEAR, BUNDLED));
  }

  @Test
  void eightMonthsOfUseCostTheSameAnnualSeat() {
    // 8 x 255.00 = 2,040.00 > 2,030.00: an annual term from 1 Mar would tie the common seat
    TermChoice c = choose("2025-03-01", "2025-10-15", YEAR);

    assertThat(c.common()).isTrue();
    assertThat(c.attributed()).isEqualTo(usd("2030.00"));
  }

  @Test
  void overAFewDaysAMonthlyTermChargedThePeriodMoreThanTheAnnualSeatIsNotChosen() {
    // a 2-day period, used both days: a monthly term (255.00) costs less when bought than the
    // annual seat (2,030.00), but the period is charged 2 of its 31 days, 255.00 x 2 / 31 = 16.45,
    // and 2 of the annual seat's 365, 2,030.00 x 2 / 365 = 11.12: the common annual seat is chosen,
    // as every plan charges it (before session 8 the monthly term was, and a review's optimum cost
    // more than a target keeping the user's annual seat)
    PlanPeriod twoDays =
        new PlanPeriod(LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 14), ZoneOffset.UTC);
    TermChoice c = choose("2025-03-12", "2025-03-13", twoDays);

    assertThat(c.common()).isTrue();
    assertThat(c.attributed()).isEqualTo(usd("11.12"));
    assertThat(c.commonPrice()).contains(usd("2030.00"));
    assertThat(c.commonInPeriod()).contains(usd("11.12"));
    TermMix monthly = TermMix.cheapest(ACD, LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 14), BUNDLED);
    assertThat(monthly.total()).isEqualTo(usd("255.00"));
    assertThat(monthly.attributedTo(twoDays)).isEqualTo(usd("16.45"));
  }

  @Test
  void termsThatCostLessWhenBoughtAndInThePeriodSayBoth() {
    // a 60-day period from 1 Jan: use on 1 to 10 January is one monthly term (255.00), within the
    // period; the common annual seat costs 2,030.00, of which 2,030.00 x 60 / 365 = 333.70 in it
    PlanPeriod sixtyDays =
        new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 2), ZoneOffset.UTC);
    TermChoice c = choose("2025-01-01", "2025-01-10", sixtyDays);

    assertThat(c.common()).isFalse();
    assertThat(c.attributed()).isEqualTo(usd("255.00"));
    assertThat(c.commonInPeriod()).contains(usd("333.70"));
    assertThat(c.reason())
        .isEqualTo(
            "monthly from 2025-01-01 at 255.00 = 255.00 for use 2025-01-01..2025-01-10, less than the"
                + " common annual seat (2030.00, 333.70 of it in the period)");
  }

  @Test
  void aUserWhoStopsEarlyHoldsMonthlyTermsFromThePeriodsStart() {
    // 1 Jan to 15 Mar: 3 months, 765.00, from the first day (which is the period's)
    TermChoice c = choose("2025-01-01", "2025-03-15", YEAR);

    assertThat(c.common()).isFalse();
    assertThat(c.terms().total()).isEqualTo(usd("765.00"));
    assertThat(c.terms().spans().get(0).start()).isEqualTo(LocalDate.of(2025, 1, 1));
  }

  @Test
  void aTermRunningPastThePeriodIsAttributedProRata() {
    // a period of 1 Jan to 20 Dec (353 days); use from 5 Nov to 19 Dec: two monthly terms from the
    // start of November, 1 Nov - 1 Dec (255.00, whole) and 1 Dec - 1 Jan, of whose 31 days 19 fall
    // in the period: 255.00 x 19 / 31 = 156.290... -> 156.29. Bought 510.00 < 2,030.00.
    PlanPeriod toDec20 =
        new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 20), ZoneOffset.UTC);
    TermChoice c = choose("2025-11-05", "2025-12-19", toDec20);

    assertThat(c.terms().spans()).extracting(TermSpan::start)
        .containsExactly(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1));
    assertThat(c.terms().total()).isEqualTo(usd("510.00"));
    assertThat(c.attributed()).isEqualTo(usd("411.29"));
    assertThat(c.reason()).endsWith("; 411.29 of it in the period (pro rata)");
  }

  @Test
  void termsStartOnThePeriodsMonthlyCalendar() {
    // a period from 15 Jan: the months start on the 15th; use from 3 to 20 April starts in the
    // month of 15 March: 15 Mar - 15 Apr and 15 Apr - 15 May, 2 x 255.00
    PlanPeriod fromJan15 =
        new PlanPeriod(LocalDate.of(2025, 1, 15), LocalDate.of(2026, 1, 15), ZoneOffset.UTC);
    TermChoice c = choose("2025-04-03", "2025-04-20", fromJan15);

    assertThat(c.terms().spans()).extracting(TermSpan::start)
        .containsExactly(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 4, 15));
    assertThat(c.attributed()).isEqualTo(usd("510.00"));
  }

  @Test
  void monthlyTermsFromThe31stThatFallShortOfTheUseAreNoCover() {
    // a period from 31 Jan, use to 29 Mar: two monthly terms from 31 Jan run 31 Jan - 28 Feb -
    // 28 Mar (each a month from its own start), short of 29 Mar, so they are not an option and the
    // common annual seat (2,030.00) is chosen rather than an internal error
    PlanPeriod fromJan31 =
        new PlanPeriod(LocalDate.of(2025, 1, 31), LocalDate.of(2026, 1, 31), ZoneOffset.UTC);
    TermChoice c = choose("2025-01-31", "2025-03-29", fromJan31);

    assertThat(c.common()).isTrue();
    assertThat(c.attributed()).isEqualTo(usd("2030.00"));
  }

  @Test
  void overThirtyMonthsTheThreeYearTermIsCheapest() {
    // a 30-month period (911 days), used throughout: the common seat is three annual terms
    // (3 x 2,030.00 = 6,090.00); from the first day, 30 months cost 5,480.00 on one 3-year term
    // (< 2 x 2,030.00 + 6 x 255.00 = 5,590.00); the term runs 1,095 days, 911 in the period:
    // 5,480.00 x 911 / 1,095 = 4,559.159... -> 4,559.16
    PlanPeriod thirty =
        new PlanPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 7, 1), ZoneOffset.UTC);
    TermChoice c = choose("2025-01-01", "2027-06-30", thirty);

    assertThat(c.common()).isFalse();
    assertThat(c.commonPrice()).contains(usd("6090.00"));
    assertThat(c.terms().spans())
        .containsExactly(new TermSpan(Term.THREE_YEAR, LocalDate.of(2025, 1, 1), usd("5480.00")));
    assertThat(c.attributed()).isEqualTo(usd("4559.16"));
  }

  @Test
  void theActiveSpanRunsFromTheFirstToTheLastWindowOfTheOfferingsProducts() {
    ProductId rvt = ProductId.of("RVT");
    ProductId aec = ProductId.of("AEC");
    Catalog withBundle =
        new Catalog(
            "Autodesk", USD, LocalDate.of(2025, 1, 1), Catalog.FLEX_WINDOW,
            MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12), List.of(pack(500, "3.00")),
            List.of(BundledCatalogPrices.autocad(7), Product.of("RVT", "Revit", usd("2985.00"), 10)),
            List.of(
                new Bundle(
                    aec, "AEC Collection", Set.of(ACD, rvt),
                    new Prices(Map.of(Term.MONTHLY, usd("450.00"), Term.ANNUAL, usd("3675.00"))))));
    UserId ann = UserId.of("ann");
    List<Charge> windows =
        List.of(
            window(ann, ACD, "2025-04-10T09:00:00Z"),
            window(ann, ACD, "2025-03-02T09:00:00Z"),
            window(ann, rvt, "2025-05-30T23:00:00Z"),
            window(ann, ACD, "2024-12-31T09:00:00Z")); // before the period: not counted

    Map<UserId, Map<ProductId, TermChoice>> byUser =
        TermChoice.byUser(
            windows, Map.of(aec, Set.of(ACD, rvt)), YEAR, CatalogHistory.of(withBundle));

    assertThat(byUser.get(ann)).containsOnlyKeys(ACD, rvt, aec);
    TermChoice acd = byUser.get(ann).get(ACD);
    assertThat(acd.firstUse()).isEqualTo(LocalDate.of(2025, 3, 2));
    assertThat(acd.lastUse()).isEqualTo(LocalDate.of(2025, 4, 10));
    assertThat(acd.terms().total()).isEqualTo(usd("510.00")); // 2 Mar - 2 May: 2 x 255.00
    // Revit sells no monthly term: one day of use is the common annual seat
    assertThat(byUser.get(ann).get(rvt).common()).isTrue();
    // the collection covers both: 2 Mar to 30 May, three monthly terms, 3 x 450.00
    TermChoice collection = byUser.get(ann).get(aec);
    assertThat(collection.firstUse()).isEqualTo(LocalDate.of(2025, 3, 2));
    assertThat(collection.lastUse()).isEqualTo(LocalDate.of(2025, 5, 30));
    assertThat(collection.terms().total()).isEqualTo(usd("1350.00"));
  }

  @Test
  void aUserWhoseOnlyLaunchWasUnderFiveMinutesIsHeldOnAMonthlyTermNotTheCommonSeat() {
    // bob opens a window of AutoCAD on 10 April; ann launches it once, for 3 minutes on 3 March:
    // under the minimum billable duration (F7) it opens no window, yet a named user needs a seat
    // to launch it at all. Her seat covers that day: one monthly term from 1 March, 255.00, not
    // the common annual seat (2,030.00) that a holder with no choice is given
    UserId ann = UserId.of("ann");
    UserId bob = UserId.of("bob");
    Instant short1 = Instant.parse("2025-03-03T09:00:00Z");
    dev.seatwise.domain.usage.SessionTable launches =
        dev.seatwise.domain.usage.SessionTable.of(
            List.of(
                new dev.seatwise.domain.usage.Session(ann, ACD, short1, short1.plusSeconds(180)),
                // bob's launch that opened his window: his choice is his windows' alone
                new dev.seatwise.domain.usage.Session(
                    bob, ACD, Instant.parse("2025-04-10T09:00:00Z"), Instant.parse("2025-04-10T12:00:00Z")),
                // a short launch of bob's after his window: free under Flex, it moves nothing
                new dev.seatwise.domain.usage.Session(
                    bob, ACD, Instant.parse("2025-06-10T09:00:00Z"), Instant.parse("2025-06-10T09:02:00Z"))));
    dev.seatwise.domain.metering.WindowTable windows =
        dev.seatwise.domain.metering.WindowTable.of(List.of(window(bob, ACD, "2025-04-10T09:00:00Z")));

    Map<UserId, Map<ProductId, TermChoice>> withLaunches =
        TermChoice.byUser(windows, launches, Map.of(), YEAR, BUNDLED);

    assertThat(TermChoice.byUser(windows, Map.of(), YEAR, BUNDLED)).doesNotContainKey(ann);
    TermChoice a = withLaunches.get(ann).get(ACD);
    assertThat(a.common()).isFalse();
    assertThat(a.firstUse()).isEqualTo(LocalDate.of(2025, 3, 3));
    assertThat(a.lastUse()).isEqualTo(LocalDate.of(2025, 3, 3));
    assertThat(a.terms().total()).isEqualTo(usd("255.00"));
    assertThat(a.reason())
        .isEqualTo(
            "monthly from 2025-03-01 at 255.00 = 255.00 for use 2025-03-03..2025-03-03, less than"
                + " the common annual seat (2030.00)");
    assertThat(withLaunches.get(bob)).isEqualTo(TermChoice.byUser(windows, Map.of(), YEAR, BUNDLED).get(bob));
    assertThat(withLaunches.get(bob).get(ACD).lastUse()).isEqualTo(LocalDate.of(2025, 4, 10));
  }

  private static Charge window(UserId user, ProductId product, String start) {
    Instant s = Instant.parse(start);
    return new Charge(user, product, s, s.plusSeconds(86_400), 7);
  }
}
