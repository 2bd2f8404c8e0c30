package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.ForecastResponse;
import dev.seatwise.adapter.json.dto.MonthlyBurnDto;
import dev.seatwise.adapter.json.dto.PackCountDto;
import dev.seatwise.adapter.json.dto.PoolBurnDto;
import dev.seatwise.adapter.json.dto.ProductLineBurnDto;
import dev.seatwise.adapter.json.dto.PlannedPurchaseDto;
import dev.seatwise.adapter.json.dto.ProjectedMonthDto;
import dev.seatwise.adapter.json.dto.PurchasePlanDto;
import dev.seatwise.application.port.in.MonthlyBurn;
import dev.seatwise.application.port.in.PlannedPurchase;
import dev.seatwise.application.port.in.PoolBurn;
import dev.seatwise.application.port.in.ProductLineBurn;
import dev.seatwise.application.port.in.ProjectedMonth;
import dev.seatwise.application.port.in.PurchasePlan;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.tokens.PackPurchase;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps a {@link TokenForecast} (with the import report and the currency) to the contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonForecastMapper {
  JsonForecastMapper INSTANCE = Mappers.getMapper(JsonForecastMapper.class);

  @Mapping(target = "currency", source = "currency")
  @Mapping(target = "importReport", source = "importReport")
  @Mapping(
      target = "notes",
      expression = "java(JsonValueMapper.concat(forecast.notes(), importNotes))")
  @Mapping(target = "runOut", expression = "java(forecast.runOut().orElse(null))")
  @Mapping(target = "meanDailyBurn", expression = "java(forecast.meanDailyBurn().doubleValue())")
  @Mapping(target = "burnPlan", expression = "java(forecast.burnPlan().label())")
  ForecastResponse toResponse(
      TokenForecast forecast,
      ImportReport importReport,
      Currency currency,
      List<String> importNotes);

  MonthlyBurnDto toDto(MonthlyBurn month);

  @Mapping(target = "product", expression = "java(line.product().map(p -> p.value()).orElse(null))")
  ProductLineBurnDto toDto(ProductLineBurn line);

  PoolBurnDto toDto(PoolBurn pool);

  ProjectedMonthDto toDto(ProjectedMonth month);

  PurchasePlanDto toDto(PurchasePlan plan);

  @Mapping(target = "packs", expression = "java(packs(purchase.packs()))")
  @Mapping(target = "tokens", expression = "java(purchase.tokens())")
  @Mapping(target = "cost", expression = "java(purchase.cost().amount())")
  PlannedPurchaseDto toDto(PlannedPurchase purchase);

  /** The packs of a purchase, smallest first. */
  default List<PackCountDto> packs(PackPurchase purchase) {
    List<PackCountDto> out = new ArrayList<>();
    purchase
        .counts()
        .forEach(
            (pack, n) -> out.add(new PackCountDto(pack.size(), n, pack.unitPrice().perUnit())));
    out.sort(java.util.Comparator.comparingLong(PackCountDto::size));
    return out;
  }
}
