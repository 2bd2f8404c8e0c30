package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.dto.ProductConcurrencyDto;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The {@code concurrency} answer for people, at most {@link Text#WIDTH} columns. */
final class ConcurrencyTable {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ConcurrencyTable() {}

  static void print(ConcurrencyResponse r, ZoneId zone, double toleratedPercent, PrintWriter out) {
    out.printf(
        "seatwise concurrency: %s%n",
        r.period() == null
            ? "all the data"
            : r.period().from()
                + " to "
                + r.period().to()
                + " ([from, to) in "
                + r.period().zone()
                + ")");
    ImportSummary.print(r.importReport(), out);
    out.println();
    // figures wider than their column (a pool of 40,000 units) widen it for every row, so that
    // the columns stay aligned; the usual widths are the least
    int wPeak = 5;
    int wSessions = 9;
    int wP = 4;
    int wNeeded = 7;
    int longest = "PRODUCT".length();
    for (ProductConcurrencyDto p : r.products()) {
      wPeak = Math.max(wPeak, Text.count(p.peak()).length());
      wSessions = Math.max(wSessions, Text.count(p.sessions()).length());
      wP = Math.max(wP, Text.count(Math.max(p.p50(), Math.max(p.p90(), p.p95()))).length());
      wNeeded = Math.max(wNeeded, Text.count(p.seatsNeeded()).length());
      longest = Math.max(longest, label(p).length());
    }
    // the product column gives up what the figures took, down to the longest label it holds
    int over = (wPeak - 5) + (wSessions - 9) + 3 * (wP - 4) + (wNeeded - 7);
    int wProduct = Math.max(19 - over, Math.min(19, longest));
    out.println(
        Text.left("PRODUCT", wProduct)
            + " "
            + Text.right("PEAK", wPeak)
            + " "
            + Text.left("PEAK AT (" + Text.fit(zone.getId(), 6) + ")", 16)
            + " "
            + Text.right("SESSIONS", wSessions)
            + " "
            + Text.right("USERS", 6)
            + " "
            + Text.right("P50", wP)
            + " "
            + Text.right("P90", wP)
            + " "
            + Text.right("P95", wP)
            + " "
            + Text.right("AT PEAK", 8)
            + " "
            + Text.right("DENIED", 7)
            + " "
            + Text.right("NEEDED", wNeeded));
    boolean unmapped = false;
    boolean units = false;
    for (ProductConcurrencyDto p : r.products()) {
      unmapped |= !p.mapped();
      units |= p.countsUnits();
      long denied = p.denials().values().stream().mapToLong(Long::longValue).sum();
      out.println(
          Text.left(label(p), wProduct)
              + " "
              + Text.right(Text.count(p.peak()), wPeak)
              + " "
              + Text.left(p.peakAt() == null ? "-" : AT.format(p.peakAt().atZone(zone)), 16)
              + " "
              + Text.right(Text.count(p.sessions()), wSessions)
              + " "
              + Text.right(Text.count(p.distinctUsers()), 6)
              + " "
              + Text.right(Text.count(p.p50()), wP)
              + " "
              + Text.right(Text.count(p.p90()), wP)
              + " "
              + Text.right(Text.count(p.p95()), wP)
              + " "
              + Text.right(duration(p.timeAtPeak()), 8)
              + " "
              + Text.right(Text.count(denied), 7)
              + " "
              + Text.right(Text.count(p.seatsNeeded()), wNeeded));
    }
    if (unmapped) {
      out.println(
          "* a FlexLM feature that maps to no product of the catalog, shown under its own name");
    }
    if (units) {
      out.println(
          "^ in units: PEAK, P50/P90/P95, AT PEAK and NEEDED count the licences, tokens or cores"
              + " that each\n  check-out listed in the licence manager's status holds, not"
              + " sessions");
    }
    out.printf(
        (units
            ? "PEAK: most sessions (^ units) at once (status: most in use seen). P50/P90/P95:"
                + " time-weighted%npercentiles. AT PEAK: time at the peak. NEEDED: seats (^ units)"
                + " so that at most %s%% of requests%nare refused (demand = in use + denied at the"
                + " same instant; with 0%%, at least the units seen in use).%n"
            : "PEAK: most sessions at once (lmstat: most in use seen). P50/P90/P95: time-weighted"
                + " percentiles.%nAT PEAK: time at the peak. NEEDED: seats so that at most %s%% of"
                + " requests are refused%n(demand = in use + denied at the same instant).%n"),
        toleratedPercent == Math.rint(toleratedPercent)
            ? Long.toString((long) toleratedPercent)
            : Double.toString(toleratedPercent));
    ComparisonTable.notes(r.notes(), out);
  }

  /** The product's name, {@code *} when it maps to no catalog product, {@code ^} when in units. */
  private static String label(ProductConcurrencyDto p) {
    return p.product() + (p.mapped() ? "" : "*") + (p.countsUnits() ? "^" : "");
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + "h" + (minutes % 60 == 0 ? "" : String.format("%02dm", minutes % 60));
    }
    return hours / 24 + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h");
  }
}
