package dev.seatwise.adapter.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output of X-Formation LM-X's {@code lmxendutil -licstat} (Altair units among others), one
 * snapshot or many concatenated. Each {@code LM-X License Server on PORT@HOST:} banner starts a
 * snapshot (dated as {@link StatusSnapshots} says: the tool prints no date). In each {@code
 * Feature: NAME Version: V Vendor: X} block, the {@code N of M license(s) used} line gives issued M
 * and in use N, and each {@code N license(s) used by USER@HOST [ip]} line one check-out of N
 * licences, started at the {@code Checkout time: yyyy-MM-dd HH:mm} of the line after it.
 *
 * <p>Rows are the totals lines and the check-out lines; inside a feature block a line that is none
 * of the known lines ({@code Start date}, {@code Key type}, {@code Login time}, {@code Shared on})
 * is rejected with the reason, and so is a feature block with no totals line, wherever it ends (at
 * the next feature, rule or banner, or at the end of the file, as in a truncated output).
 */
final class LmxStatusReader implements UsageReader {
  static final Pattern BANNER = Pattern.compile("^\\s*LM-X License Server on \\S+.*");
  private static final Pattern FEATURE = Pattern.compile(
      "^\\s*Feature: (\\S+)(?: Version: (\\S+))?(?: Vendor: (\\S+))?\\s*$");
  private static final Pattern TOTALS = Pattern.compile("^\\s*(\\d+) of (\\d+) license\\(s\\) used:?\\s*$");
  private static final Pattern USED_BY = Pattern.compile(
      "^\\s*(\\d+) license\\(s\\) used by (\\S+?)@(\\S+)(?: \\[[^\\]]*\\])?\\s*$");
  private static final Pattern TIMES = Pattern.compile(
      "^\\s*Login time: (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\\s+Checkout time: (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\\s*$");
  private static final Pattern KNOWN = Pattern.compile(
      "^\\s*(Start date:|Key type:|Shared on custom string:|Server version:).*");
  private static final Pattern RULE = Pattern.compile("^\\s*[-+]{3,}\\s*$");

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    StatusSnapshots.read(file, name, ctx, out, ledger, Run::new);
  }

  private static final class Run extends StatusSnapshots.Format {
    String feature; // the current feature block, null outside one
    StatusSnapshots.Block block; // its totals, once read
    long featureLine;
    // a check-out waiting for its Checkout time line
    String user;
    String host;
    long count;
    long userLine;
    Optional<Instant> since = Optional.empty();
    boolean pending;

    Run(StatusSnapshots s) {
      super(s, BANNER);
    }

    @Override
    void banner(long n) {
      endFeature();
    }

    /** The file ends the last feature block: one without its totals line is rejected as anywhere else. */
    @Override
    void end() {
      endFeature();
    }

    @Override
    void line(long n, String line) {
      Matcher m = FEATURE.matcher(line);
      if (m.matches()) {
        endFeature();
        if (!s.inSnapshot()) {
          s.begin(n, Optional.empty());
        }
        feature = m.group(1);
        featureLine = n;
        return;
      }
      if (RULE.matcher(line).matches()) {
        endFeature();
        return;
      }
      if (feature == null || line.isBlank()) {
        return;
      }
      m = TOTALS.matcher(line);
      if (m.matches()) {
        flush();
        Optional<Long> used = StatusSnapshots.count(m.group(1));
        Optional<Long> issued = s.issued(n, m.group(2));
        if (used.isEmpty() || issued.isEmpty()) {
          s.ledger().reject(n, issued.isEmpty() ? "issued" : "in use", "count out of range: "
              + Limits.quote(line.strip()));
          return;
        }
        block = s.block(feature).add(issued.get(), used);
        s.accept(n);
        return;
      }
      m = USED_BY.matcher(line);
      if (m.matches()) {
        flush();
        Optional<Long> c = s.checkoutCount(n, "count", m.group(1));
        if (c.isEmpty()) {
          return;
        }
        if (block == null) {
          s.ledger().reject(n, "", "check-out before the 'N of M license(s) used' line of " + feature);
          return;
        }
        user = m.group(2);
        host = m.group(3);
        userLine = n;
        count = c.get();
        since = Optional.empty();
        pending = true;
        return;
      }
      m = TIMES.matcher(line);
      if (m.matches() && pending) {
        // a bad time is a rejection of its own; the check-out stays, with no start
        since = s.since(n, "checkout time", m.group(2), "invalid date-time: " + m.group(2));
        return;
      }
      if (KNOWN.matcher(line).matches()) {
        return;
      }
      s.ledger().reject(n, "", "not understood in the block of feature " + feature + ": "
          + Limits.quote(line.strip()));
    }

    void flush() {
      if (pending) {
        block.checkout(user, host, count, since, "");
        s.accept(userLine);
        pending = false;
      }
    }

    void endFeature() {
      flush();
      if (feature != null && block == null) {
        s.ledger().reject(featureLine, "issued", "no 'N of M license(s) used' line for feature " + feature);
      }
      feature = null;
      block = null;
    }
  }
}
