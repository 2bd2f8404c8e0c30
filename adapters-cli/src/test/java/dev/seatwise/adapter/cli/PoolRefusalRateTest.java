package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --pool-refusal-rate} on the bundled token-pool catalog ({@code units-pool}: HM
 * holds 21 units, named 4200.00; HV holds 10 units, named 2100.00; units sold in packs of 10 at
 * 120.00 a unit or 100 at 105.00), period 2025 (365/365 days, annual prices unprorated).
 *
 * <p>a@x.com runs HM 09:00-12:00 and b@x.com HM 13:00-16:00 on days 0..9 (never together);
 * c@x.com runs HV once, day 0 10:00-11:00, beside a: 21 sessions, peak 21 + 10 = 31 units.
 */
class PoolRefusalRateTest {
  @TempDir Path dir;

  @Test
  void toleratingRefusalsNeverCostsMoreThanRefusingNobody() throws Exception {
    Path usage = write(dir);

    JsonNode none = optimal(compare(usage).json());
    JsonNode five = optimal(compare(usage, "--pool-refusal-rate", "0.05").json());

    // no refusals: the pool covers the peak 31 -> 4 packs of 10 x 1200.00 = 4800.00 (100 units at
    // 10500.00 are dearer); naming c (2100.00) leaves 21 -> 3 packs = 3600.00, 5700.00 in all; naming
    // a or b (4200.00) + 3600.00 is dearer still: everyone in the pool, 4800.00
    assertThat(new BigDecimal(none.get("total").asText())).isEqualByComparingTo("4800.00");
    assertThat(none.get("tokens").asLong()).isEqualTo(31);
    // 5% of 21 sessions = 1.05 may be refused: a pool of 21 refuses only c's HV session (a holds
    // 21), while any pool under 21 refuses all 20 HM sessions -> 21 units = 3 packs = 3600.00;
    // naming c would add 2100.00 for the same pool
    assertThat(new BigDecimal(five.get("total").asText())).isEqualByComparingTo("3600.00");
    assertThat(five.get("tokens").asLong()).isEqualTo(21);
    assertThat(new BigDecimal(five.get("total").asText()))
        .isLessThanOrEqualTo(new BigDecimal(none.get("total").asText()));
    assertThat(five.get("lines").toString())
        .contains("service level: at most 5% of the pool's intervals refused");
  }

  @Test
  void aRateOutsideZeroToOneIsAUsageError() throws Exception {
    Cli.Result r = compare(write(dir), "--pool-refusal-rate", "1");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--pool-refusal-rate must be in [0, 1) but was 1.0");
  }

  private static Cli.Result compare(Path usage, String... extra) {
    List<String> args = new ArrayList<>(List.of("compare", "--usage", usage.toString(),
        "--catalog", "units-pool", "--from", "2025-01-01", "--to", "2026-01-01", "-o", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static JsonNode optimal(JsonNode json) {
    for (JsonNode s : json.get("scenarios")) {
      if (s.get("name").asText().equals("optimal")) {
        return s;
      }
    }
    throw new AssertionError("no optimal scenario in " + json);
  }

  private static Path write(Path dir) throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add("user,product,start,end");
    for (int day = 0; day < 10; day++) {
      rows.add(row("a@x.com", "HM", day, 9, 12));
      rows.add(row("b@x.com", "HM", day, 13, 16));
    }
    rows.add(row("c@x.com", "HV", 0, 10, 11));
    Path file = dir.resolve("pool.csv");
    Files.write(file, rows);
    return file;
  }

  private static String row(String user, String product, int day, int fromHour, int toHour) {
    LocalDate d = LocalDate.of(2025, 1, 1).plusDays(day);
    return String.format(
        "%s,%s,%sT%02d:00:00Z,%sT%02d:00:00Z", user, product, d, fromHour, d, toHour);
  }
}
