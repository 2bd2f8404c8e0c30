package dev.seatwise.adapter.files;

import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import java.nio.file.Path;

/**
 * The sessions CSV as {@link FileUsageAdapter} reads it: parsed by {@link FastSessionsCsvReader}
 * (the same sessions, report and errors as {@link SessionsCsvReader}, which its properties check,
 * several times faster and on two threads for large files), then one session object per row, in
 * file order, for the use cases.
 */
final class FastSessionsUsageReader implements UsageReader {
  private final FastSessionsCsvReader reader = new FastSessionsCsvReader();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    SessionTable table = reader.read(file, name, ctx, ledger);
    java.util.List<Session> sessions = table.sessions();
    noteDuplicates(name, sessions, out);
    out.sessions.addAll(sessions);
  }

  /**
   * Notes sessions that repeat an earlier one exactly (same user, product, start and end): each
   * counts as one more concurrent seat, so a file appended to itself doubles the network seats.
   */
  static void noteDuplicates(String name, java.util.List<Session> sessions, UsageCollector out) {
    java.util.Map<Session, Integer> seen = new java.util.HashMap<>(sessions.size() * 2);
    long repeats = 0;
    Session worst = null;
    int worstCount = 0;
    for (Session s : sessions) {
      int n = seen.merge(s, 1, Integer::sum);
      if (n > 1) {
        repeats++;
        if (n > worstCount) {
          worst = s;
          worstCount = n;
        }
      }
    }
    if (repeats >= Limits.DUPLICATE_NOTE_THRESHOLD - 1 && worst != null) {
      out.notes.add(new ImportNote(name, 0, repeats + " row(s) repeat an earlier session exactly"
          + " (same user, product, start and end), e.g. " + worst.user().value() + " on "
          + worst.product().value() + " from " + worst.start() + " " + worstCount + " times; each"
          + " counts as one more seat in use at once (was a file appended twice?)"));
    }
  }
}
