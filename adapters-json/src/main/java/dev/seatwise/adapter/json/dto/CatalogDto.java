package dev.seatwise.adapter.json.dto;

import java.time.LocalDate;
import java.util.List;

/** A bundled catalog: name, vendor, currency, versions (effective dates), meter, sizes. */
public record CatalogDto(
    String name,
    String vendor,
    String currency,
    List<LocalDate> versions,
    String meter,
    int products,
    int bundles) {
  public CatalogDto {
    versions = List.copyOf(versions);
  }
}
