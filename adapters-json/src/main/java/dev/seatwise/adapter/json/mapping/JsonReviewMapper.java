package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.RenewalActionDto;
import dev.seatwise.adapter.json.dto.ReviewResponse;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.out.ImportReport;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link RenewalReview} (with the import report and the currency) to the contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonReviewMapper {
  JsonReviewMapper INSTANCE = Mappers.getMapper(JsonReviewMapper.class);

  @Mapping(target = "currency", source = "currency")
  @Mapping(target = "importReport", source = "importReport")
  @Mapping(
      target = "notes",
      expression = "java(JsonValueMapper.concat(review.notes(), importNotes))")
  @Mapping(
      target = "tokenPrice",
      expression = "java(review.tokenPrice().map(p -> p.perUnit()).orElse(null))")
  ReviewResponse toResponse(
      RenewalReview review, ImportReport importReport, Currency currency, List<String> importNotes);

  @Mapping(target = "kind", expression = "java(JsonValueMapper.label(action.kind()))")
  @Mapping(target = "user", expression = "java(action.user().map(u -> u.value()).orElse(null))")
  @Mapping(
      target = "offering",
      expression = "java(action.offering().map(o -> o.value()).orElse(null))")
  @Mapping(target = "lot", expression = "java(action.lot().orElse(null))")
  RenewalActionDto toDto(RenewalAction action);
}
