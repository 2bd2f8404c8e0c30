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
 * its tokens, each column in chunks of the narrowest whole-number type that holds them: about 9
 * bytes a row on the 100,000-user year's export (12.3 M rows), where a {@code ChargedDay} object
 * with its date costs some 60. Rows stay in the order they were added; a {@code
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
  private static final int FIRST_DAY = 4;

  private final List<UserId> users;
  private final List<ProductId> products;
  /** Each row's epoch day less the first row's ({@link #firstDay}). */
  private final Column day;
  private final long firstDay;
  private final Column user;
  private final Column product;
  private final Column tokens;
  private final int size;
  private final long minDay;
  private final long maxDay;

  private ChargeTable(Builder b) {
    this.users = List.copyOf(b.users);
    this.products = List.copyOf(b.products);
    this.size = (int) b.state[SIZE];
    this.day = b.day.build(size);
    this.firstDay = b.state[FIRST_DAY];
    this.user = b.user.build(size);
    this.product = b.product.build(size);
    this.tokens = b.tokens.build(size);
    this.minDay = b.state[MIN_DAY];
    this.maxDay = b.state[MAX_DAY];
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
    return firstDay + day.get(i);
  }

  /** Row {@code i}'s day. */
  public LocalDate day(int i) {
    return LocalDate.ofEpochDay(epochDay(i));
  }

  /** Row {@code i}'s user's position in {@link #users()}. */
  public int userIndex(int i) {
    checkElementIndex(i, size);
    return (int) user.get(i);
  }

  /** Row {@code i}'s product's position in {@link #products()}. */
  public int productIndex(int i) {
    checkElementIndex(i, size);
    return (int) product.get(i);
  }

  /** Row {@code i}'s tokens. */
  public long tokens(int i) {
    checkElementIndex(i, size);
    return tokens.get(i);
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

  /**
   * A column of whole numbers in chunks of {@value #CHUNK} rows, each chunk the narrowest of {@code
   * byte} (0 to 255), {@code char} (0 to 65,535), {@code int} and {@code long} that holds every
   * value in it: a product number is a byte, tokens and days from the first row's mostly a char.
   */
  private static final class Column {
    private final Object[] chunks;

    Column(Object[] chunks) {
      this.chunks = chunks;
    }

    long get(int i) {
      Object c = chunks[i >>> CHUNK_BITS];
      int k = i & (CHUNK - 1);
      if (c instanceof char[] a) {
        return a[k];
      }
      if (c instanceof byte[] a) {
        return a[k] & 0xFF;
      }
      if (c instanceof int[] a) {
        return a[k];
      }
      return ((long[]) c)[k];
    }
  }

  /** Appends to a {@link Column}: a chunk starts as bytes and is widened when a value needs it. */
  private static final class ColumnBuilder {
    private final List<Object> chunks = new ArrayList<>();

    /** Sets row {@code row}, the row after the last. */
    void append(int row, long value) {
      int c = row >>> CHUNK_BITS;
      int k = row & (CHUNK - 1);
      if (k == 0) {
        chunks.add(new byte[CHUNK]);
      }
      Object a = chunks.get(c);
      if (!fits(a, value)) {
        a = widened(a, k, value);
        chunks.set(c, a);
      }
      if (a instanceof byte[] b) {
        b[k] = (byte) value;
      } else if (a instanceof char[] ch) {
        ch[k] = (char) value;
      } else if (a instanceof int[] in) {
        in[k] = (int) value;
      } else {
        ((long[]) a)[k] = value;
      }
    }

    /** The column of the first {@code size} rows (the last chunk cut to its rows). */
    Column build(int size) {
      Object[] out = chunks.toArray();
      if (out.length > 0) {
        int n = size - (out.length - 1) * CHUNK;
        Object last = out[out.length - 1];
        if (last instanceof byte[] b) {
          out[out.length - 1] = Arrays.copyOf(b, n);
        } else if (last instanceof char[] ch) {
          out[out.length - 1] = Arrays.copyOf(ch, n);
        } else if (last instanceof int[] in) {
          out[out.length - 1] = Arrays.copyOf(in, n);
        } else {
          out[out.length - 1] = Arrays.copyOf((long[]) last, n);
        }
      }
      return new Column(out);
    }

    private static boolean fits(Object chunk, long v) {
      if (chunk instanceof byte[]) {
        return v >= 0 && v <= 0xFF;
      }
      if (chunk instanceof char[]) {
        return v >= 0 && v <= Character.MAX_VALUE;
      }
      if (chunk instanceof int[]) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      }
      return true;
    }

    /** {@code chunk}'s first {@code used} values in the narrowest wider kind that holds {@code v}. */
    private static Object widened(Object chunk, int used, long v) {
      Column old = new Column(new Object[] {chunk});
      Object wider;
      if (chunk instanceof byte[] && v >= 0 && v <= Character.MAX_VALUE) {
        wider = new char[CHUNK];
      } else if (!(chunk instanceof int[]) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
        wider = new int[CHUNK];
      } else {
        wider = new long[CHUNK];
      }
      for (int k = 0; k < used; k++) {
        long x = old.get(k);
        if (wider instanceof char[] ch) {
          ch[k] = (char) x;
        } else if (wider instanceof int[] in) {
          in[k] = (int) x;
        } else {
          ((long[]) wider)[k] = x;
        }
      }
      return wider;
    }
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
    private final ColumnBuilder day = new ColumnBuilder();
    private final ColumnBuilder user = new ColumnBuilder();
    private final ColumnBuilder product = new ColumnBuilder();
    private final ColumnBuilder tokens = new ColumnBuilder();
    // a builder's state in final cells (the domain's fields are final: DomainArchitectureTest)
    /** Rows added, the earliest and the latest epoch day, whether built (0 or 1), the first row's. */
    private final long[] state = {0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0};
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
      if (size == 0) {
        state[FIRST_DAY] = epochDay;
      }
      this.day.append(size, epochDay - state[FIRST_DAY]);
      this.user.append(size, u);
      this.product.append(size, p);
      this.tokens.append(size, tokens);
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
