package dev.seatwise.adapter.files.catalog;

import dev.seatwise.application.port.out.CatalogException;
import java.nio.charset.StandardCharsets;

/** The catalog fuzz target's body, shared by CatalogFuzzTest and ReadersFuzzTest#anyFormat. */
public final class CatalogFuzzing {
  private CatalogFuzzing() {}

  /**
   * Parses {@code data} as a catalog: it loads, or fails with a {@link CatalogException} naming
   * its source; a loaded catalog resolves a feature name within its patterns' step budget.
   */
  public static void catalog(byte[] data) {
    String yaml = new String(data, StandardCharsets.UTF_8);
    try {
      LoadedCatalog c = new YamlCatalogAdapter().parse(yaml, "fuzz.yaml");
      c.resolver().byFeature("87224ACD_2024_0F_aaaaaaaaaaaaaaaaaaaa!");
    } catch (CatalogException expected) {
      String m = expected.getMessage();
      if (!m.startsWith("fuzz.yaml") && !m.startsWith("the flexlmFeatures pattern")) {
        throw new AssertionError("a catalog error without its source: " + m);
      }
    }
  }
}
