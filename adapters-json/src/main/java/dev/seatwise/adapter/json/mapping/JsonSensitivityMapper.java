package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.BreakEvenDto;
import dev.seatwise.adapter.json.dto.SensitivityCaseDto;
import dev.seatwise.adapter.json.dto.SensitivityResponse;
import dev.seatwise.application.port.in.ProductBreakEven;
import dev.seatwise.application.port.in.SensitivityCase;
import dev.seatwise.application.port.in.SensitivityReport;
import dev.seatwise.application.port.out.ImportReport;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link SensitivityReport} (with the import report and the currency) to the contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class, JsonComparisonMapper.class})
public interface JsonSensitivityMapper {
  JsonSensitivityMapper INSTANCE = Mappers.getMapper(JsonSensitivityMapper.class);

  @Mapping(target = "currency", source = "currency")
  @Mapping(target = "importReport", source = "importReport")
  @Mapping(
      target = "notes",
      expression = "java(JsonValueMapper.concat(report.notes(), importNotes))")
  SensitivityResponse toResponse(
      SensitivityReport report,
      ImportReport importReport,
      Currency currency,
      List<String> importNotes);

  @Mapping(
      target = "dimension",
      expression = "java(JsonValueMapper.label(sensitivityCase.dimension()))")
  @Mapping(target = "percent", expression = "java(sensitivityCase.percent().doubleValue())")
  @Mapping(target = "cheapest", expression = "java(sensitivityCase.cheapest().orElse(null))")
  SensitivityCaseDto toDto(SensitivityCase sensitivityCase);

  @Mapping(target = "tokenPrice", expression = "java(breakEven.tokenPrice().perUnit())")
  @Mapping(
      target = "windowsPerYear",
      expression =
          "java(breakEven.windowsPerYear().map(java.math.BigDecimal::doubleValue).orElse(null))")
  @Mapping(
      target = "namedPaysFrom",
      expression =
          "java(breakEven.namedPaysFrom().isPresent() ?"
              + " Long.valueOf(breakEven.namedPaysFrom().getAsLong()) : null)")
  BreakEvenDto toDto(ProductBreakEven breakEven);
}
