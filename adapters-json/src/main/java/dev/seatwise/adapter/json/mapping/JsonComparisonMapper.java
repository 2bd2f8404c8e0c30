package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.AssignmentDto;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.GroupCostDto;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.UsageDto;
import dev.seatwise.adapter.json.dto.UserDto;
import dev.seatwise.application.port.in.Chargeback;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.GroupCost;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.domain.catalog.ProductId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link Comparison} (the {@code compare} use case's answer) to the JSON contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonComparisonMapper {
  JsonComparisonMapper INSTANCE = Mappers.getMapper(JsonComparisonMapper.class);

  @Mapping(
      target = "breakdownBy",
      expression = "java(comparison.chargeback().map(c -> c.by().label()).orElse(null))")
  @Mapping(
      target = "breakdownRule",
      expression = "java(comparison.chargeback().map(c -> c.rule()).orElse(null))")
  @Mapping(target = "breakdown", expression = "java(breakdown(comparison.chargeback()))")
  ComparisonResponse toResponse(Comparison comparison);

  /** The chargeback's groups, or null (left out of the JSON) without one. */
  default List<GroupCostDto> breakdown(Optional<Chargeback> chargeback) {
    if (chargeback.isEmpty()) {
      return null;
    }
    List<GroupCostDto> out = new ArrayList<>();
    for (GroupCost g : chargeback.get().groups()) {
      Map<String, BigDecimal> totals = new LinkedHashMap<>();
      g.totals().forEach((scenario, money) -> totals.put(scenario, money.amount()));
      out.add(new GroupCostDto(g.group(), totals));
    }
    return out;
  }

  ScenarioDto toDto(Scenario scenario);

  @Mapping(target = "assignment", expression = "java(toAssignment(user))")
  UserDto toDto(UserComparison user);

  UsageDto toDto(ProductUsage usage);

  default AssignmentDto toAssignment(UserComparison user) {
    return new AssignmentDto(ids(user.bundles()), ids(user.named()), ids(user.flex()));
  }

  List<String> ids(List<ProductId> ids);
}
