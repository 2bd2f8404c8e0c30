package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The repeats the sessions reader notes are the same whether found run by run of one start (rows
 * in start order) or by sorted hashes (any order): on random tables with many exact repeats, in
 * start order or not, with short runs and runs of more distinct sessions than the run-by-run table takes.
 */
class DuplicateNoteProperties {
  private static final long NANOS = 1_000_000_000L;
  private static final long BASE = SessionTable.toNanos(java.time.Instant.parse("2025-03-03T08:00:00Z"));

  private record Row(int user, int product, long start, long end) {}

  private static List<Row> rows(Random r) {
    int n = r.nextInt(4) == 0 ? 4000 + r.nextInt(9000) : r.nextInt(80);
    boolean wide = r.nextInt(8) == 0; // many distinct sessions of one start
    int users = wide ? 5000 : 1 + r.nextInt(r.nextBoolean() ? 3 : 40);
    int products = 1 + r.nextInt(3);
    int starts = 1 + r.nextInt(r.nextInt(5) == 0 ? 2 : 400); // few starts: long runs of one start
    int lengths = 1 + r.nextInt(3);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = BASE + NANOS * 60 * r.nextInt(starts) + (r.nextInt(50) == 0 ? 1 : 0);
      out.add(new Row(r.nextInt(users), r.nextInt(products), start,
          start + NANOS * 600 * r.nextInt(lengths)));
    }
    if (r.nextInt(4) != 0) {
      out.sort(Comparator.comparingLong(Row::start)); // stable: repeats keep their order
    }
    return out;
  }

  private static SessionTable table(List<Row> rows) {
    SessionTable.Builder b = SessionTable.builder();
    for (Row w : rows) {
      b.add(b.userIndex(UserId.of("u" + w.user())), b.productIndex(ProductId.of("P" + w.product())),
          w.start(), w.end());
    }
    return b.build();
  }

  /** The repeats counted with one map over every row, in row order. */
  private static FastSessionsUsageReader.Repeats byMap(List<Row> rows) {
    java.util.Map<Row, Integer> seen = new java.util.HashMap<>();
    long repeats = 0;
    int worst = -1;
    int worstCount = 0;
    for (int i = 0; i < rows.size(); i++) {
      int c = seen.merge(rows.get(i), 1, Integer::sum);
      if (c > 1) {
        repeats++;
        if (c > worstCount) {
          worst = i;
          worstCount = c;
        }
      }
    }
    return new FastSessionsUsageReader.Repeats(repeats, worst, worstCount);
  }

  @Test
  void runByRunAndByHashesCountTheSameRepeatsAndTheSameWorstRow() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<Row> rows = rows(r);
              SessionTable t = table(rows);
              FastSessionsUsageReader.Repeats expected = byMap(rows);
              assertThat(FastSessionsUsageReader.byHashes(t)).isEqualTo(expected);
              FastSessionsUsageReader.Repeats runs = FastSessionsUsageReader.byStartRuns(t);
              // run by run it answers exactly when the rows are in start order and no run of one
              // start holds more distinct sessions than its table takes
              boolean inOrder = true;
              java.util.Set<Row> run = new java.util.HashSet<>();
              int widest = 0;
              for (int i = 0; i < rows.size(); i++) {
                inOrder &= i == 0 || rows.get(i - 1).start() <= rows.get(i).start();
                if (i > 0 && rows.get(i - 1).start() != rows.get(i).start()) {
                  run.clear();
                }
                run.add(rows.get(i));
                widest = Math.max(widest, run.size());
              }
              if (inOrder && widest <= FastSessionsUsageReader.MAX_RUN) {
                assertThat(runs).isEqualTo(expected);
              } else {
                assertThat(runs).isNull();
              }
            });
  }

  @Test
  void aRunOfAsManyDistinctSessionsAsTheTableTakesIsStillCountedRunByRun() {
    // one start, MAX_RUN distinct sessions, then a repeat of the first: the repeat needs no new
    // slot, so run by run answers (a run refused at its MAX_RUN + 1-th row, repeat or not, would not)
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < FastSessionsUsageReader.MAX_RUN; i++) {
      rows.add(new Row(i, 0, BASE, BASE + NANOS * 600));
    }
    rows.add(rows.get(0));
    SessionTable t = table(rows);
    FastSessionsUsageReader.Repeats expected =
        new FastSessionsUsageReader.Repeats(1, FastSessionsUsageReader.MAX_RUN, 2);
    assertThat(byMap(rows)).isEqualTo(expected);
    assertThat(FastSessionsUsageReader.byStartRuns(t)).isEqualTo(expected);

    // one distinct session more than that in the run: left to the hashes
    rows.add(new Row(FastSessionsUsageReader.MAX_RUN, 0, BASE, BASE + NANOS * 600));
    assertThat(FastSessionsUsageReader.byStartRuns(table(rows))).isNull();
    assertThat(FastSessionsUsageReader.byHashes(table(rows))).isEqualTo(expected);
  }
}
