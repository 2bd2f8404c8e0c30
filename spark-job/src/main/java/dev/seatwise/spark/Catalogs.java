package dev.seatwise.spark;

import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import dev.seatwise.domain.catalog.Catalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogs a JVM has loaded, by name: the driver and each executor load a bundled catalog once
 * (from the jar they share) instead of receiving it serialised; the Spark functions only carry its
 * name. Thread-safe.
 */
final class Catalogs {
  private static final Map<String, LoadedCatalog> LOADED = new ConcurrentHashMap<>();

  private Catalogs() {}

  /** The bundled (or file) catalog {@code name}, loaded once per JVM. */
  static LoadedCatalog load(String name) {
    return LOADED.computeIfAbsent(name, n -> new YamlCatalogAdapter().load(n)
        .orElseThrow(() -> new IllegalArgumentException("no catalog named '" + n + "'")));
  }

  /** The catalog version the replay and the scenarios use (as the single-machine benchmark does). */
  static Catalog catalogOf(LoadedCatalog loaded) {
    return loaded.history().versions().get(0);
  }
}
