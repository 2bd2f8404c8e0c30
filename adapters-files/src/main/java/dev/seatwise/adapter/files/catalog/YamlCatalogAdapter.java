package dev.seatwise.adapter.files.catalog;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.application.port.out.CatalogPort;
import dev.seatwise.domain.catalog.CatalogHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Catalogs from YAML files (format: docs/catalog-format.md). {@code catalog("autodesk")} loads the
 * bundled {@code catalogs/autodesk.yaml}; any other string is a file path, so users pass their own
 * file with negotiated prices. {@link #load(String)} also returns the {@link ProductResolver} the
 * usage readers need. Stateless and thread-safe; nothing returned is null.
 */
public final class YamlCatalogAdapter implements CatalogPort {
  /** The names of the catalogs shipped in this jar, under {@code catalogs/NAME.yaml}. */
  public static final List<String> BUNDLED = List.of("autodesk", "units-pool", "bentley-e365");

  private final CatalogYamlParser parser = new CatalogYamlParser();

  @Override
  public Optional<CatalogHistory> catalog(String nameOrLocation) {
    return load(nameOrLocation).map(LoadedCatalog::history);
  }

  @Override
  public List<String> bundledNames() {
    return BUNDLED;
  }

  @Override
  public List<CatalogHistory> bundled() {
    List<CatalogHistory> all = new ArrayList<>();
    for (String name : BUNDLED) {
      all.add(loadBundled(name).history());
    }
    return all;
  }

  /**
   * The catalog called {@code nameOrLocation} with its resolver: a bundled name (any case), or a
   * path to a YAML file. Empty when there is no such bundled catalog and no such file.
   *
   * @throws CatalogException when the catalog exists but is malformed (the message names key and
   *     line) or cannot be read
   */
  public Optional<LoadedCatalog> load(String nameOrLocation) {
    requireNonNull(nameOrLocation, "nameOrLocation");
    String name = nameOrLocation.strip().toLowerCase(Locale.ROOT);
    if (BUNDLED.contains(name)) {
      return Optional.of(loadBundled(name));
    }
    Path path;
    try {
      path = Path.of(nameOrLocation);
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    return Optional.of(loadFile(path));
  }

  /**
   * Reads a catalog file.
   *
   * @throws CatalogException when it is missing, unreadable or malformed
   */
  public LoadedCatalog loadFile(Path path) {
    requireNonNull(path, "path");
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogException(path + ": cannot read catalog: " + e.getMessage(), e);
    }
    return parse(text, path.toString());
  }

  /** Parses catalog YAML; {@code source} names it in error messages. */
  public LoadedCatalog parse(String yaml, String source) {
    requireNonNull(yaml, "yaml");
    requireNonNull(source, "source");
    return parser.parse(stripBom(yaml), source);
  }

  private LoadedCatalog loadBundled(String name) {
    String resource = "/catalogs/" + name + ".yaml";
    try (InputStream in = YamlCatalogAdapter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new CatalogException("bundled catalog " + name + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
    } catch (IOException e) {
      throw new CatalogException("cannot read bundled catalog " + name + ": " + e.getMessage(), e);
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
