package dev.seatwise.domain.usage;

import java.util.List;

/**
 * All usage to meter: sessions with clock times and days used without them. The sessions are held
 * as given when they are a {@link SessionTable}'s view ({@link SessionTable#asSessions()}, no
 * object per session until one is read), else copied. Immutable; nothing is null.
 */
public record UsageLog(List<Session> sessions, List<DailyUsage> days) {
  public UsageLog {
    sessions = SessionTable.backing(sessions).isPresent() ? sessions : List.copyOf(sessions);
    days = List.copyOf(days);
  }

  /** The sessions of {@code table} (held as its view) and {@code days}. */
  public static UsageLog of(SessionTable table, List<DailyUsage> days) {
    return new UsageLog(table.asSessions(), days);
  }

  /** The sessions as a table: the one behind them when they are a table's view, else a new one. */
  public SessionTable sessionTable() {
    return SessionTable.of(sessions);
  }

  public static UsageLog ofSessions(List<Session> sessions) {
    return new UsageLog(sessions, List.of());
  }

  public static UsageLog ofDays(List<DailyUsage> days) {
    return new UsageLog(List.of(), days);
  }

  public boolean hasClockTimes() {
    return !sessions.isEmpty();
  }

  public boolean isEmpty() {
    return sessions.isEmpty() && days.isEmpty();
  }
}
