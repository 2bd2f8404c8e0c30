package dev.seatwise.adapter.json.dto;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * One catalog version in full ({@code catalogs --show}): the prices and rates every figure is made
 * of. {@code window} and {@code minimumBillable} are ISO-8601 durations, {@code tokenExpiry} an
 * ISO-8601 period.
 */
public record CatalogDetailResponse(
    String vendor,
    String currency,
    LocalDate effective,
    List<LocalDate> versions,
    String meter,
    Duration window,
    Duration minimumBillable,
    Period tokenExpiry,
    List<PackDto> packs,
    List<ProductDto> products,
    List<BundleDto> bundles) {
  public CatalogDetailResponse {
    versions = List.copyOf(versions);
    packs = List.copyOf(packs);
    products = List.copyOf(products);
    bundles = List.copyOf(bundles);
  }
}
