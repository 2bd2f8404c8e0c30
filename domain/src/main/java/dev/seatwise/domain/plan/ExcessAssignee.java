package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An assignment that found every seat of its holding taken (more assignees than seats): it covers
 * nothing, and the user's use falls through to tokens or is uncovered. Immutable; nothing is null.
 */
public record ExcessAssignee(String holding, Assignee assignee) {
  public ExcessAssignee {
    checkNotNull(holding, "holding");
    checkNotNull(assignee, "assignee");
  }
}
