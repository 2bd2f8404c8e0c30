package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output of {@code lmutil lmstat -a}, one snapshot or many concatenated (a cron job appending to
 * one file). Each {@code Flexible License Manager status on Fri 10/20/2017 17:02} header starts a
 * snapshot; each {@code Users of FEATURE: (Total of N licenses issued; Total of M licenses in
 * use)} line gives a {@link SeatSnapshot}; each user line ({@code user host display (v1.0)
 * (server/port handle), start Fri 10/20 16:44[, K licenses]}) gives K sessions from its start
 * (the year is the snapshot's, or the year before when the date would be after the snapshot) to
 * the last snapshot in which that check-out was still listed. Sessions are therefore lower
 * bounds: the real check-in happened between that snapshot and the next.
 *
 * <p>Each snapshot lists its check-outs (user, host, licences, start). A token pool whose check-outs
 * name a sub-feature in the display field ({@code MSCONE:ADAMS_View} under {@code Users of MSCONE},
 * or {@code feature=ADAMS_View}) also gives a snapshot per sub-feature and snapshot: named {@code
 * POOL:SUB}, in use the licences its check-outs hold, issued 0 and {@code pool} the pool feature.
 * The pool's use is thus seen per pool and per sub-feature; sessions stay under the pool feature.
 *
 * <p>Rows are the {@code Users of} lines and the user lines. An uncounted (node-locked) feature
 * has no issued count and is rejected with that reason; its user lines are still read.
 */
final class LmstatReader implements UsageReader {
  static final Pattern HEADER = Pattern.compile(
      "^\\s*Flexible License Manager status on \\w{3} (\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}).*");
  private static final Pattern USERS_OF = Pattern.compile("^\\s*Users of (.+?):\\s*\\((.*)\\)\\s*$");
  private static final Pattern TOTALS = Pattern.compile(
      "Total of (\\d+) licenses? issued;\\s*Total of (\\d+) licenses? in use");
  private static final Pattern USER_LINE = Pattern.compile(
      "^\\s+(.+?) \\(v[^)]*\\) \\(([^)]*)\\), start \\w{3} (\\d{1,2})/(\\d{1,2}) (\\d{1,2}):(\\d{2})(.*)$");
  private static final Pattern LICENSES = Pattern.compile(",\\s*(\\d+) licenses?\\b");
  private static final Pattern MENTIONS_LICENSES =
      Pattern.compile("licen[cs]e", Pattern.CASE_INSENSITIVE);
  /** Lines a {@code Users of} block holds besides check-outs: descriptions, reservations. */
  private static final Pattern BLOCK_CHATTER = Pattern.compile(
      "^\\s*(\"[^\"]*\"\\s+v.*|vendor_string:.*|(floating|nodelocked|uncounted)\\b.*"
          + "|\\d+ RESERVATIONs? for .*|License file\\(s\\).*|.*\\bqueued for .*"
          + "|.*license server (UP|DOWN).*|\\S+: (UP|DOWN)\\b.*)$",
      Pattern.CASE_INSENSITIVE);
  /** Lines that end a {@code Users of} block: the report's own sections. */
  private static final Pattern TOP_CHATTER = Pattern.compile(
      "^(lmutil - .*|License server status:.*|Vendor daemon status.*|Feature usage info:.*"
          + "|\\S+: license server .*|\\S+: Cannot connect.*|_+\\s.*|Feature\\s+Version.*"
          + "|.*Error getting status.*|-+\\s*)$",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    Run run = new Run(ctx, out, ledger);
    run.file = file;
    run.name = name;
    try (BufferedReader in = TextInput.open(file, name)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        run.line(n, line);
      }
      run.flushBlock();
      run.noteFileTime();
      run.closeStale(Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Run {
    private final ReadContext ctx;
    private final UsageCollector out;
    private final RowLedger ledger;
    private Path file;
    private boolean sawHeader;
    private String name;
    private LocalDateTime snapshotTime;
    private Instant snapshotAt;
    private int snapshot = -1;
    /** Line of the first 'Users of' of an excerpt dated by the file time, 0 when none (or noted). */
    private long fileDatedLine;
    /** The newest check-out start of that excerpt's snapshot, null when none. */
    private Instant newestStart;
    /** Why that excerpt cannot be dated (its rows are rejected with it), null when it can. */
    private String undatable;
    private String feature;
    private final Map<String, Open> open = new LinkedHashMap<>();
    /** Index in out.snapshots of the current block's snapshot, -1 when none. */
    private int block = -1;
    private final List<SeatCheckout> checkouts = new ArrayList<>();
    private final Map<String, List<SeatCheckout>> subFeatures = new LinkedHashMap<>();

    private static final class Open {
      final UserId user;
      final String feature;
      final Optional<ProductId> product;
      final Instant start;
      final int count;
      int lastSnapshot;
      Instant lastSeen;

      Open(UserId user, String feature, Optional<ProductId> product, Instant start, int count) {
        this.user = user;
        this.feature = feature;
        this.product = product;
        this.start = start;
        this.count = count;
      }
    }

    Run(ReadContext ctx, UsageCollector out, RowLedger ledger) {
      this.ctx = ctx;
      this.out = out;
      this.ledger = ledger;
    }

    void line(long n, String line) {
      Matcher m = HEADER.matcher(line);
      if (m.matches()) {
        header(n, m);
        return;
      }
      m = USERS_OF.matcher(line);
      if (m.matches()) {
        usersOf(n, m.group(1).strip(), m.group(2));
        return;
      }
      if (line.contains(", start ")) {
        user(n, line);
        return;
      }
      if (feature == null || line.isBlank() || BLOCK_CHATTER.matcher(line).matches()) {
        return;
      }
      if (TOP_CHATTER.matcher(line).matches()) {
        feature = null;
        return;
      }
      ledger.reject(n, "", "not a check-out line inside the 'Users of " + Limits.quote(feature)
          + "' block (expected 'user host display (vX) (server/port handle), start Ddd M/D H:MM'): "
          + Limits.quote(line.strip()));
    }

    private void header(long n, Matcher m) {
      flushBlock();
      noteFileTime();
      undatable = null;
      sawHeader = true;
      try {
        snapshotTime = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
      } catch (DateTimeException e) {
        snapshotTime = null;
        snapshotAt = null;
        feature = null;
        ledger.reject(n, "", "invalid snapshot date: " + e.getMessage());
        return;
      }
      if (!Limits.plausible(snapshotTime.toLocalDate())) {
        ledger.reject(n, "", "snapshot date " + snapshotTime.toLocalDate()
            + " is outside the plausible dates " + Limits.dateRange());
        snapshotTime = null;
        snapshotAt = null;
        feature = null;
        return;
      }
      snapshotAt = snapshotTime.atZone(ctx.options().zone()).toInstant();
      closeStale(snapshot);
      snapshot++;
      feature = null;
    }

    /**
     * Output cut before its header (an excerpt): dated by the file's last-modified time, unless
     * that time is implausible ({@link FileTimeDating#undatable}: the excerpt's rows are then
     * rejected). The note comes at the excerpt's end ({@link #noteFileTime}).
     */
    private void undated(long n) {
      sawHeader = true;
      Instant t = FileTimeDating.of(file);
      undatable = FileTimeDating.undatable(t).orElse(null);
      if (undatable != null) {
        return;
      }
      snapshotAt = t;
      snapshotTime = LocalDateTime.ofInstant(snapshotAt, ctx.options().zone());
      snapshot++;
      fileDatedLine = n;
    }

    /**
     * Ends an excerpt dated by the file time: notes it, with {@link FileTimeDating#suspect}'s
     * warning when the time does not fit the newest check-out start.
     */
    void noteFileTime() {
      if (fileDatedLine == 0) {
        return;
      }
      String warning = newestStart == null ? ""
          : FileTimeDating.suspect(snapshotAt, newestStart).map(w -> "; " + w).orElse("");
      out.notes.add(new ImportNote(name, fileDatedLine, "no 'Flexible License Manager status on'"
          + " header before the first 'Users of' line: the snapshot is dated by the file's"
          + " last-modified time " + snapshotAt + warning));
      fileDatedLine = 0;
    }

    private void usersOf(long n, String name, String totals) {
      flushBlock();
      if (!sawHeader) {
        undated(n);
      }
      if (undatable != null) {
        feature = name; // its lines are still read, and rejected as this one
        ledger.reject(n, FileTimeDating.FIELD, undatable);
        return;
      }
      if (snapshotAt == null) {
        ledger.reject(n, "", "no 'Flexible License Manager status on' header before this line");
        return;
      }
      feature = name;
      Matcher t = TOTALS.matcher(totals);
      if (!t.find()) {
        ledger.reject(n, "issued", "no issued/in-use totals for " + Limits.quote(name) + ": ("
            + Limits.quote(totals.strip()) + ")");
        return;
      }
      long issued;
      long inUse;
      String field = "issued";
      try {
        issued = Values.digits(t.group(1), Limits.MAX_SEATS);
        field = "in use";
        inUse = Values.digits(t.group(2), Limits.MAX_SEATS);
      } catch (Values.BadValue e) {
        ledger.reject(n, field, e.getMessage());
        return;
      }
      out.snapshots.add(new SeatSnapshot(snapshotAt, name, ctx.resolver().byFeature(name),
          issued, inUse));
      block = out.snapshots.size() - 1;
      ledger.accept();
    }

    private void user(long n, String line) {
      Matcher m = USER_LINE.matcher(line);
      if (!m.matches()) {
        ledger.reject(n, "", "unreadable check-out line: " + Limits.quote(line.strip()));
        return;
      }
      if (undatable != null) {
        ledger.reject(n, FileTimeDating.FIELD, undatable);
        return;
      }
      if (snapshotAt == null || feature == null) {
        ledger.reject(n, "", "check-out line outside a 'Users of' block");
        return;
      }
      String[] who = m.group(1).strip().split("\\s+");
      String user = who[0];
      String host = who.length > 1 ? who[1] : "";
      LocalDateTime start;
      try {
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        LocalDate d = LocalDate.of(snapshotTime.getYear(), month, day);
        if (d.isAfter(snapshotTime.toLocalDate())) {
          d = LocalDate.of(snapshotTime.getYear() - 1, month, day);
        }
        start = d.atTime(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
      } catch (DateTimeException e) {
        ledger.reject(n, "start", "invalid start: " + e.getMessage());
        return;
      }
      Matcher lic = LICENSES.matcher(m.group(7));
      boolean counted = lic.find();
      if (!counted && MENTIONS_LICENSES.matcher(m.group(7)).find()) {
        ledger.reject(n, "licenses", "expected nothing or ', N licenses' after the start time, "
            + "found '" + Limits.quote(m.group(7).strip()) + "'");
        return;
      }
      int count;
      try {
        count = !counted ? 1
            : (int) Values.digits(lic.group(1), Limits.MAX_LICENSES_PER_CHECKOUT);
      } catch (Values.BadValue e) {
        ledger.reject(n, "licenses", e.getMessage());
        return;
      }
      if (count == 0) {
        ledger.reject(n, "licenses", "a check-out of 0 licenses");
        return;
      }
      Instant startAt = start.atZone(ctx.options().zone()).toInstant();
      if (!Limits.plausible(startAt)) {
        ledger.reject(n, "start", "start " + start.toLocalDate() + " is outside the plausible dates "
            + Limits.dateRange());
        return;
      }
      String key = feature + "\u0000" + m.group(1).strip() + "\u0000" + m.group(2) + "\u0000" + startAt;
      Open o = open.get(key);
      if (o == null) {
        UserId id = ctx.identity().flexlmUser(user, host, ctx.privacy());
        o = new Open(id, feature, ctx.resolver().byFeature(feature), startAt, count);
        open.put(key, o);
      }
      o.lastSnapshot = snapshot;
      o.lastSeen = snapshotAt;
      if (fileDatedLine > 0 && (newestStart == null || startAt.isAfter(newestStart))) {
        newestStart = startAt;
      }
      if (block >= 0) {
        SeatCheckout c = new SeatCheckout(o.user, ctx.privacy() ? "" : host, count, Optional.of(startAt));
        checkouts.add(c);
        subFeature(who).ifPresent(sub -> subFeatures.computeIfAbsent(sub, k -> new ArrayList<>()).add(c));
      }
      ledger.accept();
    }

    /** The sub-feature a check-out of the current pool feature names, e.g. MSCONE:ADAMS_View. */
    private Optional<String> subFeature(String[] who) {
      for (int i = 2; i < who.length; i++) {
        String w = who[i];
        if (w.startsWith(feature + ":") && w.length() > feature.length() + 1) {
          return Optional.of(w);
        }
        if (w.startsWith("feature=") && w.length() > "feature=".length()) {
          return Optional.of(feature + ":" + w.substring("feature=".length()));
        }
      }
      return Optional.empty();
    }

    /** Puts the check-outs read into the current block's snapshot, and adds its sub-features'. */
    void flushBlock() {
      if (block >= 0) {
        SeatSnapshot s = out.snapshots.get(block);
        out.snapshots.set(block, new SeatSnapshot(s.at(), s.feature(), s.product(), s.issued(),
            s.inUse(), checkouts, s.pool()));
        for (Map.Entry<String, List<SeatCheckout>> e : subFeatures.entrySet()) {
          long inUse = e.getValue().stream().mapToLong(SeatCheckout::count).sum();
          out.snapshots.add(new SeatSnapshot(s.at(), e.getKey(), ctx.resolver().byFeature(e.getKey()),
              0, inUse, e.getValue(), Optional.of(s.feature())));
        }
      }
      block = -1;
      checkouts.clear();
      subFeatures.clear();
    }

    /** Closes the check-outs last listed before snapshot {@code current}. */
    void closeStale(int current) {
      Iterator<Open> it = open.values().iterator();
      while (it.hasNext()) {
        Open o = it.next();
        if (o.lastSnapshot < current) {
          Instant end = o.lastSeen.isBefore(o.start) ? o.start : o.lastSeen;
          for (int i = 0; i < o.count; i++) {
            if (o.product.isPresent()) {
              out.sessions.add(new Session(o.user, o.product.get(), o.start, end));
            } else {
              out.unmapped.add(new Session(o.user, ProductId.of(o.feature), o.start, end));
            }
          }
          it.remove();
        }
      }
    }
  }
}
