package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code forecast --plan} and the CSV band on the ACME example. */
class ForecastPlansTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static Cli.Result forecast(String... extra) {
    String[] base = {
      "forecast",
      "--usage", EXAMPLES.resolve("acme-sessions.csv").toString(),
      "--entitlements", EXAMPLES.resolve("acme-subscriptions.csv").toString(),
      "--entitlements", EXAMPLES.resolve("acme-users.csv").toString(),
      "--months", "3",
      "--simulations", "100"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  @Test
  void eachPlanForecastsTheBurnItsSeatsLeaveAndSaysWhichItIs() {
    JsonNode unassigned = forecast("-o", "json").json();
    JsonNode allFlex = forecast("--plan", "all-flex", "-o", "json").json();
    JsonNode current = forecast("--plan", "current", "-o", "json").json();
    JsonNode optimal = forecast("--plan", "optimal", "-o", "json").json();

    assertThat(unassigned.get("burnPlan").asText()).isEqualTo("unassigned");
    assertThat(allFlex.get("burnPlan").asText()).isEqualTo("all-flex");
    assertThat(current.get("burnPlan").asText()).isEqualTo("current");
    assertThat(optimal.get("burnPlan").asText()).isEqualTo("optimal");
    // every window burns on all-flex; the optimum moves heavy users to named seats, the held seats
    // cover some windows: both burn less
    long every = allFlex.get("historyTokens").asLong();
    assertThat(optimal.get("historyTokens").asLong()).isPositive().isLessThan(every);
    assertThat(current.get("historyTokens").asLong()).isLessThan(every);
    assertThat(unassigned.get("historyTokens").asLong()).isLessThanOrEqualTo(every);
    assertThat(current.get("notes").toString()).contains("plan current:");
    for (JsonNode f : new JsonNode[] {unassigned, allFlex, current, optimal}) {
      assertThat(f.get("p50Burn").asLong()).isLessThanOrEqualTo(f.get("p90Burn").asLong());
      assertThat(f.at("/plan/tokens").asLong()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void anUnknownPlanIsWrongUsage() {
    Cli.Result r = forecast("--plan", "cheapest");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unassigned, all-flex, current or optimal");
  }

  @Test
  void theCsvProjectionCarriesTheMonthlyBand() {
    String csv = forecast("-o", "csv").out();

    String[] lines = csv.split("\r\n");
    assertThat(lines[0])
        .isEqualTo("from,to,opening,burn,consumed,refused,purchased,expired,closing,p50Burn,p90Burn");
    assertThat(lines).hasSize(4);
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      assertThat(cells).hasSize(11);
      assertThat(Long.parseLong(cells[9])).isLessThanOrEqualTo(Long.parseLong(cells[10]));
    }
  }
}
