package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code compare --by team|cost-centre} on the bundled ACME example with its identity map
 * (examples/acme-identities.csv): every scenario's groups sum to its total to the cent.
 */
class ChargebackCommandTest {
  static final Path EXAMPLES = ExamplesTest.EXAMPLES;

  static Cli.Result compare(String by, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "compare",
                "--usage",
                EXAMPLES.resolve("acme-sessions.csv").toString(),
                "--entitlements",
                EXAMPLES.resolve("acme-subscriptions.csv").toString(),
                "--entitlements",
                EXAMPLES.resolve("acme-users.csv").toString(),
                "--identities",
                EXAMPLES.resolve("acme-identities.csv").toString(),
                "--by",
                by));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void byTeamEveryScenarioSumsToItsTotalToTheCent() {
    Cli.Result r = compare("team", "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("breakdownBy").asText()).isEqualTo("team");
    assertThat(json.get("breakdownRule").asText()).contains("largest remainder");
    assertSumsToTotals(json);
    Set<String> groups = new HashSet<>();
    json.get("breakdown").forEach(g -> groups.add(g.get("group").asText()));
    // the six teams of examples/README.md; every user of the sessions is in the identity map
    assertThat(groups)
        .contains("Architecture", "Civil", "Drafting", "Mechanical", "Visualisation", "Management")
        .doesNotContain("(none)");
    assertThat(json.get("scenarios")).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void byCostCentreEveryScenarioSumsToItsTotalToTheCent() {
    JsonNode json = compare("cost-centre", "-o", "json").json();

    assertThat(json.get("breakdownBy").asText()).isEqualTo("cost-centre");
    assertSumsToTotals(json);
    assertThat(json.at("/breakdown/0/group").asText()).startsWith("CC-");
  }

  @Test
  void theTableShowsEveryGroupAndFits100Columns() {
    Cli.Result r = compare("team");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Chargeback by team (USD):").contains("Rule: a named seat");
    assertThat(r.out()).containsPattern("(?m)^Architecture +[0-9,]+\\.[0-9]{2}");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void csvHasOneRowPerGroupAndAColumnPerScenario() {
    String csv = compare("team", "-o", "csv").out();

    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("team,");
    assertThat(csv).contains("\nArchitecture,");
  }

  @Test
  void byWithoutAnIdentityMapIsAUsageError() {
    Cli.Result r =
        Cli.run(
            "compare", "--usage", EXAMPLES.resolve("acme-sessions.csv").toString(), "--by", "team");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--by team needs an identity map (--identities FILE)");
  }

  @Test
  void anUnknownGroupingIsAUsageError() {
    Cli.Result r = compare("department");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown grouping 'department'; known: team, cost-centre");
  }

  static void assertSumsToTotals(JsonNode json) {
    for (JsonNode s : json.get("scenarios")) {
      String name = s.get("name").asText();
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode g : json.get("breakdown")) {
        sum = sum.add(g.at("/totals/" + name).decimalValue());
      }
      assertThat(sum).as(name).isEqualByComparingTo(s.get("total").decimalValue());
    }
  }
}
