package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.files.catalog.ProductResolver;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.SessionTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The row rules of {@link FastSessionsCsvReader} for one row whose fields another CSV parser
 * (Spark's) has already split: the same header binding, the same checks in the same order and the
 * same rejection field and reason, so that a distributed read accepts and rejects exactly the rows
 * the single-machine reader does.
 *
 * <p>Public API of {@code adapters-files} for readers outside this module (the Spark job's
 * distributed read): it calls the reader's own header spec ({@code SessionsCsvReader.SPEC}) and
 * instant parser ({@code Values.instant}), so the two readers cannot drift apart.
 * {@code SessionRowRulesTest} checks that applying the rules row by row rejects exactly what the
 * reader rejects, with the same field and reason.
 *
 * <p>Immutable and thread-safe (the resolver and the identity map are).
 */
public final class SessionRowRules {
  /** Logical columns, in the order {@link #bindHeader} returns their indexes. */
  public static final int USER = 0;
  public static final int PRODUCT = 1;
  public static final int START = 2;
  public static final int END = 3;

  private final ProductResolver resolver;
  private final ImportOptions options;

  public SessionRowRules(ProductResolver resolver, ImportOptions options) {
    this.resolver = requireNonNull(resolver, "resolver");
    this.options = requireNonNull(options, "options");
  }

  /**
   * The field index of user, product, start and end in a header row, by the sessions CSV's aliases.
   *
   * @throws dev.seatwise.application.port.out.UsageImportException when a column is missing, with
   *     the reader's message
   */
  public static int[] bindHeader(List<String> header, String file) {
    HeaderSpec.Header h = SessionsCsvReader.SPEC.bind(header, file);
    List<String> probe = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      probe.add(Integer.toString(i));
    }
    return new int[] {
        Integer.parseInt(h.get(probe, "user")),
        Integer.parseInt(h.get(probe, "product")),
        Integer.parseInt(h.get(probe, "start")),
        Integer.parseInt(h.get(probe, "end"))};
  }

  /** A stripped field value ({@code null}, as Spark gives an empty field, is empty). */
  public static String value(String raw) {
    return raw == null ? "" : raw.strip();
  }

  /** The user id of a non-empty, stripped user field (through the identity map). */
  public String user(String user) {
    return options.identity().anyUser(user, options.privacy()).value();
  }

  /** The product of a non-empty, stripped product field, or empty when the catalog lacks it. */
  public Optional<ProductId> product(String name) {
    return resolver.byName(name);
  }

  /**
   * The epoch nanoseconds of a stripped instant field, as the reader parses it.
   *
   * @throws Rejected with the reader's reason (the caller names the field)
   */
  public long instantNanos(String raw) {
    Instant t;
    try {
      t = Values.instant(raw, options.zone());
    } catch (Values.BadValue e) {
      throw new Rejected(e.getMessage());
    }
    try {
      return SessionTable.toNanos(t);
    } catch (ArithmeticException e) {
      throw new Rejected("outside the years 1678 to 2261: '" + raw + "'");
    }
  }

  /** The reader's reason for a session that ends before it starts. */
  public static String endBeforeStart(long startNanos, long endNanos) {
    return "end " + SessionTable.toInstant(endNanos) + " is before start "
        + SessionTable.toInstant(startNanos);
  }

  /** A value the reader would reject, with its reason. */
  public static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }
}
