package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third vendor end to end through the command line: the bundled catalog {@code bentley-e365}
 * (daily usage in 10-minute UTC intervals, plug-in {@code plugin-daily-usage}, estimated prices:
 * MicroStation USD 25 a usage day or 2070.00 a year named, OpenRoads 70 or 6160.00).
 */
class BentleyDailyUsageCliTest {
  @TempDir static Path dir;
  static Path csv;

  /** ann: MicroStation 08:00-16:00 on 100 days; bob: OpenRoads 09:00-10:00 on 10 days; cy: 5 minutes. */
  @BeforeAll
  static void writeUsage() throws Exception {
    StringBuilder sb = new StringBuilder("user,product,start,end\n");
    LocalDate jan1 = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < 100; i++) {
      LocalDate d = jan1.plusDays(i);
      sb.append("ann,MSTN,").append(d).append("T08:00:00Z,").append(d).append("T16:00:00Z\n");
    }
    for (int i = 0; i < 10; i++) {
      LocalDate d = LocalDate.of(2025, 2, 1).plusDays(7L * i);
      sb.append("bob,ORD,").append(d).append("T09:00:00Z,").append(d).append("T10:00:00Z\n");
    }
    for (int i = 0; i < 50; i++) {
      LocalDate d = LocalDate.of(2025, 3, 1).plusDays(i);
      sb.append("cy,MSTN,").append(d).append("T12:00:00Z,").append(d).append("T12:05:00Z\n");
    }
    csv = dir.resolve("bentley-sessions.csv");
    Files.writeString(csv, sb.toString());
  }

  @Test
  void catalogsListsTheThirdVendor() {
    Cli.Result r = Cli.run("catalogs");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("bentley-e365");
  }

  @Test
  void compareGivesAllNamedAllDailyAndTheOptimum() {
    Cli.Result r = Cli.run("compare", "--usage", csv.toString(), "--catalog", "bentley-e365",
        "--from", "2025-01-01", "--to", "2026-01-01", "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = r.json();
    // 100 x 25 + 10 x 70 = 3200 dollars of daily usage; cy's 5-minute sessions stay in one interval
    assertThat(scenario(json, "all-flex").get("total").decimalValue()).isEqualByComparingTo("3200.00");
    // ann named MicroStation 2070.00 + bob's 700.00 of OpenRoads days
    assertThat(scenario(json, "optimal").get("total").decimalValue()).isEqualByComparingTo("2770.00");
    // all named: ann and cy MicroStation, bob OpenRoads
    assertThat(scenario(json, "all-named").get("total").decimalValue()).isEqualByComparingTo("10300.00");
  }

  @Test
  void concurrencyShowsTheCountedIntervalPeak() {
    Cli.Result r = Cli.run("concurrency", "--usage", csv.toString(), "--catalog", "bentley-e365", "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode products = r.json().get("products");
    assertThat(find(products, "MSTN").get("peak").asLong()).isEqualTo(2);
    assertThat(find(products, "pool:MSTN").get("peak").asLong()).isEqualTo(1);
  }

  private static JsonNode scenario(JsonNode json, String name) {
    for (JsonNode s : json.get("scenarios")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no scenario " + name + " in " + json.get("scenarios"));
  }

  private static JsonNode find(JsonNode products, String name) {
    for (JsonNode p : products) {
      if (p.get("product").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no row " + name + " in " + products);
  }
}
