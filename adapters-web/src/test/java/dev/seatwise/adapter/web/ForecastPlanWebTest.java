package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/forecasts?plan=}: whose burn, stated in {@code burnPlan}; a bad plan is a 400. */
class ForecastPlanWebTest {
  @TempDir static Path tmp;
  static TestServer server;
  static Path usage;

  @BeforeAll
  static void start() {
    server = new TestServer(tmp);
    usage = UsageFiles.sessions(tmp.resolve("usage.csv"), 25, LocalDate.of(2025, 1, 1), 120, 11, List.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> forecast(String plan) {
    return server.post(
        "/api/forecasts?asOf=2025-05-01&from=2025-01-01&to=2025-05-01&horizonMonths=3&simulations=100"
            + (plan == null ? "" : "&plan=" + plan),
        new Multipart().file("usage", usage));
  }

  @Test
  void thePlanParameterChoosesWhoseBurnIsForecast() {
    JsonNode byDefault = TestServer.json(forecast(null));
    JsonNode allFlex = TestServer.json(forecast("all-flex"));
    JsonNode optimal = TestServer.json(forecast("optimal"));

    assertThat(byDefault.get("burnPlan").asText()).isEqualTo("unassigned");
    assertThat(allFlex.get("burnPlan").asText()).isEqualTo("all-flex");
    assertThat(optimal.get("burnPlan").asText()).isEqualTo("optimal");
    // nothing is held: the default is every window, as all-flex; the optimum burns no more
    assertThat(byDefault.get("historyTokens").asLong()).isEqualTo(allFlex.get("historyTokens").asLong());
    assertThat(optimal.get("historyTokens").asLong())
        .isLessThanOrEqualTo(allFlex.get("historyTokens").asLong());
  }

  @Test
  void anUnknownPlanIsTheClientsMistake() {
    HttpResponse<String> r = forecast("cheapest");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("detail").asText()).contains("unassigned, all-flex, current or optimal");
  }
}
