package dev.seatwise.application.port.out;

import dev.seatwise.domain.catalog.CatalogHistory;
import java.util.List;
import java.util.Optional;

/** Where catalogs come from: bundled ones by name, or the user's own (negotiated prices). */
public interface CatalogPort {
  /**
   * The catalog called {@code nameOrLocation} (a bundled name such as {@code autodesk}, or an
   * adapter-specific location such as a file path).
   *
   * @throws CatalogException when it exists but is malformed (the message names key and line)
   */
  Optional<CatalogHistory> catalog(String nameOrLocation);

  /** The bundled catalogs. */
  List<CatalogHistory> bundled();

  /**
   * The names under which {@link #catalog(String)} finds the bundled catalogs, in the order of
   * {@link #bundled()}. Default: the vendor name in lower case with runs of other characters as
   * {@code -}.
   */
  default List<String> bundledNames() {
    return bundled().stream()
        .map(h -> h.latest().vendor().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
        .toList();
  }
}
