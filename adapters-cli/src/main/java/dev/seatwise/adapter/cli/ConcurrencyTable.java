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
    out.println(
        Text.left("PRODUCT", 19)
            + " "
            + Text.right("PEAK", 5)
            + " "
            + Text.left("PEAK AT (" + Text.fit(zone.getId(), 6) + ")", 16)
            + " "
            + Text.right("SESSIONS", 9)
            + " "
            + Text.right("USERS", 6)
            + " "
            + Text.right("P50", 4)
            + " "
            + Text.right("P90", 4)
            + " "
            + Text.right("P95", 4)
            + " "
            + Text.right("AT PEAK", 8)
            + " "
            + Text.right("DENIED", 7)
            + " "
            + Text.right("NEEDED", 7));
    boolean unmapped = false;
    for (ProductConcurrencyDto p : r.products()) {
      unmapped |= !p.mapped();
      long denied = p.denials().values().stream().mapToLong(Long::longValue).sum();
      out.println(
          Text.left(p.product() + (p.mapped() ? "" : "*"), 19)
              + " "
              + Text.right(Text.count(p.peak()), 5)
              + " "
              + Text.left(p.peakAt() == null ? "-" : AT.format(p.peakAt().atZone(zone)), 16)
              + " "
              + Text.right(Text.count(p.sessions()), 9)
              + " "
              + Text.right(Text.count(p.distinctUsers()), 6)
              + " "
              + Text.right(Long.toString(p.p50()), 4)
              + " "
              + Text.right(Long.toString(p.p90()), 4)
              + " "
              + Text.right(Long.toString(p.p95()), 4)
              + " "
              + Text.right(duration(p.timeAtPeak()), 8)
              + " "
              + Text.right(Text.count(denied), 7)
              + " "
              + Text.right(Text.count(p.seatsNeeded()), 7));
    }
    if (unmapped) {
      out.println(
          "* a FlexLM feature that maps to no product of the catalog, shown under its own name");
    }
    out.printf(
        "PEAK: most sessions at once (lmstat: most in use seen). P50/P90/P95: time-weighted"
            + " percentiles.%nAT PEAK: time at the peak. NEEDED: seats so that at most %s%% of"
            + " requests are refused%n(demand = in use + denied at the same instant).%n",
        toleratedPercent == Math.rint(toleratedPercent)
            ? Long.toString((long) toleratedPercent)
            : Double.toString(toleratedPercent));
    ComparisonTable.notes(r.notes(), out);
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
