package dev.seatwise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import org.junit.jupiter.api.Test;

/**
 * User and product ids, whose equality and hash code are written out, are equal exactly when their
 * (stripped) values are, and hash as their values do (as the records' own methods did, so maps
 * keyed by ids keep their order).
 */
class IdEqualityProperties {
  @Test
  void idsAreEqualExactlyWhenTheirValuesAreAndHashAsTheirValues() {
    qt().withExamples(500)
        .forAll(strings().betweenCodePoints(32, 126).ofLengthBetween(1, 4),
            strings().betweenCodePoints(32, 126).ofLengthBetween(1, 4))
        .assuming((a, b) -> !a.isBlank() && !b.isBlank())
        .checkAssert(
            (a, b) -> {
              boolean same = a.strip().equals(b.strip());
              assertThat(UserId.of(a).equals(UserId.of(b))).isEqualTo(same);
              assertThat(ProductId.of(a).equals(ProductId.of(b))).isEqualTo(same);
              assertThat(UserId.of(a).hashCode()).isEqualTo(a.strip().hashCode());
              assertThat(ProductId.of(a).hashCode()).isEqualTo(a.strip().hashCode());
              assertThat(UserId.of(a)).isNotEqualTo(a).isNotEqualTo(ProductId.of(a));
              assertThat(ProductId.of(a)).isNotEqualTo(UserId.of(a)).isNotEqualTo(null);
            });
  }
}
