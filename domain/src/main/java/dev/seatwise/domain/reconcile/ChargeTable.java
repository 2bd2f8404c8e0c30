package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * What Flex charged, day by day, by column: the in-memory form of a Token Usage export. Each row is
 * a {@link ChargedDay}; a row keeps its epoch day and the numbers of its user and product in the
 * table's own dictionaries (each user and product held once, numbered in the order first seen) and
 * its tokens, about 14 bytes a row where a {@code ChargedDay} object with its date costs some 60
 * (the 100,000-user year's export: 12.3 M rows). Rows stay in the order they were added; a {@code
 * ChargedDay} is made only when one is read ({@link #get}, {@link #asList}). Immutable.
 */
public final class ChargeTable {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MAX_PRODUCTS = Character.MAX_VALUE + 1;
  private static final int SIZE = 0;
  private static final int MIN_DAY = 1;
  private static final int MAX_DAY = 2;
  private static final int BUILT = 3;

  private final List<UserId> users;
  private final List<ProductId> products;
  private final int[][] day;
  private final int[][] user;
  private final char[][] product;
  /** A chunk's tokens: int where every value of the chunk fits one, else null and in {@link #wide}. */
  private final int[][] tokens;
  private final long[][] wide;
  private final int size;
  private final long minDay;
  private final long maxDay;

  private ChargeTable(Builder b) {
    this.users = List.copyOf(b.users);
    this.products = List.copyOf(b.products);
    int chunks = b.day.size();
    this.day = b.day.toArray(new int[chunks][]);
    this.user = b.user.toArray(new int[chunks][]);
    this.product = b.product.toArray(new char[chunks][]);
    this.tokens = b.tokens.toArray(new int[chunks][]);
    this.wide = b.wide.toArray(new long[chunks][]);
    this.size = (int) b.state[SIZE];
    this.minDay = b.state[MIN_DAY];
    this.maxDay = b.state[MAX_DAY];
    if (chunks > 0) {
      int last = chunks - 1;
      int n = size - last * CHUNK; // trim the last chunk to its rows
      day[last] = Arrays.copyOf(day[last], n);
      user[last] = Arrays.copyOf(user[last], n);
      product[last] = Arrays.copyOf(product[last], n);
      if (tokens[last] != null) {
        tokens[last] = Arrays.copyOf(tokens[last], n);
      } else {
        wide[last] = Arrays.copyOf(wide[last], n);
      }
    }
  }

  /** An empty table's builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The table of {@code rows}, in their order. */
  public static ChargeTable of(List<ChargedDay> rows) {
    Builder b = builder();
    for (ChargedDay c : checkNotNull(rows, "rows")) {
      b.add(c);
    }
    return b.build();
  }

  /** Rows. */
  public int size() {
    return size;
  }

  /** Whether the table has no row. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The users, each once, in the order first added; {@link #userIndex} numbers a row's. */
  public List<UserId> users() {
    return users;
  }

  /** The products, each once, in the order first added; {@link #productIndex} numbers a row's. */
  public List<ProductId> products() {
    return products;
  }

  /** Row {@code i}'s day, as an epoch day. */
  public long epochDay(int i) {
    checkElementIndex(i, size);
    return day[i >>> CHUNK_BITS][i & (CHUNK - 1)];
  }

  /** Row {@code i}'s day. */
  public LocalDate day(int i) {
    return LocalDate.ofEpochDay(epochDay(i));
  }

  /** Row {@code i}'s user's position in {@link #users()}. */
  public int userIndex(int i) {
    checkElementIndex(i, size);
    return user[i >>> CHUNK_BITS][i & (CHUNK - 1)];
  }

  /** Row {@code i}'s product's position in {@link #products()}. */
  public int productIndex(int i) {
    checkElementIndex(i, size);
    return product[i >>> CHUNK_BITS][i & (CHUNK - 1)];
  }

  /** Row {@code i}'s tokens. */
  public long tokens(int i) {
    checkElementIndex(i, size);
    int c = i >>> CHUNK_BITS;
    return tokens[c] != null ? tokens[c][i & (CHUNK - 1)] : wide[c][i & (CHUNK - 1)];
  }

  /** Row {@code i}. */
  public ChargedDay get(int i) {
    return new ChargedDay(day(i), users.get(userIndex(i)), products.get(productIndex(i)), tokens(i));
  }

  /** The earliest day of a row, as an epoch day; {@link Long#MAX_VALUE} when there is none. */
  public long minEpochDay() {
    return minDay;
  }

  /** The latest day of a row, as an epoch day; {@link Long#MIN_VALUE} when there is none. */
  public long maxEpochDay() {
    return maxDay;
  }

  /**
   * Rows whose day, user and product an earlier row already named (their tokens are added to the
   * earlier row's by a reconciliation): none in one export; two exports that overlap repeat the
   * days they share. Worked out on one sorted {@code long} per row (8 bytes a row, for the call).
   */
  public long repeatedRows() {
    if (size < 2) {
      return 0;
    }
    long span = maxDay - minDay;
    if (span >= 1L << 23 || users.size() > 1 << 24) {
      // past what one long holds: the rows' keys in a set (never seen from an export)
      java.util.Set<List<Long>> seen = new java.util.HashSet<>();
      long repeats = 0;
      for (int i = 0; i < size; i++) {
        if (!seen.add(List.of(epochDay(i), (long) userIndex(i), (long) productIndex(i)))) {
          repeats++;
        }
      }
      return repeats;
    }
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((epochDay(i) - minDay) << 40) | ((long) userIndex(i) << 16) | productIndex(i);
    }
    Arrays.sort(keys);
    long repeats = 0;
    for (int i = 1; i < size; i++) {
      if (keys[i] == keys[i - 1]) {
        repeats++;
      }
    }
    return repeats;
  }

  /** The rows as a list (each element made when read). */
  public List<ChargedDay> asList() {
    return new Rows();
  }

  /** Whether both tables have the same rows in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ChargeTable t && asList().equals(t.asList());
  }

  @Override
  public int hashCode() {
    return asList().hashCode();
  }

  @Override
  public String toString() {
    return "ChargeTable[" + size + " rows]";
  }

  private final class Rows extends AbstractList<ChargedDay> implements RandomAccess {
    @Override
    public ChargedDay get(int index) {
      return ChargeTable.this.get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Appends rows; not thread-safe. */
  public static final class Builder {
    private final List<UserId> users = new ArrayList<>();
    private final List<ProductId> products = new ArrayList<>();
    private final Map<UserId, Integer> userNumber = new HashMap<>();
    private final Map<ProductId, Integer> productNumber = new HashMap<>();
    private final List<int[]> day = new ArrayList<>();
    private final List<int[]> user = new ArrayList<>();
    private final List<char[]> product = new ArrayList<>();
    private final List<int[]> tokens = new ArrayList<>();
    private final List<long[]> wide = new ArrayList<>();
    // a builder's state in final cells (the domain's fields are final: DomainArchitectureTest)
    /** Rows added, the earliest and the latest epoch day, whether built (0 or 1). */
    private final long[] state = {0, Long.MAX_VALUE, Long.MIN_VALUE, 0};
    /** The user and the product of the row before, and their numbers (a run repeats them). */
    private final Object[] last = new Object[2];
    private final int[] lastNumber = new int[2];

    private Builder() {}

    /** Appends one row. */
    public Builder add(ChargedDay c) {
      checkNotNull(c, "row");
      return add(c.day(), c.user(), c.product(), c.tokens());
    }

    /**
     * Appends one row: what Flex charged {@code user} for {@code product} on {@code day}.
     *
     * @throws IllegalArgumentException when {@code tokens} is below 0, the day is outside the
     *     years an {@code int} epoch day holds, or there would be more than 65,536 products
     */
    public Builder add(LocalDate day, UserId user, ProductId product, long tokens) {
      checkNotNull(day, "day");
      checkNotNull(user, "user");
      checkNotNull(product, "product");
      checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
      checkArgument(state[BUILT] == 0, "the table was built");
      long epochDay = day.toEpochDay();
      checkArgument(
          epochDay >= Integer.MIN_VALUE && epochDay <= Integer.MAX_VALUE, "day %s out of range", day);
      int size = (int) state[SIZE];
      checkArgument(size < Integer.MAX_VALUE, "table full");
      int u = userNumber(user);
      int p = productNumber(product);
      int c = size >>> CHUNK_BITS;
      int at = size & (CHUNK - 1);
      if (at == 0) {
        this.day.add(new int[CHUNK]);
        this.user.add(new int[CHUNK]);
        this.product.add(new char[CHUNK]);
        this.tokens.add(new int[CHUNK]);
        this.wide.add(null);
      }
      this.day.get(c)[at] = (int) epochDay;
      this.user.get(c)[at] = u;
      this.product.get(c)[at] = (char) p;
      int[] narrow = this.tokens.get(c);
      if (narrow != null && tokens > Integer.MAX_VALUE) {
        // the chunk's first value past an int: the chunk keeps longs from now on
        long[] w = new long[CHUNK];
        for (int i = 0; i < at; i++) {
          w[i] = narrow[i];
        }
        this.wide.set(c, w);
        this.tokens.set(c, null);
        narrow = null;
      }
      if (narrow != null) {
        narrow[at] = (int) tokens;
      } else {
        this.wide.get(c)[at] = tokens;
      }
      state[MIN_DAY] = Math.min(state[MIN_DAY], epochDay);
      state[MAX_DAY] = Math.max(state[MAX_DAY], epochDay);
      state[SIZE]++;
      return this;
    }

    /** Appends every row of {@code table}, in order. */
    public Builder addAll(ChargeTable table) {
      checkNotNull(table, "table");
      for (int i = 0; i < table.size(); i++) {
        add(table.day(i), table.users.get(table.userIndex(i)),
            table.products.get(table.productIndex(i)), table.tokens(i));
      }
      return this;
    }

    /** Rows added so far. */
    public int size() {
      return (int) state[SIZE];
    }

    /** The table; the builder takes no more rows. */
    public ChargeTable build() {
      state[BUILT] = 1;
      return new ChargeTable(this);
    }

    private int userNumber(UserId u) {
      if (u == last[0]) {
        return lastNumber[0];
      }
      Integer n = userNumber.get(u);
      if (n == null) {
        n = users.size();
        users.add(u);
        userNumber.put(u, n);
      }
      last[0] = u;
      return lastNumber[0] = n;
    }

    private int productNumber(ProductId p) {
      if (p == last[1]) {
        return lastNumber[1];
      }
      Integer n = productNumber.get(p);
      if (n == null) {
        checkArgument(products.size() < MAX_PRODUCTS, "more than %s products", MAX_PRODUCTS);
        n = products.size();
        products.add(p);
        productNumber.put(p, n);
      }
      last[1] = p;
      return lastNumber[1] = n;
    }
  }
}
