package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.AssignmentDto;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.UsageDto;
import dev.seatwise.adapter.json.dto.UserDto;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.domain.catalog.ProductId;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link Comparison} (the {@code compare} use case's answer) to the JSON contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonComparisonMapper {
  JsonComparisonMapper INSTANCE = Mappers.getMapper(JsonComparisonMapper.class);

  ComparisonResponse toResponse(Comparison comparison);

  ScenarioDto toDto(Scenario scenario);

  @Mapping(target = "assignment", expression = "java(toAssignment(user))")
  UserDto toDto(UserComparison user);

  UsageDto toDto(ProductUsage usage);

  default AssignmentDto toAssignment(UserComparison user) {
    return new AssignmentDto(ids(user.bundles()), ids(user.named()), ids(user.flex()));
  }

  List<String> ids(List<ProductId> ids);
}
