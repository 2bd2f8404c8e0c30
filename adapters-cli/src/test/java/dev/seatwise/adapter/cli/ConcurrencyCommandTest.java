package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concurrency} on a hand-made FlexLM log whose peaks can be read off by eye. */
class ConcurrencyCommandTest {
  @TempDir static Path dir;
  static Path log;

  @BeforeAll
  static void writeLog() throws Exception {
    log = dir.resolve("adskflex.log");
    Files.writeString(
        log,
        String.join(
            "\n",
            " 8:00:00 (lmgrd) Server's System Date and Time: Mon Mar 03 2025 08:00:00 UTC",
            " 8:00:00 (lmgrd) FlexNet Licensing (v11.16.2.0 build 242433 x64_n6) started on LIC"
                + " (IBM PC) (3/3/2025)",
            " 8:00:01 (adskflex) Server started on LIC for: 87224ACD_2024_0F",
            " 9:00:00 (adskflex) OUT: \"87224ACD_2024_0F\" ann@ws1  ",
            " 9:30:00 (adskflex) OUT: \"87224ACD_2024_0F\" bob@ws2  ",
            "10:00:00 (adskflex) OUT: \"87224ACD_2024_0F\" cy@ws3  ",
            "10:15:00 (adskflex) DENIED: \"87224ACD_2024_0F\" dee@ws4  (Licensed number of users"
                + " already reached. (-4,342))",
            "11:00:00 (adskflex) IN: \"87224ACD_2024_0F\" ann@ws1  ",
            "12:00:00 (adskflex) IN: \"87224ACD_2024_0F\" bob@ws2  ",
            "12:00:00 (adskflex) IN: \"87224ACD_2024_0F\" cy@ws3  ",
            "13:00:00 (adskflex) OUT: \"87101ARNOL_2024_0F\" eve@ws5  ",
            "14:00:00 (adskflex) IN: \"87101ARNOL_2024_0F\" eve@ws5  ",
            ""));
  }

  @Test
  void jsonGivesPeakSessionsUsersAndRefusalsPerProduct() {
    Cli.Result r =
        Cli.run("concurrency", "--usage", log.toString(), "--catalog", Cli.TINY, "-o", "json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode products = r.json().get("products");
    JsonNode acd = find(products, "ACD");
    // ann 9-11, bob 9:30-12, cy 10-12: three at once from 10:00 to 11:00
    assertThat(acd.get("peak").asLong()).isEqualTo(3);
    assertThat(acd.get("peakAt").asText()).isEqualTo("2025-03-03T10:00:00Z");
    assertThat(acd.get("sessions").asLong()).isEqualTo(3);
    assertThat(acd.get("distinctUsers").asLong()).isEqualTo(3);
    assertThat(acd.get("timeAtPeak").asText()).isEqualTo("PT1H");
    assertThat(acd.get("mapped").asBoolean()).isTrue();
    assertThat(acd.get("denials").size()).isEqualTo(1);
    // dee was denied at 10:15 while ann, bob and cy held the three seats: 3 in use + 1 denied = 4
    // wanted at once, so no refusals take 4 seats (the peak in use, 3, would have refused dee again)
    assertThat(acd.get("peakDemand").asLong()).isEqualTo(4);
    assertThat(acd.get("seatsNeeded").asLong()).isEqualTo(4);
    // a feature the catalog does not know is kept under its own name
    JsonNode arnold = find(products, "87101ARNOL_2024_0F");
    assertThat(arnold.get("mapped").asBoolean()).isFalse();
    assertThat(arnold.get("peak").asLong()).isEqualTo(1);
  }

  @Test
  void theTableMarksUnmappedFeaturesAndFits100Columns() {
    Cli.Result r = Cli.run("concurrency", "--usage", log.toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("87101ARNOL_2024_0F*").contains("2025-03-03 10:00");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void csvHasOneRowPerProduct() {
    Cli.Result r =
        Cli.run("concurrency", "--usage", log.toString(), "--catalog", Cli.TINY, "-o", "csv");

    assertThat(r.out().lines().toList())
        .hasSize(3)
        .first()
        .isEqualTo(
            "product,mapped,peak,peak_at,sessions,distinct_users,p50,p90,p95,time_at_peak,denials,issued,seats_needed,in_units");
    assertThat(r.out().lines().skip(1)).allSatisfy(l -> assertThat(l).endsWith(",no"));
    // FlexLM sessions are seats: the JSON leaves inUnits out
    Cli.Result json =
        Cli.run("concurrency", "--usage", log.toString(), "--catalog", Cli.TINY, "-o", "json");
    assertThat(json.json().get("products")).allSatisfy(p -> assertThat(p.has("inUnits")).isFalse());
  }

  @Test
  void statusCheckOutsCountTheirUnitsInTheTableCsvAndJson() throws Exception {
    // the LS-DYNA sample, dated by a date line: six MPPDYNA jobs of 440 cores in all, with no start
    Path status = dir.resolve("lstc_qrun.txt");
    Files.writeString(status, "2022-06-01T12:00:00Z\n" + Files.readString(Path.of("..").toAbsolutePath()
        .normalize().resolve("adapters-files/src/test/resources/status/scania-license-manager-lsdyna-lstc_qrun.txt")));
    Cli.Result table = Cli.run("concurrency", "--usage", status.toString());
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines())
        .contains("MPPDYNA*^             440 2022-06-01 12:00         6      4    0    0    0       0m       0     440")
        .contains("^ in units: PEAK, P50/P90/P95, AT PEAK and NEEDED count the licences, tokens or cores that each")
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(table.out()).contains("seats needed are the units seen in use at once in a status snapshot for"
        + " [LICENSE GROUP,");
    JsonNode mpp = find(Cli.run("concurrency", "--usage", status.toString(), "-o", "json").json().get("products"), "MPPDYNA");
    assertThat(mpp.get("inUnits").asBoolean()).isTrue();
    assertThat(mpp.get("seatsNeeded").asLong()).isEqualTo(440);
    assertThat(Cli.run("concurrency", "--usage", status.toString(), "-o", "csv").out().lines())
        .anyMatch(l -> l.startsWith("MPPDYNA,no,440,") && l.endsWith(",440,yes"));
  }

  @Test
  void aToleratedRefusalRateOutsideZeroToHundredIsWrongUsage() {
    Cli.Result r = Cli.run("concurrency", "--usage", log.toString(), "--tolerated-refusals", "150");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--tolerated-refusals must be between 0 and 100");
  }

  private static JsonNode find(JsonNode products, String name) {
    for (JsonNode p : products) {
      if (p.get("product").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no product " + name + " in " + products);
  }
}
