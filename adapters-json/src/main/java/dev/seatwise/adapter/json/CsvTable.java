package dev.seatwise.adapter.json;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table for CSV export: a header and rows of cells. A cell is text, a number or null (written
 * empty). Immutable.
 */
public record CsvTable(List<String> header, List<List<Object>> rows) {
  public CsvTable {
    header = List.copyOf(requireNonNull(header, "header"));
    rows = List.copyOf(requireNonNull(rows, "rows"));
    for (List<Object> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells but the header has " + header.size() + ": " + row);
      }
    }
  }
}
