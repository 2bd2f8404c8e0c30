package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.HeldUnits;
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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the status readers of licence managers other than FlexLM share (RLM, LM-X, DSLS, LS-DYNA,
 * OLicense): snapshots made of feature blocks with their check-outs, and sessions from the
 * check-outs that successive snapshots list.
 *
 * <p><b>When a snapshot was taken.</b> Most of these tools print no date. A line holding only an
 * ISO-8601 date-time ({@code 2024-09-18T15:30:00Z}, {@code 2024-09-18 15:30[:00]}, in the import
 * zone when it has no offset), as {@code date -Iseconds} writes it before the tool's output in a
 * cron job, dates the next snapshot; a reader may know the time from the output itself (RLM's
 * statistics); otherwise the snapshot is dated by the file's last-modified time, with a note,
 * checked as {@link FileTimeDating} says: outside the plausible dates it dates nothing and the
 * snapshot's rows are rejected; far from the check-outs' starts it earns a warning.
 *
 * <p><b>Sessions.</b> Each check-out gives one session (whatever its count: cores, tokens or
 * licences are a weight that the snapshot's in-use carries, and that the session's {@link
 * HeldUnits} record carries to concurrency sizing when it is not 1) from its start, or from the first
 * snapshot listing it when the manager gives no start, to the last snapshot that still lists it;
 * a lower bound, as for {@code lmstat}. Several blocks of the same feature in one snapshot (one
 * module under two licences) add their issued and in-use counts.
 *
 * <p><b>Reading.</b> {@link #read} is the one line loop of these readers: it opens the file, counts
 * its lines, takes the date lines, starts a snapshot at each banner line and hands every other line
 * to the reader's {@link Format}, which keeps only its format's rules. Not thread-safe: one per
 * file.
 */
final class StatusSnapshots {
  private static final Pattern STAMP = Pattern.compile(
      "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$");

  private final String file;
  private final Path path;
  private final ReadContext ctx;
  private final UsageCollector out;
  private final RowLedger ledger;
  private Instant stamp;
  private Instant at;
  private int snapshot = -1;
  private boolean mtimeNoted;
  private boolean stamped;
  private boolean datedByFile;
  /** Why the current snapshot cannot be dated (its rows are rejected with it), null when it can. */
  private String undatable;
  private boolean fileTimeWarned;
  private long bannerLine;
  private long unlimitedLine;
  private final java.util.Set<String> unlimited = new java.util.LinkedHashSet<>();
  private final Map<String, Block> blocks = new LinkedHashMap<>();
  private final Map<String, Open> open = new LinkedHashMap<>();
  private final Map<String, Integer> seenThisSnapshot = new HashMap<>();

  /** A feature's totals and check-outs in the current snapshot. */
  final class Block {
    final String feature;
    long issued;
    boolean issuedUnlimited;
    long inUse;
    boolean inUseKnown;
    Optional<String> pool = Optional.empty();
    final List<SeatCheckout> checkouts = new ArrayList<>();

    Block(String feature) {
      this.feature = feature;
    }

    /**
     * Adds issued and in-use counts; {@code inUse} empty: the sum of the check-outs' counts. An
     * issued {@link Limits#UNLIMITED_ISSUED} makes the feature unlimited in this snapshot.
     */
    Block add(long issued, Optional<Long> inUse) {
      if (issued == Limits.UNLIMITED_ISSUED) {
        issuedUnlimited = true;
        unlimited.add(feature);
      } else {
        this.issued += issued;
      }
      inUse.ifPresent(u -> {
        this.inUse += u;
        inUseKnown = true;
      });
      return this;
    }

    /**
     * Records one check-out (the caller accepts or rejects the row); none when the snapshot cannot
     * be dated.
     */
    void checkout(String user, String host, long count, Optional<Instant> since, String handle) {
      if (undatable != null) {
        return;
      }
      UserId id = ctx.identity().flexlmUser(user, host, ctx.privacy());
      checkouts.add(new SeatCheckout(id, ctx.privacy() ? "" : host, count, since));
      String key = feature + "\u0000" + user + "\u0000" + host + "\u0000" + since.map(Instant::toString).orElse("")
          + "\u0000" + handle + "\u0000" + count;
      int nth = seenThisSnapshot.merge(key, 1, Integer::sum);
      key = key + "\u0000" + nth;
      Open o = open.get(key);
      if (o == null) {
        o = new Open(id, feature, ctx.resolver().byFeature(feature), since.orElse(at), count);
        open.put(key, o);
      }
      o.lastSnapshot = snapshot;
      o.lastSeen = at;
    }
  }

  private static final class Open {
    final UserId user;
    final String feature;
    final Optional<ProductId> product;
    final Instant start;
    final long count;
    int lastSnapshot;
    Instant lastSeen;

    Open(UserId user, String feature, Optional<ProductId> product, Instant start, long count) {
      this.user = user;
      this.feature = feature;
      this.product = product;
      this.start = start;
      this.count = count;
    }
  }

  StatusSnapshots(Path path, String file, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    this.path = path;
    this.file = file;
    this.ctx = ctx;
    this.out = out;
    this.ledger = ledger;
  }

  /**
   * One status format's rules, called by {@link #read} line by line; a subclass holds the format's
   * state for one file.
   */
  abstract static class Format {
    final StatusSnapshots s;
    final RowLedger ledger;
    private final Pattern banner;

    /** {@code banner}: the line that starts a snapshot (the tool's banner). */
    Format(StatusSnapshots s, Pattern banner) {
      this.s = s;
      this.ledger = s.ledger;
      this.banner = banner;
    }

    /**
     * The banner at line {@code n} is about to start a new snapshot: end what the format holds
     * open (the current snapshot is still open, so pending check-outs can still join it).
     */
    abstract void banner(long n);

    /** A line {@code n} that is neither a date line nor a banner. */
    abstract void line(long n, String line);

    /** The end of the file, before the last snapshot is emitted. */
    void end() {}
  }

  /**
   * Reads {@code path} line by line through the format {@code rules} makes: date lines date the
   * next snapshot, banner lines start one, every other line goes to {@link Format#line}; then emits
   * the last snapshot and closes every check-out. Stops when its thread is interrupted (checked
   * every 4096 lines, rows or not).
   */
  static void read(Path path, String file, ReadContext ctx, UsageCollector out, RowLedger ledger,
      java.util.function.Function<StatusSnapshots, Format> rules) {
    StatusSnapshots s = new StatusSnapshots(path, file, ctx, out, ledger);
    Format format = rules.apply(s);
    try (BufferedReader in = TextInput.open(path, file)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if ((n & 4095) == 0) {
          ledger.checkInterrupted();
        }
        if (s.stamp(n, line)) {
          continue;
        }
        if (format.banner.matcher(line).matches()) {
          format.banner(n);
          s.begin(n, Optional.empty());
          continue;
        }
        format.line(n, line);
      }
      format.end();
      s.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RowLedger ledger() {
    return ledger;
  }

  /**
   * Accepts the row at line {@code n}, or rejects it (field {@value FileTimeDating#FIELD}) when the
   * current snapshot cannot be dated: every accepted row of a status output goes through here.
   */
  void accept(long n) {
    if (undatable != null) {
      ledger.reject(n, FileTimeDating.FIELD, undatable);
    } else {
      ledger.accept();
    }
  }

  ReadContext ctx() {
    return ctx;
  }

  /**
   * Whether line {@code n} is a date-time line, which dates the next snapshot when its date is
   * within {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE} (otherwise it dates nothing,
   * with a note).
   */
  boolean stamp(long n, String line) {
    String s = line.strip();
    if (!STAMP.matcher(s).matches()) {
      return false;
    }
    Optional<Instant> t = parseStamp(s);
    if (t.isPresent() && !Limits.plausible(t.get())) {
      out.notes.add(new ImportNote(file, n, "'" + s + "' is not a date from " + Limits.dateRange()
          + "; the line dates nothing"));
    } else {
      t.ifPresent(x -> stamp = x);
    }
    return t.isPresent();
  }

  private Optional<Instant> parseStamp(String s) {
    String iso = s.replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(normalizeOffset(iso)).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(iso).atZone(ctx.options().zone()).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String normalizeOffset(String iso) {
    // +0100 -> +01:00
    if (iso.length() > 5 && iso.matches(".*[+-]\\d{4}$")) {
      int i = iso.length() - 2;
      return iso.substring(0, i) + ":" + iso.substring(i);
    }
    return iso;
  }

  /** Whether a snapshot is open (a banner was read). */
  boolean inSnapshot() {
    return at != null;
  }

  /** The time of the current snapshot; only when {@link #inSnapshot()}. */
  Instant at() {
    return at;
  }

  /**
   * Starts a snapshot at line {@code n}: at {@code known} when the output gives its time, else at
   * the last stamp line, else at the file's last-modified time.
   */
  void begin(long n, Optional<Instant> known) {
    finishSnapshot();
    Instant t = known.orElse(null);
    stamped = t == null && stamp != null;
    if (t == null) {
      t = stamp;
    }
    datedByFile = t == null;
    undatable = null;
    if (t == null) {
      t = FileTimeDating.of(path);
      undatable = FileTimeDating.undatable(t).orElse(null);
      bannerLine = n;
    }
    stamp = null;
    at = t;
    closeStale(snapshot);
    snapshot++;
  }

  /**
   * Re-dates the current snapshot by the output's own clock (printed after its banner), unless a
   * date line dated it or the clock's date is outside {@link Limits#EARLIEST_DATE} to {@link
   * Limits#LATEST_DATE} (then with a note, line {@code n}).
   */
  void redate(long n, Instant t) {
    if (!Limits.plausible(t)) {
      out.notes.add(new ImportNote(file, n, "the server's clock gives " + t + ", not a date from "
          + Limits.dateRange() + "; the snapshot keeps its date"));
      return;
    }
    if (!stamped) {
      at = t;
      datedByFile = false;
      undatable = null;
    }
  }

  /** The block of {@code feature} in the current snapshot, created when new. */
  Block block(String feature) {
    return blocks.computeIfAbsent(feature, Block::new);
  }

  /** The block of {@code feature} if the current snapshot has one. */
  Optional<Block> existing(String feature) {
    return Optional.ofNullable(blocks.get(feature));
  }

  /**
   * Emits the current snapshot's blocks (in the order first seen), none when it cannot be dated;
   * notes once per file that snapshots are dated by the file time, and warns once when that time
   * does not fit the check-outs' starts.
   */
  void finishSnapshot() {
    if (at != null && datedByFile && undatable == null) {
      noteFileTime();
    }
    if (undatable != null) {
      blocks.clear();
    }
    for (Block b : blocks.values()) {
      long inUse = b.inUseKnown ? b.inUse : b.checkouts.stream().mapToLong(SeatCheckout::count).sum();
      long issued = b.issuedUnlimited ? Limits.UNLIMITED_ISSUED : b.issued;
      out.snapshots.add(new SeatSnapshot(at, b.feature, ctx.resolver().byFeature(b.feature), issued,
          inUse, b.checkouts, b.pool));
    }
    blocks.clear();
    seenThisSnapshot.clear();
  }

  private void noteFileTime() {
    Optional<String> warning = fileTimeWarned ? Optional.empty() : blocks.values().stream()
        .flatMap(b -> b.checkouts.stream()).flatMap(c -> c.since().stream()).max(Instant::compareTo)
        .flatMap(newest -> FileTimeDating.suspect(at, newest));
    fileTimeWarned |= warning.isPresent();
    if (!mtimeNoted) {
      mtimeNoted = true;
      out.notes.add(new ImportNote(file, bannerLine, "the output prints no date: snapshots are dated by"
          + " the file's last-modified time " + at + " (put a line 'date -Iseconds' before each"
          + " snapshot to date them exactly)" + warning.map(w -> "; " + w).orElse("")));
    } else {
      warning.ifPresent(w -> out.notes.add(new ImportNote(file, bannerLine, w)));
    }
  }

  /** Ends the file: emits the last snapshot, closes every check-out, notes unlimited features. */
  void finish() {
    finishSnapshot();
    closeStale(Integer.MAX_VALUE);
    if (!unlimited.isEmpty()) {
      out.notes.add(new ImportNote(file, unlimitedLine, "issued " + Limits.UNLIMITED_ISSUED
          + " (2^31 - 1) is the licence server's marker for an unlimited count, not a number of"
          + " licences: " + String.join(", ", unlimited) + " read as unlimited, issued kept as "
          + Limits.UNLIMITED_ISSUED + " (no licence limit to size against)"));
    }
  }

  private void closeStale(int current) {
    Iterator<Open> it = open.values().iterator();
    while (it.hasNext()) {
      Open o = it.next();
      if (o.lastSnapshot < current) {
        Instant end = o.lastSeen.isBefore(o.start) ? o.start : o.lastSeen;
        Session s = new Session(o.user, o.product.orElseGet(() -> ProductId.of(o.feature)), o.start, end);
        if (o.product.isPresent()) {
          out.sessions.add(s);
        } else {
          out.unmapped.add(s);
        }
        if (o.count != 1) {
          out.heldUnits.add(new HeldUnits(s, o.count));
        }
        it.remove();
      }
    }
  }

  /**
   * A count of decimal digits from 0 to {@link Limits#MAX_STATUS_COUNT}, empty otherwise (not
   * digits, negative, larger, or too long for a long).
   */
  static Optional<Long> count(String digits) {
    try {
      long v = Long.parseLong(digits.strip());
      return v >= 0 && v <= Limits.MAX_STATUS_COUNT ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * An issued count on line {@code n}: as {@link #count}, or {@link Limits#UNLIMITED_ISSUED}, the
   * marker of an unlimited count, which {@link Block#add} keeps and {@link #finish} notes.
   */
  Optional<Long> issued(long n, String digits) {
    if (digits.strip().equals(Long.toString(Limits.UNLIMITED_ISSUED))) {
      if (unlimitedLine == 0) {
        unlimitedLine = n;
      }
      return Optional.of(Limits.UNLIMITED_ISSUED);
    }
    return count(digits);
  }

  /**
   * The count of one check-out on line {@code n}, from 1 to {@link Limits#MAX_STATUS_COUNT};
   * otherwise the row is rejected (field {@code field}) and the result is empty.
   */
  Optional<Long> checkoutCount(long n, String field, String digits) {
    Optional<Long> c = count(digits).filter(v -> v > 0);
    if (c.isEmpty()) {
      ledger.reject(n, field, "not a check-out count from 1 to " + Limits.MAX_STATUS_COUNT + ": '"
          + Limits.quote(digits.strip()) + "'");
    }
    return c;
  }

  /**
   * A check-out's start on line {@code n}, {@code raw} read as {@link #localDateTime}: empty with
   * the row rejected (field {@code field}) when it is no date-time ({@code invalid}, the reason
   * given) or outside {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}.
   */
  Optional<Instant> since(long n, String field, String raw, String invalid) {
    Optional<Instant> t = localDateTime(raw);
    if (t.isEmpty()) {
      ledger.reject(n, field, invalid);
    } else if (!Limits.plausible(t.get())) {
      ledger.reject(n, field, "'" + Limits.quote(raw.strip()) + "' is outside the plausible dates "
          + Limits.dateRange());
      return Optional.empty();
    }
    return t;
  }

  /** {@code yyyy-MM-dd HH:mm[:ss]} in the import zone. */
  Optional<Instant> localDateTime(String s) {
    try {
      DateTimeFormatter f = s.strip().length() > 16 ? SECONDS : MINUTES;
      return Optional.of(LocalDateTime.parse(s.strip(), f).atZone(ctx.options().zone()).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);
}
