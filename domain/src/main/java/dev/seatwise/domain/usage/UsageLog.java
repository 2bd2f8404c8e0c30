package dev.seatwise.domain.usage;

import java.util.List;

/**
 * All usage to meter: sessions with clock times and days used without them. Immutable; nothing is
 * null.
 */
public record UsageLog(List<Session> sessions, List<DailyUsage> days) {
  public UsageLog {
    sessions = List.copyOf(sessions);
    days = List.copyOf(days);
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
