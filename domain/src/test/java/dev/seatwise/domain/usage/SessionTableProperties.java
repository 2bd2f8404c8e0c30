package dev.seatwise.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A table gives back exactly the rows added, whatever form its segments keep them in: rows that
 * fit the narrow columns (whole seconds from the segment's first start and after the row's own
 * start, product indexes below 256) and rows that force a segment to widen them (sub-second
 * instants, starts more than 68 years apart, years 1678 and 2261, sessions longer than 68 years,
 * a 257th product), in one builder or drained from others.
 */
class SessionTableProperties {
  private static final long NANOS = 1_000_000_000L;
  private static final long BASE = SessionTable.toNanos(java.time.Instant.parse("2025-01-06T08:00:00Z"));
  /** The earliest and latest instants a table holds with a margin for a session's length. */
  private static final long MIN = Long.MIN_VALUE + NANOS;
  private static final long MAX = Long.MAX_VALUE - NANOS;

  /** A row: user, product, start, end (nanoseconds). */
  private record Row(int user, int product, long start, long end) {}

  private static List<Row> rows(Random r) {
    int n = r.nextInt(4) == 0 ? SessionTable.FIRST_SEGMENT + r.nextInt(3 * SessionTable.FIRST_SEGMENT)
        : r.nextInt(60);
    int products = r.nextInt(5) == 0 ? 300 : 1 + r.nextInt(5);
    int odd = r.nextInt(6); // which kind of value breaks the narrow form, now and then
    double rate = r.nextBoolean() ? 0.0005 : 0.1;
    List<Row> out = new ArrayList<>();
    long base = BASE + (r.nextBoolean() ? r.nextInt(1000) : 0);
    for (int i = 0; i < n; i++) {
      long start = base + NANOS * r.nextInt(400 * 86_400);
      long length = NANOS * r.nextInt(30_000);
      if (r.nextDouble() < rate) {
        switch (odd) {
          case 0 -> start += 1 + r.nextInt(999_999_999);
          case 1 -> length += 1 + r.nextInt(999_999_999);
          case 2 -> start = r.nextBoolean() ? MIN + r.nextInt(3) : MAX - r.nextInt(3) - length;
          case 3 -> start = base + NANOS * ((long) Integer.MAX_VALUE + r.nextInt(2));
          case 4 -> {
            start = MIN;
            length = NANOS * ((long) Integer.MAX_VALUE + r.nextInt(2));
          }
          default -> length = 0;
        }
      }
      out.add(new Row(r.nextInt(7), r.nextInt(products), start, start + length));
    }
    return out;
  }

  private static void addAll(SessionTable.Builder b, List<Row> rows, int from, int to) {
    for (int i = from; i < to; i++) {
      Row w = rows.get(i);
      b.add(b.userIndex(UserId.of("u" + w.user())), b.productIndex(ProductId.of("P" + w.product())),
          w.start(), w.end());
    }
  }

  private static void assertHolds(SessionTable t, List<Row> rows) {
    int n = rows.size();
    assertThat(t.size()).isEqualTo(n);
    int[] users = new int[n];
    int[] products = new int[n];
    long[] starts = new long[n];
    long[] ends = new long[n];
    // in bulk, in blocks that straddle segments
    for (int from = 0; from < n; from += 1000) {
      int len = Math.min(1000, n - from);
      t.copyUserIndexes(from, users, from, len);
      t.copyProductIndexes(from, products, from, len);
      t.copyStarts(from, starts, from, len);
      t.copyEnds(from, ends, from, len);
    }
    for (int i = 0; i < n; i++) {
      Row w = rows.get(i);
      assertThat(t.users().get(t.userIndex(i))).isEqualTo(UserId.of("u" + w.user()));
      assertThat(t.products().get(t.productIndex(i))).isEqualTo(ProductId.of("P" + w.product()));
      assertThat(t.startNanos(i)).as("row %s", i).isEqualTo(w.start());
      assertThat(t.endNanos(i)).as("row %s", i).isEqualTo(w.end());
      assertThat(users[i]).isEqualTo(t.userIndex(i));
      assertThat(products[i]).isEqualTo(t.productIndex(i));
      assertThat(starts[i]).isEqualTo(w.start());
      assertThat(ends[i]).isEqualTo(w.end());
    }
    // chosen rows gathered: every row ascending, then every row descending (a segment change at
    // each boundary), from an offset into the list of rows
    int[] chosen = new int[2 * n + 1];
    for (int i = 0; i < n; i++) {
      chosen[1 + i] = i;
      chosen[1 + n + i] = n - 1 - i;
    }
    int[] gp = new int[2 * n];
    long[] gs = new long[2 * n];
    long[] ge = new long[2 * n];
    t.copyRows(chosen, 1, 2 * n, gp, gs, ge);
    for (int k = 0; k < 2 * n; k++) {
      int row = chosen[1 + k];
      assertThat(gp[k]).as("gathered row %s", row).isEqualTo(t.productIndex(row));
      assertThat(gs[k]).as("gathered row %s", row).isEqualTo(rows.get(row).start());
      assertThat(ge[k]).as("gathered row %s", row).isEqualTo(rows.get(row).end());
    }
    // each product's rows, in row order, as one pass over the product column gives them
    for (int p = -1; p <= t.products().size(); p++) {
      List<Long> wantStarts = new ArrayList<>();
      List<Long> wantEnds = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (products[i] == p) {
          wantStarts.add(starts[i]);
          wantEnds.add(ends[i]);
        }
      }
      long[] s = new long[wantStarts.size() + 2];
      long[] e = new long[wantStarts.size() + 2];
      int m = t.copyStartsAndEndsOf(p, s, e);
      assertThat(m).as("rows of product %s", p).isEqualTo(wantStarts.size());
      for (int k = 0; k < m; k++) {
        assertThat(s[k]).isEqualTo(wantStarts.get(k));
        assertThat(e[k]).isEqualTo(wantEnds.get(k));
      }
    }
  }

  @Test
  void aTableGivesBackEveryRowExactlyWhateverFormItsSegmentsTake() {
    qt().withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<Row> rows = rows(r);
              SessionTable.Builder b = SessionTable.builder();
              int half = rows.isEmpty() ? 0 : r.nextInt(rows.size());
              addAll(b, rows, 0, half);
              SessionTable before = b.build();
              addAll(b, rows, half, rows.size());
              assertHolds(before, rows.subList(0, half));
              assertHolds(b.build(), rows);
              assertHolds(SessionTable.builder().addAll(b.build()).build(), rows);
            });
  }

  @Test
  void drainingBuildersKeepsEveryRowExactlyAndInOrder() {
    qt().withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<Row> rows = rows(r);
              int cut = rows.isEmpty() ? 0 : r.nextInt(rows.size());
              SessionTable.Builder first = SessionTable.builder();
              SessionTable.Builder second = SessionTable.builder();
              // the second half's builder interns products in another order, so draining remaps them
              addAll(second, rows, cut, rows.size());
              if (r.nextBoolean()) {
                second.build();
              }
              if (r.nextBoolean()) {
                // the first builder knows every product already, in a shuffled order: a segment
                // of narrow product indexes is remapped to indexes of 256 and more
                List<Integer> all = new ArrayList<>();
                for (int p = 0; p < 300; p++) {
                  all.add(p);
                }
                java.util.Collections.shuffle(all, r);
                all.forEach(p -> first.productIndex(ProductId.of("P" + p)));
              }
              addAll(first, rows, 0, cut);
              first.drainFrom(second);
              assertThat(second.size()).isZero();
              assertHolds(first.build(), rows);
            });
  }

  @Test
  void aProductsRowsAndTheRowsStartingInARangeAreThoseRowsInOrder() {
    qt().withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<Row> rows = rows(r);
              SessionTable.Builder b = SessionTable.builder();
              addAll(b, rows, 0, rows.size());
              SessionTable table = b.build();
              int product = rows.isEmpty() ? 0 : rows.get(r.nextInt(rows.size())).product();
              List<Row> ofProduct = new ArrayList<>();
              rows.forEach(w -> {
                if (w.product() == product) {
                  ofProduct.add(w);
                }
              });
              assertHolds(table.ofProduct(ProductId.of("P" + product)), ofProduct);
              assertHolds(table.ofProduct(ProductId.of("no such product")), List.of());
              long from = rows.isEmpty() ? 0 : rows.get(r.nextInt(rows.size())).start();
              long to = rows.isEmpty() ? 0 : Math.max(from, rows.get(r.nextInt(rows.size())).start());
              List<Row> starting = new ArrayList<>();
              rows.forEach(w -> {
                if (w.start() >= from && w.start() < to) {
                  starting.add(w);
                }
              });
              assertHolds(table.startingIn(from, to), starting);
            });
  }
}
