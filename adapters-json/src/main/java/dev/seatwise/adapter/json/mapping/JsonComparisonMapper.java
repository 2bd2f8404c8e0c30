package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.AssignmentDto;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.GroupCostDto;
import dev.seatwise.adapter.json.dto.HoldingDto;
import dev.seatwise.adapter.json.dto.PackCountDto;
import dev.seatwise.adapter.json.dto.PurchaseDto;
import dev.seatwise.adapter.json.dto.OptimalityDto;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.UnassignedSeatsDto;
import dev.seatwise.adapter.json.dto.UncoveredDto;
import dev.seatwise.adapter.json.dto.UsageDataDto;
import dev.seatwise.adapter.json.dto.UsageDto;
import dev.seatwise.adapter.json.dto.UserDto;
import dev.seatwise.application.port.in.Chargeback;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.GroupCost;
import dev.seatwise.application.port.in.Holding;
import dev.seatwise.application.port.in.ScenarioPurchase;
import dev.seatwise.application.port.in.UnassignedSeats;
import dev.seatwise.application.port.in.UncoveredUse;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.Optimality;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.domain.catalog.ProductId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
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

  @Mapping(target = "usageData", expression = "java(usageData(comparison))")
  @Mapping(target = "asOf", expression = "java(comparison.asOf())")
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

  @Mapping(
      target = "uncovered",
      expression =
          "java(scenario.name().equals(Scenario.CURRENT) ? uncovered(scenario.uncovered()) : null)")
  @Mapping(
      target = "unassignedSeats",
      expression =
          "java(scenario.name().equals(Scenario.CURRENT) ? unassigned(scenario.unassignedSeats()) : null)")
  @Mapping(target = "optimality", expression = "java(optimality(scenario.optimality()))")
  ScenarioDto toDto(Scenario scenario);

  /** The optimal scenario's bounds, or null (left out of the JSON) for the others. */
  default OptimalityDto optimality(Optional<Optimality> o) {
    return o.map(
            x ->
                new OptimalityDto(
                    x.proven(), x.lowerBound().amount(), x.gap().amount(), x.schedulesEvaluated()))
        .orElse(null);
  }

  HoldingDto toDto(Holding holding);

  List<UncoveredDto> uncovered(List<UncoveredUse> uses);

  UncoveredDto toDto(UncoveredUse use);

  List<UnassignedSeatsDto> unassigned(List<UnassignedSeats> seats);

  @Mapping(target = "unassigned", expression = "java(seats.unassigned())")
  UnassignedSeatsDto toDto(UnassignedSeats seats);

  default PurchaseDto toDto(ScenarioPurchase purchase) {
    List<PackCountDto> packs = new ArrayList<>();
    purchase
        .packs()
        .counts()
        .forEach((pack, n) -> packs.add(new PackCountDto(pack.size(), n, pack.unitPrice().perUnit())));
    packs.sort(Comparator.comparingLong(PackCountDto::size));
    return new PurchaseDto(purchase.date(), packs, purchase.tokens(), purchase.cost().amount());
  }

  /** The usage data span as a half-open period with the days of it in the analysed period. */
  default UsageDataDto usageData(Comparison c) {
    return c.usageData()
        .map(
            d ->
                new UsageDataDto(
                    d.first(),
                    d.last().plusDays(1),
                    d.days(),
                    d.daysWithin(c.period().from(), c.period().to())))
        .orElse(null);
  }

  @Mapping(target = "assignment", expression = "java(toAssignment(user))")
  UserDto toDto(UserComparison user);

  UsageDto toDto(ProductUsage usage);

  default AssignmentDto toAssignment(UserComparison user) {
    return new AssignmentDto(ids(user.bundles()), ids(user.named()), ids(user.flex()));
  }

  List<String> ids(List<ProductId> ids);
}
