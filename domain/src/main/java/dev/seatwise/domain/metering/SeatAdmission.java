package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which sessions a pool of {@code seats} network seats would have served and which it would have
 * refused: sessions are taken in start order (then end, then user), each holds one seat over its
 * half-open {@code [start, end)} and is refused when every seat is held; a refused session holds
 * nothing. Zero-length sessions hold nothing and are never refused. Stateless; thread-safe.
 */
public final class SeatAdmission {
  private SeatAdmission() {}

  /** The sessions {@code seats} seats would have refused, in admission order. */
  public static List<Session> refused(List<Session> sessions, long seats) {
    checkNotNull(sessions, "sessions");
    checkArgument(seats >= 0, "seats must be >= 0 but was %s", seats);
    List<Session> sorted = new ArrayList<>(sessions);
    sorted.sort(
        Comparator.comparing(Session::start)
            .thenComparing(Session::end)
            .thenComparing(Session::user));
    PriorityQueue<Instant> held = new PriorityQueue<>();
    List<Session> out = new ArrayList<>();
    for (Session s : sorted) {
      while (!held.isEmpty() && !held.peek().isAfter(s.start())) {
        held.poll();
      }
      if (!s.end().isAfter(s.start())) {
        continue;
      }
      if (held.size() >= seats) {
        out.add(s);
      } else {
        held.add(s.end());
      }
    }
    return out;
  }
}
