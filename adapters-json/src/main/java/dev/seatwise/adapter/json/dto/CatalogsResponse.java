package dev.seatwise.adapter.json.dto;

import java.util.List;

/** The {@code catalogs} answer. */
public record CatalogsResponse(List<CatalogDto> catalogs) {
  public CatalogsResponse {
    catalogs = List.copyOf(catalogs);
  }
}
