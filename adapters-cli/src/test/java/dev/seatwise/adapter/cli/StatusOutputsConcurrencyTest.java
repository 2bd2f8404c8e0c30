package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code concurrency} on other licence managers' status outputs (excerpts of the real-format
 * samples read in adapters-files, MIT, Scania's license-manager; see the attribution there).
 */
class StatusOutputsConcurrencyTest {
  @TempDir Path dir;

  @Test
  void rlmstatAndATokenPoolWithSubFeaturesFeedConcurrency() throws Exception {
    Path rlm = rlmstat("count: 1000, # reservations: 0, inuse: 93, exp: 31-jan-2022",
        "    converge_super v3.0: asdj13@myserver.example.com 29/0 at 11/01 09:01  (handle: 15a)",
        "    converge_super v3.0: cddcp2@myserver.example.com 27/0 at 11/03 10:38  (handle: 128)",
        "    converge_super v3.0: asdj13@myserver.example.com 37/0 at 11/01 09:01  (handle: 15a)");
    Path pool = dir.resolve("lmstat.txt");
    Files.writeString(pool, String.join("\n",
        "Flexible License Manager status on Fri 3/8/2024 14:00",
        "Users of MSCONE:  (Total of 750 licenses issued;  Total of 6 licenses in use)",
        "    ABCDKK ER0037 SESOR045 MSCONE:ADAMS_View (v2023.0331) (myserver.example.com/29065 2639), start Fri 3/8 13:25, 5 licenses",
        "    ABCDKK ER0037 SESOR045 MSCONE:ADAMS_Car_Plugin (v2023.0331) (myserver.example.com/29065 8195), start Fri 3/8 13:25",
        ""));

    Cli.Result r = Cli.run("concurrency", "--usage", rlm.toString(), "--usage", pool.toString(),
        "--catalog", Cli.TINY, "-o", "json");

    assertThat(r.exit()).isZero();
    JsonNode products = r.json().get("products");
    JsonNode converge = find(products, "converge_super");
    assertThat(converge.get("peak").asLong()).isEqualTo(93);
    // in units: 29 + 37 held by asdj13 since 11/01 09:01 and cddcp2's 27 from 11/03 10:38 make 93
    // at 10:38, the peak the snapshot (12:48:38) saw; counted as sessions (3 at most) the peak
    // was the snapshot's, and so was its time
    assertThat(converge.get("peakAt").asText()).isEqualTo("2021-11-03T10:38:00Z");
    assertThat(converge.get("inUnits").asBoolean()).isTrue();
    assertThat(converge.get("p50").asLong()).isEqualTo(66);
    assertThat(converge.get("seatsNeeded").asLong()).isEqualTo(93);
    assertThat(converge.get("sessions").asLong()).isEqualTo(3);
    assertThat(converge.get("distinctUsers").asLong()).isEqualTo(2);
    assertThat(find(products, "MSCONE").get("peak").asLong()).isEqualTo(6);
    assertThat(find(products, "MSCONE:ADAMS_View").get("peak").asLong()).isEqualTo(5);
    assertThat(find(products, "MSCONE:ADAMS_Car_Plugin").get("peak").asLong()).isEqualTo(1);
  }

  @Test
  void aPeakWiderThanItsColumnIsPrintedWholeNeverCut() throws Exception {
    // status outputs count weights (Altair units, tokens, cores): the LM-X sample's peak of 40,000
    // was printed "40..." in the 5-column PEAK cell
    Path rlm = rlmstat("count: 10000000, # reservations: 0, inuse: 1234567, exp: 31-jan-2022",
        "    converge_super v3.0: asdj13@myserver.example.com 1234567/0 at 11/01 09:01  (handle: 15a)");

    Cli.Result r = Cli.run("concurrency", "--usage", rlm.toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isZero();
    // the check-out of 1,234,567 units from 11/01 09:01 is the peak (marked ^: in units)
    assertThat(r.out()).containsPattern("converge_super\\*\\^\\s+1,234,567 2021-11-01 09:01");
    assertThat(r.out()).doesNotContain("1,...");
  }

  /** An RLM status output of the feature converge_super: its totals line, then its check-outs. */
  private Path rlmstat(String totals, String... checkouts) throws Exception {
    Path rlm = dir.resolve("rlmstat.txt");
    List<String> lines = new ArrayList<>(List.of(
        "rlmutil v12.2",
        "    rlm status on licserv.com (port 35015), up 99d 11:08:25",
        "    Recent Statistics (00:16:08), init time: Wed Nov  3 12:32:30 2021",
        "    csci license pool status on licser.server.com (port 63133)",
        "    converge_super v3.0",
        "        " + totals,
        "        obsolete: 0, min_remove: 120, total checkouts: 169",
        "    ------------------------",
        "    csci license usage status on licser.server.com (port 63133)"));
    lines.addAll(List.of(checkouts));
    lines.add("");
    Files.writeString(rlm, String.join("\n", lines));
    return rlm;
  }

  private static JsonNode find(JsonNode products, String name) {
    for (JsonNode p : products) {
      if (p.get("product").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no row " + name + " in " + products);
  }
}
