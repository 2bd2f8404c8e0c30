package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.Rejection;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.ProductId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public row rules, applied row by row as another CSV parser would (here a plain split on
 * commas), reject exactly the rows the sessions reader rejects, with the same field and reason,
 * and accept the same number.
 */
class SessionRowRulesTest {
  @TempDir Path dir;

  private static final List<String> ROWS =
      List.of(
          "ann,ACD,2025-01-06T08:00:00Z,2025-01-06T09:00:00Z",
          ",ACD,2025-01-06T08:00:00Z,2025-01-06T09:00:00Z",
          "bob,,2025-01-06T08:00:00Z,2025-01-06T09:00:00Z",
          "bob,MAYA-NOT-A-PRODUCT,2025-01-06T08:00:00Z,2025-01-06T09:00:00Z",
          "cid,ACD,not-a-time,2025-01-06T09:00:00Z",
          "cid,ACD,2025-01-06T08:00:00Z,",
          "dan,ACD,2025-01-06T10:00:00Z,2025-01-06T09:00:00Z",
          "eve,ACD,2025-01-06 08:00:00,2025-01-06 09:30:00",
          "fay,ACD,2999-01-06T08:00:00Z,2999-01-06T09:00:00Z",
          "gus,ACD,2025-01-06T08:00:00+02:00,2025-01-06T09:00:00+02:00");

  @Test
  void rulesRejectWhatTheReaderRejectsWithTheSameFieldAndReason() throws IOException {
    Path f = dir.resolve("s.csv");
    Files.writeString(f, "start,user,end,product\n" + String.join("\n", reorder(ROWS)) + "\n");
    SessionTableImport read =
        new FastSessionsCsvReader().read(f, "s.csv", Fixtures.resolver(), ImportOptions.defaults());

    SessionRowRules rules = new SessionRowRules(Fixtures.resolver(), ImportOptions.defaults());
    int[] columns = SessionRowRules.bindHeader(List.of("start", "user", "end", "product"), "s.csv");
    assertThat(columns).containsExactly(1, 3, 0, 2);
    List<String> expected = new ArrayList<>();
    int accepted = 0;
    int line = 1;
    for (String row : reorder(ROWS)) {
      line++;
      String[] fields = row.split(",", -1);
      Optional<String> why = apply(rules, columns, fields);
      if (why.isPresent()) {
        expected.add(line + " " + why.get());
      } else {
        accepted++;
      }
    }
    List<String> actual =
        read.report().rejections().stream().map(SessionRowRulesTest::describe).toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(expected).hasSize(7);
    assertThat(read.sessions().size()).isEqualTo(accepted);
  }

  @Test
  void aMissingColumnFailsTheHeaderAsTheReaderDoes() {
    assertThatThrownBy(() -> SessionRowRules.bindHeader(List.of("user", "product", "start"), "x.csv"))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("x.csv");
  }

  /** The rows with their columns moved to the header order start,user,end,product. */
  private static List<String> reorder(List<String> rows) {
    return rows.stream()
        .map(r -> r.split(",", -1))
        .map(f -> String.join(",", f[2], f[0], f[3], f[1]))
        .toList();
  }

  /** The Spark job's order of checks; the rejection as "field reason", or empty. */
  private static Optional<String> apply(SessionRowRules rules, int[] columns, String[] fields) {
    String user = SessionRowRules.value(fields[columns[SessionRowRules.USER]]);
    if (user.isEmpty()) {
      return Optional.of("user missing value");
    }
    String product = SessionRowRules.value(fields[columns[SessionRowRules.PRODUCT]]);
    if (product.isEmpty()) {
      return Optional.of("product missing value");
    }
    Optional<ProductId> id = rules.product(product);
    if (id.isEmpty()) {
      return Optional.of("product unknown product '" + product + "'");
    }
    long start;
    long end;
    try {
      start = rules.instantNanos(SessionRowRules.value(fields[columns[SessionRowRules.START]]));
    } catch (SessionRowRules.Rejected e) {
      return Optional.of("start " + e.getMessage());
    }
    try {
      end = rules.instantNanos(SessionRowRules.value(fields[columns[SessionRowRules.END]]));
    } catch (SessionRowRules.Rejected e) {
      return Optional.of("end " + e.getMessage());
    }
    if (end < start) {
      return Optional.of("end " + SessionRowRules.endBeforeStart(start, end));
    }
    assertThat(rules.user(user)).isNotBlank();
    return Optional.empty();
  }

  private static String describe(Rejection r) {
    return r.line() + " " + r.field() + " " + r.reason();
  }
}
