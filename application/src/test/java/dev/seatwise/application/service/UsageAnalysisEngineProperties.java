package dev.seatwise.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The usage analysis through the one engine ({@code FlexReplay}, by column) gives what its object
 * path gives (the path a plug-in meter takes: the meter's charges counted one by one, days used
 * from session objects, collection notes re-derived from objects): on random organisations with
 * two price versions (the period's first day picks one), random periods (sessions before, in and
 * after them), sessions crossing midnight and past 24 hours, collections and daily usage, the
 * same period, catalog version, per-user days, windows and tokens, charges and notes.
 */
class UsageAnalysisEngineProperties {
  private static final ProductId COL = ProductId.of("COL");
  private static final List<ProductId> PRODUCTS =
      List.of(ProductId.of("ACD"), ProductId.of("RVT"), ProductId.of("C3D"), COL);
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/Havana"));

  /** The standard Flex meter under another type: the analysis takes its object path. */
  private static final class ObjectPath implements Meter {
    @Override
    public String kind() {
      return Catalog.FLEX_WINDOW;
    }

    @Override
    public Metering meter(UsageLog usage, MeterContext context) {
      return new Metering(new ArrayList<>(new WindowedMeter().meter(usage, context).charges()), List.of());
    }
  }

  private static Catalog version(LocalDate effective, int acd, int rvt) {
    Prices price = Prices.annual(Money.of("3000.00", "USD"));
    return new Catalog(
        "test", Currency.getInstance("USD"), effective, Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS, Period.ofYears(1), List.of(),
        List.of(
            Product.of("ACD", "AutoCAD", Money.of("2030.00", "USD"), acd),
            Product.of("RVT", "Revit", Money.of("2910.00", "USD"), rvt),
            Product.of("C3D", "Civil 3D", Money.of("2825.00", "USD"), 9)),
        List.of(new Bundle(COL, "Collection", Set.of(PRODUCTS.get(0), PRODUCTS.get(1)), price)));
  }

  @Test
  void theEngineAndTheObjectPathAnalyseAlike() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              CatalogHistory catalogs =
                  CatalogHistory.of(version(LocalDate.of(2025, 1, 1), 7, 10),
                      version(LocalDate.of(2025, 3, 20), 8, 12));
              Instant origin = Instant.parse("2025-03-10T00:00:00Z");
              List<Session> sessions = new ArrayList<>();
              int users = 1 + r.nextInt(5);
              for (int k = r.nextInt(120); k > 0; k--) {
                Instant start = origin.plusSeconds((long) r.nextInt(30 * 48) * 1800 + r.nextInt(1800));
                Duration d = switch (r.nextInt(5)) {
                  case 0 -> Duration.ofSeconds(r.nextInt(300));
                  case 1 -> Duration.ofHours(24 + r.nextInt(40));
                  default -> Duration.ofMinutes(30L * (1 + r.nextInt(30)));
                };
                sessions.add(new Session(UserId.of("u" + r.nextInt(users)),
                    PRODUCTS.get(r.nextInt(PRODUCTS.size())), start, start.plus(d)));
              }
              List<DailyUsage> days = new ArrayList<>();
              for (int k = r.nextInt(3) == 0 ? r.nextInt(15) : 0; k > 0; k--) {
                days.add(new DailyUsage(UserId.of("u" + r.nextInt(users + 1)),
                    PRODUCTS.get(r.nextInt(PRODUCTS.size())), LocalDate.of(2025, 3, 8).plusDays(r.nextInt(35))));
              }
              if (sessions.isEmpty() && days.isEmpty()) {
                return;
              }
              ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
              PeriodSpec spec = r.nextBoolean()
                  ? new PeriodSpec(Optional.empty(), Optional.empty(), zone)
                  : new PeriodSpec(Optional.of(LocalDate.of(2025, 3, 12 + r.nextInt(12))),
                      Optional.of(LocalDate.of(2025, 3, 28).plusDays(r.nextInt(20))), zone);
              ImportedUsage usage = ImportedUsage.of(new UsageLog(sessions, days));
              UsageAnalysis engine = UsageAnalysis.of(usage, catalogs, spec, MeterRegistry.standard());
              UsageAnalysis objects = UsageAnalysis.of(usage, catalogs, spec,
                  new MeterRegistry(List.of(new ObjectPath())));
              assertThat(engine.period()).isEqualTo(objects.period());
              assertThat(engine.catalog()).isEqualTo(objects.catalog());
              assertThat(engine.dataSpan()).isEqualTo(objects.dataSpan());
              assertThat(engine.byUser()).as("seed %s", seed).isEqualTo(objects.byUser());
              assertThat(engine.flexMetering().charges()).isEqualTo(objects.flexMetering().charges());
              assertThat(engine.notes()).isEqualTo(objects.notes());
              assertThat(engine.usage()).isEqualTo(objects.usage());
              // the period resolved without metering is the analysis' own, for either default
              assertThat(UsageAnalysis.period(usage, spec, UsageAnalysis.DefaultPeriod.DATA_SPAN))
                  .isEqualTo(engine.period());
              assertThat(
                      UsageAnalysis.period(usage, spec, UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR))
                  .isEqualTo(
                      UsageAnalysis.of(usage, catalogs, spec, MeterRegistry.standard(),
                              UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR)
                          .period());
              // whether the period has sessions outlives the sessions; the peaks do once read
              boolean had = !engine.usage().sessions().isEmpty();
              var peaks = engine.peaks();
              engine.releaseSessions();
              assertThat(engine.usage().sessions()).isEmpty();
              assertThat(engine.hasSessions()).isEqualTo(had);
              assertThat(engine.peaks()).isEqualTo(peaks);
              if (had) {
                objects.releaseSessions();
                assertThatThrownBy(objects::peaks).isInstanceOf(IllegalStateException.class);
              }
            });
  }
}
