package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;

/**
 * A user assigned to a seat of a holding over the days {@code [from, to)}. Immutable and
 * thread-safe; nothing is null.
 */
public record Assignee(UserId user, LocalDate from, LocalDate to) {
  public Assignee {
    checkNotNull(user, "user");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(from.isBefore(to), "assignment of %s must end after it starts: %s..%s", user, from, to);
  }

  /** Assigned for as long as the holding runs. */
  public static Assignee throughout(UserId user) {
    return new Assignee(user, LocalDate.MIN, LocalDate.MAX);
  }

  public static Assignee throughout(String user) {
    return throughout(UserId.of(user));
  }

  public boolean isAssignedOn(LocalDate day) {
    return !day.isBefore(from) && day.isBefore(to);
  }

  boolean overlaps(LocalDate start, LocalDate end) {
    return from.isBefore(end) && start.isBefore(to);
  }
}
