package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.DifferenceDto;
import dev.seatwise.adapter.json.dto.PeriodDto;
import dev.seatwise.adapter.json.dto.ReconciliationResponse;
import dev.seatwise.application.port.in.ChargeReconciliation;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.reconcile.LikelyRule;
import dev.seatwise.domain.reconcile.ReconciledDay;
import dev.seatwise.domain.reconcile.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps a {@link ChargeReconciliation} (with the import report of every file) to the contract. */
@Mapper(
    config = JsonMappingConfig.class,
    uses = {JsonValueMapper.class, JsonImportMapper.class})
public interface JsonReconciliationMapper {
  JsonReconciliationMapper INSTANCE = Mappers.getMapper(JsonReconciliationMapper.class);

  /** Totals and differences are methods of the reconciliation, so they are mapped by hand. */
  default ReconciliationResponse toResponse(
      ChargeReconciliation r, ImportReport importReport, List<String> importNotes) {
    Reconciliation rec = r.reconciliation();
    List<DifferenceDto> differences = new ArrayList<>();
    for (ReconciledDay d : rec.differences()) {
      differences.add(toDto(d));
    }
    return new ReconciliationResponse(
        new PeriodDto(
            r.period().from(), r.period().to(), r.period().days(), r.period().zone().getId()),
        r.vendor(),
        JsonImportMapper.INSTANCE.toDto(importReport),
        rec.charged(),
        rec.replayed(),
        rec.difference(),
        rec.daysCompared(),
        differences,
        JsonValueMapper.concat(r.notes(), importNotes));
  }

  default DifferenceDto toDto(ReconciledDay d) {
    return new DifferenceDto(
        d.day(),
        d.user().value(),
        d.product().value(),
        d.charged(),
        d.replayed(),
        d.difference(),
        d.discrepancy().map(JsonValueMapper::label).orElse(null),
        d.rule() == LikelyRule.NONE ? null : rule(d.rule()),
        d.reason());
  }

  /** The rule's label: {@code continuation-past-24h}, {@code idle-pause}, {@code under-5-minutes}. */
  private static String rule(LikelyRule rule) {
    return JsonValueMapper.label(rule);
  }
}
