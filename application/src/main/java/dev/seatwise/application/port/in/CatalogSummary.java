package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/** A bundled catalog: its name, vendor, version effective dates, meter kind and size. */
public record CatalogSummary(
    String name, String vendor, String currency, List<LocalDate> versions, String meter, int products, int bundles) {
  public CatalogSummary {
    requireNonNull(name, "name");
    requireNonNull(vendor, "vendor");
    versions = List.copyOf(versions);
  }
}
