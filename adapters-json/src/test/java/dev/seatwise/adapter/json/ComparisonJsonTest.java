package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.Rejection;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.ScenarioPurchase;
import dev.seatwise.application.port.in.UnassignedSeats;
import dev.seatwise.application.port.in.UncoveredUse;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.UsageSpan;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ComparisonJsonTest {
  private final ObjectMapper json = JsonMapperFactory.create();

  static Comparison sample() {
    Currency usd = Currency.getInstance("USD");
    ImportReport report =
        new ImportReport(
            List.of(
                new FileReport(
                    "usage.csv",
                    "sessions-csv",
                    3,
                    2,
                    List.of(new Rejection("usage.csv", 17, "end", "end before start")))));
    return new Comparison(
        usd,
        new AnalysisPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneId.of("UTC")),
        "Autodesk",
        report,
        List.of(
            new Scenario(
                "all-named",
                Money.of("40600", "USD"),
                OptionalLong.empty(),
                Map.of(),
                List.of("a")),
            new Scenario(
                "all-flex", Money.of("25500.5", "USD"), OptionalLong.of(8500), Map.of(), List.of()),
            new Scenario(
                "network",
                Money.of("30000", "USD"),
                OptionalLong.empty(),
                Map.of("ACD", 6L),
                List.of()),
            new Scenario(
                "current",
                Money.of("4360", "USD"),
                OptionalLong.of(70),
                Map.of(),
                List.of("a@example.com has no seat"),
                List.of(
                    new Holding(Holding.NAMED, "ACD", 2, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "annual"),
                    new Holding(Holding.NETWORK, "ACD", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))),
                List.of(
                    new ScenarioPurchase(
                        LocalDate.of(2025, 3, 3),
                        new PackPurchase(
                            Tokens.of(70), Map.of(new TokenPack(100, UnitPrice.of("3.00", "USD")), 1L), usd))),
                List.of(new UncoveredUse(UserId.of("a@example.com"), ProductId.of("ACD"), 10, 70, "no seat assigned")),
                List.of(new UnassignedSeats(ProductId.of("ACD"), 2, 1)))),
        List.of(
            new UserComparison(
                UserId.of("a@example.com"),
                List.of(new ProductUsage(ProductId.of("ACD"), 44, 46, 322)),
                List.of(),
                List.of(ProductId.of("RVT")),
                List.of(ProductId.of("ACD")),
                Money.of("3970.2", "USD"),
                Money.of("5000", "USD"),
                Money.of("1029.8", "USD"),
                "because")),
        List.of("current is left out"),
        Optional.empty(),
        Optional.of(new UsageSpan(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 12, 31))));
  }

  @Test
  void comparisonIsWrittenInExactlyTheDocumentedShape() throws Exception {
    ComparisonResponse response = JsonComparisonMapper.INSTANCE.toResponse(sample());

    String text = json.writeValueAsString(response);

    assertThat(text)
        .isEqualTo(
            "{\"currency\":\"USD\","
                + "\"period\":{\"from\":\"2025-01-01\",\"to\":\"2026-01-01\",\"days\":365,\"zone\":\"UTC\"},"
                + "\"catalog\":\"Autodesk\","
                + "\"import\":{\"rowsRead\":3,\"accepted\":2,\"rejected\":1,\"rejections\":[{\"file\":\"usage.csv\",\"line\":17,\"reason\":\"end"
                + " before start\",\"field\":\"end\"}],"
                + "\"files\":[{\"file\":\"usage.csv\",\"format\":\"sessions-csv\",\"rowsRead\":3,\"accepted\":2,\"rejected\":1}]},"
                + "\"scenarios\":[{\"name\":\"all-named\",\"total\":40600.00,\"lines\":[\"a\"],\"holdings\":[]},"
                + "{\"name\":\"all-flex\",\"total\":25500.50,\"tokens\":8500,\"lines\":[],\"holdings\":[]},"
                + "{\"name\":\"network\",\"total\":30000.00,\"seats\":{\"ACD\":6},\"lines\":[],\"holdings\":[]},"
                + "{\"name\":\"current\",\"total\":4360.00,\"tokens\":70,\"lines\":[\"a@example.com has no seat\"],"
                + "\"holdings\":[{\"kind\":\"named\",\"what\":\"ACD\",\"quantity\":2,\"from\":\"2025-01-01\",\"to\":\"2026-01-01\",\"term\":\"annual\"},"
                + "{\"kind\":\"network\",\"what\":\"ACD\",\"quantity\":1,\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"}],"
                + "\"purchases\":[{\"date\":\"2025-03-03\",\"packs\":[{\"size\":100,\"count\":1,\"unitPrice\":3.00}],\"tokens\":100,\"cost\":300.00}],"
                + "\"uncovered\":[{\"user\":\"a@example.com\",\"product\":\"ACD\",\"windows\":10,\"tokens\":70,\"reason\":\"no seat assigned\"}],"
                + "\"unassignedSeats\":[{\"offering\":\"ACD\",\"seats\":2,\"assigned\":1,\"unassigned\":1}]}],"
                + "\"users\":[{\"user\":\"a@example.com\","
                + "\"usage\":[{\"product\":\"ACD\",\"daysUsed\":44,\"windows\":46,\"tokens\":322}],"
                + "\"assignment\":{\"bundles\":[],\"named\":[\"RVT\"],\"flex\":[\"ACD\"]},"
                + "\"cost\":3970.20,\"allNamedCost\":5000.00,\"savings\":1029.80,\"reason\":\"because\"}],\"notes\":[\"current"
                + " is left out\"],\"asOf\":\"2026-01-01\","
                + "\"usageData\":{\"from\":\"2025-03-03\",\"to\":\"2026-01-01\",\"days\":304,\"daysInPeriod\":304}}");
  }

  @Test
  void moneyIsANumberNotAString() throws Exception {
    JsonNode tree =
        json.readTree(json.writeValueAsString(JsonComparisonMapper.INSTANCE.toResponse(sample())));

    assertThat(tree.at("/scenarios/0/total").isNumber()).isTrue();
    assertThat(tree.at("/users/0/cost").decimalValue()).isEqualByComparingTo("3970.20");
  }

  @Test
  void aRejectionWithoutAFieldOmitsIt() throws Exception {
    var r = new dev.seatwise.adapter.json.dto.RejectionDto("f.csv", 2, "unknown product", "");

    assertThat(json.writeValueAsString(r))
        .isEqualTo("{\"file\":\"f.csv\",\"line\":2,\"reason\":\"unknown product\"}");
  }

  @Test
  void theResponseReadsBackEqual() throws Exception {
    ComparisonResponse response = JsonComparisonMapper.INSTANCE.toResponse(sample());

    ComparisonResponse back =
        json.readValue(json.writeValueAsString(response), ComparisonResponse.class);

    assertThat(json.writeValueAsString(back)).isEqualTo(json.writeValueAsString(response));
  }
}
