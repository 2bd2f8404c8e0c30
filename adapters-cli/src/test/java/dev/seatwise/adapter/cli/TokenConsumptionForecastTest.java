package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code forecast} on Autodesk's Enterprise Token Flex consumption sample (adapters-files test
 * resources, tokenflex/SOURCES.md): 24,511 rows, 137,617 tokens from 2011-01-01 to 2011-12-30, no
 * users. Figures counted with awk over the file.
 */
class TokenConsumptionForecastTest {
  static final Path SAMPLE =
      Path.of("..", "adapters-files", "src", "test", "resources", "tokenflex",
          "autodesk-tokenflex-consumption-sample.csv");

  @Test
  void theHistoryIsTheFilesSumWithBurnPerPoolAndProductLine() {
    Cli.Result r = Cli.run("forecast", "--usage", SAMPLE.toString(), "-o", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = r.json();
    // the data's span: 2011-01-01 to the day after 2011-12-30, 364 days; as-of its end
    assertThat(json.at("/history/from").asText()).isEqualTo("2011-01-01");
    assertThat(json.at("/history/to").asText()).isEqualTo("2011-12-31");
    assertThat(json.get("asOf").asText()).isEqualTo("2011-12-31");
    assertThat(json.get("historyTokens").asLong()).isEqualTo(137_617);
    // January 2011: 12,693 tokens over 31 days
    assertThat(json.at("/monthlyBurn/0/month").asText()).isEqualTo("2011-01");
    assertThat(json.at("/monthlyBurn/0/tokens").asLong()).isEqualTo(12_693);
    // 137,617 / 364 = 378.0687 a day; over the 366 days to 2012-12-31: floor(137,617 x 366 / 364)
    assertThat(json.get("meanDailyBurn").decimalValue()).isEqualByComparingTo("378.0687");
    assertThat(json.get("expectedBurn").asLong()).isEqualTo(138_373);
    // pools CY 135,006 + MY 2,611 = 137,617
    assertThat(json.at("/burnByPool/0/pool").asText()).isEqualTo("CY");
    assertThat(json.at("/burnByPool/0/tokens").asLong()).isEqualTo(135_006);
    assertThat(json.at("/burnByPool/1/pool").asText()).isEqualTo("MY");
    assertThat(json.at("/burnByPool/1/tokens").asLong()).isEqualTo(2_611);
    // lines with any tokens: 158 in CY, 85 in MY
    assertThat(json.at("/burnByPool/0/productLines").asLong()).isEqualTo(158);
    assertThat(json.at("/burnByPool/1/productLines").asLong()).isEqualTo(85);
    // the dearest line is one the catalog does not know: kept under its own code
    JsonNode top = json.at("/burnByProduct/0");
    assertThat(top.get("productLine").asText()).isEqualTo("EGLPRM");
    assertThat(top.get("productName").asText()).isEqualTo("EAGLE - Premium");
    assertThat(top.get("tokens").asLong()).isEqualTo(18_482);
    assertThat(top.get("days").asLong()).isEqualTo(146);
    assertThat(top.has("product")).isFalse();
    long sum = 0;
    for (JsonNode line : json.get("burnByProduct")) {
      sum += line.get("tokens").asLong();
      if (line.get("productLine").asText().equals("MAYA")) {
        assertThat(line.get("product").asText()).isEqualTo("MAYA");
        assertThat(line.get("tokens").asLong()).isEqualTo(3_313);
      }
    }
    assertThat(json.get("burnByProduct")).hasSize(167);
    assertThat(sum).isEqualTo(137_617);
    assertThat(json.at("/import/files/0/format").asText()).isEqualTo("autodesk-token-consumption");
    assertThat(json.at("/import/files/0/rowsRead").asLong()).isEqualTo(24_511);
  }

  @Test
  void theTableShowsThePoolsAndLinesWithin100Columns() {
    Cli.Result r = Cli.run("forecast", "--usage", SAMPLE.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Pool consumption (Enterprise Token Flex), per pool:")
        .containsPattern("CY +135,006")
        .containsPattern("EGLPRM +EAGLE - Premium +18,482");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }
}
