package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.Denial;
import dev.seatwise.application.port.out.HeldUnits;
import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.reconcile.ChargeTable;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where readers put what they read. Not thread-safe: one per import. */
final class UsageCollector {
  /** Sessions of catalog products, by column: every reader appends here, in file order. */
  final Sessions sessions = new Sessions();
  final List<Session> unmapped = new ArrayList<>();
  /** The units of the sessions (mapped or not) that held other than 1 (status check-outs). */
  final List<HeldUnits> heldUnits = new ArrayList<>();
  final List<DailyUsage> days = new ArrayList<>();
  private final Set<DailyUsage> daysSeen = new HashSet<>();
  final List<UsageSummary> summaries = new ArrayList<>();
  /** What Flex charged (Token Usage exports), by column. */
  final ChargeTable.Builder tokens = ChargeTable.builder();
  final List<Denial> denials = new ArrayList<>();
  final List<SeatSnapshot> snapshots = new ArrayList<>();
  final List<ImportNote> notes = new ArrayList<>();
  final List<PoolConsumption> consumption = new ArrayList<>();

  /**
   * The sessions read so far, as one {@link SessionTable}: a reader's whole table is taken as it is
   * when it comes first (no row copied), and rows are appended through a builder otherwise.
   */
  static final class Sessions {
    private final List<SessionTable> adopted = new ArrayList<>(1);
    private final SessionTable.Builder builder = SessionTable.builder();

    /** Appends one session. */
    void add(Session s) {
      spill();
      builder.add(s);
    }

    /** Appends every row of {@code table}, in order. */
    void addAll(SessionTable table) {
      if (adopted.isEmpty() && builder.size() == 0) {
        adopted.add(table);
        return;
      }
      spill();
      append(table);
    }

    /** Moves an adopted table into the builder before more rows follow it. */
    private void spill() {
      if (!adopted.isEmpty()) {
        SessionTable t = adopted.remove(0);
        append(t);
      }
    }

    private void append(SessionTable t) {
      builder.addAll(t);
    }

    /** The sessions read so far. */
    SessionTable build() {
      return adopted.isEmpty() ? builder.build() : adopted.get(0);
    }
  }

  /** Adds a day used; the same user, product and day twice (two versions) counts once. */
  void day(DailyUsage d) {
    if (daysSeen.add(d)) {
      days.add(d);
    }
  }
}
