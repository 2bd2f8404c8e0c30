package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CatalogsCommandTest {
  @Test
  void listsTheBundledAutodeskCatalog() {
    Cli.Result table = Cli.run("catalogs");
    JsonNode json = Cli.run("catalogs", "-o", "json").json();

    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("autodesk").contains("Autodesk").contains("USD");
    JsonNode autodesk = json.at("/catalogs/0");
    assertThat(autodesk.get("name").asText()).isEqualTo("autodesk");
    assertThat(autodesk.get("products").asInt()).isGreaterThanOrEqualTo(9);
    assertThat(autodesk.get("bundles").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(autodesk.get("versions").size()).isPositive();
  }

  @Test
  void theListShowsEveryVendorAndMeterWholeWithinTheWidth() {
    // they were cut to 12 and 14 columns ("Units Poo...", "concurrent-...")
    Cli.Result table = Cli.run("catalogs");

    assertThat(table.out())
        .contains("concurrent-token-pool-leveled", "Units Pool (illustrative)",
            "Bentley (E365 daily usage, illustrative prices)", "daily-usage-10min")
        .doesNotContain("...");
    assertThat(table.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Text.WIDTH));
    assertThat(table.out().lines()).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
  }

  @Test
  void showGivesEveryPriceOfACatalogFile() {
    Cli.Result table = Cli.run("catalogs", "--show", Cli.TINY);
    JsonNode json = Cli.run("catalogs", "--show", Cli.TINY, "-o", "json").json();

    assertThat(table.exit()).isZero();
    assertThat(table.out())
        .contains("Token packs: 100 tokens at 2.00 = 200.00; 1,000 tokens at 1.50 = 1,500.00")
        .contains("AECCOL")
        .contains("ACD");
    assertThat(table.out().lines())
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(json.get("vendor").asText()).isEqualTo("Tiny");
    assertThat(json.get("tokenExpiry").asText()).isEqualTo("P12M");
    assertThat(json.at("/packs/1/price").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(json.at("/products/0/namedAnnual").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(json.at("/products/0/tokensPerWindow").asLong()).isEqualTo(10);
    assertThat(json.at("/products/2").has("networkAnnual")).isFalse();
    assertThat(json.at("/bundles/0/includes").toString()).isEqualTo("[\"ACD\",\"C3D\",\"RVT\"]");
  }

  @Test
  void showSaysWhichMeteringRuleAppliesForAMeterOtherThanFlexWindows() {
    // before: the pool and daily-usage catalogs were shown with "Flex: access windows of 24h from
    // first launch, launches under 5m free", which their meters do not use (their files say so)
    Cli.Result pool = Cli.run("catalogs", "--show", "units-pool");
    Cli.Result autodesk = Cli.run("catalogs", "--show", "autodesk");

    assertThat(pool.exit()).isZero();
    assertThat(pool.out())
        .doesNotContain("access windows of 24h")
        .contains("Metering: the concurrent-token-pool-leveled meter's own rule")
        .contains("TOKEN RATE");
    assertThat(autodesk.out())
        .contains("Flex: access windows of 24h from first launch, launches under 5m free")
        .contains("TOKENS/WINDOW");
  }

  @Test
  void showingAnUnknownCatalogIsBadInput() {
    Cli.Result r = Cli.run("catalogs", "--show", "nosuch");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no catalog 'nosuch'");
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(Cli.run("--help").exit()).isZero();
    assertThat(Cli.run("--version").out()).startsWith("seatwise ");
    assertThat(Cli.run("compare", "--help").out()).contains("--usage=FILE").contains("--pin-named");
  }
}
