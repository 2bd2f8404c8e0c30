package dev.seatwise.application.port.out;

/** What users are grouped by for chargeback: their team or their cost centre. */
public enum GroupBy {
  TEAM("team"),
  COST_CENTRE("cost-centre");

  private final String label;

  GroupBy(String label) {
    this.label = label;
  }

  /** The name used on the command line, in JSON and on the web: {@code team}, {@code cost-centre}. */
  public String label() {
    return label;
  }

  /** The grouping called {@code label} (as {@link #label()} or the enum name, any case). */
  public static GroupBy fromLabel(String label) {
    String l = label.strip();
    for (GroupBy g : values()) {
      if (g.label.equalsIgnoreCase(l) || g.name().equalsIgnoreCase(l)
          || g.label.replace("centre", "center").equalsIgnoreCase(l)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown grouping '" + label + "'; known: team, cost-centre");
  }
}
