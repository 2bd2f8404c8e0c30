package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.metering.Charge;

/**
 * How a plan met one access window: {@code tokens} is the product's rate in force when the window
 * opens (what it costs on Flex, whether or not tokens were drawn), {@code holding} the id of the
 * seat holding, network holding or (for tokens) empty. Immutable and thread-safe; nothing is null.
 */
public record WindowOutcome(Charge window, long tokens, Outcome outcome, String holding) {

  /** Covered by what, or why not. */
  public enum Outcome {
    /** An active seat assigned to the window's user covers it. */
    SEAT,
    /** An active legacy network holding of the product covers it. */
    NETWORK,
    /** Drawn from token lots unexpired when the window opens (burn order F12). */
    TOKENS,
    /** Uncovered: no seat, and the product has no Flex rate in the version in force. */
    UNCOVERED_NOT_ON_FLEX,
    /** Uncovered: no seat, and the lots' balance could not pay the window (hard stop F13). */
    UNCOVERED_NO_BALANCE;

    public boolean isCovered() {
      return this == SEAT || this == NETWORK || this == TOKENS;
    }
  }

  public WindowOutcome {
    checkNotNull(window, "window");
    checkNotNull(outcome, "outcome");
    checkNotNull(holding, "holding");
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }

  public boolean isCovered() {
    return outcome.isCovered();
  }
}
