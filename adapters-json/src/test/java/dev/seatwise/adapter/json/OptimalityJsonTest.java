package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import dev.seatwise.application.port.in.Optimality;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The optimal scenario's {@code optimality} in JSON: present for optimal, left out otherwise. */
class OptimalityJsonTest {
  private final ObjectMapper json = JsonMapperFactory.create();

  @Test
  void theOptimalScenarioSaysHowFarFromTheOptimumItCanBe() throws Exception {
    Scenario optimal =
        new Scenario(
            Scenario.OPTIMAL, Money.of("4465.23", "USD"), OptionalLong.of(0), Map.of(), List.of("x"),
            List.of(), List.of(), List.of(), List.of(),
            Optional.of(new Optimality(false, Money.of("4400", "USD"), Money.of("65.23", "USD"), 3)));
    ScenarioDto dto = JsonComparisonMapper.INSTANCE.toDto(optimal);

    assertThat(json.writeValueAsString(dto))
        .endsWith(
            "\"optimality\":{\"proven\":false,\"lowerBound\":4400.00,\"gap\":65.23,\"schedulesEvaluated\":3}}");
  }

  @Test
  void otherScenariosHaveNoOptimality() throws Exception {
    Scenario named = new Scenario(Scenario.ALL_NAMED, Money.of("1", "USD"), OptionalLong.empty(), Map.of(), List.of());

    assertThat(json.writeValueAsString(JsonComparisonMapper.INSTANCE.toDto(named))).doesNotContain("optimality");
  }
}
