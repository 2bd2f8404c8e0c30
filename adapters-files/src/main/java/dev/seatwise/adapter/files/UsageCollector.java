package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.Denial;
import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.application.port.out.TokenUsage;
import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where readers put what they read. Not thread-safe: one per import. */
final class UsageCollector {
  final List<Session> sessions = new ArrayList<>();
  final List<Session> unmapped = new ArrayList<>();
  final List<DailyUsage> days = new ArrayList<>();
  private final Set<DailyUsage> daysSeen = new HashSet<>();
  final List<UsageSummary> summaries = new ArrayList<>();
  final List<TokenUsage> tokens = new ArrayList<>();
  final List<Denial> denials = new ArrayList<>();
  final List<SeatSnapshot> snapshots = new ArrayList<>();
  final List<ImportNote> notes = new ArrayList<>();
  final List<PoolConsumption> consumption = new ArrayList<>();

  /** Adds a day used; the same user, product and day twice (two versions) counts once. */
  void day(DailyUsage d) {
    if (daysSeen.add(d)) {
      days.add(d);
    }
  }
}
