package dev.seatwise.adapter.files;

import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.adapter.files.catalog.ProductResolver;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources as paths, and the bundled Autodesk catalog loaded once. */
public final class Fixtures {
  private static final LoadedCatalog AUTODESK = new YamlCatalogAdapter().load("autodesk").orElseThrow();

  private Fixtures() {}

  public static Path path(String resource) {
    URL url = Fixtures.class.getResource("/" + resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LoadedCatalog autodesk() {
    return AUTODESK;
  }

  public static ProductResolver resolver() {
    return AUTODESK.resolver();
  }
}
