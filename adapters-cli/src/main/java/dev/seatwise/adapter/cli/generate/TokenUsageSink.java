package dev.seatwise.adapter.cli.generate;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.metering.FlexWindowing;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Autodesk Account Token Usage export of the generated usage ({@code Day used, Email, First name,
 * Last name, Product, Feature, Team, Tokens used}): what the access-window rule ({@link
 * FlexWindowing}, the replay's own) charges each person per product and UTC day on which a window
 * opens, at {@link TokenRule}'s rates. Products without a rate are not charged. Every session is
 * kept until the last day (start and end per person and product, two longs each) because a window
 * can run into the next day; rows are written at the end, by day, then person, then product.
 */
final class TokenUsageSink implements SessionSink {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private final Writer out;
  private final TokenRule rule;
  /** Starts and ends in epoch nanoseconds per person and product, in start order. */
  private final Map<Key, Spans> spans = new HashMap<>();

  private record Key(Person person, ProductModel product) {}

  private static final class Spans {
    long[] starts = new long[16];
    long[] ends = new long[16];
    int size;

    void add(long start, long end) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = start;
      ends[size] = end;
      size++;
    }
  }

  TokenUsageSink(Writer out, TokenRule rule) {
    this.out = requireNonNull(out, "out");
    this.rule = requireNonNull(rule, "rule");
  }

  @Override
  public void begin(LocalDate firstDay) throws IOException {
    out.write("Day used,Email,First name,Last name,Product,Feature,Team,Tokens used\n");
  }

  @Override
  public void day(LocalDate date, List<GeneratedSession> sessions) {
    // a day's sessions come sorted by start, and days in order: each list stays in start order
    for (GeneratedSession s : sessions) {
      if (rule.rate(s.product().id()) > 0) {
        spans
            .computeIfAbsent(new Key(s.person(), s.product()), k -> new Spans())
            .add(nanos(s.start()), nanos(s.end()));
      }
    }
  }

  @Override
  public void finish(LocalDate dayAfterLast) throws IOException {
    // one row per (day, person, product): the windows opening that day, counted by sort order
    List<Key> keys = new ArrayList<>(spans.keySet());
    keys.sort(
        (a, b) ->
            a.person().index() != b.person().index()
                ? Integer.compare(a.person().index(), b.person().index())
                : Integer.compare(
                    ProductModel.ALL.indexOf(a.product()), ProductModel.ALL.indexOf(b.product())));
    Windows rows = new Windows();
    for (int k = 0; k < keys.size(); k++) {
      Spans s = spans.get(keys.get(k));
      long key = k;
      // day (epoch day) in the high 32 bits, the key's index in the low: one long per window
      FlexWindowing.replay(
          s.starts, s.ends, 0, s.size, rule.windowNanos(), rule.minimumNanos(),
          start -> rows.add((Math.floorDiv(start, NANOS_PER_DAY) << 32) | key));
    }
    long[] windows = rows.values;
    int n = rows.size;
    Arrays.sort(windows, 0, n);
    StringBuilder sb = new StringBuilder(1 << 16);
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && windows[j] == windows[i]) {
        j++;
      }
      Key key = keys.get((int) windows[i]);
      Person p = key.person();
      sb.append(LocalDate.ofEpochDay(windows[i] >> 32)).append(',')
          .append(p.email()).append(',')
          .append(p.firstName()).append(',')
          .append(p.lastName()).append(',')
          .append(key.product().exportName()).append(',')
          .append(',')
          .append(p.team()).append(',')
          .append((j - i) * rule.rate(key.product().id())).append('\n');
      if (sb.length() > 1 << 16) {
        out.write(sb.toString());
        sb.setLength(0);
      }
      i = j;
    }
    out.write(sb.toString());
  }

  /** A growing list of longs. */
  private static final class Windows {
    long[] values = new long[1024];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }
}
