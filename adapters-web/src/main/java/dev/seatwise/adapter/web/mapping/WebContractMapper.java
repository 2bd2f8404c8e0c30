package dev.seatwise.adapter.web.mapping;

import dev.seatwise.adapter.web.dto.ContractDto.AssignmentDto;
import dev.seatwise.adapter.web.dto.ContractDto.CatalogDto;
import dev.seatwise.adapter.web.dto.ContractDto.ComparisonDto;
import dev.seatwise.adapter.web.dto.ContractDto.ConcurrencyDto;
import dev.seatwise.adapter.web.dto.ContractDto.ImportDto;
import dev.seatwise.adapter.web.dto.ContractDto.PeriodDto;
import dev.seatwise.adapter.web.dto.ContractDto.ProductConcurrencyDto;
import dev.seatwise.adapter.web.dto.ContractDto.RejectionDto;
import dev.seatwise.adapter.web.dto.ContractDto.ScenarioDto;
import dev.seatwise.adapter.web.dto.ContractDto.UsageDto;
import dev.seatwise.adapter.web.dto.ContractDto.UserDto;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.CatalogSummary;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.catalog.ProductId;
import java.time.LocalDate;
import java.util.List;

/** PLACEHOLDER mapping from use-case results to the contract DTOs until adapters-json lands. */
public final class WebContractMapper {
  private WebContractMapper() {}

  public static ComparisonDto toDto(Comparison c) {
    return new ComparisonDto(
        c.currency().getCurrencyCode(),
        c.catalog(),
        period(c.period()),
        importDto(c.importReport()),
        c.scenarios().stream().map(WebContractMapper::scenario).toList(),
        c.users().stream().map(WebContractMapper::user).toList(),
        c.notes());
  }

  public static ConcurrencyDto toDto(ConcurrencyReport r) {
    return new ConcurrencyDto(
        r.period().map(WebContractMapper::period).orElse(null),
        importDto(r.importReport()),
        r.products().stream().map(WebContractMapper::product).toList(),
        r.notes());
  }

  public static CatalogDto toDto(CatalogSummary s) {
    return new CatalogDto(
        s.name(),
        s.vendor(),
        s.currency(),
        s.versions().stream().map(LocalDate::toString).toList(),
        s.meter(),
        s.products(),
        s.bundles());
  }

  private static PeriodDto period(AnalysisPeriod p) {
    return new PeriodDto(p.from().toString(), p.to().toString(), p.days());
  }

  private static ImportDto importDto(ImportReport r) {
    return new ImportDto(
        r.rowsRead(),
        r.accepted(),
        r.rejected(),
        r.rejections().stream()
            .map(x -> new RejectionDto(x.file(), x.line(), x.field(), x.reason()))
            .toList());
  }

  private static ScenarioDto scenario(Scenario s) {
    return new ScenarioDto(
        s.name(),
        s.total().amount(),
        s.tokens().isPresent() ? s.tokens().getAsLong() : null,
        s.seats());
  }

  private static UserDto user(UserComparison u) {
    return new UserDto(
        u.user().value(),
        u.usage().stream()
            .map(p -> new UsageDto(p.product().value(), p.daysUsed(), p.windows(), p.tokens()))
            .toList(),
        new AssignmentDto(ids(u.bundles()), ids(u.named()), ids(u.flex())),
        u.cost().amount(),
        u.allNamedCost().amount(),
        u.savings().amount(),
        u.reason());
  }

  private static List<String> ids(List<ProductId> ids) {
    return ids.stream().map(ProductId::value).toList();
  }

  private static ProductConcurrencyDto product(ProductConcurrency p) {
    return new ProductConcurrencyDto(
        p.product(),
        p.mapped(),
        p.peak(),
        p.peakAt().map(Object::toString).orElse(null),
        p.sessions(),
        p.distinctUsers(),
        p.p50(),
        p.p90(),
        p.p95(),
        p.timeAtPeak().toSeconds(),
        p.denialsByReason(),
        p.issued().orElse(null),
        p.seatsForToleratedRefusals());
  }
}
