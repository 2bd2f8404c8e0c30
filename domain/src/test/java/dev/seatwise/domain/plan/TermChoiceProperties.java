package dev.seatwise.domain.plan;

import static dev.seatwise.domain.plan.BundledCatalogPrices.ACD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.seatwise.domain.catalog.CatalogHistory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Laws of a user's term choice at the bundled AutoCAD prices, on random periods and use. */
class TermChoiceProperties {
  private static final CatalogHistory BUNDLED = CatalogHistory.of(BundledCatalogPrices.bundled());
  private static final LocalDate ORIGIN = LocalDate.of(2024, 1, 1);

  @Test
  void theChosenTermsCoverTheUseCostNoMoreThanTheCommonSeatBoughtOrInThePeriodAndAreAttributedAtMostTheirPrice() {
    qt().withExamples(300)
        .forAll(
            integers().between(0, 900), // the period's first day, from 2024-01-01 (any day of a month)
            integers().between(1, 1100), // its days
            integers().between(0, 1099), // first use, days into the period
            integers().between(0, 1099)) // last use, days after the first
        .checkAssert(
            (start, days, first, span) -> {
              LocalDate from = ORIGIN.plusDays(start);
              PlanPeriod period = new PlanPeriod(from, from.plusDays(days), ZoneOffset.UTC);
              LocalDate firstUse = from.plusDays(first % days);
              LocalDate lastUse = firstUse.plusDays(span % (days - first % days));
              Optional<TermChoice> choice = TermChoice.of(ACD, firstUse, lastUse, period, BUNDLED);

              // the bundled catalog prices every term: there is always a choice
              assertThat(choice).isPresent();
              TermChoice c = choice.get();
              TermMix terms = c.terms();
              assertThat(terms.spans().get(0).start()).isBeforeOrEqualTo(firstUse);
              assertThat(terms.spans().get(terms.spans().size() - 1).end()).isAfter(lastUse);
              assertThat(c.attributed()).isLessThanOrEqualTo(terms.total());
              assertThat(c.attributed()).isEqualTo(terms.attributedTo(period));
              c.commonPrice().ifPresent(p -> {
                assertThat(terms.total()).isLessThanOrEqualTo(p);
                if (!c.common()) {
                  assertThat(terms.total()).isLessThan(p);
                }
              });
              // never charged the period more than the common seat, which every plan charges pro rata
              assertThat(c.commonInPeriod().isPresent()).isEqualTo(c.commonPrice().isPresent());
              c.commonInPeriod().ifPresent(inPeriod -> {
                assertThat(inPeriod).isEqualTo(MixPlan.seatCost(ACD, period, BUNDLED));
                assertThat(c.attributed()).isLessThanOrEqualTo(inPeriod);
              });
              if (c.common()) {
                assertThat(c.attributed()).isEqualTo(MixPlan.seatCost(ACD, period, BUNDLED));
              }
            });
  }
}
