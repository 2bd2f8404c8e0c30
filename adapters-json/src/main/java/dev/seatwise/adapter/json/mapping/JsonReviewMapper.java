package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.RenewalActionDto;
import dev.seatwise.adapter.json.dto.ReviewResponse;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.adapter.json.dto.PeriodDto;
import dev.seatwise.domain.money.Money;
import java.util.ArrayList;
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

  /** The review with each action's running total (current minus the savings so far). */
  default ReviewResponse toResponse(
      RenewalReview review, ImportReport importReport, Currency currency, List<String> importNotes) {
    List<RenewalActionDto> actions = new ArrayList<>();
    List<Money> totals = review.runningTotals();
    for (int i = 0; i < review.actions().size(); i++) {
      actions.add(toDto(review.actions().get(i), totals.get(i)));
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(review.periodFrom(), review.periodTo());
    return new ReviewResponse(
        currency.getCurrencyCode(),
        review.asOf(),
        new PeriodDto(review.history().from(), review.history().to(), review.history().days(),
            review.history().zone().getId()),
        review.idleDays(),
        review.tokenPrice().map(p -> p.perUnit()).orElse(null),
        actions,
        JsonImportMapper.INSTANCE.toDto(importReport),
        JsonValueMapper.concat(review.notes(), importNotes),
        new PeriodDto(review.periodFrom(), review.periodTo(), days, review.history().zone().getId()),
        review.current().amount(),
        review.target().amount(),
        review.optimum().amount(),
        review.target().minus(review.optimum()).amount(),
        review.idleSeats().stream()
            .map(i -> new dev.seatwise.adapter.json.dto.IdleSeatDto(
                i.user().value(), i.offering().value(), i.lastUse().orElse(null), i.unusedDays()))
            .toList());
  }

  @Mapping(target = "kind", expression = "java(JsonValueMapper.label(action.kind()))")
  @Mapping(target = "user", expression = "java(action.user().map(u -> u.value()).orElse(null))")
  @Mapping(
      target = "offering",
      expression = "java(action.offering().map(o -> o.value()).orElse(null))")
  @Mapping(target = "lot", expression = "java(action.lot().orElse(null))")
  @Mapping(target = "runningTotal", source = "runningTotal")
  @Mapping(
      target = "users",
      expression = "java(action.users().stream().map(u -> u.value()).toList())")
  RenewalActionDto toDto(RenewalAction action, Money runningTotal);
}
