package dev.seatwise.adapter.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * PLACEHOLDER for the shared JSON contract (issue 5) until {@code adapters-json} lands; the field
 * names follow that contract exactly so the page does not change when it is swapped in.
 */
public final class ContractDto {
  private ContractDto() {}

  public record PeriodDto(String from, String to, long days) {}

  public record RejectionDto(String file, long line, String field, String reason) {}

  public record ImportDto(long rowsRead, long accepted, long rejected, List<RejectionDto> rejections) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ScenarioDto(String name, BigDecimal total, Long tokens, Map<String, Long> seats) {}

  public record UsageDto(String product, long daysUsed, long windows, long tokens) {}

  public record AssignmentDto(List<String> bundles, List<String> named, List<String> flex) {}

  public record UserDto(
      String user,
      List<UsageDto> usage,
      AssignmentDto assignment,
      BigDecimal cost,
      BigDecimal allNamedCost,
      BigDecimal savings,
      String reason) {}

  public record ComparisonDto(
      String currency,
      String catalog,
      PeriodDto period,
      @JsonProperty("import") ImportDto importReport,
      List<ScenarioDto> scenarios,
      List<UserDto> users,
      List<String> notes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProductConcurrencyDto(
      String product,
      boolean mapped,
      long peak,
      String peakAt,
      long sessions,
      long distinctUsers,
      long p50,
      long p90,
      long p95,
      long secondsAtPeak,
      Map<String, Long> denials,
      Long issued,
      long seatsNeeded) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ConcurrencyDto(
      PeriodDto period, ImportDto importReport, List<ProductConcurrencyDto> products, List<String> notes) {}

  public record CatalogDto(
      String name, String vendor, String currency, List<String> versions, String meter, int products, int bundles) {}
}
