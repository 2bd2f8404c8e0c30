package dev.seatwise.adapter.files;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output of Reprise RLM's {@code rlmutil rlmstat -a}, one snapshot or many concatenated. Each
 * {@code rlm status on HOST} banner starts a snapshot, dated by the server's own clock: the {@code
 * Recent Statistics (hh:mm:ss), init time: ...} line gives when its statistics started and how long
 * they ran. In the {@code license pool status} section each {@code FEATURE vVERSION} line and the
 * {@code count: N, # reservations: R, inuse: U, ...} line under it give one snapshot row (issued N,
 * in use U); in the {@code license usage status} section each {@code FEATURE vVERSION:
 * user@host COUNT/RES at MM/DD HH:MM (handle: H)} line is one check-out of COUNT licences (the
 * year is the snapshot's, or the year before when the date would be after the snapshot).
 *
 * <p>Rows are the feature lines and the usage lines; a line inside those two sections that is none
 * of the known lines is rejected with the reason. Server statistics outside them are not rows.
 */
final class RlmstatReader implements UsageReader {
  static final Pattern BANNER = Pattern.compile("^\\s*rlm status on \\S+.*");
  private static final Pattern RECENT = Pattern.compile(
      "^\\s*Recent Statistics \\((\\d+):(\\d{2}):(\\d{2})\\), init time: \\w{3} (\\w{3})\\s+(\\d{1,2}) (\\d{1,2}):(\\d{2}):(\\d{2}) (\\d{4})\\s*$");
  private static final Pattern POOL_SECTION = Pattern.compile("^\\s*\\S+ license pool status on .*");
  private static final Pattern USAGE_SECTION = Pattern.compile("^\\s*\\S+ license usage status on .*");
  private static final Pattern RULE = Pattern.compile("^\\s*-{3,}.*");
  private static final Pattern FEATURE = Pattern.compile("^\\s*(\\S+) v(\\S+)\\s*$");
  private static final Pattern COUNT = Pattern.compile(
      "^\\s*count: (\\d+), # reservations: (\\d+), inuse: (\\d+)(,.*)?$");
  private static final Pattern OBSOLETE = Pattern.compile("^\\s*obsolete: .*");
  private static final Pattern USAGE = Pattern.compile(
      "^\\s*(\\S+) v(\\S+): (\\S+)@(\\S+) (\\d+)/(\\d+) at (\\d{1,2})/(\\d{1,2}) (\\d{1,2}):(\\d{2})(?:\\s+\\(handle: ([^)]*)\\))?\\s*$");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

  private enum Section { OTHER, POOL, USAGE }

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    StatusSnapshots.read(file, name, ctx, out, ledger, Run::new);
  }

  private static final class Run extends StatusSnapshots.Format {
    Section section = Section.OTHER;
    boolean dated;
    String pending; // a feature line waiting for its count line
    long pendingLine;

    Run(StatusSnapshots s) {
      super(s, BANNER);
    }

    @Override
    void banner(long n) {
      pending = unfinished(ledger, pending, pendingLine);
      section = Section.OTHER;
      dated = false;
    }

    @Override
    void end() {
      unfinished(ledger, pending, pendingLine);
    }

    @Override
    void line(long n, String line) {
      Matcher m = RECENT.matcher(line);
      if (m.matches() && s.inSnapshot() && !dated) {
        recent(m, s.ctx().options().zone()).ifPresent(t -> s.redate(n, t));
        dated = true;
        return;
      }
      if (POOL_SECTION.matcher(line).matches() || USAGE_SECTION.matcher(line).matches()) {
        pending = unfinished(ledger, pending, pendingLine);
        section = POOL_SECTION.matcher(line).matches() ? Section.POOL : Section.USAGE;
        if (!s.inSnapshot()) {
          s.begin(n, Optional.empty());
        }
        return;
      }
      if (RULE.matcher(line).matches()) {
        pending = unfinished(ledger, pending, pendingLine);
        section = Section.OTHER;
        return;
      }
      if (line.isBlank() || section == Section.OTHER) {
        return;
      }
      if (section == Section.POOL) {
        pool(n, line);
        return;
      }
      usage(n, line, s);
    }

    private void pool(long n, String line) {
      if (pending != null) {
        Matcher c = COUNT.matcher(line);
        if (c.matches()) {
          Optional<Long> issued = s.issued(pendingLine, c.group(1));
          Optional<Long> inUse = StatusSnapshots.count(c.group(3));
          if (issued.isEmpty() || inUse.isEmpty()) {
            ledger.reject(pendingLine, "count", "count or inuse out of range: " + Limits.quote(line.strip()));
          } else {
            s.block(pending).add(issued.get(), inUse);
            s.accept(pendingLine);
          }
          pending = null;
          return;
        }
        pending = unfinished(ledger, pending, pendingLine);
      }
      Matcher f = FEATURE.matcher(line);
      if (f.matches()) {
        pending = f.group(1);
        pendingLine = n;
      } else if (!OBSOLETE.matcher(line).matches()) {
        ledger.reject(n, "", "not a pool line (FEATURE vVERSION, count:, obsolete:): "
            + Limits.quote(line.strip()));
      }
    }
  }

  private static String unfinished(RowLedger ledger, String pending, long line) {
    if (pending != null) {
      ledger.reject(line, "count", "no 'count: N, # reservations: R, inuse: U' line after feature " + pending);
    }
    return null;
  }

  private static void usage(long n, String line, StatusSnapshots s) {
    Matcher m = USAGE.matcher(line);
    if (!m.matches()) {
      s.ledger().reject(n, "", "not a usage line (FEATURE vVERSION: user@host COUNT/RES at MM/DD HH:MM): "
          + Limits.quote(line.strip()));
      return;
    }
    Optional<Long> count = s.checkoutCount(n, "count", m.group(5));
    if (count.isEmpty()) {
      return;
    }
    LocalDateTime snap = LocalDateTime.ofInstant(s.at(), s.ctx().options().zone());
    LocalDateTime start;
    try {
      int month = Integer.parseInt(m.group(7));
      int day = Integer.parseInt(m.group(8));
      LocalDate d = LocalDate.of(snap.getYear(), month, day);
      if (d.isAfter(snap.toLocalDate())) {
        d = LocalDate.of(snap.getYear() - 1, month, day);
      }
      start = d.atTime(Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10)));
    } catch (DateTimeException | NumberFormatException e) {
      s.ledger().reject(n, "start", "invalid check-out date: " + e.getMessage());
      return;
    }
    Instant since = start.atZone(s.ctx().options().zone()).toInstant();
    if (!Limits.plausible(since)) {
      s.ledger().reject(n, "start", "check-out date " + start.toLocalDate()
          + " is outside the plausible dates " + Limits.dateRange());
      return;
    }
    String feature = m.group(1);
    Optional<StatusSnapshots.Block> b = s.existing(feature);
    if (b.isEmpty()) {
      s.ledger().reject(n, "feature", "check-out of " + feature + ", which the pool status of this"
          + " snapshot does not list");
      return;
    }
    b.get().checkout(m.group(3), m.group(4), count.get(), Optional.of(since),
        m.group(11) == null ? "" : m.group(11));
    s.accept(n);
  }

  private static Optional<Instant> recent(Matcher m, java.time.ZoneId zone) {
    try {
      int month = MONTH.parse(m.group(4)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
      LocalDateTime init = LocalDateTime.of(Integer.parseInt(m.group(9)), month,
          Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)),
          Integer.parseInt(m.group(8)));
      Duration ran = Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
          .plusSeconds(Long.parseLong(m.group(3)));
      return Optional.of(init.plus(ran).atZone(zone).toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
