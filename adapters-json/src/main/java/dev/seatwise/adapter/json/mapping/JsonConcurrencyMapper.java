package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.dto.ProductConcurrencyDto;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.ProductConcurrency;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link ConcurrencyReport} to the JSON contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonConcurrencyMapper {
  JsonConcurrencyMapper INSTANCE = Mappers.getMapper(JsonConcurrencyMapper.class);

  ConcurrencyResponse toResponse(ConcurrencyReport report);

  @Mapping(target = "peakAt", expression = "java(product.peakAt().orElse(null))")
  @Mapping(target = "denials", source = "denialsByReason")
  @Mapping(target = "issued", expression = "java(product.issued().orElse(null))")
  @Mapping(target = "seatsNeeded", source = "seatsForToleratedRefusals")
  @Mapping(target = "inUnits", expression = "java(product.inUnits() ? Boolean.TRUE : null)")
  ProductConcurrencyDto toDto(ProductConcurrency product);
}
