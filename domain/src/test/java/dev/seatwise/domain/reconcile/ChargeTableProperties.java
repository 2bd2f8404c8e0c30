package dev.seatwise.domain.reconcile;

import static dev.seatwise.domain.testkit.LicensingGens.PRODUCTS;
import static dev.seatwise.domain.testkit.LicensingGens.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link ChargeTable} holds what it is given: the same rows in the same order, whatever the tokens
 * (past an int, in any chunk), across chunks, and through {@code addAll}.
 */
class ChargeTableProperties {
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

  private static Gen<ChargedDay> rows() {
    return Generate.pick(USERS)
        .zip(
            Generate.pick(PRODUCTS),
            integers().between(-400, 400),
            Generate.pick(List.of(0L, 7L, 65_535L, 65_536L, (long) Integer.MAX_VALUE,
                Integer.MAX_VALUE + 1L, Long.MAX_VALUE)),
            (u, p, d, t) -> new ChargedDay(FIRST.plusDays(d), u, p, t));
  }

  @Test
  void aTableGivesBackItsRowsInOrder() {
    qt().forAll(lists().of(rows()).ofSizeBetween(0, 60))
        .checkAssert(
            rows -> {
              ChargeTable t = ChargeTable.of(rows);
              assertThat(t.asList()).isEqualTo(rows);
              assertThat(t.size()).isEqualTo(rows.size());
              for (int i = 0; i < rows.size(); i++) {
                assertThat(t.get(i)).isEqualTo(rows.get(i));
                assertThat(t.epochDay(i)).isEqualTo(rows.get(i).day().toEpochDay());
                assertThat(t.users().get(t.userIndex(i))).isEqualTo(rows.get(i).user());
                assertThat(t.products().get(t.productIndex(i))).isEqualTo(rows.get(i).product());
              }
              assertThat(t.repeatedRows())
                  .isEqualTo(
                      rows.size()
                          - rows.stream().map(r -> List.of(r.day(), r.user(), r.product())).distinct().count());
              assertThat(t.users()).doesNotHaveDuplicates();
              assertThat(t.products()).doesNotHaveDuplicates();
              assertThat(t.minEpochDay())
                  .isEqualTo(rows.stream().mapToLong(r -> r.day().toEpochDay()).min().orElse(Long.MAX_VALUE));
              assertThat(t.maxEpochDay())
                  .isEqualTo(rows.stream().mapToLong(r -> r.day().toEpochDay()).max().orElse(Long.MIN_VALUE));
              ChargeTable twice = ChargeTable.builder().addAll(t).addAll(t).build();
              List<ChargedDay> both = new ArrayList<>(rows);
              both.addAll(rows);
              assertThat(twice.asList()).isEqualTo(both);
            });
  }

  @Test
  void rowsAcrossChunksAndChunksThatWidenKeepTheirValues() {
    // 200,000 rows in four chunks, each column widening within a chunk: tokens from bytes to
    // chars to ints to longs, days before the first row's and 70,000 days after it, products
    // and users past 255 and 65,535
    int n = 200_000;
    List<UserId> users = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      users.add(UserId.of("u" + i + "@x.com"));
    }
    List<ProductId> products = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      products.add(ProductId.of("P" + i));
    }
    ChargeTable.Builder b = ChargeTable.builder();
    List<ChargedDay> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long tokens = i < 70_000 ? i % 200 : i < 100_000 ? i : i == 100_000 ? Integer.MAX_VALUE + 5L : 7;
      int days = i < 140_000 ? i % 365 : i == 150_000 ? -3 : i == 160_000 ? 70_000 : 9;
      ChargedDay row =
          new ChargedDay(FIRST.plusDays(days), users.get(i % (i < 131_072 ? 50 : users.size())),
              products.get(i < 180_000 ? i % 7 : i % products.size()), tokens);
      rows.add(row);
      b.add(row);
    }
    ChargeTable t = b.build();
    assertThat(t.size()).isEqualTo(n);
    assertThat(t.asList()).isEqualTo(rows);
    assertThat(t.minEpochDay()).isEqualTo(FIRST.minusDays(3).toEpochDay());
    assertThat(t.maxEpochDay()).isEqualTo(FIRST.plusDays(70_000).toEpochDay());
  }

  @Test
  void badRowsAreRefused() {
    ChargeTable.Builder b = ChargeTable.builder();
    assertThatThrownBy(() -> b.add(FIRST, UserId.of("ann"), ProductId.of("ACD"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokens must be >= 0");
    assertThatThrownBy(() -> b.add(LocalDate.MAX, UserId.of("ann"), ProductId.of("ACD"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> ChargeTable.of(List.of()).get(0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    b.build();
    assertThatThrownBy(() -> b.add(FIRST, UserId.of("ann"), ProductId.of("ACD"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was built");
  }
}
