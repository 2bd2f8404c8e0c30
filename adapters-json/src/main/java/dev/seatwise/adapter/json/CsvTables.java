package dev.seatwise.adapter.json;

import dev.seatwise.adapter.json.dto.CatalogDto;
import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.ProductConcurrencyDto;
import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.dto.ScenarioDto;
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
            "user", "bundles", "named", "flex", "products", "days_used", "windows", "tokens",
            "cost", "all_named_cost", "savings", "reason"),
        rows);
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
      rows.add(row);
    }
    return new CsvTable(
        List.of(
            "product", "mapped", "peak", "peak_at", "sessions", "distinct_users", "p50", "p90",
            "p95", "time_at_peak", "denials", "issued", "seats_needed"),
        rows);
  }

  /** {@code catalogs}: one row per bundled catalog. */
  public static CsvTable catalogs(CatalogsResponse r) {
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogDto c : r.catalogs()) {
      rows.add(
          List.of(
              c.name(), c.vendor(), c.currency(),
              join(c.versions().stream().map(Object::toString).toList()),
              c.meter(), (long) c.products(), (long) c.bundles()));
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
}
