package dev.seatwise.adapter.files.catalog;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the catalog YAML parser (issue 16): any text either loads or fails with a
 * {@link dev.seatwise.application.port.out.CatalogException} naming source, line and key. See
 * ReadersFuzzTest for the modes.
 */
class CatalogFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void catalogYaml(byte[] data) {
    CatalogFuzzing.catalog(data);
  }
}
