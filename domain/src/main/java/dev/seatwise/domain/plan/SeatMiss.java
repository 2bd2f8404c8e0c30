package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.time.LocalDate;

/**
 * Why no seat covered a window that a plan met otherwise (network, tokens) or not at all: the
 * {@code reason}, the {@code offering} it concerns (the first, in plan order, that includes the
 * window's product and is assigned to its user that day; the product itself when none is) and a
 * {@code date}: for {@link Reason#BEFORE_START} the day the offering's next holding starts, for
 * {@link Reason#AFTER_END} the day its last holding ended (exclusive), else the window's day.
 * Immutable and thread-safe; nothing is null.
 */
public record SeatMiss(WindowOutcome window, Reason reason, ProductId offering, LocalDate date) {

  /** Why no seat covered the window. */
  public enum Reason {
    /** No offering that is or includes the product is assigned to the user that day. */
    NOT_ASSIGNED,
    /**
     * Today's plan only ({@link CurrentPlan}): the Users export assigns the user such an offering,
     * but no subscription holds it ({@link HeldPlan#unheld}).
     */
    NO_SUBSCRIPTION,
    /**
     * The user is assigned such an offering and seats of it are held that day, but assignees seated
     * before them took them all (more assignees than seats: see {@link ExcessAssignee}).
     */
    UNSEATED,
    /** The user is assigned such an offering, but none of its holdings has started yet. */
    BEFORE_START,
    /** The user is assigned such an offering, but its last holding has ended. */
    AFTER_END
  }

  public SeatMiss {
    checkNotNull(window, "window");
    checkNotNull(reason, "reason");
    checkNotNull(offering, "offering");
    checkNotNull(date, "date");
  }
}
