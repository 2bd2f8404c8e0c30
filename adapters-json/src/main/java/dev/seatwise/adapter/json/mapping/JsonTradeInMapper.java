package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.TradeInOptionDto;
import dev.seatwise.adapter.json.dto.TradeInResponse;
import dev.seatwise.application.port.in.TradeInEvaluation;
import dev.seatwise.application.port.in.TradeInOption;
import dev.seatwise.application.port.out.ImportReport;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link TradeInEvaluation} (with the import report and the currency) to the contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonTradeInMapper {
  JsonTradeInMapper INSTANCE = Mappers.getMapper(JsonTradeInMapper.class);

  @Mapping(target = "currency", source = "currency")
  @Mapping(target = "importReport", source = "importReport")
  @Mapping(
      target = "notes",
      expression = "java(JsonValueMapper.concat(evaluation.notes(), importNotes))")
  @Mapping(
      target = "peakConcurrency",
      expression =
          "java(evaluation.peakConcurrency().isPresent() ?"
              + " Long.valueOf(evaluation.peakConcurrency().getAsLong()) : null)")
  @Mapping(
      target = "cheapest",
      expression = "java(JsonValueMapper.label(evaluation.cheapest().choice()))")
  TradeInResponse toResponse(
      TradeInEvaluation evaluation,
      ImportReport importReport,
      Currency currency,
      List<String> importNotes);

  @Mapping(target = "choice", expression = "java(JsonValueMapper.label(option.choice()))")
  TradeInOptionDto toDto(TradeInOption option);
}
