package dev.seatwise.application.port.in;

import java.util.Locale;

/**
 * Whose Flex burn a forecast learns: the burn is the Flex windows the plan's seats do not cover.
 *
 * <ul>
 *   <li>{@link #UNASSIGNED} (the default, as before plans could be chosen): every window of a user
 *       no held subscription assigns the product (whatever the dates); with no entitlements, every
 *       window, the same as {@link #ALL_FLEX}.
 *   <li>{@link #ALL_FLEX}: every window, every user on Flex (as {@code compare}'s all-flex
 *       scenario), whatever is held.
 *   <li>{@link #CURRENT}: the held plan (subscriptions with their terms and seat counts,
 *       assignments with their dates, network holdings) evaluated day by day: the windows its
 *       seats and network holdings do not cover.
 *   <li>{@link #OPTIMAL}: the compare optimiser's plan over the history: the windows of the
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
