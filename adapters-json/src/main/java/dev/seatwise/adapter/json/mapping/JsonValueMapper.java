package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.PeriodDto;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;
import org.mapstruct.Mapper;

/**
 * Explicit value-object conversions shared by the mappers (STYLE.md section 7): money to its
 * amount, identifiers to their text, and the period with its length in days.
 */
@Mapper(config = JsonMappingConfig.class)
public interface JsonValueMapper {
  default BigDecimal amount(Money money) {
    return money == null ? null : money.amount();
  }

  default String code(Currency currency) {
    return currency == null ? null : currency.getCurrencyCode();
  }

  default String product(ProductId id) {
    return id == null ? null : id.value();
  }

  default String user(UserId id) {
    return id == null ? null : id.value();
  }

  default Long count(OptionalLong value) {
    return value == null || value.isEmpty() ? null : value.getAsLong();
  }

  default PeriodDto period(AnalysisPeriod p) {
    return p == null ? null : new PeriodDto(p.from(), p.to(), p.days(), p.zone().getId());
  }

  /**
   * An enum constant as the contract writes it: {@code REMOVE_IDLE_SEAT} -> {@code
   * remove-idle-seat}.
   */
  static String label(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The use case's notes, then the import's (e.g. FlexLM check-outs closed at a restart). */
  static java.util.List<String> concat(
      java.util.List<String> notes, java.util.List<String> importNotes) {
    java.util.List<String> all = new java.util.ArrayList<>(notes);
    if (importNotes != null) {
      all.addAll(importNotes);
    }
    return all;
  }

  default PeriodDto period(Optional<AnalysisPeriod> p) {
    return p == null ? null : p.map(this::period).orElse(null);
  }
}
