package dev.seatwise.adapter.cli.generate;

import java.util.List;

/**
 * One synthetic person: identifiers as each source would show them, team, how intensely they work
 * (probability of using their main product on a working day), the products they use with a relative
 * frequency each, their holidays, and the offerings the organisation assigns them today.
 */
record Person(
    int index,
    String email,
    String firstName,
    String lastName,
    String login,
    String host,
    String hashedId,
    String team,
    Intensity intensity,
    List<ProductModel> products,
    double[] frequency,
    int[] holidayStarts,
    int[] holidayLengths,
    List<String> assigned) {

  /** How often a person works with their tools. */
  enum Intensity {
    HEAVY(0.88, 300),
    REGULAR(0.50, 180),
    OCCASIONAL(0.13, 70),
    RARE(0.035, 40),
    /** Holds a seat but never launches anything (left, changed role). */
    IDLE(0.0, 0);

    final double workdayProbability;
    final int typicalMinutes;

    Intensity(double workdayProbability, int typicalMinutes) {
      this.workdayProbability = workdayProbability;
      this.typicalMinutes = typicalMinutes;
    }
  }

  boolean onHoliday(int day) {
    for (int i = 0; i < holidayStarts.length; i++) {
      if (day >= holidayStarts[i] && day < holidayStarts[i] + holidayLengths[i]) {
        return true;
      }
    }
    return false;
  }
}
