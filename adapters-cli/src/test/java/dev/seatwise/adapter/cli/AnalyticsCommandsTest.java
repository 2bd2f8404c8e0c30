package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast}, {@code review}, {@code sensitivity} and {@code trade-in} on the three hand-made
 * users of {@link ThreeUsers} with the tiny catalog (packs: 100 at 2.00, 1000 at 1.50 a token).
 */
class AnalyticsCommandsTest {
  @TempDir static Path dir;
  static Path usage;
  static Path[] plan;

  @BeforeAll
  static void writeFiles() throws Exception {
    usage = ThreeUsers.write(dir);
    plan = ThreeUsers.entitlements(dir);
  }

  private static Cli.Result run(String command, String... extra) {
    List<String> args =
        new ArrayList<>(List.of(command, "--usage", usage.toString(), "--catalog", Cli.TINY));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void tradeInComparesKeepTradeAndRetireWorkedOutByHand() {
    Cli.Result r =
        run(
            "trade-in",
            "--from",
            ThreeUsers.FROM,
            "--to",
            ThreeUsers.TO,
            "--product",
            "acd",
            "--seats",
            "1",
            "-o",
            "json");

    assertThat(r.exit()).isZero();
    JsonNode json = r.json();
    // h and o used ACD, at most 2 at once (days 0..9)
    assertThat(json.get("users").asLong()).isEqualTo(2);
    assertThat(json.get("peakConcurrency").asLong()).isEqualTo(2);
    assertThat(json.get("namedSeats").asLong()).isEqualTo(2);
    // keep: 1 seat x maintenance 2000 (the catalog's network seat price) = 2000, plus the user
    // above the seat: h holds it 9-17 each day, so o's 10 sessions (10-12, days 0..9) are refused
    // and go on Flex: 10 windows x 10 tokens = 100 tokens = one 100-pack, 200: 2200
    assertThat(option(json, "keep").get("annualTotal").decimalValue())
        .isEqualByComparingTo("2200.00");
    // trade in: 2 named x 1000 = 2000, both users fit
    assertThat(option(json, "trade-in").get("annualTotal").decimalValue())
        .isEqualByComparingTo("2000.00");
    // retire: (100 + 10) windows x 10 tokens = 1100 tokens = 1000-pack 1500 + 100-pack 200 = 1700
    assertThat(option(json, "retire").get("annualTotal").decimalValue())
        .isEqualByComparingTo("1700.00");
    assertThat(json.get("cheapest").asText()).isEqualTo("retire");
  }

  @Test
  void tradeInWithoutACatalogPriceNeedsTheOption() {
    // C3D has no network seat price in the tiny catalog, so maintenance must be given
    Cli.Result missing = run("trade-in", "--product", "C3D", "--seats", "1");
    Cli.Result given =
        run("trade-in", "--product", "C3D", "--seats", "1", "--maintenance", "900", "-o", "json");

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--maintenance is needed");
    assertThat(given.exit()).isZero();
    assertThat(option(given.json(), "keep").get("annualTotal").decimalValue())
        .isEqualByComparingTo("900.00");
  }

  @Test
  void sensitivityRecomputesTheTotalsUnderEachChange() {
    Cli.Result r =
        run(
            "sensitivity",
            "--from",
            ThreeUsers.FROM,
            "--to",
            ThreeUsers.TO,
            "--token-price=-20",
            "--named-price=10",
            "--usage-change=50",
            "-o",
            "json");

    assertThat(r.exit()).isZero();
    JsonNode json = r.json();
    assertThat(total(json.get("baseline"), "optimal")).isEqualByComparingTo("3500.00");
    JsonNode cheaperTokens = json.at("/cases/0");
    assertThat(cheaperTokens.get("dimension").asText()).isEqualTo("token-price");
    assertThat(cheaperTokens.get("percent").asDouble()).isEqualTo(-20.0);
    // packs at 1.60 and 1.20 a token: all-flex 4 x 1200 + 1 x 160 = 4960; optimal 2000 + 1200 =
    // 3200
    assertThat(total(cheaperTokens, "all-flex")).isEqualByComparingTo("4960.00");
    assertThat(total(cheaperTokens, "optimal")).isEqualByComparingTo("3200.00");
    JsonNode dearerSeats = json.at("/cases/1");
    assertThat(dearerSeats.get("dimension").asText()).isEqualTo("named-price");
    // named +10%: AECCOL 2200 + ACD 1100 + RVT 1650 = 4950; optimal 2200 + one 1000-pack 1500 =
    // 3700
    assertThat(total(dearerSeats, "all-named")).isEqualByComparingTo("4950.00");
    assertThat(total(dearerSeats, "optimal")).isEqualByComparingTo("3700.00");
    assertThat(json.at("/cases/2/dimension").asText()).isEqualTo("usage");
    // break-even of ACD: 1000 / (10 tokens x 1.50) = 66.67 windows a year; named pays from 67
    JsonNode acd = json.at("/baseline/breakEvens/0");
    assertThat(acd.get("product").asText()).isEqualTo("ACD");
    assertThat(acd.get("windowsPerYear").asDouble()).isBetween(66.66, 66.67);
    assertThat(acd.get("namedPaysFrom").asLong()).isEqualTo(67);
  }

  @Test
  void reviewMovesTheLightCollectionUsersToFlexNetOfTheirTokens() {
    Cli.Result r =
        run(
            "review",
            "--entitlements",
            plan[0].toString(),
            "--entitlements",
            plan[1].toString(),
            "--as-of",
            "2026-01-01",
            "-o",
            "json");

    assertThat(r.exit()).isZero();
    JsonNode json = r.json();
    // Today: 3 AECCOL seats at 2,000.00, renewing on 2026-01-01 = 6,000.00, every use covered.
    // The optimum keeps h on AECCOL (2,000.00 < her 3,100 tokens) and puts o (100 tokens) and m
    // (900) on Flex: 1,000 tokens = one 1000-pack at 1.50 = 1,500.00, so 3,500.00. One step, on
    // the renewal: 2 seats fewer (4,000.00) less 1,500.00 of tokens = 2,500.00 net.
    assertThat(json.get("current").decimalValue()).isEqualByComparingTo("6000.00");
    assertThat(json.get("target").decimalValue()).isEqualByComparingTo("3500.00");
    assertThat(json.get("optimum").decimalValue()).isEqualByComparingTo("3500.00");
    assertThat(json.get("actions")).hasSize(1);
    JsonNode a = json.get("actions").get(0);
    assertThat(a.get("kind").asText()).isEqualTo("move-to-flex");
    assertThat(a.get("offering").asText()).isEqualTo("AECCOL");
    assertThat(a.get("saving").decimalValue()).isEqualByComparingTo("2500.00");
    assertThat(a.get("runningTotal").decimalValue()).isEqualByComparingTo("3500.00");
    assertThat(a.get("actionableOn").asText()).isEqualTo("2026-01-01");
    assertThat(a.get("users").toString()).isEqualTo("[\"m@x.com\",\"o@x.com\"]");
    assertThat(json.get("tokenPrice").decimalValue()).isEqualByComparingTo("1.50");
  }

  @Test
  void forecastLearnsTheMonthlyBurnAndPlansPurchases() {
    Cli.Result r = run("forecast", "--as-of", "2026-01-01", "-o", "json");

    assertThat(r.exit()).isZero();
    JsonNode json = r.json();
    // without a plan every window is Flex: 4100 tokens in the history (2025-01-01 to 2026-01-01)
    assertThat(json.at("/history/from").asText()).isEqualTo("2025-01-01");
    assertThat(json.at("/history/days").asLong()).isEqualTo(365);
    assertThat(json.get("historyTokens").asLong()).isEqualTo(4100);
    // January: h ACD 31 x 10 + RVT 31 x 15 + C3D 31 x 12, o 10 x 10 = 310 + 465 + 372 + 100 = 1247
    assertThat(json.at("/monthlyBurn/0/month").asText()).isEqualTo("2025-01");
    assertThat(json.at("/monthlyBurn/0/tokens").asLong()).isEqualTo(1247);
    // the mean daily burn over a year ahead gives the history's total again
    assertThat(json.get("expectedBurn").asLong()).isEqualTo(4100);
    assertThat(json.get("p90Burn").asLong()).isGreaterThanOrEqualTo(json.get("p50Burn").asLong());
    // no lots held: they run out at once, and the plan covers P90
    assertThat(json.get("openingBalance").asLong()).isZero();
    assertThat(json.get("runOut").asText()).isEqualTo("2026-01-01");
    assertThat(json.at("/plan/tokens").asLong())
        .isGreaterThanOrEqualTo(json.get("p90Burn").asLong());
    assertThat(json.get("projection")).hasSize(12);
  }

  @Test
  void theDefaultAsOfDateIsTheDayAfterTheLastUsage() {
    // the last session is m's on day 159, 2025-06-09
    JsonNode json = run("forecast", "--months", "1", "-o", "json").json();

    assertThat(json.get("asOf").asText()).isEqualTo("2025-06-10");
  }

  @Test
  void aHistoryEndingAfterTheAsOfDateIsWrongUsage() {
    Cli.Result r = run("forecast", "--as-of", "2025-03-01", "--to", "2025-06-01");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("history must end on or before");
  }

  @Test
  void everyTableFits100Columns() {
    List<Cli.Result> tables =
        List.of(
            run("forecast", "--as-of", "2026-01-01"),
            run(
                "review",
                "--entitlements",
                plan[0].toString(),
                "--entitlements",
                plan[1].toString(),
                "--as-of",
                "2026-01-01"),
            run("sensitivity", "--token-price=-10", "--named-price=10", "--usage-change=10"),
            run("trade-in", "--product", "ACD", "--seats", "1"));

    for (Cli.Result t : tables) {
      assertThat(t.exit()).isZero();
      assertThat(t.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }
    assertThat(tables.get(0).out()).contains("Purchase plan");
    assertThat(tables.get(1).out()).contains("move-to-flex").contains("TOTAL AFTER");
    assertThat(tables.get(2).out()).contains("token price -10%").contains("Break-even");
    assertThat(tables.get(3).out())
        .contains("Eligibility as of 2025-06-10: the catalog states no network retirement")
        .contains("keep");
  }

  @Test
  void csvOfEachIsFormulaSafeAndHasAHeader() {
    assertThat(run("forecast", "--as-of", "2026-01-01", "-o", "csv").out())
        .startsWith("from,to,opening,burn");
    assertThat(
            run(
                    "review",
                    "--entitlements",
                    plan[0].toString(),
                    "--entitlements",
                    plan[1].toString(),
                    "-o",
                    "csv")
                .out())
        .startsWith("kind,user,offering,lot,saving,actionable_on,reason,running_total");
    assertThat(
            run(
                    "sensitivity",
                    "--token-price=-10",
                    "--named-price=10",
                    "--usage-change=10",
                    "-o",
                    "csv")
                .out())
        .startsWith("dimension,percent,scenario,total,tokens,windows,cheapest")
        .contains("token-price,-10,optimal,");
    assertThat(run("trade-in", "--product", "ACD", "--seats", "1", "-o", "csv").out())
        .startsWith("product,choice,annual_total,cheapest,reason");
  }

  @Test
  void reviewInPrivacyModeNamesNobody() {
    Cli.Result r =
        run(
            "review",
            "--entitlements",
            plan[0].toString(),
            "--entitlements",
            plan[1].toString(),
            "--privacy",
            "-o",
            "json");

    assertThat(r.out()).doesNotContain("@x.com");
  }

  private static JsonNode option(JsonNode json, String choice) {
    for (JsonNode o : json.get("options")) {
      if (o.get("choice").asText().equals(choice)) {
        return o;
      }
    }
    throw new AssertionError("no option " + choice);
  }

  private static java.math.BigDecimal total(JsonNode sensitivityCase, String scenario) {
    for (JsonNode s : sensitivityCase.get("scenarios")) {
      if (s.get("name").asText().equals(scenario)) {
        return s.get("total").decimalValue();
      }
    }
    throw new AssertionError("no scenario " + scenario);
  }
}
