package dev.seatwise.application.port.in;

import java.util.Locale;

/**
 * Whose Flex burn a forecast learns: the burn is the Flex windows the plan's seats do not cover.
 *
 * <ul>
 *   <li>{@link #UNASSIGNED} (the default): every window that no held seat covers, by the dated
 *       seat rule of today's plan (a seat covers only its seated user, only between its
 *       subscription's start and end; assignees beyond the seats are unseated); without a Users
 *       export nobody is seated; with no entitlements, every window, the same as {@link
 *       #ALL_FLEX}.
 *   <li>{@link #ALL_FLEX}: every window, every user on Flex (as {@code compare}'s all-flex
 *       scenario), whatever is held.
 *   <li>{@link #CURRENT}: the held plan (subscriptions with their terms and seat counts,
 *       assignments with their dates, network holdings) evaluated day by day: the windows its
 *       seats and network holdings do not cover; without a Users export, the seats assumed
 *       assigned to the heaviest users (as {@code compare}'s current scenario).
 *   <li>{@link #OPTIMAL}: {@code compare}'s optimal plan over the history: the windows of the
 *       products it leaves each user on Flex.
 * </ul>
 */
public enum BurnPlan {
  UNASSIGNED,
  ALL_FLEX,
  CURRENT,
  OPTIMAL;

  /** The name used on the command line, in the web query and in JSON: {@code all-flex}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The plan named {@code label} ({@code unassigned}, {@code all-flex}, {@code current}, {@code
   * optimal}; any case).
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static BurnPlan parse(String label) {
    for (BurnPlan p : values()) {
      if (p.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "plan must be unassigned, all-flex, current or optimal but was '" + label + "'");
  }
}
