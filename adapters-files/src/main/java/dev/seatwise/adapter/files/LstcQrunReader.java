package dev.seatwise.adapter.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output of LS-DYNA's {@code lstc_qrun} (LSTC licence server), one snapshot or many concatenated.
 * Each {@code LICENSE INFORMATION} banner starts a snapshot (dated as {@link StatusSnapshots}
 * says: the tool prints no date). Each program line {@code PROGRAM MM/DD/YYYY USED FREE MAX |
 * QUEUE} gives issued MAX and in use USED; a {@code -} in USED means the program draws on the
 * licence group, and its in-use is the sum of the check-out lines under it ({@code user
 * pid@host CPUS}, CPUS cores each, with no start time). The {@code LICENSE GROUP USED FREE MAX |
 * QUEUE} line gives the group itself as feature {@code LICENSE GROUP}, the pool of the programs
 * above it.
 *
 * <p>Rows are the program, group and check-out lines; any other line after the banner (besides the
 * column heads and rules) is rejected with the reason.
 */
final class LstcQrunReader implements UsageReader {
  static final Pattern BANNER = Pattern.compile("^\\s*LICENSE INFORMATION\\s*$");
  static final Pattern HEAD = Pattern.compile("^\\s*PROGRAM\\s+EXPIRATION\\s+CPUS\\s+USED\\s+FREE\\s+MAX.*");
  private static final Pattern RULE = Pattern.compile("^[-\\s|]+$");
  private static final Pattern PROGRAM = Pattern.compile(
      "^(\\S+)\\s+(\\d{1,2}/\\d{1,2}/\\d{4})\\s+(-|\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\|\\s*(\\d+)\\s*$");
  private static final Pattern GROUP = Pattern.compile(
      "^\\s+LICENSE GROUP\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\|\\s*(\\d+)\\s*$");
  private static final Pattern CHECKOUT = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)@(\\S+)\\s+(\\d+)\\s*$");
  static final String GROUP_FEATURE = "LICENSE GROUP";

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    StatusSnapshots.read(file, name, ctx, out, ledger, Run::new);
  }

  private static final class Run extends StatusSnapshots.Format {
    boolean section;
    StatusSnapshots.Block program;
    final List<StatusSnapshots.Block> inGroup = new ArrayList<>();

    Run(StatusSnapshots s) {
      super(s, BANNER);
    }

    @Override
    void banner(long n) {
      section = true;
      program = null;
      inGroup.clear();
    }

    @Override
    void line(long n, String line) {
      if (!section || line.isBlank() || HEAD.matcher(line).matches() || RULE.matcher(line).matches()) {
        return;
      }
      Matcher m = PROGRAM.matcher(line);
      if (m.matches()) {
        Optional<Long> used = m.group(3).equals("-") ? Optional.empty() : StatusSnapshots.count(m.group(3));
        Optional<Long> max = s.issued(n, m.group(5));
        if (max.isEmpty() || (!m.group(3).equals("-") && used.isEmpty())) {
          ledger.reject(n, max.isEmpty() ? "MAX" : "USED", "count out of range: " + Limits.quote(line.strip()));
          program = null;
          return;
        }
        program = s.block(m.group(1)).add(max.get(), used);
        inGroup.add(program);
        s.accept(n);
        return;
      }
      m = GROUP.matcher(line);
      if (m.matches()) {
        Optional<Long> used = StatusSnapshots.count(m.group(1));
        Optional<Long> max = s.issued(n, m.group(3));
        if (used.isEmpty() || max.isEmpty()) {
          ledger.reject(n, max.isEmpty() ? "MAX" : "USED", "count out of range: " + Limits.quote(line.strip()));
          return;
        }
        s.block(GROUP_FEATURE).add(max.get(), used);
        for (StatusSnapshots.Block b : inGroup) {
          b.pool = Optional.of(GROUP_FEATURE);
        }
        inGroup.clear();
        program = null;
        s.accept(n);
        return;
      }
      m = CHECKOUT.matcher(line);
      if (m.matches()) {
        if (program == null) {
          ledger.reject(n, "", "check-out line outside a program block: " + Limits.quote(line.strip()));
        } else {
          Optional<Long> cpus = s.checkoutCount(n, "CPUS", m.group(4));
          if (cpus.isPresent()) {
            program.checkout(m.group(1), m.group(3), cpus.get(), Optional.empty(), m.group(2));
            s.accept(n);
          }
        }
        return;
      }
      ledger.reject(n, "", "not a program, group or check-out line: " + Limits.quote(line.strip()));
    }
  }
}
