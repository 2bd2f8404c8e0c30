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
 * {@code compare} on the three hand-made users of {@link ThreeUsers}, figures worked out by hand.
 */
class CompareCommandTest {
  @TempDir static Path dir;
  static Path usage;

  @BeforeAll
  static void writeUsage() throws Exception {
    usage = ThreeUsers.write(dir);
  }

  private static Cli.Result compare(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "compare",
                "--usage",
                usage.toString(),
                "--catalog",
                Cli.TINY,
                "--from",
                ThreeUsers.FROM,
                "--to",
                ThreeUsers.TO));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static JsonNode scenario(JsonNode json, String name) {
    for (JsonNode s : json.get("scenarios")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    return null;
  }

  @Test
  void aOneDayPeriodIsOneDayInEveryHeader() throws Exception {
    // it was "(1 days, ...)" in compare, explain, sensitivity, review, forecast and reconcile
    java.nio.file.Path one = dir.resolve("one-day.csv");
    java.nio.file.Files.writeString(
        one, "user,product,start,end\nann,ACD,2025-03-03T09:00:00Z,2025-03-03T12:00:00Z\n");
    String[] period = {"--usage", one.toString(), "--from", "2025-03-03", "--to", "2025-03-04"};

    assertThat(Cli.run(concat("compare", period)).out()).contains("(1 day, [from, to) in UTC)");
    assertThat(Cli.run(concat("sensitivity", period)).out()).contains("(1 day), totals in USD");
    assertThat(Cli.run("review", "--usage", one.toString()).out()).contains("(1 day) replayed over");
  }

  private static String[] concat(String command, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = command;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void jsonGivesEveryScenarioWorkedOutByHand() {
    Cli.Result r = compare("-o", "json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = r.json();
    assertThat(json.at("/currency").asText()).isEqualTo("USD");
    assertThat(json.at("/period/from").asText()).isEqualTo("2025-01-01");
    assertThat(json.at("/period/to").asText()).isEqualTo("2026-01-01");
    assertThat(json.at("/period/days").asLong()).isEqualTo(365);
    assertThat(json.at("/import/rowsRead").asLong()).isEqualTo(100 + 100 + 50 + 10 + 60);
    assertThat(json.at("/import/rejected").asLong()).isZero();
    // all-named: h on AECCOL 2000 (< 1000 + 1500 + 1200), o ACD 1000, m RVT 1500 = 4500
    assertThat(scenario(json, "all-named").get("total").decimalValue())
        .isEqualByComparingTo("4500.00");
    // all-flex: 3100 + 100 + 900 = 4100 tokens; cheapest cover 4 x 1000 (4 x 1500) + 1 x 100 (200)
    // = 6200
    assertThat(scenario(json, "all-flex").get("total").decimalValue())
        .isEqualByComparingTo("6200.00");
    assertThat(scenario(json, "all-flex").get("tokens").asLong()).isEqualTo(4100);
    // network: ACD peak 2 (o beside h on days 0..9) x 2000 + RVT peak 1 x 3000 = 7000; C3D has no
    // seat price
    assertThat(scenario(json, "network").get("total").decimalValue())
        .isEqualByComparingTo("7000.00");
    assertThat(scenario(json, "network").at("/seats/ACD").asLong()).isEqualTo(2);
    assertThat(scenario(json, "network").at("/seats/RVT").asLong()).isEqualTo(1);
    // optimal: h AECCOL 2000; o and m on Flex together, 100 + 900 = 1000 tokens = one 1000-pack,
    // 1500
    // (m named instead: 1500 + o's 100-pack 200 = 1700; both named 2500) -> 3500
    assertThat(scenario(json, "optimal").get("total").decimalValue())
        .isEqualByComparingTo("3500.00");
    assertThat(scenario(json, "optimal").get("tokens").asLong()).isEqualTo(1000);
    assertThat(scenario(json, "current")).isNull();
    assertThat(json.get("notes").toString()).contains("current is left out");
  }

  @Test
  void usersAreOrderedBySavingsWithTheirShareOfThePackPurchase() {
    JsonNode users = compare("-o", "json").json().get("users");

    assertThat(users).hasSize(3);
    // o: 1500 x 100/1000 = 150.00, saves 1000 - 150 = 850.00
    assertThat(users.get(0).get("user").asText()).isEqualTo("o@x.com");
    assertThat(users.get(0).get("cost").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(users.get(0).get("allNamedCost").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(users.get(0).get("savings").decimalValue()).isEqualByComparingTo("850.00");
    assertThat(users.get(0).at("/assignment/flex/0").asText()).isEqualTo("ACD");
    assertThat(users.get(0).at("/usage/0/windows").asLong()).isEqualTo(10);
    assertThat(users.get(0).at("/usage/0/tokens").asLong()).isEqualTo(100);
    // m: 1500 x 900/1000 = 1350.00, saves 150.00
    assertThat(users.get(1).get("user").asText()).isEqualTo("m@x.com");
    assertThat(users.get(1).get("cost").decimalValue()).isEqualByComparingTo("1350.00");
    assertThat(users.get(1).get("savings").decimalValue()).isEqualByComparingTo("150.00");
    // h: AECCOL 2000, the same as all-named
    assertThat(users.get(2).get("user").asText()).isEqualTo("h@x.com");
    assertThat(users.get(2).at("/assignment/bundles/0").asText()).isEqualTo("AECCOL");
    assertThat(users.get(2).get("cost").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(users.get(2).get("usage")).hasSize(3);
    assertThat(users.get(2).at("/usage/0/product").asText()).isEqualTo("ACD");
    assertThat(users.get(2).at("/usage/0/daysUsed").asLong()).isEqualTo(100);
    assertThat(users.get(2).at("/usage/0/tokens").asLong()).isEqualTo(1000);
  }

  @Test
  void moneyHasExactlyTwoDecimalsInTheJsonText() {
    String out = compare("-o", "json").out();

    assertThat(out).contains("\"total\" : 3500.00").contains("\"cost\" : 150.00");
  }

  @Test
  void theCurrentPlanIsPricedFromTheEntitlementExports() throws Exception {
    Path[] plan = ThreeUsers.entitlements(dir);

    JsonNode json =
        compare(
                "--entitlements",
                plan[0].toString(),
                "--entitlements",
                plan[1].toString(),
                "-o",
                "json")
            .json();

    // 3 AEC Collection seats x 2000 x 365/365 = 6000; everyone is covered, so no tokens are bought
    assertThat(scenario(json, "current").get("total").decimalValue())
        .isEqualByComparingTo("6000.00");
    assertThat(scenario(json, "current").has("tokens")).isFalse();
    // the import report covers the entitlement files too: 320 usage rows + 1 + 3
    assertThat(json.at("/import/rowsRead").asLong()).isEqualTo(324);
    assertThat(json.at("/import/files")).hasSize(3);
  }

  @Test
  void withTheUsersExportAloneTheSeatsAreAssumedAndSaidSo() throws Exception {
    Path users = ThreeUsers.entitlements(dir)[1];

    JsonNode json = compare("--entitlements", users.toString(), "-o", "json").json();

    // 3 users assigned AEC Collection, no Subscriptions export: assumed 3 seats for the year,
    // 3 x 2000 = 6000 (before: 0.00, "cheaper" than optimal's 3500)
    assertThat(scenario(json, "current").get("total").decimalValue()).isEqualByComparingTo("6000.00");
    assertThat(scenario(json, "current").get("uncovered")).isEmpty();
    assertThat(json.get("notes").toString()).contains("current: no Subscriptions export: assumed one seat");
  }

  @Test
  void tokenLotsGivenWithLotsCoverTodaysFlexUse() throws Exception {
    Path lots = dir.resolve("lots.csv");
    java.nio.file.Files.writeString(
        lots, "lot_id,purchase_date,tokens,unit_price\nPO-1,2025-01-01,5000,1.00\n");

    JsonNode json = compare("--lots", lots.toString(), "-o", "json").json();

    // one lot of 5000 tokens bought in the period at 1.00 = 5000.00 (USD, the catalog's), valid
    // to 2026-01-01: it pays all 4100 tokens of the three users, so nothing is uncovered
    JsonNode current = scenario(json, "current");
    assertThat(current.get("total").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(current.get("uncovered")).isEmpty();
    assertThat(current.at("/holdings/0/kind").asText()).isEqualTo("tokens");
    assertThat(current.at("/holdings/0/to").asText()).isEqualTo("2026-01-01");
    assertThat(json.at("/import/files/1/format").asText()).isEqualTo("token-lots");
  }

  @Test
  void aLotWithoutAnExpiryLastsTheCatalogsTokenValidity() throws Exception {
    // F11 is a catalog parameter (tokens.expiresAfter, P12M for Autodesk): under a catalog whose
    // tokens last 6 months, a lot bought 2025-01-01 with no expires column is usable until
    // 2025-07-01, as the packs the scenarios buy are (it was 2026-01-01, the reader's own 12 months)
    String sixMonths =
        java.nio.file.Files.readString(Path.of(Cli.TINY)).replace("expiresAfter: P12M", "expiresAfter: P6M");
    assertThat(sixMonths).contains("expiresAfter: P6M");
    Path catalog = dir.resolve("six-months.yaml");
    java.nio.file.Files.writeString(catalog, sixMonths);
    Path lots = dir.resolve("lots-no-expiry.csv");
    java.nio.file.Files.writeString(
        lots, "lot_id,purchase_date,tokens,unit_price\nPO-1,2025-01-01,5000,1.00\n");

    Cli.Result r =
        Cli.run(
            "compare", "--usage", usage.toString(), "--catalog", catalog.toString(), "--from",
            ThreeUsers.FROM, "--to", ThreeUsers.TO, "--lots", lots.toString(), "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = r.json();

    JsonNode current = scenario(json, "current");
    assertThat(current.at("/holdings/0/to").asText()).isEqualTo("2025-07-01");
    assertThat(current.get("lines").toString()).contains("bought 2025-01-01, expiring 2025-07-01");
  }

  @Test
  void pinningAUserToNamedTakesThemOffFlex() {
    JsonNode json = compare("--pin-named", "o@x.com", "-o", "json").json();

    // o named 1000; m alone needs 900 tokens: one 1000-pack 1500 = named 1500; h 2000 -> 4500
    assertThat(scenario(json, "optimal").get("total").decimalValue())
        .isEqualByComparingTo("4500.00");
    assertThat(json.get("users").findValuesAsText("reason").toString()).contains("pinned to named");
  }

  @Test
  void excludingAProductFromFlexAndCappingTokensConstrainTheOptimum() {
    // m may not use Flex for RVT: m named 1500, o Flex 100 tokens = one 100-pack 200; h 2000 ->
    // 3700
    JsonNode noFlex = compare("--no-flex", "rvt", "-o", "json").json();
    assertThat(scenario(noFlex, "optimal").get("total").decimalValue())
        .isEqualByComparingTo("3700.00");
    assertThat(scenario(noFlex, "optimal").get("tokens").asLong()).isEqualTo(100);

    // no tokens at all: the optimum is all-named, 4500
    JsonNode capped = compare("--token-cap", "0", "-o", "json").json();
    assertThat(scenario(capped, "optimal").get("total").decimalValue())
        .isEqualByComparingTo("4500.00");
  }

  @Test
  void givenNetworkSeatsReplaceThePeak() {
    JsonNode json = compare("--network-seats", "ACD=1", "-o", "json").json();

    // ACD 1 x 2000 + RVT peak 1 x 3000 = 5000
    assertThat(scenario(json, "network").get("total").decimalValue())
        .isEqualByComparingTo("5000.00");
  }

  @Test
  void theTableShowsTotalsFirstThenUsersBySavingsWithin100Columns() {
    Cli.Result r = compare();

    assertThat(r.exit()).isZero();
    String out = r.out();
    assertThat(out.indexOf("optimal")).isLessThan(out.indexOf("o@x.com"));
    assertThat(out.indexOf("o@x.com")).isLessThan(out.indexOf("m@x.com"));
    assertThat(out.indexOf("m@x.com")).isLessThan(out.indexOf("h@x.com"));
    assertThat(out)
        .contains("3,500.00")
        .contains("4,500.00")
        .contains("6,200.00")
        .contains("7,000.00");
    assertThat(out).contains("Savings vs all-named 1,000.00 (22.2%)");
    assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void csvHasOneFormulaSafeRowPerUser() {
    Cli.Result r = compare("-o", "csv");

    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "user,bundles,named,flex,products,days_used,windows,tokens,cost,all_named_cost,savings,reason");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("o@x.com,,,ACD,ACD,10,10,100,150.00,1000.00,850.00,");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void privacyModeShowsNoUserIdentifier() {
    Cli.Result r = compare("--privacy", "-o", "json");

    assertThat(r.out()).doesNotContain("@x.com");
    assertThat(r.json().at("/users/0/user").asText()).matches("user-[0-9a-f]{12}");
  }

  @Test
  void aPinThatMatchesNoUserIsNoted() {
    JsonNode json = compare("--pin-flex", "nobody@x.com", "-o", "json").json();

    assertThat(json.get("notes").toString()).contains("pin for 'nobody@x.com' matched no user");
  }
}
