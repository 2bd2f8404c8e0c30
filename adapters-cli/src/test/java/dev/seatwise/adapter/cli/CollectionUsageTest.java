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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Collection checkouts end to end, through the real command line and the bundled Autodesk catalog
 * (issue 14): the same small day, Mon 2026-03-02 in UTC, as a FlexLM debug log, an lmstat snapshot
 * and a sessions CSV. ann (08:00-12:00) and carl (09:00-10:00) check out the AEC Collection
 * ({@code 86815AECCOL_T_F}), bob AutoCAD (08:00-09:00).
 *
 * <p>Worked by hand from catalogs/autodesk.yaml: one 24 h window each. The collection's members are
 * ACD 7, RVT 10, C3D 9, NAVMAN 10 and 3DSMAX 6 tokens; the member that ran is not in the data, so a
 * collection window costs the dearest member's rate, 10. All-flex: 10 + 10 + 7 = 27 tokens. All
 * named: 2 AEC Collection seats at 3675.00 x 1/365 = 10.07 each and 1 AutoCAD seat at 2030.00 x
 * 1/365 = 5.56, total 25.70. Concurrency of the collection: 2 at 09:00.
 */
class CollectionUsageTest {
  @TempDir static Path dir;
  static Path log;
  static Path lmstat;
  static Path csv;

  @BeforeAll
  static void writeFiles() throws Exception {
    log = dir.resolve("adskflex-debug.log");
    Files.writeString(
        log,
        String.join(
            "\n",
            " 7:59:59 (lmgrd) Server's System Date and Time: Mon Mar 02 2026 07:59:59 UTC",
            " 8:00:00 (lmgrd) FlexNet Licensing (v11.16.2.1 build 244538 x64_n6) started on LICSRV01"
                + " (IBM PC) (3/2/2026)",
            " 8:00:01 (adskflex) Server started on LICSRV01 for:\t86815AECCOL_T_F\t87224ACD_2024_0F",
            " 8:00:00 (adskflex) OUT: \"86815AECCOL_T_F\" ann@WS-1  ",
            " 8:00:00 (adskflex) OUT: \"87224ACD_2024_0F\" bob@WS-2  ",
            " 9:00:00 (adskflex) OUT: \"86815AECCOL_T_F\" carl@WS-3  ",
            " 9:00:00 (adskflex) IN: \"87224ACD_2024_0F\" bob@WS-2  ",
            "10:00:00 (adskflex) IN: \"86815AECCOL_T_F\" carl@WS-3  ",
            "12:00:00 (adskflex) IN: \"86815AECCOL_T_F\" ann@WS-1  ",
            ""));
    lmstat = dir.resolve("lmstat.txt");
    Files.writeString(
        lmstat,
        String.join(
            "\n",
            "lmutil - Copyright (c) 1989-2018 Flexera. All Rights Reserved.",
            "Flexible License Manager status on Mon 3/2/2026 12:00",
            "",
            "License server status: 27000@LICSRV01",
            "  LICSRV01: license server UP (MASTER) v11.16.2",
            "",
            "Vendor daemon status (on LICSRV01):",
            "",
            "  adskflex: UP v11.16.2",
            "Feature usage info:",
            "",
            "Users of 86815AECCOL_T_F:  (Total of 10 licenses issued;  Total of 2 licenses in use)",
            "",
            "  \"86815AECCOL_T_F\" v1.000, vendor: adskflex, expiry: 15-dec-2026",
            "  floating license",
            "",
            "    ann WS-1 WS-1 (v1.000) (LICSRV01/27000 301), start Mon 3/2 8:00",
            "    carl WS-3 WS-3 (v1.000) (LICSRV01/27000 1502), start Mon 3/2 9:00",
            "",
            "Users of 87224ACD_2024_0F:  (Total of 5 licenses issued;  Total of 1 license in use)",
            "",
            "  \"87224ACD_2024_0F\" v1.000, vendor: adskflex, expiry: permanent(no expiration date)",
            "  floating license",
            "",
            "    bob WS-2 WS-2 (v1.000) (LICSRV01/27000 2203), start Mon 3/2 8:00, 1 license",
            ""));
    csv = dir.resolve("sessions.csv");
    Files.writeString(
        csv,
        "user,product,start,end\n"
            + "ann,AEC Collection,2026-03-02T08:00:00Z,2026-03-02T12:00:00Z\n"
            + "bob,ACD,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z\n"
            + "carl,AECCOL,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\n");
  }

  private static Path input(String kind) {
    return switch (kind) {
      case "log" -> log;
      case "lmstat" -> lmstat;
      default -> csv;
    };
  }

  private static JsonNode scenario(JsonNode comparison, String name) {
    for (JsonNode s : comparison.get("scenarios")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no scenario " + name + " in " + comparison);
  }

  @ParameterizedTest
  @ValueSource(strings = {"log", "lmstat", "csv"})
  void aCollectionCheckoutIsUsageOfTheCollectionAndItsNamedAlternativeIsTheCollection(String kind) {
    // the one day of data, given explicitly: compare's default period is now at least a year
    Cli.Result r =
        Cli.run(
            "compare", "--usage", input(kind).toString(), "--from", "2026-03-02", "--to", "2026-03-03",
            "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode c = r.json();
    assertThat(c.at("/import/rejected").asLong()).isZero();
    assertThat(scenario(c, "all-flex").get("tokens").asLong()).isEqualTo(27);
    // one day of use: the cheapest terms bought that cover it are one month (AECCOL 450.00, ACD
    // 255.00, less than a year), but the period is charged 1 of its 31 days, 450.00 x 1/31 = 14.52
    // and 255.00 x 1/31 = 8.23, more than 1 of the common annual seat's 365, 3675.00 x 1/365 =
    // 10.07 and 2030.00 x 1/365 = 5.56: the common seat, as every plan charges it (TermChoice);
    // 2 x 10.07 + 5.56 = 25.70 (until session 8 the monthly terms, 2 x 14.52 + 8.23 = 37.27)
    assertThat(scenario(c, "all-named").get("total").decimalValue()).isEqualByComparingTo("25.70");
    assertThat(scenario(c, "all-named").get("lines").toString())
        .contains("AECCOL named: 2 seats x 10.07 (3675.00/yr x 1/365 days) = 20.14");
    List<String> seen = new ArrayList<>();
    for (JsonNode u : c.get("users")) {
      if (!u.get("user").asText().equals("bob")) {
        assertThat(u.at("/usage/0/product").asText()).isEqualTo("AECCOL");
        assertThat(u.at("/usage/0/windows").asLong()).isEqualTo(1);
        assertThat(u.at("/usage/0/tokens").asLong()).isEqualTo(10);
        assertThat(u.at("/assignment/bundles/0").asText()).isEqualTo("AECCOL");
        seen.add(u.get("user").asText());
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("ann", "carl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"log", "lmstat", "csv"})
  void concurrencyIsCountedPerCollection(String kind) {
    Cli.Result r = Cli.run("concurrency", "--usage", input(kind).toString(), "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode aec = null;
    for (JsonNode p : r.json().get("products")) {
      if (p.get("product").asText().equals("AECCOL")) {
        aec = p;
      }
    }
    assertThat(aec).as(r.out()).isNotNull();
    assertThat(aec.get("peak").asLong()).isEqualTo(2);
    assertThat(aec.get("peakAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"log", "lmstat", "csv"})
  void noCommandEndsInAnInternalError(String kind) {
    String file = input(kind).toString();
    for (String[] args :
        List.of(
            new String[] {"compare", "--usage", file},
            new String[] {"forecast", "--usage", file},
            new String[] {"review", "--usage", file},
            new String[] {"sensitivity", "--usage", file},
            new String[] {"explain", "ann", "--usage", file})) {
      Cli.Result r = Cli.run(args);
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
      assertThat(r.err()).doesNotContain("internal error");
    }
  }

  @Test
  void theAssumptionIsDisplayedAndOverriddenByTokensOrByAMember() {
    Cli.Result dflt = Cli.run("compare", "--usage", csv.toString(), "-o", "json");
    Cli.Result byTokens =
        Cli.run("compare", "--usage", csv.toString(), "--collection-rate", "AECCOL=3", "-o", "json");
    Cli.Result byMember =
        Cli.run(
            "compare", "--usage", csv.toString(), "--collection-rate", "AEC Collection=ACD",
            "-o", "json");

    assertThat(dflt.json().get("notes").toString())
        .contains(
            "AECCOL (collection) checkouts: the member product that ran is not recorded; of 2"
                + " windows (20 tokens), 2 priced at the dearest member's rate (10 tokens: NAVMAN,"
                + " RVT)");
    // 3 + 3 + bob's AutoCAD 7
    assertThat(scenario(byTokens.json(), "all-flex").get("tokens").asLong()).isEqualTo(13);
    assertThat(byTokens.json().get("notes").toString())
        .contains("2 priced at the rate stated for the collection (3 tokens)");
    // AutoCAD's rate, 7: 7 + 7 + 7
    assertThat(scenario(byMember.json(), "all-flex").get("tokens").asLong()).isEqualTo(21);
  }

  @Test
  void aMemberUsedInTheSameWindowPricesTheCollectionWindow() throws Exception {
    Path both = dir.resolve("both.csv");
    Files.writeString(
        both,
        "user,product,start,end\n"
            + "ann,AECCOL,2026-03-02T08:00:00Z,2026-03-02T12:00:00Z\n"
            + "ann,C3D,2026-03-02T13:00:00Z,2026-03-02T14:00:00Z\n");

    Cli.Result r = Cli.run("compare", "--usage", both.toString(), "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    // the collection window (08:00 + 24 h) holds a Civil 3D session: 9 tokens, plus Civil 3D's own 9
    assertThat(scenario(r.json(), "all-flex").get("tokens").asLong()).isEqualTo(18);
    assertThat(r.json().get("notes").toString())
        .contains("1 priced at the members the user used in the same window (9 tokens: C3D)");
  }

  @Test
  void aCollectionRateThatNamesNoCollectionOrNoMemberIsBadInputNotABug() {
    Cli.Result notACollection =
        Cli.run("compare", "--usage", csv.toString(), "--collection-rate", "ACD=3");
    Cli.Result notAMember =
        Cli.run("compare", "--usage", csv.toString(), "--collection-rate", "AECCOL=MAYA");

    assertThat(notACollection.exit()).isEqualTo(1);
    assertThat(notACollection.err()).contains("'ACD' is not a collection");
    assertThat(notAMember.exit()).isEqualTo(1);
    assertThat(notAMember.err()).contains("neither a number of tokens nor a member of AECCOL");
  }

  @Test
  void aCollectionInTheAutodeskUsageExportIsUsageOfTheCollection() throws Exception {
    // daily rows, no clock times: ann used the collection and Revit on Monday, bob the collection
    // on Tuesday. ann's window is priced at Revit's 10 (a member seen that day), bob's at the
    // dearest member's 10; both are offered a collection seat.
    Path export = dir.resolve("usage-export.csv");
    Files.writeString(
        export,
        "Day used,Email,Product name,Product version\n"
            + "2026-03-02,ann@x.com,AEC Collection,2024\n"
            + "2026-03-02,ann@x.com,Revit,2024\n"
            + "2026-03-03,bob@x.com,Autodesk AEC Collection,2024\n");

    // the two days as the period (by default it would be a year, and two days of use go Flex)
    Cli.Result r =
        Cli.run(
            "compare", "--usage", export.toString(), "--from", "2026-03-02", "--to", "2026-03-04",
            "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().at("/import/rejected").asLong()).isZero();
    assertThat(r.json().get("notes").toString())
        .contains("1 priced at the members the user used in the same window (10 tokens: RVT)")
        .contains("1 priced at the dearest member's rate (10 tokens: NAVMAN, RVT)");
    for (JsonNode u : r.json().get("users")) {
      assertThat(u.at("/assignment/bundles/0").asText()).isEqualTo("AECCOL");
    }
  }
}
