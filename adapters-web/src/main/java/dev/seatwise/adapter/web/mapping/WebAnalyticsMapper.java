package dev.seatwise.adapter.web.mapping;

import dev.seatwise.adapter.json.mapping.JsonValueMapper;
import dev.seatwise.adapter.web.dto.ForecastResponse;
import dev.seatwise.adapter.web.dto.ForecastResponse.MonthDto;
import dev.seatwise.adapter.web.dto.ForecastResponse.PlanDto;
import dev.seatwise.adapter.web.dto.ForecastResponse.ProjectedMonthDto;
import dev.seatwise.adapter.web.dto.ForecastResponse.PurchaseDto;
import dev.seatwise.adapter.web.dto.ReviewResponse;
import dev.seatwise.adapter.web.dto.ReviewResponse.ActionDto;
import dev.seatwise.application.port.in.MonthlyBurn;
import dev.seatwise.application.port.in.PlannedPurchase;
import dev.seatwise.application.port.in.ProjectedMonth;
import dev.seatwise.application.port.in.PurchasePlan;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps the forecast and review results to the web's JSON records, with adapters-json's value
 * conversions (money as amounts, ids as text, periods with their days and zone).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, uses = JsonValueMapper.class)
public interface WebAnalyticsMapper {
  WebAnalyticsMapper INSTANCE = Mappers.getMapper(WebAnalyticsMapper.class);

  @Mapping(target = "runOut", expression = "java(forecast.runOut().orElse(null))")
  ForecastResponse toResponse(TokenForecast forecast);

  @Mapping(target = "month", expression = "java(burn.month().toString())")
  MonthDto toDto(MonthlyBurn burn);

  ProjectedMonthDto toDto(ProjectedMonth month);

  PlanDto toDto(PurchasePlan plan);

  @Mapping(target = "tokens", expression = "java(purchase.tokens())")
  @Mapping(target = "cost", expression = "java(purchase.cost().amount())")
  @Mapping(target = "packs", expression = "java(purchase.packs().toString())")
  PurchaseDto toDto(PlannedPurchase purchase);

  List<PurchaseDto> toPurchases(List<PlannedPurchase> purchases);

  /** The review; its currency is that of the first action's saving (empty when no action). */
  default ReviewResponse toResponse(RenewalReview review) {
    List<ActionDto> actions = review.actions().stream().map(this::toDto).toList();
    String currency =
        review.actions().isEmpty()
            ? review.tokenPrice().map(p -> p.currency().getCurrencyCode()).orElse("")
            : review.actions().get(0).saving().currency().getCurrencyCode();
    return new ReviewResponse(
        review.asOf(),
        Mappers.getMapper(JsonValueMapper.class).period(review.history()),
        review.idleDays(),
        review.tokenPrice().map(p -> p.perUnit()).orElse(null),
        currency,
        actions,
        review.notes());
  }

  /** One action, mapped by hand: its optional parts become omitted fields. */
  default ActionDto toDto(RenewalAction a) {
    return new ActionDto(
        a.kind().name(),
        a.user().map(UserId::value).orElse(null),
        a.offering().map(ProductId::value).orElse(null),
        a.lot().orElse(null),
        a.saving().amount(),
        a.actionableOn(),
        a.reason());
  }
}
