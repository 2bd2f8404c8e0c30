package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void theTokenUsageExportChargesTheSameSeedsSessionsByTheRule() throws Exception {
    Path sessions = dir.resolve("sessions.csv");
    Path tokens = dir.resolve("token-usage.csv");
    Cli.Result a = Cli.run("generate", "--users", "60", "--days", "30", "--seed", "5", "--out",
        sessions.toString());
    Cli.Result b = Cli.run("generate", "--users", "60", "--days", "30", "--seed", "5", "--format",
        "autodesk-token-usage", "--out", tokens.toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    List<String> rows = Files.readAllLines(tokens);
    assertThat(rows.get(0))
        .isEqualTo("Day used,Email,First name,Last name,Product,Feature,Team,Tokens used");
    assertThat(rows).hasSizeGreaterThan(100);

    // the export is what the rule charges: reconciled with the same sessions, nothing differs
    JsonNode same =
        Cli.run("reconcile", "--usage", tokens.toString(), "--usage", sessions.toString(), "-o",
            "json").json();
    assertThat(same.get("charged").asLong()).isPositive().isEqualTo(same.get("replayed").asLong());
    assertThat(same.get("differences")).isEmpty();
    // and the tokens are the compare's all-Flex tokens for the same usage
    JsonNode compare =
        Cli.run("compare", "--usage", sessions.toString(), "-o", "json").json();
    long allFlexTokens = -1;
    for (JsonNode s : compare.get("scenarios")) {
      if (s.get("name").asText().equals("all-flex")) {
        allFlexTokens = s.get("tokens").asLong();
      }
    }
    assertThat(allFlexTokens).isEqualTo(same.get("charged").asLong());
    // read in another zone, windows open on other days: the reconciliation sees it
    JsonNode shifted =
        Cli.run("reconcile", "--usage", tokens.toString(), "--usage", sessions.toString(),
            "--zone", "Pacific/Auckland", "-o", "json").json();
    assertThat(shifted.get("differences")).isNotEmpty();
  }

  @Test
  void aTokenUsageExportByACatalogWithoutFlexRatesIsRefused() {
    Cli.Result r = Cli.run("generate", "--users", "5", "--days", "2", "--format",
        "autodesk-token-usage", "--catalog", "units-pool");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("catalog 'units-pool' has no Flex rates for the generated products");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() {
    String a = Cli.run("generate", "--users", "40", "--days", "20", "--seed", "7").out();
    String b = Cli.run("generate", "--users", "40", "--days", "20", "--seed", "7").out();
    String c = Cli.run("generate", "--users", "40", "--days", "20", "--seed", "8").out();

    assertThat(a).isEqualTo(b).isNotEqualTo(c).startsWith("user,product,start,end\n");
  }

  @Test
  void aDayDoesNotDependOnHowManyDaysFollow() {
    String shortRun = Cli.run("generate", "--users", "30", "--days", "5").out();
    String longRun = Cli.run("generate", "--users", "30", "--days", "40").out();

    // sessions starting in the first five days are the same (the long run may have more lines
    // for them only if none were cut: no session starts after day 5 in the short run)
    List<String> firstFive =
        longRun
            .lines()
            .filter(l -> l.compareTo("") > 0)
            .filter(l -> l.startsWith("user") || l.split(",")[2].compareTo("2025-01-06") < 0)
            .toList();
    assertThat(shortRun.lines().toList()).isEqualTo(firstFive);
  }

  @Test
  void sessionsAreInTimeOrderWithShortAndVeryLongOnes() {
    List<String> rows =
        Cli.run("generate", "--users", "200", "--days", "60").out().lines().skip(1).toList();

    Instant previous = Instant.MIN;
    long shortOnes = 0;
    long longOnes = 0;
    for (String row : rows) {
      String[] f = row.split(",");
      Instant start = Instant.parse(f[2]);
      Duration length = Duration.between(start, Instant.parse(f[3]));
      assertThat(start).isAfterOrEqualTo(previous);
      previous = start;
      shortOnes += length.compareTo(Duration.ofMinutes(5)) < 0 ? 1 : 0;
      longOnes += length.compareTo(Duration.ofHours(24)) > 0 ? 1 : 0;
    }
    assertThat(rows.size()).isGreaterThan(1000);
    assertThat(shortOnes).isPositive();
    assertThat(longOnes).isPositive();
  }

  @Test
  void everyUsageFormatIsReadBackWithoutARejection() throws Exception {
    for (String format : List.of("sessions", "autodesk-usage", "flexlm-log")) {
      Path file = dir.resolve(format + ".out");
      Cli.Result gen =
          Cli.run(
              "generate",
              "--users",
              "60",
              "--days",
              "30",
              "--format",
              format,
              "--out",
              file.toString());
      assertThat(gen.exit()).as(format).isZero();
      assertThat(gen.err()).as(format).contains("Wrote " + file);

      JsonNode json = Cli.run("compare", "--usage", file.toString(), "-o", "json").json();

      assertThat(json.at("/import/rejected").asLong()).as(format).isZero();
      assertThat(json.at("/import/accepted").asLong()).as(format).isPositive();
      assertThat(json.get("users").size()).as(format).isGreaterThan(40);
    }
  }

  @Test
  void theFlexlmLogHasABannerTimestampsAndAFeatureNoProductMapsTo() throws Exception {
    Path log = dir.resolve("adskflex.log");
    Cli.run(
        "generate",
        "--users",
        "120",
        "--days",
        "10",
        "--format",
        "flexlm-log",
        "--out",
        log.toString());
    String text = Files.readString(log);

    assertThat(text)
        .contains("(lmgrd) Server's System Date and Time: Wed Jan 01 2025")
        .contains(" 0:00:00 (lmgrd) TIMESTAMP 1/2/2025")
        .contains("(adskflex) OUT: \"87224ACD_2024_0F\" ")
        .contains("(adskflex) IN: \"87224ACD_2024_0F\" ");
    JsonNode json = Cli.run("concurrency", "--usage", log.toString(), "-o", "json").json();
    assertThat(json.get("products").findValuesAsText("product"))
        .contains("ACD", "RVT", "87101ARNOL_2024_0F");
  }

  @Test
  void thePlanExportsGiveACurrentScenario() throws Exception {
    Path usage = dir.resolve("usage.csv");
    Path subs = dir.resolve("subs.csv");
    Path users = dir.resolve("users.csv");
    String[] common = {"generate", "--users", "50", "--days", "30"};
    Cli.run(concat(common, "--out", usage.toString()));
    Cli.run(concat(common, "--format", "autodesk-subscriptions", "--out", subs.toString()));
    Cli.run(concat(common, "--format", "autodesk-users", "--out", users.toString()));

    JsonNode json =
        Cli.run(
                "compare",
                "--usage",
                usage.toString(),
                "--entitlements",
                subs.toString(),
                "--entitlements",
                users.toString(),
                "-o",
                "json")
            .json();

    assertThat(json.get("scenarios").findValuesAsText("name"))
        .contains("current", "optimal", "all-named");
    assertThat(json.at("/import/rejected").asLong()).isZero();
  }

  @Test
  void anUnknownFormatIsWrongUsage() {
    Cli.Result r = Cli.run("generate", "--format", "xlsx");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown format 'xlsx'");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
