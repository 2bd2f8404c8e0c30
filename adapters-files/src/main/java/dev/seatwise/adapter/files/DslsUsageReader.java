package dev.seatwise.adapter.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Dassault Systèmes DSLS licence usage as {@code DSLicSrv -admin} prints it ({@code
 * getLicenseUsage -csv}), one snapshot or many concatenated. Each {@code License Administration
 * Tool} banner (or a CSV header without one) starts a snapshot, dated as {@link StatusSnapshots}
 * says. Under the header {@code Editor,EditorId,Feature,...,Count,Inuse,Tokens,...,Host,User,...,
 * Granted Since,...} each line is a row: the first row of a feature gives issued ({@code Count})
 * and in use ({@code Inuse}); a row with a {@code User} is also one check-out of {@code Tokens}
 * tokens (1 when empty) from host {@code Host} (before its {@code (pid)/ip}) since {@code Granted
 * Since}. A row without a feature, with too few fields or with counts that are not whole numbers
 * is rejected with the reason.
 */
final class DslsUsageReader implements UsageReader {
  static final Pattern BANNER = Pattern.compile("^\\s*License Administration Tool\\b.*");
  static final Pattern HEADER = Pattern.compile("^\\s*Editor,EditorId,Feature,.*");
  private static final List<String> NEEDED = List.of("feature", "count", "inuse");
  private static final Pattern WHOLE = Pattern.compile("\\d+");

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    StatusSnapshots.read(file, name, ctx, out, ledger, Run::new);
  }

  private static final class Run extends StatusSnapshots.Format {
    Map<String, Integer> col;
    final Set<String> featuresSeen = new HashSet<>();
    boolean bannerOpen;

    Run(StatusSnapshots s) {
      super(s, BANNER);
    }

    @Override
    void banner(long n) {
      bannerOpen = true;
      col = null;
      featuresSeen.clear();
    }

    @Override
    void line(long n, String line) {
      if (HEADER.matcher(line).matches()) {
        if (!bannerOpen) {
          s.begin(n, Optional.empty());
          featuresSeen.clear();
        }
        bannerOpen = false;
        col = columns(line);
        if (!col.keySet().containsAll(NEEDED)) {
          s.ledger().reject(n, "", "the usage header lacks one of the columns Feature, Count, Inuse: "
              + Limits.quote(line.strip()));
          col = null;
        }
        return;
      }
      if (col == null || line.isBlank() || line.strip().startsWith("admin >")) {
        return;
      }
      row(n, line, col, s, featuresSeen);
    }
  }

  private static Map<String, Integer> columns(String header) {
    String[] h = header.strip().split(",", -1);
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < h.length; i++) {
      col.putIfAbsent(h[i].strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), i);
    }
    return col;
  }

  private static String field(String[] f, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= f.length ? "" : f[i].strip();
  }

  private static void row(long n, String line, Map<String, Integer> col, StatusSnapshots s,
      Set<String> featuresSeen) {
    RowLedger ledger = s.ledger();
    String[] f = line.split(",", -1);
    if (f.length <= col.get("inuse")) {
      ledger.reject(n, "", "too few fields (" + f.length + ") for a usage row: " + Limits.quote(line.strip()));
      return;
    }
    String feature = field(f, col, "feature");
    if (feature.isEmpty()) {
      ledger.reject(n, "Feature", "empty feature");
      return;
    }
    Optional<Long> count = s.issued(n, field(f, col, "count"));
    Optional<Long> inUse = StatusSnapshots.count(field(f, col, "inuse"));
    if (count.isEmpty() || inUse.isEmpty()) {
      String raw = field(f, col, count.isEmpty() ? "count" : "inuse");
      ledger.reject(n, count.isEmpty() ? "Count" : "Inuse", (WHOLE.matcher(raw).matches()
          ? "out of range 0 to " + Limits.MAX_STATUS_COUNT : "not a whole number")
          + ": '" + Limits.quote(raw) + "'");
      return;
    }
    String user = field(f, col, "user");
    long tokens = 1;
    Optional<Instant> since = Optional.empty();
    if (!user.isEmpty()) {
      String t = field(f, col, "tokens");
      if (!t.isEmpty()) {
        Optional<Long> tk = s.checkoutCount(n, "Tokens", t);
        if (tk.isEmpty()) {
          return;
        }
        tokens = tk.get();
      }
      String granted = field(f, col, "grantedsince");
      if (!granted.isEmpty()) {
        since = s.since(n, "Granted Since", granted, "not a date-time yyyy-MM-dd HH:mm:ss: '"
            + Limits.quote(granted) + "'");
        if (since.isEmpty()) {
          return;
        }
      }
    }
    StatusSnapshots.Block b = s.block(feature);
    if (featuresSeen.add(feature)) {
      b.add(count.get(), inUse);
    }
    if (!user.isEmpty()) {
      String host = field(f, col, "host").split("[ /(]", 2)[0];
      b.checkout(user, host, tokens, since, field(f, col, "sessionid"));
    }
    s.accept(n);
  }
}
