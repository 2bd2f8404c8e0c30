package dev.seatwise.adapter.json.dto;

import java.util.List;

/**
 * Import totals over all input files (rowsRead = accepted + rejected), every rejection, and the
 * per-file breakdown.
 */
public record ImportDto(
    long rowsRead,
    long accepted,
    long rejected,
    List<RejectionDto> rejections,
    List<FileReportDto> files) {
  public ImportDto {
    rejections = List.copyOf(rejections);
    files = List.copyOf(files);
  }
}
