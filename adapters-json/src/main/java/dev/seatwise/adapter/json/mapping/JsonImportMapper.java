package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.FileReportDto;
import dev.seatwise.adapter.json.dto.ImportDto;
import dev.seatwise.adapter.json.dto.RejectionDto;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.Rejection;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps an import report: totals, every rejection, and the per-file breakdown. */
@Mapper(config = JsonMappingConfig.class)
public interface JsonImportMapper {
  JsonImportMapper INSTANCE = Mappers.getMapper(JsonImportMapper.class);

  RejectionDto toDto(Rejection rejection);

  List<RejectionDto> toRejectionDtos(List<Rejection> rejections);

  @Mapping(target = "rejected", expression = "java(report.rejected())")
  FileReportDto toDto(FileReport report);

  List<FileReportDto> toFileDtos(List<FileReport> reports);

  /** Totals are methods of the report, not components, so they are mapped here by hand. */
  default ImportDto toDto(ImportReport report) {
    if (report == null) {
      return null;
    }
    return new ImportDto(
        report.rowsRead(),
        report.accepted(),
        report.rejected(),
        toRejectionDtos(report.rejections()),
        toFileDtos(report.files()));
  }
}
