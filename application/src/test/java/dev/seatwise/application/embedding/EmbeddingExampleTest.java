package dev.seatwise.application.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.Rejection;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.application.service.CompareScenariosService;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a SAM tool embeds seatwise (docs/embedding.md): it keeps its own usage records, writes one
 * small adapter that implements {@link UsagePort}, builds (or loads) a catalog, and calls the use
 * case in memory. No files, no CLI, no web server.
 */
class EmbeddingExampleTest {

  /** The SAM tool's own record type, as it stores usage today. */
  record SamUsageRecord(long id, String employee, String app, long startEpoch, long endEpoch) {}

  /** The SAM tool's adapter: its records in, seatwise sessions out, bad rows reported. */
  static final class SamToolUsageAdapter implements UsagePort {
    private final List<SamUsageRecord> records;

    SamToolUsageAdapter(List<SamUsageRecord> records) {
      this.records = records;
    }

    @Override
    public ImportedUsage usage() {
      SessionTable.Builder sessions = SessionTable.builder(); // by column: 24 bytes a session
      List<Rejection> rejected = new ArrayList<>();
      for (SamUsageRecord r : records) {
        if (r.endEpoch() < r.startEpoch()) {
          rejected.add(new Rejection("sam-db", r.id(), "endEpoch", "end before start"));
          continue;
        }
        sessions.add(
            Session.of(r.employee(), r.app(), Instant.ofEpochSecond(r.startEpoch()), Instant.ofEpochSecond(r.endEpoch())));
      }
      FileReport report = new FileReport("sam-db", "sam-records", records.size(), sessions.size(), rejected);
      return new ImportedUsage(
          UsageLog.of(sessions.build(), List.of()), List.of(), List.of(), List.of(), List.of(), List.of(),
          new ImportReport(List.of(report)));
    }
  }

  @Test
  void aSamToolComparesItsOwnRecordsInMemory() {
    Catalog negotiated =
        new Catalog(
            "Autodesk", Currency.getInstance("EUR"), LocalDate.of(2025, 1, 1), Catalog.FLEX_WINDOW,
            MeteringParameters.FLEX_DEFAULTS, Period.ofMonths(12),
            List.of(new TokenPack(100, UnitPrice.of("2.80", "EUR"))),
            List.of(Product.of("ACD", "AutoCAD", Money.of("1900.00", "EUR"), 7)),
            List.of());
    long day = 86_400;
    long jan6 = LocalDate.of(2025, 1, 6).toEpochSecond(java.time.LocalTime.of(8, 0), ZoneOffset.UTC);
    List<SamUsageRecord> records = new ArrayList<>();
    for (int d = 0; d < 20; d++) { // 20 days of AutoCAD for one occasional user
      records.add(new SamUsageRecord(d, "eva@example.com", "ACD", jan6 + d * day, jan6 + d * day + 4 * 3600));
    }
    records.add(new SamUsageRecord(99, "eva@example.com", "ACD", jan6, jan6 - 1)); // a bad row
    EntitlementsPort nothingHeld = () -> Entitlements.NONE;

    CompareScenariosUseCase compare =
        new CompareScenariosService(new SamToolUsageAdapter(records), CatalogHistory.of(negotiated), nothingHeld);
    Comparison result =
        compare.compare(
            CompareScenariosQuery.of(
                PeriodSpec.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC)));

    // 20 windows x 7 tokens = 140 tokens -> 2 packs of 100 at 2.80 = 560.00 < named 1900.00
    assertThat(result.scenario(Scenario.OPTIMAL).orElseThrow().total()).isEqualTo(Money.of("560.00", "EUR"));
    assertThat(result.importReport().rejected()).isEqualTo(1);
    assertThat(result.importReport().rejections().get(0).reason()).isEqualTo("end before start");
  }
}
