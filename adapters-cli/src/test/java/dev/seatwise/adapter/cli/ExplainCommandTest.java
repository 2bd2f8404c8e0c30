package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  @TempDir static Path dir;
  static Path usage;

  @BeforeAll
  static void writeUsage() throws Exception {
    usage = ThreeUsers.write(dir);
  }

  private static Cli.Result explain(String user, String... extra) {
    String[] base = {
      "explain",
      user,
      "--usage",
      usage.toString(),
      "--catalog",
      Cli.TINY,
      "--from",
      ThreeUsers.FROM,
      "--to",
      ThreeUsers.TO
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return Cli.run(all);
  }

  @Test
  void aReasonWhoseBracketsHoldASemicolonStaysOneBullet() throws Exception {
    // one day of use at the end of the period: a monthly term, part of it in the period; the
    // product's reason says "(monthly ... (2030.00); 246.77 of it in the period (pro rata)) ->
    // named", and the bullets were cut at every "; ", so "246.77 of it in the period (pro rata))
    // -> named" stood alone as if it were a reason of its own
    Path one = dir.resolve("one-day.csv");
    java.nio.file.Files.writeString(
        one, "user,product,start,end\nann,ACD,2025-01-01T08:00:00Z,2025-01-01T17:00:00Z\n");

    Cli.Result r = Cli.run("explain", "ann", "--usage", one.toString());

    assertThat(r.exit()).isZero();
    // (ann is the only user: her 7 tokens would be a whole pack, which the reason now says)
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("of it in the period (pro rata)), but bought in packs they would cost the plan"
            + " 1500.00 more -> named");
    assertThat(r.out().lines().filter(l -> l.startsWith("  - ")))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("  - ACD: 1 windows x 7 tokens"));
  }

  @Test
  void explainsOneUserWithTheReasonInNumbers() {
    Cli.Result r = explain("o@x");

    assertThat(r.exit()).isZero();
    // o: 10 windows x 10 tokens = 100 tokens, 150.00 at the 1000-pack price of 1.50 < named 1000.00
    assertThat(r.out())
        .contains("o@x.com")
        .contains("Optimal plan: Flex ACD. Cost 150.00; all-named 1,000.00; saves 850.00.")
        .contains("ACD: 10 windows x 10 tokens = 100 tokens");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void jsonIsTheUsersEntryOfTheContract() {
    JsonNode json = explain("H@X.COM", "-o", "json").json();

    assertThat(json.get("user").asText()).isEqualTo("h@x.com");
    assertThat(json.at("/assignment/bundles/0").asText()).isEqualTo("AECCOL");
    assertThat(json.get("cost").decimalValue()).isEqualByComparingTo("2000.00");
  }

  @Test
  void anUnknownOrAmbiguousUserIsBadInput() {
    Cli.Result unknown = explain("zed");
    Cli.Result ambiguous = explain("x.com");

    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("no user 'zed' in the usage (3 users)");
    assertThat(ambiguous.exit()).isEqualTo(1);
    assertThat(ambiguous.err()).contains("matches 3 users");
  }

  @Test
  void inPrivacyModeThePseudonymPrintedFindsTheUserAgain() {
    java.util.function.UnaryOperator<String> before = AnalysisCommand.environment;
    AnalysisCommand.environment =
        name -> name.equals(AnalysisCommand.PRIVACY_KEY_VARIABLE) ? "test-key" : null;
    try {
      JsonNode byId = explain("o@x.com", "--privacy", "-o", "json").json();
      String pseudonym = byId.get("user").asText();
      assertThat(pseudonym).startsWith("user-").doesNotContain("o@x");

      Cli.Result again = explain(pseudonym, "--privacy", "-o", "json");
      Cli.Result upper = explain(pseudonym.toUpperCase(java.util.Locale.ROOT), "--privacy");

      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.json().get("user").asText()).isEqualTo(pseudonym);
      assertThat(again.json().get("cost").decimalValue()).isEqualByComparingTo("150.00");
      assertThat(upper.exit()).as(upper.err()).isZero();
      assertThat(upper.out()).contains(pseudonym).doesNotContain("o@x");
    } finally {
      AnalysisCommand.environment = before;
    }
  }

  @Test
  void inPrivacyModeWithoutAKeyAnUnknownPseudonymSaysHowToKeepThemStable() {
    java.util.function.UnaryOperator<String> before = AnalysisCommand.environment;
    AnalysisCommand.environment = name -> null;
    try {
      Cli.Result r = explain("user-000000000000", "--privacy");

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("no user 'user-000000000000'").contains("set SEATWISE_PRIVACY_KEY");
    } finally {
      AnalysisCommand.environment = before;
    }
  }
}
