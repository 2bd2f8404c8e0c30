package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.YearMonth;

/**
 * Flex tokens charged in one calendar month of the history (to users no subscription covers), and
 * how many days of that month the history observed (edge months may be partial). Immutable and
 * thread-safe; nothing is null.
 */
public record MonthlyBurn(YearMonth month, long daysObserved, long tokens) {
  public MonthlyBurn {
    checkNotNull(month, "month");
    checkArgument(daysObserved > 0, "days observed must be > 0 but was %s", daysObserved);
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
  }
}
