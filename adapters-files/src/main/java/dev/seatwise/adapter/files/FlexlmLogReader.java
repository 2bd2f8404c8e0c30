package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.Denial;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FlexLM debug log of lmgrd and its vendor daemons (Autodesk: {@code adskflex}). Lines are {@code
 * H:MM:SS (daemon) message} without a date; the date comes from lmgrd's start banner ({@code
 * Server's System Date and Time: Sun Oct 30 2022 ...}, {@code ... started on HOST (...)
 * (4/6/2022)}) and the periodic {@code TIMESTAMP M/D/YYYY} lines. Between them a clock that goes
 * back by more than an hour means midnight has passed; a step back of an hour or less (lines of
 * two daemons interleaving, a DST change) keeps the day. The hour the clocks pass twice when they go
 * back is read in the order the log runs ({@link #instant}). Events before the first date are held
 * (at most {@value #MAX_UNDATED} of them) and dated backwards from it.
 *
 * <p>{@code OUT}/{@code IN} pairs become sessions, matched first-in first-out per daemon, feature
 * and {@code user@host}; {@code (N licenses)} gives N sessions. {@code DENIED} and {@code
 * UNSUPPORTED} become {@link Denial}s with the server's reason. A restart of lmgrd (or of a
 * vendor daemon, for its own check-outs) closes open check-outs at the restart time; check-outs
 * still open at the end are closed at the last time seen; both are reported as notes. Features
 * that match no catalog pattern go to {@code unmapped} under their own name.
 *
 * <p>Rows are the event lines ({@code OUT}, {@code IN}, {@code DENIED}, {@code UNSUPPORTED});
 * other lines carry no usage and are not counted.
 */
final class FlexlmLogReader implements UsageReader {
  static final int MAX_UNDATED = 50_000;
  static final Pattern TIMED =
      Pattern.compile("^\\s*(\\d{1,2}):(\\d{2}):(\\d{2}) \\(([^()\\s]+)\\) ?(.*)$");
  private static final Pattern TIMESTAMP =
      Pattern.compile("^TIMESTAMP (\\d{1,2})/(\\d{1,2})/(\\d{4})\\s*$");
  private static final Pattern SYSTEM_DATE =
      Pattern.compile("^Server's System Date and Time: \\w{3} (\\w{3}) (\\d{1,2}) (\\d{4})\\b.*");
  private static final Pattern LMGRD_STARTED =
      Pattern.compile("(?i)^.*licensing .*started on .*\\((\\d{1,2})/(\\d{1,2})/(\\d{4})\\)\\s*$");
  private static final Pattern VENDOR_STARTED = Pattern.compile("^Server started on .*");
  private static final Pattern EXITING =
      Pattern.compile("^(EXITING DUE TO SIGNAL.*|Shutting down.*|Shutdown requested.*|.*daemon shutdown requested.*)");
  private static final Pattern EVENT = Pattern.compile("^(OUT|IN|DENIED|UNSUPPORTED): (.*)$");
  /** What looks like an event but is not in its form: {@code out: ...}, {@code OUT feature u@h}. */
  private static final Pattern EVENT_LIKE = Pattern.compile(
      "^(?:(?i:(OUT|IN|DENIED|UNSUPPORTED))\\s*:.*|(OUT|IN|DENIED|UNSUPPORTED)\\s+\\S+.*@.*)$");
  private static final Pattern FEATURE_REST = Pattern.compile("^\"?([^\"\\s]+)\"?\\s*(.*)$");
  // any word before "licenses", so that "(-3 licenses)" or "(2.5 licenses)" is a rejection of
  // its count rather than text the check-out ignores (it counted as 1 licence, without a word)
  private static final Pattern LICENSES = Pattern.compile("\\(([^()\\s]+) licenses?\\)");
  private static final long HOUR = 3600;
  /** How far a line may run behind the one before it (daemons' lines interleave). */
  static final Duration INTERLEAVING = Duration.ofMinutes(5);

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    Run run = new Run(name, ctx, out, ledger);
    try (BufferedReader in = TextInput.open(file, name)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        run.line(n, line);
      }
      run.end(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One pass over one file. */
  private static final class Run {
    private final String file;
    private final ReadContext ctx;
    private final UsageCollector out;
    private final RowLedger ledger;

    private LocalDate date;
    private long lastSecond = -1;
    private Instant lastInstant;
    private final List<Undated> undated = new ArrayList<>();
    private final Map<String, Deque<Checkout>> open = new LinkedHashMap<>();
    private PendingDenial pendingDenial;
    private Checkout lastOut;

    Run(String file, ReadContext ctx, UsageCollector out, RowLedger ledger) {
      this.file = file;
      this.ctx = ctx;
      this.out = out;
      this.ledger = ledger;
    }

    private record Undated(long line, long second, String daemon, String message) {}

    private record Checkout(String daemon, String feature, UserId user, Optional<ProductId> product,
        Instant start, long line, int[] count) {}

    private record PendingDenial(long line, Instant at, UserId user, String feature,
        Optional<ProductId> product, String prefix) {}

    void line(long n, String raw) {
      Matcher m = TIMED.matcher(raw);
      if (!m.matches()) {
        continuation(n, raw.strip());
        return;
      }
      int hours = Integer.parseInt(m.group(1));
      int minutes = Integer.parseInt(m.group(2));
      int seconds = Integer.parseInt(m.group(3));
      long second = hours * 3600L + minutes * 60L + seconds;
      String daemon = m.group(4);
      String message = m.group(5).strip();
      if (hours > 23 || minutes > 59 || seconds > 59) {
        // not a time of day: an event line is a rejected row, any other line is no row
        if (EVENT.matcher(message).matches() || EVENT_LIKE.matcher(message).matches()) {
          ledger.reject(n, "time", "not a time of day: '" + m.group(1) + ":" + m.group(2) + ":"
              + m.group(3) + "'");
        }
        return;
      }
      if (!EVENT.matcher(message).matches() && EVENT_LIKE.matcher(message).matches()) {
        ledger.reject(n, "event", "not a FlexLM event line: expected 'OUT: feature user@host', "
            + "'IN: ...', 'DENIED: ...' or 'UNSUPPORTED: ...' (upper case, with the colon), found '"
            + Limits.quote(message) + "'");
        return;
      }
      Optional<LocalDate> explicit = dateIn(message);
      if (explicit.isEmpty() && TIMESTAMP.matcher(message).matches()) {
        out.notes.add(new ImportNote(file, n, "'" + Limits.quote(message) + "' is not a valid date"
            + " from " + Limits.dateRange() + "; the line dates nothing"));
      }
      if (date == null) {
        if (explicit.isEmpty()) {
          if (EVENT.matcher(message).matches()) {
            holdUndated(new Undated(n, second, daemon, message));
          }
          return;
        }
        dateUndated(explicit.get(), second);
      }
      timed(n, second, daemon, message, explicit);
    }

    private void continuation(long n, String text) {
      if (!text.startsWith("(")) {
        return;
      }
      if (pendingDenial != null) {
        emitDenial(stripParens(text));
        return;
      }
      Matcher lic = LICENSES.matcher(text);
      if (lastOut != null && lic.find()) {
        try {
          lastOut.count()[0] = licenseCount(lic.group(1));
        } catch (Values.BadValue e) {
          ledger.reject(n, "licenses", e.getMessage() + " (the check-out on line "
              + lastOut.line() + " counts as 1 licence)");
        }
      }
    }

    private void timed(long n, long second, String daemon, String message,
        Optional<LocalDate> explicit) {
      flushDenial();
      lastOut = null;
      if (explicit.isPresent()) {
        date = explicit.get();
      } else if (lastSecond >= 0 && second < lastSecond - HOUR) {
        date = date.plusDays(1);
      }
      lastSecond = second;
      Instant at =
          instant(date.atTime(LocalTime.ofSecondOfDay(second)), ctx.options().zone(), lastInstant);
      lastInstant = at;
      Matcher ev = EVENT.matcher(message);
      if (ev.matches()) {
        event(n, at, daemon, ev.group(1), ev.group(2));
        return;
      }
      boolean lmgrd = daemon.equals("lmgrd");
      if (lmgrd && (SYSTEM_DATE.matcher(message).matches()
          || LMGRD_STARTED.matcher(message).matches())) {
        closeAll(null, at, n, "license server (lmgrd) restarted");
      } else if (!lmgrd && VENDOR_STARTED.matcher(message).matches()) {
        closeAll(daemon, at, n, "vendor daemon " + daemon + " restarted");
      } else if (EXITING.matcher(message).matches()) {
        closeAll(lmgrd ? null : daemon, at, n, (lmgrd ? "lmgrd" : daemon) + " shut down");
      }
    }

    private void event(long n, Instant at, String daemon, String kind, String body) {
      Matcher fr = FEATURE_REST.matcher(body.strip());
      if (!fr.matches()) {
        ledger.reject(n, "feature", "malformed " + kind + " line: no feature name");
        return;
      }
      String feature = fr.group(1);
      String rest = fr.group(2);
      String userAtHost = null;
      int tail = 0;
      for (String token : rest.split("\\s+")) {
        if (token.indexOf('@') > 0 && !token.startsWith("(")) {
          tail = rest.indexOf(token) + token.length();
          // a user name may hold spaces (Windows: "John Smith@WS-1"): the user is all before '@'
          // back to the feature or to a parenthesised part such as UNSUPPORTED's "(PORT_AT_...)"
          int from = rest.substring(0, tail - token.length()).lastIndexOf(')') + 1;
          userAtHost = rest.substring(from, tail).strip();
          break;
        }
      }
      if (userAtHost == null) {
        ledger.reject(n, "user@host", "malformed " + kind + " line: no user@host");
        return;
      }
      int at1 = userAtHost.lastIndexOf('@');
      String user = userAtHost.substring(0, at1).strip();
      String host = userAtHost.substring(at1 + 1);
      String after = rest.substring(tail).strip();
      UserId id = ctx.identity().flexlmUser(user, host, ctx.privacy());
      Optional<ProductId> product = ctx.resolver().byFeature(feature);
      String key = daemon + "\u0000" + feature + "\u0000" + userAtHost.toLowerCase(Locale.ROOT);
      switch (kind) {
        case "OUT":
          int count;
          try {
            count = licenses(after);
          } catch (Values.BadValue e) {
            ledger.reject(n, "licenses", e.getMessage());
            return;
          }
          Checkout c = new Checkout(daemon, feature, id, product, at, n, new int[] {count});
          open.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(c);
          lastOut = c;
          ledger.accept();
          break;
        case "IN":
          Deque<Checkout> q = open.get(key);
          Checkout first = q == null ? null : q.pollFirst();
          if (first == null) {
            ledger.reject(n, "", "check-in of " + Limits.quote(feature) + " by " + Limits.quote(userAtHost)
                + " without a matching check-out (the OUT may precede this log)");
            return;
          }
          if (q.isEmpty()) {
            open.remove(key);
          }
          close(first, at);
          ledger.accept();
          break;
        default:
          String reason = reasonIn(after);
          String prefix = kind.equals("UNSUPPORTED") ? "UNSUPPORTED: " : "";
          pendingDenial = new PendingDenial(n, at, id, feature, product, prefix);
          ledger.accept();
          if (!reason.isEmpty()) {
            emitDenial(reason);
          }
          break;
      }
    }

    private void flushDenial() {
      if (pendingDenial != null) {
        emitDenial("no reason given");
      }
    }

    private void emitDenial(String reason) {
      PendingDenial d = pendingDenial;
      pendingDenial = null;
      out.denials.add(new Denial(d.at(), d.user(), d.feature(), d.product(), d.prefix() + reason));
    }

    private void close(Checkout c, Instant end) {
      Instant stop = end.isBefore(c.start()) ? c.start() : end;
      ProductId product = c.product().orElse(null);
      for (int i = 0; i < c.count()[0]; i++) {
        if (product != null) {
          out.sessions.add(new Session(c.user(), product, c.start(), stop));
        } else {
          out.unmapped.add(new Session(c.user(), ProductId.of(c.feature()), c.start(), stop));
        }
      }
    }

    /** Closes the open check-outs of {@code daemon} (all when null) at {@code at}. */
    private void closeAll(String daemon, Instant at, long n, String why) {
      int closed = 0;
      Iterator<Deque<Checkout>> it = open.values().iterator();
      while (it.hasNext()) {
        Deque<Checkout> q = it.next();
        if (daemon != null && !q.isEmpty() && !q.peekFirst().daemon().equals(daemon)) {
          continue;
        }
        for (Checkout c : q) {
          close(c, at);
          closed++;
        }
        it.remove();
      }
      if (closed > 0) {
        out.notes.add(new ImportNote(file, n, why + ": closed " + closed
            + " open check-out(s) at " + at));
      }
    }

    void end(long lines) {
      flushDenial();
      for (Undated u : undated) {
        ledger.reject(u.line(), "", "no date known for this event: no start banner or "
            + "TIMESTAMP line in the log");
      }
      undated.clear();
      if (lastInstant != null) {
        closeAll(null, lastInstant, lines, "end of log");
      }
    }

    private void holdUndated(Undated u) {
      if (undated.size() >= MAX_UNDATED) {
        Undated oldest = undated.remove(0);
        ledger.reject(oldest.line(), "", "no date known for this event: no start banner or "
            + "TIMESTAMP line within " + MAX_UNDATED + " events");
      }
      undated.add(u);
    }

    /** Dates the held events backwards from the first dated line, then replays them. */
    private void dateUndated(LocalDate firstDate, long firstSecond) {
      LocalDate[] dates = new LocalDate[undated.size()];
      LocalDate d = firstDate;
      long next = firstSecond;
      for (int i = undated.size() - 1; i >= 0; i--) {
        long s = undated.get(i).second();
        if (s > next + HOUR) {
          d = d.minusDays(1);
        }
        dates[i] = d;
        next = s;
      }
      List<Undated> held = new ArrayList<>(undated);
      undated.clear();
      for (int i = 0; i < held.size(); i++) {
        Undated u = held.get(i);
        date = dates[i];
        lastSecond = -1;
        timed(u.line(), u.second(), u.daemon(), u.message(), Optional.of(dates[i]));
      }
      date = firstDate;
      lastSecond = -1;
    }
  }

  /**
   * The instant of a line's local time in {@code zone}, the previous line being at {@code previous}
   * (null for the first). A local time the clocks pass twice (the hour repeated when they go back)
   * is read in the order the log runs: of its two readings, those that go back at most {@link
   * #INTERLEAVING} from the previous line (lines of two daemons interleave), the nearer; if neither,
   * the earlier. So 2:50 then 2:05 on the night Berlin's clocks go back is 02:50 CEST then 02:05 CET
   * (15 minutes later), and later lines of that hour stay CET.
   */
  static Instant instant(LocalDateTime local, ZoneId zone, Instant previous) {
    ZonedDateTime z = local.atZone(zone); // at an overlap, the earlier offset
    ZonedDateTime other = z.withLaterOffsetAtOverlap(); // the same offset when not at an overlap
    Instant earlier = z.toInstant();
    if (other.getOffset().equals(z.getOffset()) || previous == null) {
      return earlier;
    }
    Instant later = other.toInstant();
    boolean earlierFits = !earlier.isBefore(previous.minus(INTERLEAVING));
    boolean laterFits = !later.isBefore(previous.minus(INTERLEAVING));
    if (earlierFits && laterFits) {
      Duration toEarlier = Duration.between(previous, earlier).abs();
      return toEarlier.compareTo(Duration.between(previous, later).abs()) <= 0 ? earlier : later;
    }
    return laterFits ? later : earlier;
  }

  /** The date a banner or TIMESTAMP line states, if it is one. */
  static Optional<LocalDate> dateIn(String message) {
    Matcher m = TIMESTAMP.matcher(message);
    if (m.matches()) {
      return usDate(m.group(1), m.group(2), m.group(3));
    }
    m = SYSTEM_DATE.matcher(message);
    if (m.matches()) {
      for (Month month : Month.values()) {
        if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(m.group(1))) {
          return safeDate(Integer.parseInt(m.group(3)), month.getValue(), Integer.parseInt(m.group(2)));
        }
      }
      return Optional.empty();
    }
    m = LMGRD_STARTED.matcher(message);
    if (m.matches()) {
      return usDate(m.group(1), m.group(2), m.group(3));
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> usDate(String month, String day, String year) {
    return safeDate(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  /** The date, if valid and within {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}. */
  private static Optional<LocalDate> safeDate(int y, int m, int d) {
    try {
      return Optional.of(LocalDate.of(y, m, d)).filter(Limits::plausible);
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int licenses(String after) {
    Matcher m = LICENSES.matcher(after);
    return m.find() ? licenseCount(m.group(1)) : 1;
  }

  /** {@code (N licenses)}: from 1 to {@link Limits#MAX_LICENSES_PER_CHECKOUT}. */
  private static int licenseCount(String digits) {
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Values.BadValue("not a licence count: '" + Limits.quote(digits)
          + "' (expected '(N licenses)', N from 1 to " + Limits.MAX_LICENSES_PER_CHECKOUT + ")");
    }
    long v = Values.digits(digits, Limits.MAX_LICENSES_PER_CHECKOUT);
    if (v == 0) {
      throw new Values.BadValue("a check-out of 0 licenses");
    }
    return (int) v;
  }

  /** The parenthesised reason after {@code user@host}, without the outer parentheses. */
  private static String reasonIn(String after) {
    String s = after.replaceAll("\\[[^\\]]*\\]", "").strip();
    int open = s.indexOf('(');
    if (open < 0) {
      return "";
    }
    return stripParens(s.substring(open));
  }

  private static String stripParens(String s) {
    String t = s.strip();
    if (t.startsWith("(") && t.endsWith(")")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }
}
