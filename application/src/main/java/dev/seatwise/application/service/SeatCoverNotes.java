package dev.seatwise.application.service;

import dev.seatwise.domain.plan.HeldPlan;
import dev.seatwise.domain.plan.SeatCover;
import dev.seatwise.domain.plan.SeatMiss;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words for what today's plan's seats cover ({@link SeatCover}), shared by the forecast and the
 * trade-in. Stateless.
 */
final class SeatCoverNotes {
  private SeatCoverNotes() {}

  /** The rule, in words, for a note. */
  static final String RULE =
      "domain HeldPlan and SeatCover: a seat covers only the user seated on it, only between its"
          + " subscription's start and end, an offering's assignees seated in turn up to its seats,"
          + " day by day";

  private static final Map<SeatMiss.Reason, String> WORDS = new EnumMap<>(SeatMiss.Reason.class);

  static {
    WORDS.put(SeatMiss.Reason.NOT_ASSIGNED, "not assigned");
    WORDS.put(SeatMiss.Reason.NO_SUBSCRIPTION, "assigned an offering no subscription holds");
    WORDS.put(SeatMiss.Reason.UNSEATED, "beyond their offering's seats (more assignees than seats)");
    WORDS.put(SeatMiss.Reason.BEFORE_START, "before their subscription starts");
    WORDS.put(SeatMiss.Reason.AFTER_END, "after their subscription ended");
  }

  /**
   * "N of M windows are covered by seats", then how many windows of assigned users no seat covered
   * and why (empty part when none).
   */
  static String covered(SeatCover cover, long windows) {
    Map<SeatMiss.Reason, Long> missed = new EnumMap<>(SeatMiss.Reason.class);
    for (SeatMiss m : cover.seatMisses()) {
      if (m.reason() != SeatMiss.Reason.NOT_ASSIGNED) {
        missed.merge(m.reason(), 1L, Long::sum);
      }
    }
    StringBuilder sb =
        new StringBuilder(
            Figures.tokens(cover.coveredCount()) + " of " + Figures.tokens(windows)
                + " windows are covered by seats");
    if (!missed.isEmpty()) {
      List<String> parts = new ArrayList<>();
      missed.forEach((r, n) -> parts.add(Figures.tokens(n) + " " + WORDS.get(r)));
      sb.append("; windows of assigned users no seat covers: ").append(String.join(", ", parts));
    }
    return sb.toString();
  }

  /** The plan's assumptions and omissions, each prefixed. */
  static List<String> assumed(HeldPlan today, String prefix) {
    List<String> out = new ArrayList<>();
    for (String a : today.assumptions()) {
      out.add(prefix + a);
    }
    for (String o : today.omissions()) {
      out.add(prefix + o);
    }
    return out;
  }
}
