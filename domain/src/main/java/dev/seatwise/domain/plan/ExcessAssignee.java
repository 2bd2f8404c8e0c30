package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;

/**
 * A user assigned to an offering who found every seat of it taken (more assignees than seats) on
 * {@code days} days of the period, the first on {@code firstDay} and the last on {@code lastDay}:
 * on those days the assignment covers nothing, and the user's use falls through to tokens or is
 * uncovered. Immutable and thread-safe; nothing is null.
 */
public record ExcessAssignee(
    ProductId offering, UserId user, LocalDate firstDay, LocalDate lastDay, long days) {
  public ExcessAssignee {
    checkNotNull(offering, "offering");
    checkNotNull(user, "user");
    checkNotNull(firstDay, "firstDay");
    checkNotNull(lastDay, "lastDay");
    checkArgument(!lastDay.isBefore(firstDay), "last day %s before first %s", lastDay, firstDay);
    checkArgument(days >= 1, "days must be >= 1 but was %s", days);
  }
}
