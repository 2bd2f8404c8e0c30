package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.dto.ImportDto;
import dev.seatwise.adapter.json.dto.RejectionDto;
import java.io.PrintWriter;

/** The import report as a few lines: totals, the first rejections, where to find the rest. */
final class ImportSummary {
  static final int SHOWN = 5;

  private ImportSummary() {}

  static void print(ImportDto report, PrintWriter out) {
    int files = report.files().size();
    out.printf(
        "Read %s rows from %d file%s: %s accepted, %s rejected%n",
        Text.count(report.rowsRead()),
        files,
        files == 1 ? "" : "s",
        Text.count(report.accepted()),
        Text.count(report.rejected()));
    int shown = 0;
    for (RejectionDto r : report.rejections()) {
      if (shown++ == SHOWN) {
        out.printf(
            "  ... and %s more (--output json lists every rejection)%n",
            Text.count(report.rejections().size() - SHOWN));
        break;
      }
      String where =
          r.file()
              + ":"
              + r.line()
              + (r.field() == null || r.field().isEmpty() ? "" : " [" + r.field() + "]");
      for (String line : Text.wrap(where + ": " + r.reason(), Text.WIDTH, "  ", "      ")) {
        out.println(line);
      }
    }
  }
}
