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
}
