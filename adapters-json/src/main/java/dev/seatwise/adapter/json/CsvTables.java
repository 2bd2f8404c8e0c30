package dev.seatwise.adapter.json;

import dev.seatwise.adapter.json.dto.DifferenceDto;
import dev.seatwise.adapter.json.dto.ReconciliationResponse;
import dev.seatwise.adapter.json.dto.BreakEvenDto;
import dev.seatwise.adapter.json.dto.CatalogDto;
import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.GroupCostDto;
import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.dto.ForecastResponse;
import dev.seatwise.adapter.json.dto.ProductConcurrencyDto;
import dev.seatwise.adapter.json.dto.ProjectedMonthDto;
import dev.seatwise.adapter.json.dto.RenewalActionDto;
import dev.seatwise.adapter.json.dto.ReviewResponse;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.SensitivityCaseDto;
import dev.seatwise.adapter.json.dto.SensitivityResponse;
import dev.seatwise.adapter.json.dto.TradeInOptionDto;
import dev.seatwise.adapter.json.dto.TradeInResponse;
import dev.seatwise.adapter.json.dto.UsageDto;
import dev.seatwise.adapter.json.dto.UserDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CSV layouts of the contract, one table per answer, so that every front end exports the same
 * columns. Lists inside a cell are joined with {@code ;}.
 */
public final class CsvTables {
  private CsvTables() {}

  /** {@code compare}: one row per user, ordered as in the response (by savings). */
  public static CsvTable users(ComparisonResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (UserDto u : r.users()) {
      rows.add(
          List.of(
              u.user(),
              join(u.assignment().bundles()),
              join(u.assignment().named()),
              join(u.assignment().flex()),
              join(u.usage().stream().map(UsageDto::product).toList()),
              u.usage().stream().mapToLong(UsageDto::daysUsed).sum(),
              u.usage().stream().mapToLong(UsageDto::windows).sum(),
              u.usage().stream().mapToLong(UsageDto::tokens).sum(),
              u.cost(),
              u.allNamedCost(),
              u.savings(),
              u.reason()));
    }
    return new CsvTable(
        List.of(
            "user",
            "bundles",
            "named",
            "flex",
            "products",
            "days_used",
            "windows",
            "tokens",
            "cost",
            "all_named_cost",
            "savings",
            "reason"),
        rows);
  }

  /**
   * {@code compare --by}: one row per group (team or cost centre), one column per scenario, in the
   * response's scenario order; no rows without a breakdown.
   */
  public static CsvTable breakdown(ComparisonResponse r) {
    List<String> header = new ArrayList<>();
    header.add(r.breakdownBy() == null ? "group" : r.breakdownBy());
    for (ScenarioDto s : r.scenarios()) {
      header.add(s.name());
    }
    List<List<Object>> rows = new ArrayList<>();
    if (r.breakdown() != null) {
      for (GroupCostDto g : r.breakdown()) {
        List<Object> row = new ArrayList<>();
        row.add(g.group());
        for (ScenarioDto s : r.scenarios()) {
          row.add(g.totals().getOrDefault(s.name(), java.math.BigDecimal.ZERO));
        }
        rows.add(row);
      }
    }
    return new CsvTable(header, rows);
  }

  /** {@code compare}: one row per scenario. */
  public static CsvTable scenarios(ComparisonResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (ScenarioDto s : r.scenarios()) {
      List<Object> row = new ArrayList<>();
      row.add(s.name());
      row.add(s.total());
      row.add(r.currency());
      row.add(s.tokens());
      row.add(seats(s.seats()));
      row.add(String.join(" | ", s.lines()));
      rows.add(row);
    }
    return new CsvTable(List.of("scenario", "total", "currency", "tokens", "seats", "lines"), rows);
  }

  /** {@code concurrency}: one row per product or unmapped feature. */
  public static CsvTable products(ConcurrencyResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (ProductConcurrencyDto p : r.products()) {
      List<Object> row = new ArrayList<>();
      row.add(p.product());
      row.add(p.mapped() ? "yes" : "no");
      row.add(p.peak());
      row.add(p.peakAt() == null ? null : p.peakAt().toString());
      row.add(p.sessions());
      row.add(p.distinctUsers());
      row.add(p.p50());
      row.add(p.p90());
      row.add(p.p95());
      row.add(p.timeAtPeak().toString());
      row.add(seats(p.denials()));
      row.add(p.issued());
      row.add(p.seatsNeeded());
      row.add(p.countsUnits() ? "yes" : "no");
      rows.add(row);
    }
    return new CsvTable(
        List.of(
            "product",
            "mapped",
            "peak",
            "peak_at",
            "sessions",
            "distinct_users",
            "p50",
            "p90",
            "p95",
            "time_at_peak",
            "denials",
            "issued",
            "seats_needed",
            "in_units"),
        rows);
  }

  /** {@code catalogs}: one row per bundled catalog. */
  public static CsvTable catalogs(CatalogsResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogDto c : r.catalogs()) {
      rows.add(
          List.of(
              c.name(),
              c.vendor(),
              c.currency(),
              join(c.versions().stream().map(Object::toString).toList()),
              c.meter(),
              (long) c.products(),
              (long) c.bundles()));
    }
    return new CsvTable(
        List.of("name", "vendor", "currency", "versions", "meter", "products", "bundles"), rows);
  }

  private static String join(List<String> values) {
    return String.join(";", values);
  }

  private static String seats(Map<String, Long> byKey) {
    return byKey.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  /**
   * {@code forecast}: one row per projected month of the lots held, with the P50 and P90 of its
   * simulated burn (the last two columns, so that readers of the first nine are unaffected).
   */
  public static CsvTable projection(ForecastResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (ProjectedMonthDto m : r.projection()) {
      rows.add(
          List.of(
              m.from().toString(),
              m.to().toString(),
              m.opening(),
              m.burn(),
              m.consumed(),
              m.refused(),
              m.purchased(),
              m.expired(),
              m.closing(),
              m.p50Burn(),
              m.p90Burn()));
    }
    return new CsvTable(
        List.of(
            "from",
            "to",
            "opening",
            "burn",
            "consumed",
            "refused",
            "purchased",
            "expired",
            "closing",
            "p50Burn",
            "p90Burn"),
        rows);
  }

  /** {@code reconcile}: one row per user x product x day that differs, in day, user, product order. */
  public static CsvTable differences(ReconciliationResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (DifferenceDto d : r.differences()) {
      rows.add(
          List.of(
              d.day().toString(),
              d.user(),
              d.product(),
              d.charged(),
              d.replayed(),
              d.difference(),
              d.kind(),
              d.rule() == null ? "" : d.rule(),
              d.reason()));
    }
    return new CsvTable(
        List.of(
            "day", "user", "product", "charged", "replayed", "difference", "kind", "rule", "reason"),
        rows);
  }

  /**
   * {@code review}: one row per action, in the order they are made, with the period's total after
   * each ({@code running_total}: current minus the savings so far).
   */
  public static CsvTable actions(ReviewResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (RenewalActionDto a : r.actions()) {
      List<Object> row = new ArrayList<>();
      row.add(a.kind());
      row.add(a.user());
      row.add(a.offering());
      row.add(a.lot());
      row.add(a.saving());
      row.add(a.actionableOn().toString());
      row.add(a.reason());
      row.add(a.runningTotal());
      rows.add(row);
    }
    return new CsvTable(
        List.of("kind", "user", "offering", "lot", "saving", "actionable_on", "reason", "running_total"),
        rows);
  }

  /** {@code sensitivity}: one row per case and scenario, the baseline first. */
  public static CsvTable sensitivity(SensitivityResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    List<SensitivityCaseDto> all = new ArrayList<>();
    all.add(r.baseline());
    all.addAll(r.cases());
    for (SensitivityCaseDto c : all) {
      for (ScenarioDto s : c.scenarios()) {
        List<Object> row = new ArrayList<>();
        row.add(c.dimension());
        row.add(c.percent());
        row.add(s.name());
        row.add(s.total());
        row.add(s.tokens());
        row.add(c.windows());
        row.add(s.name().equals(c.cheapest()) ? "yes" : "no");
        rows.add(row);
      }
    }
    return new CsvTable(
        List.of("dimension", "percent", "scenario", "total", "tokens", "windows", "cheapest"),
        rows);
  }

  /** {@code sensitivity}: break-even per product at the baseline's prices. */
  public static CsvTable breakEvens(SensitivityResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (BreakEvenDto b : r.baseline().breakEvens()) {
      List<Object> row = new ArrayList<>();
      row.add(b.product());
      row.add(b.namedAnnual());
      row.add(b.tokensPerWindow());
      row.add(b.tokenPrice());
      row.add(b.windowsPerYear());
      row.add(b.namedPaysFrom());
      row.add(b.unit());
      rows.add(row);
    }
    return new CsvTable(
        List.of(
            "product",
            "named_annual",
            "tokens_per_window",
            "token_price",
            "windows_per_year",
            "named_pays_from",
            "unit"),
        rows);
  }

  /** {@code trade-in}: one row per option. */
  public static CsvTable tradeIn(TradeInResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (TradeInOptionDto o : r.options()) {
      rows.add(
          List.of(
              r.product(),
              o.choice(),
              o.annualTotal(),
              o.choice().equals(r.cheapest()) ? "yes" : "no",
              o.reason()));
    }
    return new CsvTable(List.of("product", "choice", "annual_total", "cheapest", "reason"), rows);
  }
}
