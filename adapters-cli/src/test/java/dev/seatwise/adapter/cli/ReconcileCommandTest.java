package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seatwise reconcile} on a hand-made week with one difference of each kind (bundled Autodesk
 * catalog: AutoCAD 7 tokens, Revit 10; 2024-03-04 is a Monday; days in UTC). Worked by hand:
 *
 * <ul>
 *   <li>dan: charged 7 Mon, no usage: charged with no usage seen;
 *   <li>eve: Revit Mon 09-10, not charged: usage seen and not charged (replayed 10);
 *   <li>gus: AutoCAD 3 minutes Mon, charged 7: different amount, use under 5 minutes;
 *   <li>hal: AutoCAD 1 h Mon, charged 14: different amount, no rule identified;
 *   <li>ann: AutoCAD Mon 08:00 to Tue 17:00, charged Mon only: Tue replayed 7 (continuation);
 *   <li>fay: Revit Mon 08-09 and Tue 09-10, charged Mon only: Tue replayed 10 (idle pause);
 *   <li>ida: AutoCAD Mon 20:00 to Tue 10:00, charged Mon and Tue: Tue charged 7, replayed 0
 *       (continuation).
 * </ul>
 *
 * Charged 7+7+10+7+14+7+7 = 59; replayed ann 14 + eve 10 + fay 20 + hal 7 + ida 7 = 58.
 */
class ReconcileCommandTest {
  @TempDir static Path dir;
  static Path tokens;
  static Path week;

  @BeforeAll
  static void writeFiles() throws Exception {
    tokens = dir.resolve("token-usage.csv");
    Files.writeString(
        tokens,
        "Day used,Email,First name,Last name,Product,Feature,Team,Tokens used\n"
            + "2024-03-04,ann@x.com,Ann,A,AutoCAD,,Design,7\n"
            + "2024-03-04,dan@x.com,Dan,D,AutoCAD,,Design,7\n"
            + "2024-03-04,fay@x.com,Fay,F,Revit,,Design,10\n"
            + "2024-03-04,gus@x.com,Gus,G,AutoCAD,,Design,7\n"
            + "2024-03-04,hal@x.com,Hal,H,AutoCAD,,Design,14\n"
            + "2024-03-04,ida@x.com,Ida,I,AutoCAD,,Design,7\n"
            + "2024-03-05,ida@x.com,Ida,I,AutoCAD,,Design,7\n");
    week = dir.resolve("sessions.csv");
    Files.writeString(
        week,
        "user,product,start,end\n"
            + "ann@x.com,ACD,2024-03-04T08:00:00Z,2024-03-05T17:00:00Z\n"
            + "eve@x.com,RVT,2024-03-04T09:00:00Z,2024-03-04T10:00:00Z\n"
            + "fay@x.com,RVT,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z\n"
            + "fay@x.com,RVT,2024-03-05T09:00:00Z,2024-03-05T10:00:00Z\n"
            + "gus@x.com,ACD,2024-03-04T10:00:00Z,2024-03-04T10:03:00Z\n"
            + "hal@x.com,ACD,2024-03-04T09:00:00Z,2024-03-04T10:00:00Z\n"
            + "ida@x.com,ACD,2024-03-04T20:00:00Z,2024-03-05T10:00:00Z\n");
  }

  @Test
  void jsonHasTheTotalsAndOneDifferenceOfEachKind() {
    Cli.Result r =
        Cli.run("reconcile", "--usage", tokens.toString(), "--usage", week.toString(), "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("charged").asLong()).isEqualTo(59);
    assertThat(j.get("replayed").asLong()).isEqualTo(58);
    assertThat(j.get("difference").asLong()).isEqualTo(1);
    assertThat(j.get("daysCompared").asLong()).isEqualTo(10);
    assertThat(j.at("/import/rowsRead").asLong()).isEqualTo(14);
    List<String> rows = new ArrayList<>();
    for (JsonNode d : j.get("differences")) {
      rows.add(
          String.join(
              " ",
              d.get("day").asText(),
              d.get("user").asText(),
              d.get("product").asText(),
              d.get("charged").asText(),
              d.get("replayed").asText(),
              d.get("kind").asText(),
              d.has("rule") ? d.get("rule").asText() : "-"));
    }
    assertThat(rows)
        .containsExactly(
            "2024-03-04 dan@x.com ACD 7 0 charged-without-usage -",
            "2024-03-04 eve@x.com RVT 0 10 usage-not-charged -",
            "2024-03-04 gus@x.com ACD 7 0 different-amount under-5-minutes",
            "2024-03-04 hal@x.com ACD 14 7 different-amount -",
            "2024-03-05 ann@x.com ACD 0 7 usage-not-charged continuation-past-24h",
            "2024-03-05 fay@x.com RVT 0 10 usage-not-charged idle-pause",
            "2024-03-05 ida@x.com ACD 7 0 different-amount continuation-past-24h");
    assertThat(j.at("/differences/0/reason").asText()).isEqualTo("charged with no usage seen");
    assertThat(j.at("/differences/5/reason").asText())
        .startsWith("usage seen and not charged: likely the idle pause");
    // dan was charged and never seen; eve was seen and never charged: a note counts them
    List<String> notes = new ArrayList<>();
    j.get("notes").forEach(n -> notes.add(n.asText()));
    assertThat(notes)
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(
                        "people named on one side only: 1 of the 6 charged have no usage in the"
                            + " usage files, and 1 of the 6 with usage were never charged")
                    .contains("give --identities"));
  }

  @Test
  void theTableShowsTotalsAndReasonsAndTheCsvIsOneRowPerDifference() {
    Cli.Result table = Cli.run("reconcile", "--usage", tokens.toString(), "--usage", week.toString());
    Cli.Result csv =
        Cli.run("reconcile", "--usage", tokens.toString(), "--usage", week.toString(), "-o", "csv");

    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("Flex charged 59 tokens; the replay charges 58; difference +1 (7 of 10")
        .contains("dan@x.com")
        .contains("charged with no usage seen");
    assertThat(table.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(csv.out().lines().toList())
        .hasSize(8)
        .first()
        .isEqualTo("day,user,product,charged,replayed,difference,kind,rule,reason");
    assertThat(csv.out()).contains("2024-03-04,dan@x.com,ACD,7,0,7,charged-without-usage,,");
  }

  @Test
  void twoExportsThatOverlapAreAddedTogetherAndANoteSaysSo() throws Exception {
    // the same export twice: every day charged twice over, and a note that says why
    Cli.Result r =
        Cli.run("reconcile", "--usage", tokens.toString(), "--usage", tokens.toString(), "--usage",
            week.toString(), "-o", "json");
    Cli.Result once =
        Cli.run("reconcile", "--usage", tokens.toString(), "--usage", week.toString(), "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("charged").asLong()).isEqualTo(2 * 59);
    List<String> notes = new ArrayList<>();
    r.json().get("notes").forEach(n -> notes.add(n.asText()));
    assertThat(notes)
        .contains(
            "7 Token Usage rows repeat the day, person and product of an earlier row; the tokens of"
                + " such rows are added together (two exports that overlap? give each day once)");
    once.json().get("notes").forEach(n -> assertThat(n.asText()).doesNotContain("repeat"));
  }

  @Test
  void withoutTheTokenUsageExportOrWithoutUsageReconcileSaysWhatIsMissing() {
    Cli.Result noCharges = Cli.run("reconcile", "--usage", week.toString());
    Cli.Result noUsage = Cli.run("reconcile", "--usage", tokens.toString());

    assertThat(noCharges.exit()).isEqualTo(1);
    assertThat(noCharges.err()).contains("Token Usage export");
    assertThat(noUsage.exit()).isEqualTo(1);
    assertThat(noUsage.err()).contains("give the same people's usage too");
  }

  @Test
  void theTokenUsageExportAloneIsUsageForCompareAndForecast() {
    Cli.Result compare = Cli.run("compare", "--usage", tokens.toString(), "-o", "json");
    Cli.Result forecast = Cli.run("forecast", "--usage", tokens.toString(), "-o", "json");

    assertThat(compare.exit()).as(compare.err()).isZero();
    // one window per day charged, at the catalog's rate: 6 AutoCAD x 7 + 1 Revit x 10 = 52
    JsonNode allFlex = null;
    for (JsonNode s : compare.json().get("scenarios")) {
      if (s.get("name").asText().equals("all-flex")) {
        allFlex = s;
      }
    }
    assertThat(allFlex).isNotNull();
    assertThat(allFlex.get("tokens").asLong()).isEqualTo(52);
    assertThat(compare.json().get("notes").toString()).contains("only what Flex charged");
    assertThat(forecast.exit()).as(forecast.err()).isZero();
    assertThat(forecast.json().get("historyTokens").asLong()).isEqualTo(52);
  }
}
