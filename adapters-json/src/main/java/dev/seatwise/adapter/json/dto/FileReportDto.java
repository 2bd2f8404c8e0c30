package dev.seatwise.adapter.json.dto;

/**
 * What one input file held: its detected format and row counts (rowsRead = accepted + rejected).
 */
public record FileReportDto(
    String file, String format, long rowsRead, long accepted, long rejected) {}
