package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.UserId;
import java.util.List;

/**
 * Seats of a holding that did no work in the period: {@code UNASSIGNED}, seats nobody sat on on
 * any day the holding ran in the period; {@code IDLE}, seats whose occupants ({@code users}) opened
 * no window they covered. Immutable and thread-safe; nothing is null.
 */
public record SeatGap(String holding, Gap gap, long seats, List<UserId> users) {

  /** Why the seats did no work. */
  public enum Gap {
    UNASSIGNED,
    IDLE
  }

  public SeatGap {
    checkNotNull(holding, "holding");
    checkNotNull(gap, "gap");
    checkArgument(seats >= 1, "seats must be >= 1 but was %s", seats);
    users = List.copyOf(users);
  }
}
