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
  void helpAndVersionExitZero() {
    assertThat(Cli.run("--help").exit()).isZero();
    assertThat(Cli.run("--version").out()).startsWith("seatwise ");
    assertThat(Cli.run("compare", "--help").out()).contains("--usage=FILE").contains("--pin-named");
  }
}
