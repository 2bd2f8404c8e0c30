package dev.seatwise.adapter.files;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output of OLicense's {@code olixtool} (Optimum GmbH; cosin FTire among others), one snapshot or
 * many concatenated. Each {@code olixtool VERSION} banner starts a snapshot (dated as {@link
 * StatusSnapshots} says: the tool prints no date). In each {@code Application:} block, under {@code
 * Modules:}, a module line {@code NAME; LicenseType; FloatCount; Expiration;} gives feature NAME
 * with FloatCount issued; the {@code N FloatsLockedBy:} line after it gives N in use, and each
 * {@code user@host #K} line one check-out of K floats (no start time). A module listed under two
 * licences in one snapshot adds up.
 *
 * <p>Rows are the module lines and the check-out lines; inside an application block a line that
 * is none of the known lines is rejected with the reason.
 */
final class OlixtoolReader implements UsageReader {
  static final Pattern BANNER = Pattern.compile("^\\s*olixtool \\S+.*");
  private static final Pattern APPLICATION = Pattern.compile("^\\s*Application:\\s*(\\S.*?)\\s*$");
  private static final Pattern KNOWN = Pattern.compile(
      "^\\s*(VersionRange:|Licenser:|Licensee:|License-ID:|Modules:|Name;\\s*LicenseType;|Server:).*");
  private static final Pattern RULE = Pattern.compile("^\\s*={3,}\\s*$");
  private static final Pattern DASHES = Pattern.compile("^\\s*-{3,}\\s*$");
  private static final Pattern MODULE = Pattern.compile(
      "^\\s*([^;\\s]+);\\s*([^;]*?);\\s*(\\d+);\\s*([^;]*?);?\\s*$");
  private static final Pattern LOCKED = Pattern.compile("^\\s*(\\d+) FloatsLockedBy:\\s*$");
  private static final Pattern CHECKOUT = Pattern.compile("^\\s*([^@\\s]+)@(\\S+)\\s+#(\\d+)\\s*$");

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    StatusSnapshots.read(file, name, ctx, out, ledger, Run::new);
  }

  private static final class Run extends StatusSnapshots.Format {
    String application;
    StatusSnapshots.Block module;

    Run(StatusSnapshots s) {
      super(s, BANNER);
    }

    @Override
    void banner(long n) {
      application = null;
      module = null;
    }

    @Override
    void line(long n, String line) {
      Matcher m = APPLICATION.matcher(line);
      if (m.matches()) {
        if (!s.inSnapshot()) {
          s.begin(n, Optional.empty());
        }
        application = m.group(1);
        module = null;
        return;
      }
      if (RULE.matcher(line).matches()) {
        application = null;
        module = null;
        return;
      }
      if (application == null || line.isBlank() || KNOWN.matcher(line).matches()
          || DASHES.matcher(line).matches()) {
        return;
      }
      m = MODULE.matcher(line);
      if (m.matches()) {
        Optional<Long> floats = s.issued(n, m.group(3));
        if (floats.isEmpty()) {
          ledger.reject(n, "FloatCount", "count out of range: " + Limits.quote(m.group(3)));
          module = null;
          return;
        }
        module = s.block(m.group(1)).add(floats.get(), Optional.of(0L));
        s.accept(n);
        return;
      }
      m = LOCKED.matcher(line);
      if (m.matches() && module != null) {
        Optional<Long> used = StatusSnapshots.count(m.group(1));
        if (used.isEmpty()) {
          ledger.reject(n, "FloatsLockedBy", "count out of range: " + Limits.quote(m.group(1)));
        } else {
          module.add(0, used);
        }
        return;
      }
      m = CHECKOUT.matcher(line);
      if (m.matches()) {
        if (module == null) {
          ledger.reject(n, "", "check-out line outside a module: " + Limits.quote(line.strip()));
        } else {
          Optional<Long> k = s.checkoutCount(n, "count", m.group(3));
          if (k.isPresent()) {
            module.checkout(m.group(1), m.group(2), k.get(), Optional.empty(), "");
            s.accept(n);
          }
        }
        return;
      }
      ledger.reject(n, "", "not understood in the block of application " + application + ": "
          + Limits.quote(line.strip()));
    }
  }
}
