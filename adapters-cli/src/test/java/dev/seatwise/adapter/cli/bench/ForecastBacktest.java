package dev.seatwise.adapter.cli.bench;

import dev.seatwise.adapter.cli.generate.GenerateFormat;
import dev.seatwise.adapter.cli.generate.SyntheticUsageGenerator;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.forecast.BurnForecast;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forecast backtest of docs/forecasting.md (a test-scoped main, not a unit test): the all-Flex
 * burn of an organisation (its sessions replayed through the bundled Autodesk catalog's access
 * windows, tokens per day of the window's start, UTC) is cut at the start of its last three months;
 * {@link BurnForecast} forecasts those three months from the rest (1,000 runs, seed 1); the figures
 * are the actual and P50/P90 burn per month, the MAPE of P50 against the actual monthly burn, and
 * whether each month and the quarter stayed at or under P90. Run on {@code examples/acme-sessions.csv}
 * and on an organisation {@code seatwise generate} writes (200 users, two years from 2024-01-01,
 * seed 7).
 *
 * Run with {@code bench/forecast-backtest}.
 */
public final class ForecastBacktest {
  private ForecastBacktest() {}

  public static void main(String[] args) throws Exception {
    Catalog catalog = new YamlCatalogAdapter().load("autodesk").orElseThrow().history().latest();
    Path acme = Path.of(args.length > 0 ? args[0] : "examples/acme-sessions.csv");
    report("ACME (examples/acme-sessions.csv)", read(Files.readAllLines(acme)), catalog);
    StringWriter out = new StringWriter();
    new SyntheticUsageGenerator(200, 730, 7, LocalDate.of(2024, 1, 1))
        .write(GenerateFormat.SESSIONS, out, d -> {});
    report("generated (200 users, 2024-2025, seed 7)", read(out.toString().lines().toList()), catalog);
  }

  private static List<Session> read(List<String> lines) {
    List<Session> out = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      out.add(Session.of(f[0], f[1], Instant.parse(f[2]), Instant.parse(f[3])));
    }
    return out;
  }

  private static void report(String name, List<Session> sessions, Catalog catalog) {
    Map<LocalDate, Long> daily = new TreeMap<>();
    for (Charge c : new WindowedMeter().meter(UsageLog.ofSessions(sessions), MeterContext.of(catalog)).charges()) {
      daily.merge(LocalDate.ofInstant(c.start(), ZoneOffset.UTC), c.tokens(), Long::sum);
    }
    LocalDate last = ((TreeMap<LocalDate, Long>) daily).lastKey();
    YearMonth lastMonth = YearMonth.from(last);
    LocalDate cut = lastMonth.minusMonths(2).atDay(1);
    LocalDate end = lastMonth.plusMonths(1).atDay(1);
    Map<LocalDate, Long> history = new TreeMap<>(((TreeMap<LocalDate, Long>) daily).headMap(cut));
    for (LocalDate d = ((TreeMap<LocalDate, Long>) daily).firstKey(); d.isBefore(cut); d = d.plusDays(1)) {
      history.putIfAbsent(d, 0L);
    }
    BurnForecast.Forecast f =
        BurnForecast.simulate(history, cut, BurnForecast.daysBetween(cut, end), 1000, 1);
    System.out.println("== " + name + ": history " + ((TreeMap<LocalDate, Long>) daily).firstKey()
        + " to " + cut.minusDays(1) + " (" + f.historyWeeks() + " whole weeks), held out " + cut
        + " to " + end.minusDays(1));
    System.out.println("month     actual      P50      P90  |err|/actual  <=P90");
    double ape = 0;
    long actualTotal = 0;
    for (BurnForecast.MonthBand m : f.months()) {
      long actual = 0;
      for (LocalDate d = m.month().atDay(1); !d.isAfter(m.month().atEndOfMonth()); d = d.plusDays(1)) {
        actual += daily.getOrDefault(d, 0L);
      }
      actualTotal += actual;
      double e = actual == 0 ? 0 : Math.abs(m.p50() - actual) / (double) actual;
      ape += e;
      System.out.printf("%s %8d %8d %8d  %10.1f%%  %s%n", m.month(), actual, m.p50(), m.p90(), 100 * e,
          actual <= m.p90() ? "yes" : "NO");
    }
    System.out.printf("quarter %10d %8d %8d  MAPE %.1f%%  P90 held for the quarter: %s%n%n",
        actualTotal, f.p50(), f.p90(), 100 * ape / f.months().size(),
        actualTotal <= f.p90() ? "yes" : "NO");
  }
}
