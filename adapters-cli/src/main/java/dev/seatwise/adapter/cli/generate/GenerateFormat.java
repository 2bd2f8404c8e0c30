package dev.seatwise.adapter.cli.generate;

/** What {@code generate} writes. */
public enum GenerateFormat {
  /** seatwise sessions CSV (user,product,start,end). */
  SESSIONS("sessions"),
  /** Autodesk Account usage export (one row per user x product x day used). */
  AUTODESK_USAGE("autodesk-usage"),
  /** FlexLM debug log of an Autodesk licence server. */
  FLEXLM_LOG("flexlm-log"),
  /** Autodesk Account Subscriptions export of today's plan. */
  AUTODESK_SUBSCRIPTIONS("autodesk-subscriptions"),
  /** Autodesk Account Users export of today's plan. */
  AUTODESK_USERS("autodesk-users"),
  /**
   * Autodesk Account Token Usage export: what the access-window rule charges the usage (one row per
   * user x product x day a window opens), at a catalog's rates.
   */
  AUTODESK_TOKEN_USAGE("autodesk-token-usage"),
  /** Identity map (FlexLM login, host, e-mail, hashed id -> person, team, cost centre). */
  IDENTITIES("identities");

  private final String label;

  GenerateFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The format called {@code label}; picocli uses this to convert the option. */
  public static GenerateFormat fromLabel(String label) {
    for (GenerateFormat f : values()) {
      if (f.label.equalsIgnoreCase(label) || f.name().equalsIgnoreCase(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + label
            + "' (expected one of "
            + java.util.Arrays.toString(values())
            + ")");
  }
}
