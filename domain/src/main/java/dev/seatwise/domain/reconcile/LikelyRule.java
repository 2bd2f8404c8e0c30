package dev.seatwise.domain.reconcile;

/** The Flex rule that most likely explains a difference (licensing-rules F5, F6, F7). */
public enum LikelyRule {
  /**
   * F5: a session still running 24 h after its window opened is charged again; the replay counts
   * every such continuation, Flex only "meaningful use", and a window opened late in one day runs
   * into the next.
   */
  CONTINUATION_PAST_24H(
      "the continuation past 24 h (a session still running when its window ends is charged again"
          + " only for meaningful use, F5)"),
  /**
   * F6: after 15 minutes idle, supported products stop charging and the next daily charge is
   * delayed; the replay does not model idleness, so a launch soon after its window ended opens a
   * window that Flex's stretched window still covered.
   */
  IDLE_PAUSE(
      "the idle pause (after 15 min idle Flex stops charging and delays the next daily charge, F6;"
          + " the replay takes sessions as active use)"),
  /** F7: a launch under 5 minutes is reported with 0 tokens; Flex charged it anyway. */
  UNDER_5_MINUTES("a use under 5 minutes (reported with 0 tokens by F7, so the replay charges none)"),
  /** None of the above fits (e.g. a rate that differs from the catalog's). */
  NONE("no rule identified (check the catalog's rate against the Flex Rate Sheet)");

  private final String description;

  LikelyRule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
