package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.reconcile.ChargeTable;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Token Usage rows held by column ({@link ChargeTable}): an immutable list whose {@link
 * TokenUsage}s are made when read. {@link ImportedUsage} keeps its rows this way, so that a large
 * export (the 100,000-user year's: 12.3 M rows) costs about 14 bytes a row rather than an object
 * and a date each.
 */
public final class TokenUsageList extends AbstractList<TokenUsage> implements RandomAccess {
  private static final TokenUsageList EMPTY = new TokenUsageList(ChargeTable.builder().build());

  private final ChargeTable table;

  private TokenUsageList(ChargeTable table) {
    this.table = table;
  }

  /** The rows of {@code table}. */
  public static TokenUsageList of(ChargeTable table) {
    return new TokenUsageList(requireNonNull(table, "table"));
  }

  /**
   * {@code rows} by column: {@code rows} itself when it is one already.
   *
   * @throws IllegalArgumentException when a row charged fewer than 0 tokens
   */
  public static TokenUsageList of(List<TokenUsage> rows) {
    if (rows instanceof TokenUsageList t) {
      return t;
    }
    if (rows.isEmpty()) {
      return EMPTY;
    }
    ChargeTable.Builder b = ChargeTable.builder();
    for (TokenUsage t : rows) {
      b.add(t.day(), t.user(), t.product(), t.tokens());
    }
    return new TokenUsageList(b.build());
  }

  /** The rows of {@code a}, then those of {@code b}. */
  public static TokenUsageList concat(List<TokenUsage> a, List<TokenUsage> b) {
    TokenUsageList x = of(a);
    TokenUsageList y = of(b);
    if (y.isEmpty()) {
      return x;
    }
    if (x.isEmpty()) {
      return y;
    }
    return new TokenUsageList(ChargeTable.builder().addAll(x.table).addAll(y.table).build());
  }

  /** The rows as the table that holds them. */
  public ChargeTable charges() {
    return table;
  }

  @Override
  public TokenUsage get(int index) {
    return new TokenUsage(
        table.day(index),
        table.users().get(table.userIndex(index)),
        table.products().get(table.productIndex(index)),
        table.tokens(index));
  }

  @Override
  public int size() {
    return table.size();
  }
}
