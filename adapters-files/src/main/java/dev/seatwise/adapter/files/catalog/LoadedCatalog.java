package dev.seatwise.adapter.files.catalog;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.catalog.CatalogHistory;

/**
 * A catalog read from YAML: its effective-dated versions and the resolver built from its {@code
 * aliases} and {@code flexlmFeatures}. {@code source} names where it came from (a bundled name or
 * a path). Immutable; nothing is null.
 */
public record LoadedCatalog(String source, CatalogHistory history, ProductResolver resolver) {
  public LoadedCatalog {
    requireNonNull(source, "source");
    requireNonNull(history, "history");
    requireNonNull(resolver, "resolver");
  }
}
