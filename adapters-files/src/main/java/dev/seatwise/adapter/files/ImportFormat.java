package dev.seatwise.adapter.files;

/**
 * The file formats seatwise reads. Detected from the header or first lines of a file by {@link
 * FormatDetector}; pass one explicitly in a {@link UsageSource} to override detection.
 */
public enum ImportFormat {
  /** seatwise's own {@code user,product,start,end} CSV. */
  SESSIONS_CSV("sessions-csv", Kind.USAGE),
  /** Autodesk Account usage export: one row per user x product x day used. */
  AUTODESK_USAGE_EXPORT("autodesk-usage-export", Kind.USAGE),
  /** Autodesk Account Usage Report export: one aggregated row per user x product. */
  AUTODESK_USAGE_REPORT("autodesk-usage-report", Kind.USAGE),
  /** Autodesk Account Token Usage export: tokens charged per user, product and day. */
  AUTODESK_TOKEN_USAGE("autodesk-token-usage", Kind.USAGE),
  /**
   * Enterprise Token Flex (EBA) token consumption export: tokens per pool, product line and day,
   * no users.
   */
  AUTODESK_TOKEN_CONSUMPTION("autodesk-token-consumption", Kind.USAGE),
  /** Autodesk Insights (Premium reporting) usage export, CSV, JSON or .xlsx: user x product x day. */
  AUTODESK_INSIGHTS_USAGE("autodesk-insights-usage", Kind.USAGE),
  /** Autodesk Account Subscriptions export (seats, terms, renewal dates). */
  AUTODESK_SUBSCRIPTIONS("autodesk-subscriptions", Kind.ENTITLEMENTS),
  /** Autodesk Account Users export (who is assigned which product). */
  AUTODESK_USERS("autodesk-users", Kind.ENTITLEMENTS),
  /** seatwise's token lots CSV (purchase date, tokens, unit price, expiry). */
  TOKEN_LOTS("token-lots", Kind.ENTITLEMENTS),
  /** FlexLM debug log written by lmgrd and its vendor daemons (e.g. adskflex). */
  FLEXLM_LOG("flexlm-log", Kind.USAGE),
  /** Output of {@code lmutil lmstat -a}, one or many snapshots. */
  LMSTAT("lmstat", Kind.USAGE),
  /** Output of Reprise RLM's {@code rlmutil rlmstat -a}. */
  RLMSTAT("rlmstat", Kind.USAGE),
  /** Output of X-Formation LM-X's {@code lmxendutil -licstat}. */
  LMX_LICSTAT("lmx-licstat", Kind.USAGE),
  /** Dassault DSLS licence usage CSV printed by {@code DSLicSrv -admin} ({@code getLicenseUsage -csv}). */
  DSLS_USAGE("dsls-usage", Kind.USAGE),
  /** Output of LS-DYNA's {@code lstc_qrun}. */
  LSTC_QRUN("lstc-qrun", Kind.USAGE),
  /** Output of OLicense's {@code olixtool}. */
  OLIXTOOL("olixtool", Kind.USAGE);

  /** Whether a format holds usage (for {@link FileUsageAdapter}) or entitlements. */
  public enum Kind {
    USAGE,
    ENTITLEMENTS
  }

  private final String label;
  private final Kind kind;

  ImportFormat(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  /** The name used in reports, docs and on the command line, e.g. {@code flexlm-log}. */
  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  /** The format called {@code label} (as {@link #label()} or the enum name, any case). */
  public static ImportFormat fromLabel(String label) {
    for (ImportFormat f : values()) {
      if (f.label.equalsIgnoreCase(label.strip()) || f.name().equalsIgnoreCase(label.strip())) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ImportFormat f : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(f.label);
    }
    throw new IllegalArgumentException("unknown format '" + label + "'; known: " + known);
  }
}
