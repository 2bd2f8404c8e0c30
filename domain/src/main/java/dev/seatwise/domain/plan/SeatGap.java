package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.UserId;
import java.util.List;

/**
 * A seat of a holding that did no work in the period: {@code UNASSIGNED} when nobody was assigned
 * to it while it ran in the period, {@code IDLE} when its assignees ({@code users}) opened no window
 * it covered. {@code seat} numbers the holding's seats from 1. Immutable; nothing is null.
 */
public record SeatGap(String holding, int seat, Gap gap, List<UserId> users) {

  /** Why the seat did no work. */
  public enum Gap {
    UNASSIGNED,
    IDLE
  }

  public SeatGap {
    checkNotNull(holding, "holding");
    checkNotNull(gap, "gap");
    checkArgument(seat >= 1, "seats are numbered from 1 but was %s", seat);
    users = List.copyOf(users);
  }
}
