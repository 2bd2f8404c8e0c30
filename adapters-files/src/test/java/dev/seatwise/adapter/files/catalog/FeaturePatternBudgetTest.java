package dev.seatwise.adapter.files.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.domain.catalog.ProductId;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Catalog feature patterns run with a step budget and stop when their thread is interrupted. */
class FeaturePatternBudgetTest {
  private static final String FEATURE = "ACD_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";

  @Test
  void aCatastrophicPatternFailsNamingPatternProductAndFeature() {
    ProductResolver r = ProductResolver.builder()
        .feature("(.*a){12}$", ProductId.of("ACD")).build();

    assertThatThrownBy(() -> r.byFeature(FEATURE))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("'(.*a){12}$'")
        .hasMessageContaining("ACD")
        .hasMessageContaining(FEATURE)
        .hasMessageContaining("more than " + BudgetedText.MAX_STEPS + " steps");
  }

  @Test
  void anOrdinaryPatternStillMatches() {
    ProductResolver r = ProductResolver.builder()
        .feature("^[0-9]+ACD_", ProductId.of("ACD")).build();

    assertThat(r.byFeature("87224ACD_2024_0F")).contains(ProductId.of("ACD"));
    assertThat(r.byFeature("87048RVT_2024_0F")).isEmpty();
  }

  @Test
  void anInterruptedThreadStopsMatching() {
    ProductResolver r = ProductResolver.builder()
        .feature("(.*a){12}$", ProductId.of("ACD")).build();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> r.byFeature(FEATURE)).isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
