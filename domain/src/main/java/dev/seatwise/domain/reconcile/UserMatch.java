package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who the Token Usage export and the usage files name: the people charged, the people with usage,
 * and those named on one side only (sorted), whatever the dates. Many on one side only usually
 * means the two name people differently (FlexLM logins in the logs, e-mails in the export), and
 * then nearly every day differs for that reason alone. Immutable.
 */
public record UserMatch(
    int charged, int used, List<UserId> chargedWithoutUsage, List<UserId> usedWithoutCharge) {
  public UserMatch {
    chargedWithoutUsage = List.copyOf(chargedWithoutUsage);
    usedWithoutCharge = List.copyOf(usedWithoutCharge);
  }

  /** The people of {@code charged} beside those of {@code sessions} and {@code days}. */
  public static UserMatch of(ChargeTable charged, SessionTable sessions, List<DailyUsage> days) {
    checkNotNull(charged, "charged");
    checkNotNull(sessions, "sessions");
    checkNotNull(days, "days");
    Set<UserId> chargedUsers = new HashSet<>(charged.users());
    Set<UserId> usedUsers = new HashSet<>(sessions.users());
    for (DailyUsage d : days) {
      usedUsers.add(d.user());
    }
    return new UserMatch(
        chargedUsers.size(),
        usedUsers.size(),
        chargedUsers.stream().filter(u -> !usedUsers.contains(u)).sorted().toList(),
        usedUsers.stream().filter(u -> !chargedUsers.contains(u)).sorted().toList());
  }

  /** Whether everyone is named on both sides. */
  public boolean allMatched() {
    return chargedWithoutUsage.isEmpty() && usedWithoutCharge.isEmpty();
  }
}
