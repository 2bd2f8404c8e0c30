package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.CatalogDto;
import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.application.port.in.CatalogSummary;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps the bundled catalogs' summaries to the JSON contract. */
@Mapper(config = JsonMappingConfig.class)
public interface JsonCatalogMapper {
  JsonCatalogMapper INSTANCE = Mappers.getMapper(JsonCatalogMapper.class);

  CatalogDto toDto(CatalogSummary summary);

  List<CatalogDto> toDtos(List<CatalogSummary> summaries);

  default CatalogsResponse toResponse(List<CatalogSummary> summaries) {
    return new CatalogsResponse(toDtos(summaries));
  }
}
